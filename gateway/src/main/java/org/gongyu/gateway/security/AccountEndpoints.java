package org.gongyu.gateway.security;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The gateway's own pages, all behind the login ({@link SecurityConfiguration}):
 *
 * <ul>
 *   <li>{@code GET /}: a minimal landing page that says who is logged in, with a logout button.
 *   <li>{@code GET /me}: the same as JSON ({@link SignedInUser}), for the browser-side app.
 *   <li>{@code GET /login}: sends a logged-in browser to {@code /}; an anonymous one never gets
 *       here, it is sent to Keycloak first.
 * </ul>
 *
 * Both read the access token the services would get: the bearer token itself, or for a login
 * session the one the token relay sends, refreshed first if it has expired.
 */
@Configuration(proxyBeanMethods = false)
class AccountEndpoints {

  private final ReactiveOAuth2AuthorizedClientManager sessions;
  private final ReactiveJwtDecoder jwtDecoder;

  AccountEndpoints(ReactiveOAuth2AuthorizedClientManager sessions, ReactiveJwtDecoder jwtDecoder) {
    this.sessions = sessions;
    this.jwtDecoder = jwtDecoder;
  }

  @Bean
  RouterFunction<ServerResponse> accountRoutes() {
    return RouterFunctions.route(GET("/me"), this::me)
        .andRoute(GET("/"), this::landingPage)
        .andRoute(GET("/login"), request -> ServerResponse.seeOther(URI.create("/")).build());
  }

  private Mono<ServerResponse> me(ServerRequest request) {
    return accessToken(request.exchange())
        .flatMap(token -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(SignedInUser.of(token)));
  }

  private Mono<ServerResponse> landingPage(ServerRequest request) {
    Mono<CsrfToken> csrf = request.exchange().getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
    return accessToken(request.exchange())
        .zipWith(csrf)
        .flatMap(both -> ServerResponse.ok()
            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
            .bodyValue(page(SignedInUser.of(both.getT1()), both.getT2())));
  }

  /** The caller's access token; empty for anyone else (the access rules keep them out anyway). */
  private Mono<Jwt> accessToken(ServerWebExchange exchange) {
    return exchange.getPrincipal().flatMap(principal -> switch (principal) {
      case JwtAuthenticationToken bearer -> Mono.just(bearer.getToken());
      case OAuth2AuthenticationToken login -> sessions
          .authorize(OAuth2AuthorizeRequest.withClientRegistrationId(login.getAuthorizedClientRegistrationId())
              .principal(login)
              .attribute(ServerWebExchange.class.getName(), exchange)
              .build())
          .flatMap(client -> jwtDecoder.decode(client.getAccessToken().getTokenValue()));
      default -> Mono.empty();
    });
  }

  private static String page(SignedInUser user, CsrfToken csrf) {
    String org = user.schoolId() != null ? "学校 school " + user.schoolId()
        : user.countyId() != null ? "区县 county " + user.countyId()
        : user.cityId() != null ? "城市 city " + user.cityId()
        : "";
    return """
        <!doctype html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>共育 Gongyu</title></head>
        <body>
        <h1>共育 Gongyu</h1>
        <p>已登录 Signed in as <strong>%s</strong> (%s) %s</p>
        <p><a href="/me">/me</a></p>
        <form method="post" action="/logout">
        <input type="hidden" name="%s" value="%s">
        <button type="submit">退出 Log out</button>
        </form>
        </body>
        </html>
        """.formatted(
            HtmlUtils.htmlEscape(String.valueOf(user.username())),
            HtmlUtils.htmlEscape(String.join(", ", user.roles())),
            HtmlUtils.htmlEscape(org),
            HtmlUtils.htmlEscape(csrf.getParameterName()),
            HtmlUtils.htmlEscape(csrf.getToken()));
  }
}
