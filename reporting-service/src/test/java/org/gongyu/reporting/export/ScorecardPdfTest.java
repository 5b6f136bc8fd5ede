package org.gongyu.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gongyu.reporting.report.CityScorecard;
import org.gongyu.reporting.report.CountyScorecard;
import org.gongyu.reporting.report.IndicatorView;
import org.gongyu.reporting.report.RollupCell;
import org.gongyu.reporting.report.SignOffs;
import org.junit.jupiter.api.Test;

class ScorecardPdfTest {

  private static RollupCell cell(String id, String name, String value, Boolean met, boolean suppressed) {
    return new RollupCell(id, name, suppressed, suppressed ? null : 272L, suppressed ? null : 500L,
        value == null ? null : new BigDecimal(value), new BigDecimal("0.80"), met, 1, 2, 3, new BigDecimal("0.6667"),
        null, null, null, null, 1L, Instant.parse("2031-09-01T00:00:00Z"));
  }

  private static CityScorecard scorecard() {
    IndicatorView contact = new IndicatorView("PARENT_CONTACT", "家长联系率 <&>", "Parent contact rate", "RATIO", "SEMESTER",
        "AT_LEAST", false, List.of(), new BigDecimal("0.80"));
    return new CityScorecard("2031-2032-1", List.of(new CityScorecard.IndicatorLine(contact, "2031-2032-1",
        cell("990100", "演示市", "0.7000", false, false),
        List.of(cell("990121", "湖滨区", "0.5440", false, false), cell("990122", "山前县", null, null, true)))));
  }

  @Test
  void theCityReportIsWellFormedXhtmlWithFiguresForPeopleAndTheTimeInTheCity() throws Exception {
    String xhtml = new ScorecardPdf(Lang.ZH, ZoneId.of("Asia/Shanghai"), Instant.parse("2026-12-04T08:30:00Z"))
        .city(scorecard(), "演示市");

    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    assertThat(xhtml).contains("演示市 指标概览", "2031-2032-1", "2026-12-04 16:30", "北京时间");
    assertThat(xhtml).contains("54.4 %", "未达标", "&lt;5", "家长联系率 &lt;&amp;&gt;");
    assertThat(xhtml).as("a bar of 54.4 % of the scale and the target line at 80 %")
        .contains("width: 54.4%", "left: 80.0%");
  }

  @Test
  void englishReportsUseEnglishNames() {
    String xhtml = new ScorecardPdf(Lang.EN, ZoneId.of("Asia/Shanghai"), Instant.parse("2026-12-04T08:30:00Z"))
        .city(scorecard(), "演示市");

    assertThat(xhtml).contains("Scorecard — 演示市", "Parent contact rate", "not met", "Generated at: 2026-12-04 16:30");
  }

  @Test
  void theCountyReportShowsSignOffCompletenessAndTimelinessBesideTheSnapshotOnes() throws Exception {
    IndicatorView contact = new IndicatorView("PARENT_CONTACT", "家长联系率", "Parent contact rate", "RATIO", "SEMESTER",
        "AT_LEAST", false, List.of(), new BigDecimal("0.80"));
    RollupCell county = new RollupCell("990121", "湖滨区", false, 272L, 500L, new BigDecimal("0.5440"), new BigDecimal("0.80"),
        false, 1, 2, 3, new BigDecimal("0.6667"), 1, 3, new BigDecimal("0.3333"),
        new SignOffs(2, 1, 1, new BigDecimal("0.6667"), new BigDecimal("0.3333")), 1L, Instant.parse("2031-09-01T00:00:00Z"));
    CountyScorecard sc = new CountyScorecard("2031-2032-1", "990121", "湖滨区",
        List.of(new CountyScorecard.Column(contact, "2031-2032-1", county)), List.of());

    String xhtml = new ScorecardPdf(Lang.ZH, ZoneId.of("Asia/Shanghai"), Instant.parse("2026-12-04T08:30:00Z")).county(sc);
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
    assertThat(xhtml).contains("<th>及时率</th><th>上报完成率</th><th>按时上报率</th>",
        "<td>66.7 %</td><td>33.3 %</td><td>66.7 %</td><td>33.3 %</td></tr>");
    String before = new ScorecardPdf(Lang.EN, ZoneId.of("Asia/Shanghai"), Instant.parse("2026-12-04T08:30:00Z"))
        .county(new CountyScorecard("2031-2032-1", "990121", "湖滨区", List.of(new CountyScorecard.Column(contact, "2031-2032-1",
            cell("990121", "湖滨区", "0.5440", false, false))), List.of()));
    assertThat(before).contains("<th>Sign-off completeness</th>", "<td>—</td><td>—</td><td>—</td></tr>");
  }

  @Test
  void escapesEveryMarkupCharacterAndDropsControls() {
    assertThat(ScorecardPdf.t("<a href=\"x\">'&'</a>\u0001")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  }
}
