package org.gongyu.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.gongyu.reporting.report.CityScorecard;
import org.gongyu.reporting.report.CountyScorecard;
import org.gongyu.reporting.report.IndicatorView;
import org.gongyu.reporting.report.RollupCell;
import org.gongyu.reporting.report.SignOffs;
import org.junit.jupiter.api.Test;

class SheetsTest {

  private static final IndicatorView CONSULT = new IndicatorView("CONSULTATION_RESOLUTION", "咨询个案办结率",
      "Consultation cases resolved", "RATIO", "SEMESTER", "AT_LEAST", true, List.of(), new BigDecimal("0.90"));

  private static CountyScorecard scorecard() {
    RollupCell county = new RollupCell("990121", "湖滨区", false, 22L, 24L, new BigDecimal("0.9167"), new BigDecimal("0.90"),
        true, 2, 3, 3, BigDecimal.ONE, null, null, null, null, 1L, Instant.parse("2031-09-01T00:00:00Z"));
    CountyScorecard.SchoolCell small = new CountyScorecard.SchoolCell("CONSULTATION_RESOLUTION", "2031-2032-1", "990121-XQ1",
        true, true, null, null, null, new BigDecimal("0.90"), null, 1L, Instant.parse("2031-09-01T00:00:00Z"));
    CountyScorecard.SchoolCell shown = new CountyScorecard.SchoolCell("CONSULTATION_RESOLUTION", "2031-2032-1", "990121-XQ2",
        true, false, 10L, 10L, BigDecimal.ONE, new BigDecimal("0.90"), true, 1L, Instant.parse("2031-09-01T00:00:00Z"));
    return new CountyScorecard("2031-2032-1", "990121", "湖滨区",
        List.of(new CountyScorecard.Column(CONSULT, "2031-2032-1", county)),
        List.of(new CountyScorecard.SchoolLine("9901210001", "湖滨一小", "PRIMARY", List.of(small)),
            new CountyScorecard.SchoolLine("9901210003", "湖滨中学", "JUNIOR_SECONDARY", List.of(shown))));
  }

  @Test
  void theCountyScorecardIsTheCountyRowThenItsSchoolsWithWithheldCellsKeptWithheld() {
    List<Sheet> sheets = new Sheets(Lang.ZH).countyScorecard(scorecard());

    Sheet overview = sheets.getFirst();
    assertThat(overview.columns()).extracting(Sheet.Column::header)
        .containsExactly("单位编码", "单位", "层级", "学区", "学校类型", "咨询个案办结率");
    assertThat(overview.rows()).hasSize(3);
    assertThat(overview.rows().get(0)).containsExactly("990121", "湖滨区", "县区", null, null,
        new Sheet.Figure("RATIO", new BigDecimal("0.9167"), false));
    assertThat(overview.rows().get(1)).containsExactly("9901210001", "湖滨一小", "学校", "990121-XQ1", "小学", Sheet.WITHHELD);
    assertThat(overview.rows().get(2).get(4)).isEqualTo("初中");
    Sheet details = sheets.get(1);
    List<Object> withheld = details.rows().getFirst();
    assertThat(withheld.subList(7, 10)).as("numerator, denominator, value").containsOnly(Sheet.WITHHELD);
    assertThat(withheld.get(11)).as("met of a withheld cell is not said").isNull();
    assertThat(details.rows().get(1).get(9)).isEqualTo(new Sheet.Figure("RATIO", BigDecimal.ONE, false));
    assertThat(details.rows().get(1).get(11)).isEqualTo("是");
  }

  @Test
  void englishHeadersAndNames() {
    Sheet overview = new Sheets(Lang.EN).countyScorecard(scorecard()).getFirst();

    assertThat(overview.columns()).extracting(Sheet.Column::header)
        .containsExactly("Unit code", "Unit", "Level", "Xuequ", "School type", "Consultation cases resolved");
    assertThat(overview.rows().get(2).get(4)).isEqualTo("Junior secondary");
  }

  @Test
  void scorecardDetailsShowSignOffsBesideTimelinessAndLeaveThemEmptyForARollupBeforeSignOffs() {
    Instant asOf = Instant.parse("2031-09-01T00:00:00Z");
    RollupCell city = new RollupCell("990100", "演示市", false, 30L, 34L, new BigDecimal("0.8824"), new BigDecimal("0.90"),
        false, 3, 4, 4, BigDecimal.ONE, 2, 3, new BigDecimal("0.6667"),
        new SignOffs(3, 2, 1, new BigDecimal("0.7500"), new BigDecimal("0.6667")), 2L, asOf);
    RollupCell older = new RollupCell("990122", "山前县", false, 8L, 10L, new BigDecimal("0.8000"), new BigDecimal("0.90"),
        false, 0, 1, 1, BigDecimal.ONE, null, null, null, null, 1L, asOf);
    CityScorecard sc = new CityScorecard("2031-2032-1",
        List.of(new CityScorecard.IndicatorLine(CONSULT, "2031-2032-1", city, List.of(older))));

    Sheet details = new Sheets(Lang.ZH).cityScorecard(sc).get(1);
    List<String> headers = details.columns().stream().map(Sheet.Column::header).toList();
    int signedOff = headers.indexOf("完成上报");
    assertThat(headers.subList(signedOff - 1, signedOff + 4)).containsExactly("及时率", "完成上报", "上报完成率", "按时上报率", "审核通过");
    assertThat(details.rows().get(0).subList(signedOff, signedOff + 4))
        .containsExactly(3, new BigDecimal("0.7500"), new BigDecimal("0.6667"), 1);
    assertThat(details.rows().get(1).subList(signedOff, signedOff + 4)).containsOnlyNulls();
    assertThat(new Sheets(Lang.EN).cityScorecard(sc).get(1).columns().stream().map(Sheet.Column::header).toList())
        .containsSubsequence("Timeliness", "Signed off", "Sign-off completeness", "Signed off on time", "Approved");
  }
}
