package org.gongyu.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every service's {@code /v3/api-docs} must say, for people who call the API directly: a
 * bearer security scheme required by every operation, a summary and a description for each
 * operation under {@code /api}, and the 401 and 403 answers as {@code application/problem+json}.
 * The document is given as parsed JSON ({@code Map}s and {@code List}s), whichever JSON library
 * the caller uses.
 */
public final class OpenApiChecks {

  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private OpenApiChecks() {}

  /** The shortcomings of one API description; empty when it is complete. */
  public static List<String> shortcomings(Map<String, ?> doc) {
    List<String> wrong = new ArrayList<>();
    String bearer = null;
    for (Map.Entry<String, ?> e : map(map(doc.get("components")).get("securitySchemes")).entrySet()) {
      Map<String, ?> scheme = map(e.getValue());
      if ("http".equals(scheme.get("type")) && "bearer".equalsIgnoreCase(String.valueOf(scheme.get("scheme")))) {
        bearer = e.getKey();
      }
    }
    if (bearer == null) {
      wrong.add("no HTTP bearer security scheme");
    } else {
      boolean global = false;
      for (Object requirement : list(doc.get("security"))) {
        global |= map(requirement).containsKey(bearer);
      }
      if (!global) {
        wrong.add("the bearer scheme '" + bearer + "' is not required globally");
      }
    }
    int operations = 0;
    for (Map.Entry<String, ?> path : map(doc.get("paths")).entrySet()) {
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (Map.Entry<String, ?> op : map(path.getValue()).entrySet()) {
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        operations++;
        String name = op.getKey().toUpperCase() + " " + path.getKey();
        Map<String, ?> operation = map(op.getValue());
        if (blank(operation.get("summary"))) {
          wrong.add(name + ": no summary");
        }
        if (blank(operation.get("description"))) {
          wrong.add(name + ": no description");
        }
        for (String status : List.of("401", "403")) {
          Map<String, ?> content = map(map(map(operation.get("responses")).get(status)).get("content"));
          if (!content.containsKey("application/problem+json")) {
            wrong.add(name + ": no " + status + " application/problem+json answer");
          }
        }
      }
    }
    if (operations == 0) {
      wrong.add("no operation under /api/");
    }
    return wrong;
  }

  /** The number of operations under {@code /api/}. */
  public static int apiOperations(Map<String, ?> doc) {
    int n = 0;
    for (Map.Entry<String, ?> path : map(doc.get("paths")).entrySet()) {
      if (path.getKey().startsWith("/api/")) {
        n += (int) map(path.getValue()).keySet().stream().filter(METHODS::contains).count();
      }
    }
    return n;
  }

  private static boolean blank(Object o) {
    return o == null || o.toString().isBlank();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, ?>) m : Map.of();
  }

  private static List<?> list(Object o) {
    return o instanceof List<?> l ? l : List.of();
  }
}
