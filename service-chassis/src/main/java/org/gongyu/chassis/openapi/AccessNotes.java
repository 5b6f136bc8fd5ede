package org.gongyu.chassis.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may call an operation, in words for the API description, from its {@code @PreAuthorize}
 * rule: the realm roles, the org-unit scope, and the rule itself.
 */
final class AccessNotes {

  private static final Pattern ROLE_CALL = Pattern.compile("has(?:Any)?Role\\(([^)]*)\\)");
  private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

  private AccessNotes() {}

  static String describe(String rule) {
    Set<String> roles = new LinkedHashSet<>();
    Matcher call = ROLE_CALL.matcher(rule);
    while (call.find()) {
      Matcher role = ROLE.matcher(call.group(1));
      while (role.find()) {
        roles.add(role.group(1).toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    }
    List<String> lines = new ArrayList<>();
    if (!roles.isEmpty()) {
      lines.add("**Roles · 角色**: " + String.join(", ", roles.stream().map(r -> "`" + r + "`").toList()));
    }
    if (rule.contains("@scope.school(")) {
      lines.add("**Scope · 范围**: the caller's own school (school roles), a school of their county (county roles),"
          + " a school of their city (city roles); any other school answers 404 like a missing one."
          + " 仅限本校（学校角色）、本区县的学校（区县角色）或本市的学校（市级角色）；其他学校一律返回 404。");
    }
    if (rule.contains("@scope.county(")) {
      lines.add("**Scope · 范围**: the caller's own county (county roles) or a county of their city (city roles);"
          + " any other county answers 404. 仅限本区县（区县角色）或本市的区县（市级角色）；其他区县返回 404。");
    }
    if (rule.contains("@scope.city()")) {
      lines.add("**Scope · 范围**: the caller's own city. 仅限本市。");
    }
    lines.add("Rule · 规则: `" + rule + "`");
    return String.join("\n\n", lines);
  }
}
