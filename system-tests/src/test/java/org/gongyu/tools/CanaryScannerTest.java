package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.gongyu.tools.CanaryScanner.Canaries;
import org.gongyu.tools.CanaryScanner.Kind;
import org.junit.jupiter.api.Test;

/** The canary scanner without a platform: it finds each canary in its derived forms, names where, and refuses to pass on nothing. */
class CanaryScannerTest {

  final Canaries canaries = Canaries.random(new Random(42));

  @Test
  void theCanariesAreWhatTheyClaimToBe() {
    for (long seed = 0; seed < 200; seed++) {
      Canaries c = Canaries.random(new Random(seed));
      assertThat(c.residentId()).matches("[1-9]\\d{16}[0-9X]");
      int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
      int sum = 0;
      for (int i = 0; i < 17; i++) {
        sum += (c.residentId().charAt(i) - '0') * w[i];
      }
      assertThat(c.residentId().charAt(17)).isEqualTo("10X98765432".charAt(sum % 11));
      assertThat(c.mobile()).matches("1[3-9]\\d{9}");
      assertThat(c.email()).matches("[a-z0-9.]+@canary-mail\\.cn");
      assertThat(c.name()).startsWith("欧阳").hasSize(4);
      assertThat(c.studentRef()).matches("XS[A-Z0-9]+");
    }
    assertThat(Canaries.random(new Random(1))).isNotEqualTo(Canaries.random(new Random(2)));
  }

  @Test
  void aCleanPlaceWithTextPasses() {
    CanaryScanner scanner = new CanaryScanner(canaries);
    scanner.scan("kafka gongyu.x", "p0@0", "{\"schoolId\":\"9904010001\",\"numerator\":1,\"studentKey\":\"hmac:Zm9vYmFy\"}");
    scanner.assertClean();
    assertThat(scanner.coverage()).contains("kafka gongyu.x");
  }

  @Test
  void eachCanaryIsFoundRawAndInItsDerivedFormsAndTheFailureNamesPlaceAndKindButNotTheValue() {
    String id = canaries.residentId();
    String m = canaries.mobile();
    String[][] cases = {
        {"raw id", "x " + id + " y", "RESIDENT_ID"},
        {"id in groups", id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14), "RESIDENT_ID"},
        {"mobile with dashes", m.substring(0, 3) + "-" + m.substring(3, 7) + "-" + m.substring(7), "MOBILE"},
        {"mobile +86", "+86 " + m, "MOBILE"},
        {"email upper case", canaries.email().toUpperCase(), "EMAIL"},
        {"email url-encoded", "to=" + URLEncoder.encode(canaries.email(), StandardCharsets.UTF_8), "EMAIL"},
        {"name", "家长：" + canaries.name(), "NAME"},
        {"name json-escaped", "{\"n\":\"" + escape(canaries.name()) + "\"}", "NAME"},
        {"name url-encoded", "GET /x?q=" + URLEncoder.encode(canaries.name(), StandardCharsets.UTF_8), "NAME"},
        {"name spaced", "欧阳 " + canaries.name().charAt(2) + " " + canaries.name().charAt(3), "NAME"},
        {"reference lower case", canaries.studentRef().toLowerCase(), "STUDENT_REF"},
    };
    for (String[] c : cases) {
      CanaryScanner scanner = new CanaryScanner(canaries);
      scanner.scan("reporting GET /api/reports/x", c[0], c[1]);
      assertThat(scanner.hits()).as(c[0]).extracting(CanaryScanner.Hit::kind).containsExactly(Kind.valueOf(c[2]));
      assertThatThrownBy(scanner::assertClean).as(c[0])
          .hasMessageContaining("reporting GET /api/reports/x › " + c[0] + ": " + c[2])
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(id, m, canaries.email(), canaries.name(), canaries.studentRef()));
    }
  }

  @Test
  void theGuardsOwnExampleSentenceCarriesEveryKind() {
    CanaryScanner scanner = new CanaryScanner(canaries);
    scanner.scan("log school-service.log", "line 1", canaries.sentence());
    assertThat(scanner.hits()).extracting(CanaryScanner.Hit::kind).containsExactlyInAnyOrder(Kind.values());
  }

  @Test
  void aPlaceThatGaveNothingFailsTheRun() {
    CanaryScanner scanner = new CanaryScanner(canaries);
    scanner.place("kafka (no topics)");
    scanner.scan("db gongyu_st_city", "empty row", "");
    assertThatThrownBy(scanner::assertClean).hasMessageContaining("nothing was read from [kafka (no topics), db gongyu_st_city]");
  }

  @Test
  void otherDigitsAndOtherNamesAreNoHit() {
    CanaryScanner scanner = new CanaryScanner(canaries);
    String other = Canaries.random(new Random(7)).sentence();
    scanner.scan("place", "other run's canaries", other + " 2026-2027-1 9904010001 欧阳修");
    assertThat(scanner.hits()).isEmpty();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(String.format("\\u%04x", c)));
    return b.toString();
  }
}
