package org.gongyu.gateway.security;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestHandler;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * CSRF for the session flow with the token in the {@code XSRF-TOKEN} cookie, the way a
 * browser-side app reads it and sends it back in {@code X-XSRF-TOKEN}.
 */
final class CsrfTokens {

  private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

  private CsrfTokens() {}

  /**
   * Where a request's CSRF token is looked for. A header holds the raw cookie value, as script
   * copies it. A form field ({@code _csrf}, as on the landing page's logout form) holds the masked
   * value the page was rendered with, so the secret never appears twice in one page (BREACH). API
   * paths only take the header: reading a form body here would consume it before the gateway
   * forwards it.
   */
  static final class RequestHandler implements ServerCsrfTokenRequestHandler {

    private final XorServerCsrfTokenRequestAttributeHandler masked = new XorServerCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(ServerWebExchange exchange, Mono<CsrfToken> csrfToken) {
      masked.handle(exchange, csrfToken);
    }

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
      String header = exchange.getRequest().getHeaders().getFirst(csrfToken.getHeaderName());
      if (header != null) {
        return Mono.just(header);
      }
      if (API.matches(exchange.getRequest().getPath().pathWithinApplication())) {
        return Mono.empty();
      }
      return masked.resolveCsrfTokenValue(exchange, csrfToken);
    }
  }

  /**
   * Makes sure the browser gets its XSRF-TOKEN cookie. In WebFlux the token is a lazy {@code
   * Mono} that only writes the cookie when someone subscribes, and nothing on an API call does;
   * this filter subscribes on every request of the session chain (API clients have a chain
   * without CSRF, {@link SecurityConfiguration}).
   */
  static final class CookieWriter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
      Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
      if (token == null) {
        return chain.filter(exchange);
      }
      return token.then(Mono.defer(() -> chain.filter(exchange)));
    }
  }
}
