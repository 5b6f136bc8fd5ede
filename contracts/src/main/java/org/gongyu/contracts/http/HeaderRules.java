package org.gongyu.contracts.http;

/**
 * The rules every Gongyu process applies to a request's headers, as loops over the characters:
 * Spring Security's strict firewall rules for header names and values, and RFC 6750's grammar of
 * {@code Authorization: Bearer <b64token>}, as Spring Security's bearer token readers apply it.
 * The library applies them with regular expressions, which over a 1.3 KB token were a tenth of the
 * gateway's and a fifth of a service's CPU per request (issue 16, ADR 0033). The gateway (WebFlux)
 * and the services' chassis (servlet) give these to their own stack's firewall and token reader;
 * each stack's tests check the result against the library's own on random input.
 */
public final class HeaderRules {

  private static final String BEARER = "Bearer ";

  private HeaderRules() {}

  /** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}: the strict firewall's rule for header names. */
  public static boolean allowedName(String name) {
    return allowed(name, false);
  }

  /** {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}: the strict firewall's rule for header values. */
  public static boolean allowedValue(String value) {
    return allowed(value, true);
  }

  /** Whether the header starts with {@code bearer} in any case: a bearer attempt, well formed or not. */
  public static boolean bearerAttempt(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length() - 1);
  }

  /**
   * The b64token of {@code Bearer <b64token>} ({@code Bearer} in any case, one space, then
   * 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=", RFC 6750 section 2.1), or null.
   */
  public static String bearerToken(String authorization) {
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    int start = BEARER.length();
    int i = start;
    while (i < authorization.length() && tokenChar(authorization.charAt(i))) {
      i++;
    }
    if (i == start) {
      return null;
    }
    while (i < authorization.length() && authorization.charAt(i) == '=') {
      i++;
    }
    return i == authorization.length() ? authorization.substring(start) : null;
  }

  private static boolean allowed(String s, boolean tab) {
    if (s == null) {
      return true;
    }
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        i++;
        continue;
      }
      int cp = s.codePointAt(i);
      int type = Character.getType(cp);
      if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && cp == '\t'))) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  private static boolean tokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }
}
