package org.gongyu.gateway.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What {@code GET /me} tells about the caller, read from the access token the services receive:
 * the username, the realm roles and the org units the services scope data by. Names, e-mail and
 * the other profile claims stay out on purpose.
 */
record SignedInUser(
    String username,
    List<String> roles,
    @JsonProperty("school_id") String schoolId,
    @JsonProperty("county_id") String countyId,
    @JsonProperty("city_id") String cityId) {

  static SignedInUser of(Jwt accessToken) {
    return new SignedInUser(
        accessToken.getClaimAsString("preferred_username"),
        realmRoles(accessToken),
        accessToken.getClaimAsString("school_id"),
        accessToken.getClaimAsString("county_id"),
        accessToken.getClaimAsString("city_id"));
  }

  /** Gongyu's roles: Keycloak's own (default-roles-gongyu, offline_access, ...) say nothing here. */
  private static final Set<String> GONGYU_ROLES =
      Set.of("school-staff", "school-admin", "county-assessor", "county-admin", "city-staff", "city-admin");

  /** Keycloak puts realm roles under {@code realm_access.roles}. */
  private static List<String> realmRoles(Jwt accessToken) {
    Map<String, Object> realmAccess = accessToken.getClaimAsMap("realm_access");
    if (realmAccess != null && realmAccess.get("roles") instanceof List<?> roles) {
      return roles.stream().map(String::valueOf).filter(GONGYU_ROLES::contains).sorted().toList();
    }
    return List.of();
  }
}
