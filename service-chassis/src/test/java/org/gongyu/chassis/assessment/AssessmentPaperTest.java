package org.gongyu.chassis.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.chassis.excel.Lang;
import org.gongyu.chassis.pdf.XhtmlPdf;
import org.gongyu.contracts.assessment.FigureUsed;
import org.gongyu.contracts.assessment.Scoring;
import org.gongyu.contracts.assessment.ScoringItem;
import org.gongyu.contracts.assessment.ScoringRule;
import org.gongyu.contracts.assessment.ScoringScheme;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.junit.jupiter.api.Test;

/**
 * The PDF and the .xlsx of an assessment with adjustments (加减分): ranked by the final total, each
 * adjustment with its reason, a withdrawn one shown as withdrawn and not counted; Chinese drawn with
 * the embedded CJK font (a blank font would extract nothing).
 */
class AssessmentPaperTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant AT = Instant.parse("2026-12-05T06:00:00Z");
  private static final ScoringScheme SCHEME = new ScoringScheme("县区管理考核", "County management assessment", new BigDecimal("10"),
      List.of(new ScoringItem("K1", "数字家长学校注册率", "Registration", "PLATFORM_REGISTRATION", IndicatorKind.RATIO,
          new BigDecimal("10"), ScoringRule.linear(new BigDecimal("0.4"), new BigDecimal("0.6")))));

  private static AssessmentWorkbook.Run run() {
    var results = Scoring.assess(SCHEME, Map.of(
        "C1", Map.of("K1", new FigureUsed(List.of("2026-2027"), new Figure(6, 10))),
        "C2", Map.of("K1", new FigureUsed(List.of("2026-2027"), new Figure(544, 1000)))));
    var raise = new AdjustmentResponse(1, "S", 1, "2026-2027", "C2", "K1", new BigDecimal("5.00"), "获市级表彰加分", AT, "city-staff",
        null, null, null);
    var gone = new AdjustmentResponse(2, "S", 1, "2026-2027", "C1", null, new BigDecimal("-3.00"), "投诉扣分", AT, "city-staff",
        AT, "city-admin", "复核后不属实");
    return new AssessmentWorkbook.Run("S", 1, "2026-2027", AT, "city-staff", SCHEME, results,
        Map.of("C1", "甲县", "C2", "乙县"), List.of(raise, gone));
  }

  @Test
  void thePdfRanksByTheFinalTotalAndShowsEachAdjustmentAndWhyOneWasWithdrawn() throws Exception {
    byte[] pdf = new XhtmlPdf(XhtmlPdf.DEFAULT_FONT, "test").render(AssessmentPaper.xhtml(run(), Lang.ZH, ZONE));
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
    assertThat(text).contains("县区管理考核").contains("排名").contains("乙县").contains("甲县")
        .contains("获市级表彰加分").contains("复核后不属实").contains("12.2").contains("+5");
    assertThat(text.indexOf("1 乙县")).as("乙县 (7.2 + 5) ranks above 甲县 (10, the deduction withdrawn): %s", text)
        .isGreaterThanOrEqualTo(0).isLessThan(text.indexOf("2 甲县"));

    String en = AssessmentPaper.xhtml(run(), Lang.EN, ZONE);
    assertThat(en).contains("Ranking").contains("Registration").contains("withdrawn: 复核后不属实");
  }

  @Test
  void theWorkbookRanksByTheFinalTotalAndListsTheAdjustments() throws Exception {
    byte[] xlsx = AssessmentWorkbook.write(run(), Lang.ZH, ZONE);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      var ranking = wb.getSheet("排名");
      assertThat(ranking.getRow(1).getCell(1).getStringCellValue()).isEqualTo("乙县");
      assertThat(ranking.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(12.2);
      assertThat(ranking.getRow(0).getCell(5).getStringCellValue()).isEqualTo("加减分");
      assertThat(ranking.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(5.0);
      assertThat(ranking.getRow(2).getCell(5).getNumericCellValue()).as("withdrawn, not counted").isEqualTo(0.0);
      var adjustments = wb.getSheet("加减分");
      assertThat(adjustments.getRow(1).getCell(3).getStringCellValue()).isEqualTo("获市级表彰加分");
      assertThat(adjustments.getRow(2).getCell(8).getStringCellValue()).isEqualTo("复核后不属实");
    }
  }
}
