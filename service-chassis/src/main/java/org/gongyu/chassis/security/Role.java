package org.gongyu.chassis.security;

import java.util.Optional;

/**
 * The realm roles of Keycloak realm {@code gongyu}. Each maps to the Spring authority {@code
 * ROLE_<NAME>} (so {@code hasRole('SCHOOL_ADMIN')} in a rule) and belongs to one tier, whose
 * org-unit claim scopes what the caller may see.
 */
public enum Role {
  SCHOOL_STAFF("school-staff", Tier.SCHOOL),
  SCHOOL_ADMIN("school-admin", Tier.SCHOOL),
  /** 学区 staff: read the figures of their 学区 and its schools (issue 17 item 6, ADR 0027). */
  XUEQU_STAFF("xuequ-staff", Tier.XUEQU),
  COUNTY_ASSESSOR("county-assessor", Tier.COUNTY),
  COUNTY_ADMIN("county-admin", Tier.COUNTY),
  CITY_STAFF("city-staff", Tier.CITY),
  CITY_ADMIN("city-admin", Tier.CITY);

  /** The org-unit level a role acts for. */
  public enum Tier { SCHOOL, XUEQU, COUNTY, CITY }

  private final String realmName;
  private final Tier tier;

  Role(String realmName, Tier tier) {
    this.realmName = realmName;
    this.tier = tier;
  }

  /** The role's name in the realm, e.g. {@code school-admin}. */
  public String realmName() {
    return realmName;
  }

  public Tier tier() {
    return tier;
  }

  /** The Spring Security authority, e.g. {@code ROLE_SCHOOL_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The role a realm role name stands for; other realm roles (offline_access, ...) have none. */
  public static Optional<Role> ofRealmName(String realmName) {
    for (Role r : values()) {
      if (r.realmName.equals(realmName)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
