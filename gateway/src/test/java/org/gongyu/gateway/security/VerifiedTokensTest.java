package org.gongyu.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokensTest {

  private final List<String> checked = new ArrayList<>();

  private ReactiveJwtDecoder delegate(Instant exp) {
    return token -> Mono.defer(() -> {
      checked.add(token);
      if (token.startsWith("bad")) {
        return Mono.error(new BadJwtException("signature"));
      }
      return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("s-" + token)
          .issuedAt(Clock.systemUTC().instant().minusSeconds(1)).expiresAt(exp).build());
    });
  }

  @Test
  void aTokenIsCheckedOnceUntilItExpiresAndAFailureIsNeverRemembered() throws InterruptedException {
    VerifiedTokens tokens = new VerifiedTokens(delegate(Clock.systemUTC().instant().plusMillis(400)), 100);
    Jwt first = tokens.decode("t1").block();
    assertThat(tokens.decode("t1").block()).isSameAs(first);
    assertThat(checked).containsExactly("t1");
    StepVerifier.create(tokens.decode("bad")).expectError(BadJwtException.class).verify();
    StepVerifier.create(tokens.decode("bad")).expectError(BadJwtException.class).verify();
    assertThat(checked).containsExactly("t1", "bad", "bad");
    Thread.sleep(500);
    tokens.decode("t1").block();
    assertThat(checked).as("past exp: checked in full again").containsExactly("t1", "bad", "bad", "t1");
  }
}
