package org.gongyu.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Requests of API clients: an {@code Authorization: Bearer} header and no session cookie. CSRF
 * does not threaten them (a forged cross-site request cannot add the header, and without a
 * session cookie there is no ambient credential to abuse), so they need no CSRF token and are not
 * handed an XSRF-TOKEN cookie. A request with both a bearer token and a session cookie is checked
 * like any session request.
 */
final class BearerOnlyRequests implements ServerWebExchangeMatcher {

  /** WebFlux's session cookie ({@code CookieWebSessionIdResolver}'s default, unchanged here). */
  static final String SESSION_COOKIE = "SESSION";

  @Override
  public Mono<MatchResult> matches(ServerWebExchange exchange) {
    return test(exchange.getRequest()) ? MatchResult.match() : MatchResult.notMatch();
  }

  static boolean test(ServerHttpRequest request) {
    String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    return authorization != null
        && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        && !request.getCookies().containsKey(SESSION_COOKIE);
  }
}
