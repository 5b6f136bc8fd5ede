package org.gongyu.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Function;
import org.gongyu.contracts.http.HeaderRules;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

/** The gateway's firewall accepts and refuses exactly the header names and values the library's own does. */
class HeaderFirewallTest {

  private static final ServerWebExchangeFirewall LIBRARY = new StrictServerWebExchangeFirewall();
  private static final ServerWebExchangeFirewall OURS = new HeaderFirewall().firewall();

  /** Code points from every class the rules tell apart, ASCII the most often, as in real headers. */
  private static final int[][] POOLS = {
      {0x20, 0x7e}, {0x20, 0x7e}, {0x20, 0x7e}, {'\t', '\t'}, {0x00, 0x1f}, {0x7f, 0x9f}, {0xa0, 0xff},
      {0x4e00, 0x9fff}, {0x0378, 0x0379}, {0x1f600, 0x1f64f}, {0xe0080, 0xe00ff}, {0x10fffe, 0x10ffff},
      {0xd800, 0xdfff}, {0x2028, 0x2029}, {0xfff0, 0xfff8}};

  @Test
  void headerValuesAreJudgedAsTheLibraryJudgesThem() {
    int[] outcomes = compare(value -> MockServerHttpRequest.get("/api/reports").header("X-Test", value).build(), "X-Test",
        true);
    assertThat(outcomes[0]).as("accepted").isGreaterThan(1000);
    assertThat(outcomes[1]).as("refused").isGreaterThan(1000);
  }

  @Test
  void headerNamesAreJudgedAsTheLibraryJudgesThem() {
    int[] outcomes = compare(name -> MockServerHttpRequest.get("/api/reports").header(name, "v").build(), null, false);
    assertThat(outcomes[0]).as("accepted").isGreaterThan(1000);
    assertThat(outcomes[1]).as("refused").isGreaterThan(1000);
  }

  @Test
  void aBearerTokenOfRealSizePasses() {
    String bearer = "Bearer " + "eyJhbGciOiJSUzI1NiJ9.".repeat(60) + "abc-_~+/=";
    assertThat(HeaderRules.allowedValue(bearer)).isTrue();
    assertThat(HeaderRules.allowedValue(bearer + "\r\n")).isFalse();
    assertThat(HeaderRules.allowedValue("a\tb")).isTrue();
    assertThat(HeaderRules.allowedName("a\tb")).isFalse();
    assertThat(HeaderRules.allowedValue(null)).isTrue();
  }

  /** Runs 20,000 seeded random strings through both firewalls; returns how many were accepted and refused. */
  private static int[] compare(Function<String, MockServerHttpRequest> request, String fixedName, boolean asValue) {
    Random random = new Random(20261206);
    int[] outcomes = new int[2];
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      int length = 1 + random.nextInt(asValue ? 12 : 4);
      for (int i = 0; i < length; i++) {
        int[] pool = POOLS[random.nextInt(POOLS.length)];
        s.appendCodePoint(pool[0] + random.nextInt(pool[1] - pool[0] + 1));
      }
      String text = s.toString();
      String name = fixedName == null ? text : fixedName;
      boolean library = accepts(LIBRARY, request.apply(text), name);
      boolean ours = accepts(OURS, request.apply(text), name);
      assertThat(ours).as("%s %s", asValue ? "value" : "name", text.codePoints().mapToObj(Integer::toHexString).toList())
          .isEqualTo(library);
      outcomes[library ? 0 : 1]++;
    }
    return outcomes;
  }

  private static boolean accepts(ServerWebExchangeFirewall firewall, MockServerHttpRequest request, String name) {
    ServerWebExchange exchange = firewall.getFirewalledExchange(MockServerWebExchange.from(request)).block();
    try {
      exchange.getRequest().getHeaders().getFirst(name);
      return true;
    } catch (ServerExchangeRejectedException refused) {
      return false;
    }
  }
}
