package org.gongyu.chassis.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's header checks without its regular expressions. Every request's 1.3 KB bearer
 * token went through three: the strict firewall's rule for header values (run on each read of the
 * header) and the bearer token pattern. They were a fifth of reporting-service's CPU samples while
 * it answered a ready scorecard (issue 16). The rules are the library's, unchanged, and {@code
 * CheapHeaderChecksTest} checks each against the library's own on random input; the gateway does
 * the same for WebFlux ({@code org.gongyu.gateway.security.HeaderFirewall} and {@code BearerTokens},
 * which cannot share this servlet class).
 */
final class CheapHeaderChecks {

  private static final String PREFIX = "Bearer ";

  private CheapHeaderChecks() {}

  /** The strict firewall, with its header name and value rules as loops. */
  static HttpFirewall firewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderNames(name -> allowed(name, false));
    firewall.setAllowedHeaderValues(value -> allowed(value, true));
    return firewall;
  }

  /**
   * The library's resolver with its defaults, reading {@code Authorization: Bearer} in one pass.
   * A request that could carry an {@code access_token} parameter as well (the library refuses
   * two tokens) goes to the library's resolver itself.
   */
  static BearerTokenResolver bearerTokenResolver() {
    DefaultBearerTokenResolver library = new DefaultBearerTokenResolver();
    return request -> {
      String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (authorization == null || mayCarryParameterToken(request)) {
        return library.resolve(request);
      }
      if (!authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length() - 1)) {
        return null;
      }
      String token = bearerToken(authorization);
      if (token == null) {
        throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
      }
      return token;
    };
  }

  private static boolean mayCarryParameterToken(HttpServletRequest request) {
    String query = request.getQueryString();
    return (query != null && query.contains("access_token"))
        || ("POST".equals(request.getMethod()) && MediaType.APPLICATION_FORM_URLENCODED_VALUE.equals(request.getContentType()));
  }

  /** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for names, with tabs too for values: the library's rules. */
  static boolean allowed(String s, boolean tab) {
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

  /** The b64token of {@code Bearer <b64token>} (RFC 6750 section 2.1), any case of "Bearer", or null. */
  static String bearerToken(String authorization) {
    if (!authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    int start = PREFIX.length();
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

  private static boolean tokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }
}
