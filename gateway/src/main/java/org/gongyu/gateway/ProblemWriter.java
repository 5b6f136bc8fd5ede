package org.gongyu.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link Problem} as {@code application/problem+json}. The one place that knows the body's
 * shape, so that the error handler, the security entry points and the rate limiter answer alike.
 * Headers a caller needs on top ({@code Retry-After}, {@code WWW-Authenticate}, ...) are set on the
 * response before calling {@link #write}.
 */
@Component
public class ProblemWriter {

  private final JsonMapper json;

  ProblemWriter(JsonMapper json) {
    this.json = json;
  }

  /** Writes the problem unless the response is already committed (then there is nothing left to do). */
  public Mono<Void> write(ServerWebExchange exchange, Problem problem) {
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.empty();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "urn:gongyu:problem:" + problem.slug());
    body.put("title", problem.title());
    body.put("status", problem.status().value());
    body.put("detail", problem.detail());
    body.put("instance", exchange.getRequest().getPath().value());
    response.setStatusCode(problem.status());
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(body))));
  }
}
