package org.gongyu.gateway.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What {@code GET /me} tells about the caller, read from the access token the services receive:
 * the username, the display name the web app shows in its top bar, the realm roles and the org
 * units the services scope data by. E-mail and the other profile claims stay out on purpose.
 */
record SignedInUser(
    String username,
    String name,
    List<String> roles,
    @JsonProperty("school_id") String schoolId,
    @JsonProperty("county_id") String countyId,
    @JsonProperty("city_id") String cityId,
    @JsonProperty("xuequ_id") String xuequId) {

  static SignedInUser of(Jwt accessToken) {
    return new SignedInUser(
        accessToken.getClaimAsString("preferred_username"),
        displayName(accessToken),
        realmRoles(accessToken),
        accessToken.getClaimAsString("school_id"),
        accessToken.getClaimAsString("county_id"),
        accessToken.getClaimAsString("city_id"),
        accessToken.getClaimAsString("xuequ_id"));
  }

  /**
   * The token's {@code name} claim (Keycloak's "full name" mapper of the {@code profile} scope), else
   * the given and family names joined as Keycloak joins them; null when the token has none.
   */
  static String displayName(Jwt accessToken) {
    String name = accessToken.getClaimAsString("name");
    if (name != null && !name.isBlank()) {
      return name.strip();
    }
    String given = accessToken.getClaimAsString("given_name");
    String family = accessToken.getClaimAsString("family_name");
    String joined = String.join(" ", Stream.of(given, family)
        .filter(part -> part != null && !part.isBlank()).map(String::strip).toList());
    return joined.isEmpty() ? null : joined;
  }

  /** Gongyu's roles: Keycloak's own (default-roles-gongyu, offline_access, ...) say nothing here. */
  private static final Set<String> GONGYU_ROLES =
      Set.of("school-staff", "school-admin", "xuequ-staff", "county-assessor", "county-admin", "city-staff", "city-admin");

  /** Keycloak puts realm roles under {@code realm_access.roles}. */
  private static List<String> realmRoles(Jwt accessToken) {
    Map<String, Object> realmAccess = accessToken.getClaimAsMap("realm_access");
    if (realmAccess != null && realmAccess.get("roles") instanceof List<?> roles) {
      return roles.stream().map(String::valueOf).filter(GONGYU_ROLES::contains).sorted().toList();
    }
    return List.of();
  }
}
