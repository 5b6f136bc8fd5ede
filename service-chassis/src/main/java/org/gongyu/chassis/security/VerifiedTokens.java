package org.gongyu.chassis.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers each access token it has verified, until the token expires, so the RSA signature of a
 * token is checked once per token rather than once per request (issue 16: with hundreds of readers
 * the check was most of a request's CPU). The same token string is the same signed bytes, so its
 * signature, issuer and audience hold as long as it is unexpired; once {@code exp} has passed (by
 * the system clock, which the timestamp rule also uses) the entry is gone and the token is checked
 * in full again, and refused. A token that fails is never remembered.
 */
public final class VerifiedTokens implements JwtDecoder {

  private final JwtDecoder delegate;
  private final Cache<String, Jwt> verified;

  public VerifiedTokens(JwtDecoder delegate, int maximumSize) {
    this.delegate = delegate;
    this.verified = Caffeine.newBuilder()
        .maximumSize(maximumSize)
        .expireAfter(Expiry.writing((String token, Jwt jwt) -> untilExpiry(jwt)))
        .build();
  }

  @Override
  public Jwt decode(String token) {
    Jwt jwt = verified.getIfPresent(token);
    if (jwt != null) {
      return jwt;
    }
    jwt = delegate.decode(token);
    if (jwt.getExpiresAt() != null) {
      verified.put(token, jwt);
    }
    return jwt;
  }

  /** Until the token's {@code exp} by the system clock (a token without one is not remembered). */
  private static Duration untilExpiry(Jwt jwt) {
    Instant exp = jwt.getExpiresAt();
    return exp == null ? Duration.ZERO : Duration.between(Clock.systemUTC().instant(), exp);
  }
}
