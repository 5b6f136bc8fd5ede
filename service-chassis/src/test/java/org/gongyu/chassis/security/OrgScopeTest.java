package org.gongyu.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The 学区 half of the scope rules (ADR 0027): a 学区's staff see their 学区 only, never its county or its schools. */
class OrgScopeTest {

  /** 9906310001 is registered in 990631; nothing else is known. */
  private final OrgScope scope = new OrgScope(
      school -> school.equals("9906310001") ? Optional.of("990631") : Optional.empty(), "990100");

  /** The same, with 990100-ZS the city's city-direct unit (ADR 0027). */
  private final OrgScope withUnit = new OrgScope(school -> Optional.empty(), "990100-ZS"::equals, "990100");

  @Test
  void theCityDirectUnitIsTheCitysOwnStaffsAndNobodyElses() {
    as("city-admin", Map.of("city_id", "990100"));
    assertThat(withUnit.cityDirect("990100-ZS")).isTrue();
    assertThat(withUnit.cityDirect("990631")).as("a county").isFalse();
    assertThat(scope.cityDirect("990100-ZS")).as("a service that knows no kinds").isFalse();
    assertThat(withUnit.county("990100-ZS")).isTrue();
    as("city-admin", Map.of("city_id", "990200"));
    assertThat(withUnit.cityDirect("990100-ZS")).as("another city's admin").isFalse();
    as("county-admin", Map.of("county_id", "990631", "city_id", "990100"));
    assertThat(withUnit.cityDirect("990100-ZS")).isFalse();
    assertThat(withUnit.county("990100-ZS")).as("a county's admin").isFalse();
  }

  @AfterEach
  void nobody() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void xuequStaffSeeTheirOwnXuequOfTheirCountyOnly() {
    as("xuequ-staff", Map.of("county_id", "990631", "xuequ_id", "990631-XQA", "city_id", "990100"));
    assertThat(Caller.of(SecurityContextHolder.getContext().getAuthentication()).orElseThrow().orgUnit()).isEqualTo("xuequ:990631-XQA");
    assertThat(scope.xuequ("990631", "990631-XQA")).isTrue();
    assertThat(scope.xuequ("990631", "990631-XQB")).as("a sibling 学区").isFalse();
    assertThat(scope.xuequ("990632", "990631-XQA")).as("the same id under another county").isFalse();
    assertThat(scope.county("990631")).as("the county as a whole").isFalse();
    assertThat(scope.school("9906310001")).as("a school, even one of the county").isFalse();
    assertThat(scope.city()).isFalse();
  }

  @Test
  void countyAndCityStaffSeeTheXuequOfTheirUnitsAndSchoolsNone() {
    as("county-admin", Map.of("county_id", "990631", "city_id", "990100"));
    assertThat(scope.xuequ("990631", "990631-XQA")).isTrue();
    assertThat(scope.xuequ("990632", "990632-XQA")).isFalse();
    as("city-staff", Map.of("city_id", "990100"));
    assertThat(scope.xuequ("990632", "990632-XQA")).isTrue();
    as("city-staff", Map.of("city_id", "990200"));
    assertThat(scope.xuequ("990632", "990632-XQA")).as("another city's staff").isFalse();
    as("school-admin", Map.of("school_id", "9906310001", "county_id", "990631", "xuequ_id", "990631-XQA"));
    assertThat(scope.xuequ("990631", "990631-XQA")).isFalse();
    as("xuequ-staff", Map.of("county_id", "990631"));
    assertThat(scope.xuequ("990631", "990631-XQA")).as("a 学区 user whose token names no 学区").isFalse();
  }

  private static void as(String role, Map<String, Object> claims) {
    Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("s").claim("preferred_username", "u")
        .claim("realm_access", Map.of("roles", List.of(role))).claims(c -> c.putAll(claims))
        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt,
        List.of(new SimpleGrantedAuthority(Role.ofRealmName(role).orElseThrow().authority()))));
  }
}
