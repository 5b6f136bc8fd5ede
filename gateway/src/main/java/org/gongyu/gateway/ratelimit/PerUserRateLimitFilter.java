package org.gongyu.gateway.ratelimit;

import java.security.Principal;
import java.util.Optional;
import org.gongyu.gateway.Problem;
import org.gongyu.gateway.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Limits each user's requests to the services with Spring Cloud Gateway's Redis token bucket
 * ({@link RateLimitConfiguration}). Spring's own {@code RequestRateLimiter} filter refuses with an
 * empty 429; this one answers problem+json with {@code Retry-After}, and on every response passes
 * on the limiter's {@code X-RateLimit-*} headers.
 *
 * <p>The key is the token's {@code sub}: one bucket per person, whether they come through the
 * browser login or with a bearer token, shared by all four APIs. Not {@code school_id}: one busy
 * colleague would use up a whole school's allowance, and county and city users have none.
 *
 * <p>Anonymous requests never reach a route (they are refused with 401 before), so there is
 * always a principal; should there not be one, the request passes unlimited rather than sharing one
 * bucket with everyone else. If Redis cannot be reached the limiter lets requests through and logs
 * the error: the services stay usable without their rate limit.
 */
@Component
class PerUserRateLimitFilter implements GlobalFilter, Ordered {

  /** The limiter's config id; it is also part of the Redis key, {@code request_rate_limiter.{api.<sub>}.tokens}. */
  static final String BUCKET = "api";
  private static final Logger log = LoggerFactory.getLogger(PerUserRateLimitFilter.class);

  private final RateLimiter<?> limiter;
  private final RateLimitProperties limits;
  private final ProblemWriter problems;

  PerUserRateLimitFilter(RateLimiter<?> limiter, RateLimitProperties limits, ProblemWriter problems) {
    this.limiter = limiter;
    this.limits = limits;
    this.problems = problems;
  }

  /**
   * After the gateway's metrics filter, so refused requests show in its request metrics, and ahead
   * of the route filters, so no token refresh is spent on a request that is then refused.
   */
  @Override
  public int getOrder() {
    return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER + 2;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    return exchange.getPrincipal()
        .map(PerUserRateLimitFilter::subject)
        .defaultIfEmpty(Optional.empty())
        .flatMap(subject -> subject.isPresent() ? limit(subject.get(), exchange, chain) : chain.filter(exchange));
  }

  private Mono<Void> limit(String subject, ServerWebExchange exchange, GatewayFilterChain chain) {
    return limiter.isAllowed(BUCKET, subject).flatMap(verdict -> {
      HttpHeaders headers = exchange.getResponse().getHeaders();
      verdict.getHeaders().forEach(headers::set);
      if (verdict.isAllowed()) {
        return chain.filter(exchange);
      }
      long retryAfter = limits.retryAfterSeconds();
      log.info("rate limited {} {} for subject {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), subject);
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
      return problems.write(exchange, new Problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
          "you sent more requests than your allowance of " + limits.replenishRate() + " per second (bursts up to "
              + limits.burstCapacity() + "); try again in " + retryAfter + " s"));
    });
  }

  /** The token's {@code sub}: of the bearer token, or of the ID token of a login session. */
  static Optional<String> subject(Principal principal) {
    String sub = switch (principal) {
      case JwtAuthenticationToken bearer -> bearer.getToken().getSubject();
      case OAuth2AuthenticationToken login when login.getPrincipal() instanceof OidcUser user -> user.getSubject();
      default -> principal.getName();
    };
    return Optional.ofNullable(sub).filter(s -> !s.isBlank());
  }
}
