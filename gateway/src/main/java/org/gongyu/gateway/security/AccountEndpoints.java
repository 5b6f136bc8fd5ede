package org.gongyu.gateway.security;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.net.URI;
import org.gongyu.gateway.Problem;
import org.gongyu.gateway.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The gateway's own account endpoints, behind the login ({@link SecurityConfiguration}); the pages
 * themselves are the web app ({@code org.gongyu.gateway.web}).
 *
 * <ul>
 *   <li>{@code GET /me}: who is logged in ({@link SignedInUser}), for the web app's top bar and
 *       its role-aware menu.
 *   <li>{@code GET /login}: sends a logged-in browser to {@code /}; an anonymous one never gets
 *       here, it is sent to Keycloak first.
 * </ul>
 *
 * {@code /me} reads the access token the services would get: the bearer token itself, or for a
 * login session the one the token relay sends, refreshed first if it has expired.
 */
@Configuration(proxyBeanMethods = false)
class AccountEndpoints {

  private final SessionTokens tokens;
  private final ProblemWriter problems;

  AccountEndpoints(SessionTokens tokens, ProblemWriter problems) {
    this.tokens = tokens;
    this.problems = problems;
  }

  @Bean
  RouterFunction<ServerResponse> accountRoutes() {
    return RouterFunctions.route(GET("/me"), this::me)
        .andRoute(GET("/login"), request -> ServerResponse.seeOther(URI.create("/")).build());
  }

  /**
   * A session whose tokens are gone (Keycloak refused to refresh them, so the authorized client was
   * dropped) gets the same 401 as a routed call would; the session is emptied so that the web app's
   * reload goes to the login.
   */
  private Mono<ServerResponse> me(ServerRequest request) {
    return tokens.accessToken(request.exchange())
        .flatMap(token -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(SignedInUser.of(token)))
        .switchIfEmpty(Mono.defer(() -> SessionTokens.forget(request.exchange())
            .then(problems.write(request.exchange(), new Problem(HttpStatus.UNAUTHORIZED, "session-expired",
                "Unauthorized", "the login session has expired; log in again")))
            .then(Mono.empty())));
  }
}
