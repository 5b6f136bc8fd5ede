package org.gongyu.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void aValueThatRoundsToItsTargetKeepsTheDecimalsThatTellThemApart() {
    assertThat(Formats.value("PER_CAPITA", new BigDecimal("3.9610"), new BigDecimal("4"), 3961L, 1000L, false, Lang.ZH))
        .isEqualTo("3.96 次/人");
    assertThat(Formats.value("PER_CAPITA", new BigDecimal("3.9100"), new BigDecimal("4"), 391L, 100L, false, Lang.ZH))
        .isEqualTo("3.9 次/人");
    assertThat(Formats.value("RATIO", new BigDecimal("0.5996"), new BigDecimal("0.60"), 5996L, 10000L, false, Lang.EN))
        .isEqualTo("59.96 %");
    assertThat(Formats.value("RATIO", new BigDecimal("0.6000"), new BigDecimal("0.60"), 6L, 10L, false, Lang.ZH))
        .isEqualTo("60.0 %");
  }

  @Test
  void aCountyOrCityCellOfAPerSchoolCountReadsAsTheSchoolsMeetingIt() {
    var county = new org.gongyu.reporting.report.RollupCell("990101", "东城县", false, 159L, 10L,
        new BigDecimal("15.9000"), BigDecimal.valueOf(20), false, 1, 10, 10, BigDecimal.ONE, null, null, null, null, 3L, null);
    assertThat(Formats.rollup("COUNT", county, Lang.ZH)).isEqualTo("1/10 所");
    assertThat(Formats.rollup("COUNT", county, Lang.EN)).isEqualTo("1/10 schools");
    assertThat(Formats.rollup("RATIO", county, Lang.ZH)).isEqualTo("1590.0 %");
    var withheld = new org.gongyu.reporting.report.RollupCell("990101", "东城县", true, null, null,
        null, BigDecimal.valueOf(20), null, 1, 10, 10, BigDecimal.ONE, null, null, null, null, 3L, null);
    assertThat(Formats.rollup("COUNT", withheld, Lang.ZH)).isEqualTo("<5");
  }

  @Test
  void textThatASpreadsheetWouldTakeForAFormulaIsPrefixedWithAnApostrophe() {
    assertThat(Formats.neutralise("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
    assertThat(Formats.neutralise("+1")).isEqualTo("'+1");
    assertThat(Formats.neutralise("-2+3")).isEqualTo("'-2+3");
    assertThat(Formats.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Formats.neutralise("\t=1")).isEqualTo("'\t=1");
    assertThat(Formats.neutralise("\r=1")).isEqualTo("'\r=1");
  }

  @Test
  void ordinaryTextIsLeftAsItIs() {
    assertThat(Formats.neutralise("湖滨一小")).isEqualTo("湖滨一小");
    assertThat(Formats.neutralise("a=b")).isEqualTo("a=b");
    assertThat(Formats.neutralise("")).isEmpty();
    assertThat(Formats.neutralise(null)).isNull();
  }

  @Test
  void figuresReadForPeopleByTheirKind() {
    assertThat(Formats.value("RATIO", new BigDecimal("0.5440"), null, 272L, 500L, false, Lang.ZH)).isEqualTo("54.4 %");
    assertThat(Formats.value("RATIO", BigDecimal.ONE, null, 5L, 5L, false, Lang.EN)).isEqualTo("100.0 %");
    assertThat(Formats.value("PER_CAPITA", new BigDecimal("3.2000"), null, 640L, 200L, false, Lang.ZH)).isEqualTo("3.2 次/人");
    assertThat(Formats.value("PER_CAPITA", new BigDecimal("2.6182"), null, 1440L, 550L, false, Lang.EN))
        .isEqualTo("2.6 per person");
    assertThat(Formats.value("SCHOOL_THRESHOLD", new BigDecimal("0.9000"), null, 9L, 10L, false, Lang.ZH)).isEqualTo("9/10 所");
    assertThat(Formats.value("SCHOOL_THRESHOLD", new BigDecimal("0.9000"), null, 9L, 10L, false, Lang.EN))
        .isEqualTo("9/10 schools");
    assertThat(Formats.value("COUNT", new BigDecimal("1.5000"), null, 3L, 2L, false, Lang.ZH)).isEqualTo("1.5");
    assertThat(Formats.value("COUNT", new BigDecimal("3.0000"), null, 3L, 1L, false, Lang.ZH)).isEqualTo("3");
    assertThat(Formats.value("UNIT_COUNT", new BigDecimal("2.6667"), null, 8L, 3L, false, Lang.ZH)).isEqualTo("2.7");
  }

  @Test
  void aWithheldSmallCellReadsLessThanFiveAndNothingReadsADash() {
    assertThat(Formats.value("RATIO", null, null, null, null, true, Lang.ZH)).isEqualTo("<5");
    assertThat(Formats.value("RATIO", null, null, null, null, false, Lang.ZH)).isEqualTo("—");
    assertThat(Formats.amount("RATIO", null, Lang.ZH)).isEqualTo("—");
  }

  @Test
  void metIsSaidInWords() {
    assertThat(Formats.met(true, Lang.ZH)).isEqualTo("达标");
    assertThat(Formats.met(false, Lang.ZH)).isEqualTo("未达标");
    assertThat(Formats.met(false, Lang.EN)).isEqualTo("not met");
    assertThat(Formats.met(null, Lang.EN)).isEmpty();
  }

  @Test
  void timesAreLocalToTheCity() {
    assertThat(Formats.local(Instant.parse("2026-11-30T16:00:00Z"), ZoneId.of("Asia/Shanghai")))
        .isEqualTo("2026-12-01 00:00");
  }

  @Test
  void contentDispositionCarriesTheUtf8NameAsAnRfc5987ExtendedParameter() {
    String header = Formats.contentDisposition("湖滨区指标概览-2031-2032-1.xlsx", "county-scorecard-990121-2031-2032-1.xlsx");

    assertThat(header).isEqualTo("attachment; filename=\"county-scorecard-990121-2031-2032-1.xlsx\"; "
        + "filename*=UTF-8''%E6%B9%96%E6%BB%A8%E5%8C%BA%E6%8C%87%E6%A0%87%E6%A6%82%E8%A7%88-2031-2032-1.xlsx");
    assertThat(Formats.rfc5987("a b;c'\"")).isEqualTo("a%20b%3Bc%27%22");
  }

  @Test
  void fileNamesLoseWhatNoFileSystemTakes() {
    assertThat(Formats.fileName("a/b\\c:d*e?f\"g<h>i|j")).isEqualTo("a_b_c_d_e_f_g_h_i_j");
    assertThat(Formats.fileName("=cmd|' /C calc'!A0指标")).isEqualTo("=cmd_' _C calc'!A0指标");
  }
}
