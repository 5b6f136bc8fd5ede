package org.gongyu.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

  private final List<String> checked = new ArrayList<>();

  private JwtDecoder delegate(Instant exp) {
    return token -> {
      checked.add(token);
      if (token.startsWith("bad")) {
        throw new BadJwtException("signature");
      }
      Instant now = Clock.systemUTC().instant();
      return Jwt.withTokenValue(token).header("alg", "RS256").subject("s-" + token)
          .issuedAt(now.minusSeconds(1)).expiresAt(exp).build();
    };
  }

  @Test
  void aTokenIsCheckedOnceWhileItIsUnexpiredAndEachTokenOnItsOwn() {
    VerifiedTokens tokens = new VerifiedTokens(delegate(Clock.systemUTC().instant().plusSeconds(300)), 100);
    Jwt first = tokens.decode("t1");
    assertThat(tokens.decode("t1")).isSameAs(first);
    assertThat(tokens.decode("t2").getSubject()).isEqualTo("s-t2");
    assertThat(checked).containsExactly("t1", "t2");
  }

  @Test
  void anExpiredTokenIsCheckedInFullAgain() throws InterruptedException {
    VerifiedTokens tokens = new VerifiedTokens(delegate(Clock.systemUTC().instant().plusMillis(300)), 100);
    tokens.decode("t1");
    tokens.decode("t1");
    assertThat(checked).hasSize(1);
    Thread.sleep(400);
    tokens.decode("t1");
    assertThat(checked).as("past exp: the delegate (and its timestamp rule) decides again").hasSize(2);
  }

  @Test
  void aTokenThatFailsIsNeverRemembered() {
    VerifiedTokens tokens = new VerifiedTokens(delegate(Clock.systemUTC().instant().plusSeconds(300)), 100);
    assertThatThrownBy(() -> tokens.decode("bad1")).isInstanceOf(BadJwtException.class);
    assertThatThrownBy(() -> tokens.decode("bad1")).isInstanceOf(BadJwtException.class);
    assertThat(checked).containsExactly("bad1", "bad1");
  }
}
