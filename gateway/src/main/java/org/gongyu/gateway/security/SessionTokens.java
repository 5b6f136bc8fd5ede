package org.gongyu.gateway.security;

import java.io.IOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The caller's access token, as the services would get it, and what to do with a login session
 * whose tokens Keycloak no longer refreshes.
 *
 * <p>Such a session is still "logged in" at the gateway (its security context is in the
 * WebSession), so without care the web app would loop: an API call answers 401, the app reloads the
 * page, the gateway serves the page to the still-authenticated session, the next API call answers
 * 401 again. So a dead session is emptied ({@link #forget}) the moment it is found: on a page
 * load (the browser is then sent to Keycloak and back to the page it asked for) and on a routed
 * call (401 problem, and the app's reload then goes to Keycloak).
 */
@Component
public class SessionTokens {

  private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);

  private final ReactiveOAuth2AuthorizedClientManager sessions;
  private final ReactiveJwtDecoder jwtDecoder;
  private final ServerRequestCache requestCache;

  SessionTokens(ReactiveOAuth2AuthorizedClientManager sessions, ReactiveJwtDecoder jwtDecoder,
      ServerRequestCache requestCache) {
    this.sessions = sessions;
    this.jwtDecoder = jwtDecoder;
    this.requestCache = requestCache;
  }

  /**
   * The caller's access token: the bearer token itself, or for a login session the one the token
   * relay sends, refreshed first if it has expired. Empty for anyone else, and for a session whose
   * tokens are gone; an error when Keycloak refuses or cannot be reached to refresh them.
   */
  Mono<Jwt> accessToken(ServerWebExchange exchange) {
    return exchange.getPrincipal().flatMap(principal -> switch (principal) {
      case JwtAuthenticationToken bearer -> Mono.just(bearer.getToken());
      case OAuth2AuthenticationToken login -> authorize(login, exchange)
          .flatMap(client -> jwtDecoder.decode(client.getAccessToken().getTokenValue()));
      default -> Mono.empty();
    });
  }

  /**
   * Serves a page to a caller whose credentials still work; sends a login session whose tokens can
   * no longer be refreshed to Keycloak's login instead, remembering the page so the browser comes
   * back to it. Keycloak out of reach is not the session's fault: the page is served (its API calls
   * will say 503).
   */
  public Mono<ServerResponse> page(ServerWebExchange exchange, Mono<ServerResponse> serve) {
    return exchange.getPrincipal()
        .flatMap(principal -> principal instanceof OAuth2AuthenticationToken login
            ? authorize(login, exchange).map(client -> true).defaultIfEmpty(false)
                .onErrorResume(SessionTokens::refusedByKeycloak, e -> Mono.just(false))
                .onErrorResume(e -> Mono.just(true))
            : Mono.just(true))
        .defaultIfEmpty(true)
        .flatMap(usable -> usable ? serve : toLogin(exchange));
  }

  private Mono<ServerResponse> toLogin(ServerWebExchange exchange) {
    log.info("session tokens can no longer be refreshed; sending GET {} to the login",
        exchange.getRequest().getPath().value());
    return forget(exchange)
        .then(requestCache.saveRequest(exchange))
        .then(ServerResponse.status(HttpStatus.FOUND).location(URI.create(SecurityConfiguration.LOGIN)).build());
  }

  /**
   * Empties the caller's WebSession (security context, tokens, saved request) and gives it a new
   * id: the gateway's side of a logout, for a session Keycloak has already ended.
   */
  public static Mono<Void> forget(ServerWebExchange exchange) {
    return exchange.getSession().flatMap(session -> {
      session.getAttributes().clear();
      return session.changeSessionId();
    }).then();
  }

  /** Keycloak answered and refused (an OAuth2 error), as opposed to being out of reach. */
  static boolean refusedByKeycloak(Throwable e) {
    boolean oauth = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException) {
        return false;
      }
      oauth |= t instanceof OAuth2AuthorizationException;
    }
    return oauth;
  }

  private Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthenticationToken login, ServerWebExchange exchange) {
    return sessions.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(login.getAuthorizedClientRegistrationId())
        .principal(login)
        .attribute(ServerWebExchange.class.getName(), exchange)
        .build());
  }
}
