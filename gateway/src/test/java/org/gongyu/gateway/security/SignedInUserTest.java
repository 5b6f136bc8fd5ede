package org.gongyu.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** The display name of {@code /me}: the {@code name} claim, else given and family name, else none. */
class SignedInUserTest {

  private static Jwt token(Map<String, Object> claims) {
    Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.EPOCH).expiresAt(Instant.EPOCH.plusSeconds(60))
        .claim("preferred_username", "county-admin-990101")
        .claim("realm_access", Map.of("roles", List.of("county-admin", "offline_access", "default-roles-gongyu")))
        .claim("county_id", "990101");
    claims.forEach(jwt::claim);
    return jwt.build();
  }

  @Test
  void theNameClaimWins() {
    SignedInUser user = SignedInUser.of(token(Map.of("name", " 东城县教育局 管理员 ", "given_name", "x", "family_name", "y")));
    assertThat(user.name()).isEqualTo("东城县教育局 管理员");
    assertThat(user.roles()).containsExactly("county-admin");
  }

  @Test
  void withoutItGivenAndFamilyNameAreJoinedAndWithoutThoseThereIsNone() {
    assertThat(SignedInUser.of(token(Map.of("given_name", "东城县教育局", "family_name", "管理员"))).name())
        .isEqualTo("东城县教育局 管理员");
    assertThat(SignedInUser.of(token(Map.of("family_name", "管理员"))).name()).isEqualTo("管理员");
    assertThat(SignedInUser.of(token(Map.of("name", " "))).name()).isNull();
  }
}
