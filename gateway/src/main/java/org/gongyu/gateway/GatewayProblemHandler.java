package org.gongyu.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.gongyu.gateway.security.SessionTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself produces leaves as RFC 9457 {@code application/problem+json}:
 * 404 for a path no route serves, 503 when a service cannot be reached, 502 when it broke the
 * exchange, 504 when it did not answer in time. The detail names the route ("the school service"),
 * never a host, port or exception message; those go to the log only. Responses the services send,
 * errors included, pass through untouched.
 *
 * <p>Two security failures also end here rather than in an entry point, because Spring Security
 * rethrows them: a login session whose tokens Keycloak no longer refreshes (401, log in again), and
 * Keycloak itself out of reach while refreshing a session's token or fetching the keys that check
 * a bearer token (503).
 */
@Component
@Order(-2) // ahead of Boot's DefaultErrorWebExceptionHandler (-1), which would answer application/json
class GatewayProblemHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

  private final ProblemWriter problems;

  GatewayProblemHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(ex);
    }
    Problem problem = classify(ex, routeName(exchange), exchange.getRequest().getPath().value());
    if (problem.status().is5xxServerError()) {
      log.warn("{} {} -> {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
          problem.status().value(), ex.toString());
    }
    if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
      response.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
    }
    if (problem.slug().equals("session-expired")) {
      // Keycloak ended the session: end it here too, so the web app's reload goes to the login
      // instead of being served the page again by a session that can no longer call anything.
      return SessionTokens.forget(exchange).then(problems.write(exchange, problem));
    }
    return problems.write(exchange, problem);
  }

  static Problem classify(Throwable ex, String route, String path) {
    String service = route == null ? "the service" : "the " + route + " service";
    boolean signIn = causedBy(ex, OAuth2AuthorizationException.class);
    if (signIn && !causedBy(ex, IOException.class)) {
      return new Problem(HttpStatus.UNAUTHORIZED, "session-expired", "Unauthorized",
          "the login session has expired; log in again");
    }
    // The gateway's only WebClient is Spring Security's, which talks to Keycloak (token refresh,
    // keys); the routes go through Reactor Netty directly and never raise WebClientRequestException.
    if (signIn || causedBy(ex, AuthenticationServiceException.class) || causedBy(ex, WebClientRequestException.class)) {
      return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "sign-in-unavailable", "Service unavailable",
          "the sign-in service could not be reached to check the credentials; try again shortly");
    }
    if (ex instanceof ResponseStatusException rse) {
      HttpStatusCode status = rse.getStatusCode();
      if (status.value() == 404) {
        return new Problem(status, "not-found", "Not found", "no API serves " + path);
      }
      if (status.value() == 504) {
        return new Problem(status, "gateway-timeout", "Gateway timeout", service + " did not answer in time");
      }
      if (status.is4xxClientError()) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = known == null ? "Bad request" : known.getReasonPhrase();
        return new Problem(status, "bad-request", reason, "the gateway refused the request: " + reason.toLowerCase());
      }
    }
    if (causedBy(ex, ConnectException.class) || causedBy(ex, UnknownHostException.class)) {
      return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
          service + " is unavailable; try again shortly");
    }
    if (causedBy(ex, TimeoutException.class) || causedBy(ex, io.netty.handler.timeout.TimeoutException.class)) {
      return new Problem(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "Gateway timeout",
          service + " did not answer in time");
    }
    if (causedBy(ex, IOException.class)) {
      return new Problem(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
          service + " broke off the exchange; try again shortly");
    }
    return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
        "the gateway failed to handle the request");
  }

  private static String routeName(ServerWebExchange exchange) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    return route == null ? null : route.getId();
  }

  private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
