package org.gongyu.chassis.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, read from the validated access token and nothing else: the subject, the
 * username (for the audit trail), the Gongyu roles, and the org-unit claims {@code school_id},
 * {@code county_id}, {@code city_id} that Keycloak maps from the user's attributes.
 */
public record Caller(
    String subject, String username, Set<Role> roles, String schoolId, String countyId, String cityId, String xuequId) {

  public static final String SCHOOL_CLAIM = "school_id";
  /** The 学区 of a {@code xuequ-staff} user (who also carries the county of the 学区 in {@code county_id}). */
  public static final String XUEQU_CLAIM = "xuequ_id";
  public static final String COUNTY_CLAIM = "county_id";
  public static final String CITY_CLAIM = "city_id";

  /** A caller outside any 学区 (every role but {@code xuequ-staff}). */
  public Caller(String subject, String username, Set<Role> roles, String schoolId, String countyId, String cityId) {
    this(subject, username, roles, schoolId, countyId, cityId, null);
  }

  public Caller {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** The caller behind a validated JWT authentication; empty for anonymous or other kinds. */
  public static Optional<Caller> of(Authentication authentication) {
    if (!(authentication instanceof JwtAuthenticationToken token) || !token.isAuthenticated()) {
      return Optional.empty();
    }
    return Optional.of(of(token.getToken()));
  }

  public static Caller of(Jwt jwt) {
    Set<Role> roles = RealmRoles.of(jwt).stream()
        .map(Role::ofRealmName)
        .flatMap(Optional::stream)
        .collect(Collectors.toSet());
    return new Caller(
        jwt.getSubject(),
        jwt.getClaimAsString("preferred_username"),
        roles,
        jwt.getClaimAsString(SCHOOL_CLAIM),
        jwt.getClaimAsString(COUNTY_CLAIM),
        jwt.getClaimAsString(CITY_CLAIM),
        jwt.getClaimAsString(XUEQU_CLAIM));
  }

  public boolean acts(Role.Tier tier) {
    return roles.stream().anyMatch(r -> r.tier() == tier);
  }

  /** The broadest tier the caller holds a role for (it decides how far they see); null without one. */
  public Role.Tier tier() {
    for (Role.Tier t : new Role.Tier[] {Role.Tier.CITY, Role.Tier.COUNTY, Role.Tier.XUEQU, Role.Tier.SCHOOL}) {
      if (acts(t)) {
        return t;
      }
    }
    return null;
  }

  /** The org unit the caller acts for, e.g. {@code school:9901010001}. */
  public String orgUnit() {
    Role.Tier t = tier();
    if (t == null) {
      return "none";
    }
    return switch (t) {
      case SCHOOL -> "school:" + schoolId;
      case XUEQU -> "xuequ:" + xuequId;
      case COUNTY -> "county:" + countyId;
      case CITY -> "city:" + cityId;
    };
  }
}
