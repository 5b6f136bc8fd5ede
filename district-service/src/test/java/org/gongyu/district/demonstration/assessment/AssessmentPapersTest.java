package org.gongyu.district.demonstration.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.district.pdf.PdfRenderer;
import org.junit.jupiter.api.Test;

/**
 * The two papers' XHTML rendered to PDF without the service: what each says in both languages, the
 * local time of the city, text of a school or an assessor escaped (never markup), numbers without
 * trailing zeros. The PDFs are kept under target/papers/ to be looked at.
 */
class AssessmentPapersTest {

  static final CityCalendar CALENDAR = new CityCalendar(new SchoolCalendar(MonthDay.of(9, 1), MonthDay.of(2, 1), 2024),
      ZoneId.of("Asia/Shanghai"), Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC));
  static final PdfRenderer RENDERER = new PdfRenderer("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
  static final AssessmentPapers PAPERS = new AssessmentPapers(null, null, null, null, null, RENDERER,
      Clock.fixed(Instant.parse("2026-12-04T08:00:00Z"), ZoneOffset.UTC), CALENDAR);
  static final UUID APP = UUID.fromString("5c1d2e3f-0000-4000-8000-000000000006");
  static final AssessmentPapers.Heading HEADING = new AssessmentPapers.Heading("湖滨实验学校", "湖西学区", "2024—2027 年示范校创建",
      "ASSESSING", Instant.parse("2024-03-06T02:00:00Z"));
  static final Rubric RUBRIC = new Rubric("示范校评估标准", "Demonstration standard", new BigDecimal("30"), List.of(
      new Rubric.Area("A1", "组织与制度", "Organisation", List.of(
          new Rubric.Criterion("A1.1", "成立家长学校", "A parent school", new BigDecimal("10"), "章程", List.of()),
          new Rubric.Criterion("A2.2", "家访覆盖率", "Home visits", new BigDecimal("25"), "家访记录", List.of())))));

  @Test
  void theScoresheetNamesTheSchoolTheAssessorsTheirPointsTheConsensusAndTheResult() throws IOException {
    ScoresheetResponse sheet = new ScoresheetResponse(APP, "ASSESSING", 1, new BigDecimal("30.00"), new BigDecimal("35.00"),
        new BigDecimal("3.00"),
        List.of(new ScoresheetResponse.AssessorLine("expert-wang", "CLEARED", Instant.parse("2026-11-21T03:00:00Z")),
            new ScoresheetResponse.AssessorLine("expert-li", "CLEARED", Instant.parse("2026-11-22T03:00:00Z")),
            new ScoresheetResponse.AssessorLine("expert-sun", "RECUSED", null)),
        List.of(
            new ScoresheetResponse.CriterionLine("A1.1", "成立家长学校", "A parent school", new BigDecimal("10.00"), List.of(
                new ScoresheetResponse.AssessorScore("expert-wang", new BigDecimal("9.00"), "章程齐全 <b>&</b>"),
                new ScoresheetResponse.AssessorScore("expert-li", new BigDecimal("10.00"), "符合要求")),
                new BigDecimal("1.00"), false, null, new BigDecimal("9.50")),
            new ScoresheetResponse.CriterionLine("A2.2", "家访覆盖率", "Home-visit coverage", new BigDecimal("25.00"), List.of(
                new ScoresheetResponse.AssessorScore("expert-wang", new BigDecimal("16.00"), "覆盖 78%"),
                new ScoresheetResponse.AssessorScore("expert-li", new BigDecimal("23.00"), "记录完整")),
                new BigDecimal("7.00"), true,
                new ScoresheetResponse.Consensus(new BigDecimal("20.00"), "现场核查家访记录后合议", "admin-990113",
                    Instant.parse("2026-11-23T03:00:00Z")),
                new BigDecimal("20.00"))),
        List.of(new ScoresheetResponse.Total("expert-wang", new BigDecimal("25.00")),
            new ScoresheetResponse.Total("expert-li", new BigDecimal("33.00"))),
        new BigDecimal("29.50"), false, List.of());
    Map<String, String> names = Map.of("expert-wang", "王立", "expert-li", "李华");

    String xhtml = PAPERS.scoresheetXhtml(sheet, HEADING, names, RUBRIC, AssessmentPapers.Lang.ZH);
    assertThat(xhtml).contains("章程齐全 &lt;b&gt;&amp;&lt;/b&gt;").doesNotContain("<b>&</b>");
    String zh = text(RENDERER.render(xhtml), "unit-scoresheet-zh.pdf");
    assertThat(zh).contains("示范学校评审评分表", "湖滨实验学校", "湖西学区", "2024—2027 年示范校创建", "评审中", "第 1 轮",
        "王立", "李华", "需合议", "现场核查家访记录后合议", "最终得分：29.5", "未达到合格分", "已回避", "2024-03-06 10:00",
        "2026-12-04 16:00（北京时间）", "章程齐全 <b>&</b>");

    String en = text(RENDERER.render(PAPERS.scoresheetXhtml(sheet, HEADING, names, RUBRIC, AssessmentPapers.Lang.EN)),
        "unit-scoresheet-en.pdf");
    assertThat(en).contains("Demonstration school assessment scoresheet", "湖滨实验学校", "Home visits", "A parent school",
        "consensus", "Final score: 29.5", "below the pass mark", "Recused", "Assessing");
  }

  @Test
  void theApplicationFormListsTheSelfEvaluationPerCriterionWithItsEvidence() throws IOException {
    FileResponse file = new FileResponse(APP, "9901130004", "DEMO-2024", 1, Instant.parse("2026-11-10T02:00:00Z"), "STD", 2,
        new BigDecimal("31.00"),
        new FileResponse.RubricView("示范校评估标准", "Demonstration standard", new BigDecimal("30"), new BigDecimal("35"), List.of(
            new FileResponse.AreaView("A1", "组织与制度", "Organisation", List.of(
                new FileResponse.CriterionView("A1.1", "成立家长学校", "A parent school", new BigDecimal("10"), "章程"),
                new FileResponse.CriterionView("A2.2", "家访覆盖率", "Home visits", new BigDecimal("25"), null))))),
        List.of(new FileResponse.Item("A1.1", new BigDecimal("9"), "2024 年 3 月成立家长学校，章程经校务会通过。",
            List.of(new FileResponse.Evidence("家长学校章程", "DOC-2024-031")))),
        null);
    String zh = text(RENDERER.render(PAPERS.formXhtml(file, HEADING, AssessmentPapers.Lang.ZH)), "unit-form-zh.pdf");
    assertThat(zh).contains("示范学校申报表", "湖滨实验学校", "示范校评估标准 (STD v2)", "31 / 35", "A1 组织与制度", "A1.1 成立家长学校",
        "2024 年 3 月成立家长学校，章程经校务会通过。", "家长学校章程：DOC-2024-031", "未提供", "2026-11-10 10:00");
    String en = text(RENDERER.render(PAPERS.formXhtml(file, HEADING, AssessmentPapers.Lang.EN)), "unit-form-en.pdf");
    assertThat(en).contains("Demonstration school application form", "A1 Organisation", "A2.2 Home visits", "Self-score", "none");
  }

  static String text(byte[] pdf, String keep) throws IOException {
    Path dir = Path.of("target", "papers");
    Files.createDirectories(dir);
    Files.write(dir.resolve(keep), pdf);
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
