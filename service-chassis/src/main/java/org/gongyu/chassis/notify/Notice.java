package org.gongyu.chassis.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gongyu.chassis.security.Role;

/**
 * One thing to tell: to one user ({@code recipient}, a username) or to an {@code audience} (everyone
 * holding a role at a unit, {@code ROLE@unitId}, e.g. {@code SCHOOL_ADMIN@9901130001}); of a {@code
 * kind} (preferences are per kind); its text is the service's message {@code messageKey} with {@code
 * arguments}, in each reader's language; a {@code link} into the web application; and a {@code
 * dedupKey}: a second notice with the same key adds nothing and sends nothing. Arguments are unit
 * ids, names of schools and periods, never anything about a student or parent.
 */
public record Notice(String recipient, String audience, String kind, String messageKey, List<String> arguments, String link,
    String dedupKey) {

  public Notice {
    if ((recipient == null) == (audience == null)) {
      throw new IllegalArgumentException("a notice goes to a recipient or to an audience, not both nor neither");
    }
    recipient = recipient == null ? null : recipient.toLowerCase(Locale.ROOT);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(messageKey, "messageKey");
    Objects.requireNonNull(dedupKey, "dedupKey");
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
  }

  /** To one user. */
  public static Notice toUser(String username, String kind, String dedupKey, String link, String messageKey, Object... args) {
    return new Notice(Objects.requireNonNull(username, "username"), null, kind, messageKey, strings(args), link, dedupKey);
  }

  /** To everyone holding {@code role} at {@code unitId} (a school, county or city id, after the role's tier). */
  public static Notice toAudience(Role role, String unitId, String kind, String dedupKey, String link, String messageKey,
      Object... args) {
    return new Notice(null, audience(role, unitId), kind, messageKey, strings(args), link, dedupKey);
  }

  /** The audience of a role at a unit, {@code ROLE@unitId}. */
  public static String audience(Role role, String unitId) {
    return role.name() + "@" + Objects.requireNonNull(unitId, "unitId");
  }

  private static List<String> strings(Object... args) {
    return Arrays.stream(args).map(String::valueOf).toList();
  }
}
