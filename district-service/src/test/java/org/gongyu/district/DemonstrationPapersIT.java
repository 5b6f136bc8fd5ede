package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.district.DemonstrationFixtures.application;
import static org.gongyu.district.DemonstrationFixtures.assignment;
import static org.gongyu.district.DemonstrationFixtures.scores;
import static org.gongyu.district.DemonstrationFixtures.selfEvaluation;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The scoresheet (评分表) and the application form (申报表) as PDF: Chinese text that a reader can
 * extract (the CJK font embedded), English with {@code lang=en}, and exactly the callers of the
 * scoresheet and the file: an assessor of another county gets the same 404 as for the file, one
 * not assigned the same 403,. County 990133 (shared
 * with DemonstrationAssessmentIT's panel test; these schools and programme are this class's own).
 */
class DemonstrationPapersIT extends DistrictITSupport {

  static final String COUNTY = "990133";
  static final String OTHER = "990134";
  static final String SCHOOL = "9901339901";
  static final String PROGRAMME = "DPAPER-P1-" + COUNTY;

  UUID app;
  static int kept;

  @BeforeAll
  void anAssessmentWithASpread() {
    putSchool(COUNTY, SCHOOL, "城西示范小学", "PRIMARY", null);
    DemonstrationFixtures.programme(jdbc, COUNTY, PROGRAMME);
    app = application(jdbc, COUNTY, PROGRAMME, SCHOOL, DemonstrationStatus.ASSESSING);
    selfEvaluation(jdbc, app, 1);
    for (String who : new String[] {"a", "b"}) {
      String username = username(who, COUNTY);
      token(who, COUNTY);
      ResponseEntity<tools.jackson.databind.JsonNode> panel = put(demo() + "/assessors/" + username,
          JSON.writeValueAsString(Map.of("name", who.equals("a") ? "王评审" : "李评审")));
      assertThat(panel.getStatusCode().is2xxSuccessful()).as("%s", panel.getBody()).isTrue();
      assignment(jdbc, app, 1, username, "CLEARED", true);
    }
    scores(jdbc, app, 1, username("a", COUNTY), "8", "16", "7");
    scores(jdbc, app, 1, username("b", COUNTY), "9", "11", "7");
  }

  @Test
  void theScoresheetIsAPdfInChineseWithEveryAssessorsScoresTheConsensusAndTheTotals() throws IOException {
    ResponseEntity<tools.jackson.databind.JsonNode> consensus = put(demo() + "/applications/" + app + "/consensus/A1.2",
        "{\"points\":14,\"note\":\"现场核查平台数据后合议\"}");
    assertThat(consensus.getStatusCode().value()).as("%s", consensus.getBody()).isIn(200, 201);

    ResponseEntity<byte[]> pdf = pdf(demo() + "/applications/" + app + "/scoresheet.pdf", null);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    String text = text(pdf.getBody());
    assertThat(text).contains("示范学校评审评分表", "城西示范小学", "测试创建", "王评审", "李评审", "数字家长学校", "现场核查平台数据后合议",
        "现场查看");
    // totals 31 and 27, the consensus 14 in A1.2, final 8.5 + 14 + 7 = 29.5
    assertThat(text).contains("31", "27", "29.5");

    String en = text(pdf(demo() + "/applications/" + app + "/scoresheet.pdf?lang=en", null).getBody());
    assertThat(en).contains("Demonstration school assessment scoresheet", "城西示范小学", "Digital parent school", "Final score");

    // an assessor who submitted reads it; one of another county does not find it
    assertThat(pdf(demo() + "/applications/" + app + "/scoresheet.pdf", token("a", COUNTY)).getStatusCode().value()).isEqualTo(200);
    assertThat(pdf(demo(OTHER) + "/applications/" + app + "/scoresheet.pdf", token("a", OTHER)).getStatusCode().value())
        .isEqualTo(404);
    assertThat(pdf(demo() + "/applications/" + app + "/scoresheet.pdf", token("d", COUNTY)).getStatusCode().value())
        .as("not assigned").isEqualTo(403);
  }

  @Test
  void theApplicationFormIsAPdfOfTheSelfEvaluationForTheCountyAndTheClearedAssessorsOnly() throws IOException {
    ResponseEntity<byte[]> pdf = pdf(demo() + "/applications/" + app + "/application-form.pdf", token("b", COUNTY));
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getContentDisposition().getFilename()).isEqualTo("application-form-" + app + ".pdf");
    String text = text(pdf.getBody());
    assertThat(text).contains("示范学校申报表", "城西示范小学", "测试创建", "家长学校", "家长学校章程齐全，每学期授课四次", "档案柜A-12",
        "家访计划");

    String en = text(pdf(demo() + "/applications/" + app + "/application-form.pdf?lang=en", null).getBody());
    assertThat(en).contains("Demonstration school application form", "城西示范小学", "Home visits", "Self-score");

    // the same callers as the file: the other county's assessor 404, an unassigned one 403
    assertThat(pdf(demo(OTHER) + "/applications/" + app + "/application-form.pdf", token("a", OTHER)).getStatusCode().value())
        .isEqualTo(404);
    assertThat(pdf(demo() + "/applications/" + app + "/application-form.pdf", token("d", COUNTY)).getStatusCode().value())
        .isEqualTo(403);
    assertThat(call(demo(OTHER) + "/applications/" + app + "/file", token("a", OTHER))).isEqualTo(404);
  }

  // ---- helpers

  static String demo() {
    return demo(COUNTY);
  }

  static String demo(String county) {
    return "/api/district/counties/" + county + "/demonstration";
  }

  static String username(String who, String county) {
    return "dpaper-" + who + "-county-assessor-" + county;
  }

  static String token(String who, String county) {
    return Keycloak.accounts().tokenAs("dpaper-" + who, "county-assessor", county, Keycloak.CITY);
  }

  ResponseEntity<byte[]> pdf(String path, String token) {
    var request = http.get().uri(path).accept(MediaType.ALL);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(byte[].class);
  }

  int call(String path, String token) {
    return http.get().uri(path).header("Authorization", "Bearer " + token).retrieve()
        .onStatus(HttpStatusCode::isError, (req, res) -> {}).toBodilessEntity().getStatusCode().value();
  }

  /** The text of a PDF; the file is kept under target/papers/ to be looked at. */
  static String text(byte[] pdf) throws IOException {
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    java.nio.file.Path dir = java.nio.file.Path.of("target", "papers");
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.write(dir.resolve("paper-" + (++kept) + ".pdf"), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
