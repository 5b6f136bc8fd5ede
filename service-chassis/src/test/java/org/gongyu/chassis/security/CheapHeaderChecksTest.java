package org.gongyu.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The services' header checks accept, refuse and read exactly what the library's own do. */
class CheapHeaderChecksTest {

  private static final HttpFirewall LIBRARY_FIREWALL = new StrictHttpFirewall();
  private static final HttpFirewall FIREWALL = CheapHeaderChecks.firewall();
  private static final BearerTokenResolver LIBRARY_RESOLVER = new DefaultBearerTokenResolver();
  private static final BearerTokenResolver RESOLVER = CheapHeaderChecks.bearerTokenResolver();

  /** Code points from every class the firewall's rules tell apart; ASCII the most often. */
  private static final int[][] POOLS = {
      {0x20, 0x7e}, {0x20, 0x7e}, {0x20, 0x7e}, {'\t', '\t'}, {0x00, 0x1f}, {0x7f, 0x9f}, {0xa0, 0xff},
      {0x4e00, 0x9fff}, {0x0378, 0x0379}, {0x1f600, 0x1f64f}, {0x10fffe, 0x10ffff}, {0xd800, 0xdfff}};

  private static final List<String> PREFIXES = List.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Bearerx ", "Basic ",
      " Bearer ", "Bearer\t", "");
  private static final String TOKEN_CHARS = "abcXYZ019-._~+/====  %:,;\"é中";

  @Test
  void headerNamesAndValuesAreJudgedAsTheLibraryJudgesThem() {
    Random random = new Random(20261206);
    int[] outcomes = new int[2];
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int i = 1 + random.nextInt(8); i > 0; i--) {
        int[] pool = POOLS[random.nextInt(POOLS.length)];
        s.appendCodePoint(pool[0] + random.nextInt(pool[1] - pool[0] + 1));
      }
      String text = s.toString();
      boolean asName = n % 2 == 0;
      boolean library = accepts(LIBRARY_FIREWALL, text, asName);
      assertThat(accepts(FIREWALL, text, asName)).as("%s %s", asName ? "name" : "value",
          text.codePoints().mapToObj(Integer::toHexString).toList()).isEqualTo(library);
      outcomes[library ? 0 : 1]++;
    }
    assertThat(outcomes[0]).as("accepted").isGreaterThan(2000);
    assertThat(outcomes[1]).as("refused").isGreaterThan(2000);
  }

  @Test
  void bearerTokensAreReadAsTheLibraryReadsThem() {
    Random random = new Random(20261206);
    int tokens = 0;
    int refused = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder header = new StringBuilder(PREFIXES.get(random.nextInt(PREFIXES.size())));
      for (int i = random.nextInt(12); i > 0; i--) {
        header.append(random.nextInt(4) == 0 ? TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length()))
            : TOKEN_CHARS.charAt(random.nextInt(13)));
      }
      String authorization = n % 10 == 0 ? null : header.toString();
      String query = n % 7 == 0 ? "access_token=abc" : n % 11 == 0 ? "period=2026-2027-1" : null;
      String method = n % 5 == 0 ? "POST" : "GET";
      String library = outcome(() -> LIBRARY_RESOLVER.resolve(request(method, authorization, query)));
      assertThat(outcome(() -> RESOLVER.resolve(request(method, authorization, query))))
          .as("%s ?%s [%s]", method, query, authorization).isEqualTo(library);
      if (library.startsWith("token ")) {
        tokens++;
      } else if (library.startsWith("error ")) {
        refused++;
      }
    }
    assertThat(tokens).as("tokens read").isGreaterThan(1000);
    assertThat(refused).as("refused").isGreaterThan(1000);
  }

  private static MockHttpServletRequest request(String method, String authorization, String query) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, "/api/reports/calendar");
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    if (query != null) {
      request.setQueryString(query);
      String[] pair = query.split("=", 2);
      request.addParameter(pair[0], pair[1]);
    }
    return request;
  }

  private static String outcome(Supplier<String> resolve) {
    try {
      String token = resolve.get();
      return token == null ? "none" : "token " + token;
    } catch (OAuth2AuthenticationException refused) {
      return "error " + refused.getError().getErrorCode() + " " + refused.getError().getDescription();
    }
  }

  private static boolean accepts(HttpFirewall firewall, String text, boolean asName) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/reports/calendar");
    request.addHeader(asName ? text : "X-Test", asName ? "v" : text);
    try {
      firewall.getFirewalledRequest(request).getHeader(asName ? text : "X-Test");
      return true;
    } catch (RequestRejectedException rejected) {
      return false;
    }
  }
}
