package org.gongyu.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway itself produces leaves as RFC 9457 {@code application/problem+json}:
 * 404 for a path no route serves, 503 when a service cannot be reached, 502 when it broke the
 * exchange, 504 when it did not answer in time. The detail names the route ("the school service"),
 * never a host, port or exception message; those go to the log only. Responses the services send,
 * errors included, pass through untouched.
 */
@Component
@Order(-2) // ahead of Boot's DefaultErrorWebExceptionHandler (-1), which would answer application/json
class GatewayProblemHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

  private final JsonMapper json;

  GatewayProblemHandler(JsonMapper json) {
    this.json = json;
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
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:gongyu:problem:" + problem.slug());
    body.put("title", problem.title());
    body.put("status", problem.status().value());
    body.put("detail", problem.detail());
    body.put("instance", exchange.getRequest().getPath().value());
    response.setStatusCode(problem.status());
    HttpHeaders headers = response.getHeaders();
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
      headers.set(HttpHeaders.RETRY_AFTER, "5");
    }
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(body))));
  }

  record Problem(HttpStatusCode status, String slug, String title, String detail) {}

  static Problem classify(Throwable ex, String route, String path) {
    String service = route == null ? "the service" : "the " + route + " service";
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
