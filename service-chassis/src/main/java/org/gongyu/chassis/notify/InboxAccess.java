package org.gongyu.chassis.notify;

import java.util.List;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.springframework.security.core.Authentication;

/** {@code @notifyAccess.allowed(authentication)}: the caller holds one of the roles the service lets use its inbox. */
public class InboxAccess {

  private final List<Role> roles;

  InboxAccess(List<Role> roles) {
    this.roles = List.copyOf(roles);
  }

  public boolean allowed(Authentication authentication) {
    return Caller.of(authentication).map(c -> c.roles().stream().anyMatch(roles::contains)).orElse(false);
  }

  public List<Role> roles() {
    return roles;
  }
}
