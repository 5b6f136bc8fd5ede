package org.gongyu.chassis.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** Keycloak puts realm roles under {@code realm_access.roles}; only Gongyu's roles become authorities. */
final class RealmRoles {

  private RealmRoles() {}

  static List<String> of(Jwt jwt) {
    Object access = jwt.getClaims().get("realm_access");
    if (access instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
      return roles.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  static Collection<GrantedAuthority> authorities(Jwt jwt) {
    return of(jwt).stream()
        .map(Role::ofRealmName)
        .flatMap(java.util.Optional::stream)
        .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
        .toList();
  }
}
