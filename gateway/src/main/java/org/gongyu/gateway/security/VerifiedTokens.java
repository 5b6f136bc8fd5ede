package org.gongyu.gateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers each bearer token the gateway has verified, until the token expires: the RSA check of
 * the signature was most of the gateway's CPU per request with hundreds of readers (issue 16). The
 * same token string is the same signed bytes, so signature, issuer and audience hold while it is
 * unexpired; once {@code exp} has passed (by the system clock, as the timestamp rule reads it) the
 * entry is gone and the token is checked in full again, and refused. Failures are not remembered.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

  private final ReactiveJwtDecoder delegate;
  private final Cache<String, Jwt> verified;

  VerifiedTokens(ReactiveJwtDecoder delegate, int maximumSize) {
    this.delegate = delegate;
    this.verified = Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .expireAfter(Expiry.writing((String token, Jwt jwt) -> untilExpiry(jwt)))
        .build();
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt jwt = verified.getIfPresent(token);
    if (jwt != null) {
      return Mono.just(jwt);
    }
    return delegate.decode(token).doOnNext(decoded -> {
      if (decoded.getExpiresAt() != null) {
        verified.put(token, decoded);
      }
    });
  }

  private static Duration untilExpiry(Jwt jwt) {
    Instant exp = jwt.getExpiresAt();
    return exp == null ? Duration.ZERO : Duration.between(Clock.systemUTC().instant(), exp);
  }
}
