package org.gongyu.district.demonstration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.gongyu.chassis.web.Msg;
import org.gongyu.chassis.web.Texts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every wording of the demonstration checks' findings and missing steps reads in English exactly
 * as the check words it, and in Chinese without English words besides field paths and codes.
 */
class FindingsTest {

  static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasenames("messages", "chassis-messages");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
    MESSAGES.setAlwaysUseMessageFormat(true);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "scheduledOn: 2026-01-01 is before today (2026-11-23)",
      "scheduledOn: 2031-01-01 is after the title's last valid day 2030-08-31",
      "note: required for REVOKE (the school is told why)",
      "rectificationDeadline: only a RECTIFY outcome takes a deadline",
      "rectificationDeadline: required for RECTIFY",
      "rectificationDeadline: 2026-01-01 must be after today (2026-11-23)",
      "rectificationDeadline: 2031-01-01 is after the title's last valid day 2030-08-31",
      "endsOn: must be on or after startsOn 2026-09-01",
      "applicationOpensOn: must be on or after startsOn 2026-09-01",
      "applicationDeadline: must be on or after applicationOpensOn 2026-09-15",
      "applicationDeadline: must be on or before endsOn 2029-08-31",
      "standardVersion: standard DEMO-SCHOOL version 3 has not been received from the city",
      "quotas: the county-direct line (xuequId null) appears more than once",
      "quotas: 学区 990101-01 appears more than once",
      "quotas: 990102-01 is not a 学区 of county 990101",
      "quotas: they add up to 9, the programme's target is 10",
      "schools: 9901010001 appears more than once",
      "schools: 9901010001 is not registered in county 990101",
      "schools: 9901010001 is directly under the county, not in 学区 990101-01",
      "schools: 9901010001 is in 学区 990101-01, not directly under the county",
      "schools: 9901010001 is in 学区 990101-01, not in 学区 990101-02",
      "schools: plannedYear 2031 of 9901010001 is not a year of the programme (2026–2029)"})
  void everyFindingReadsTheSameInEnglishAndIsTranslated(String finding) {
    Msg msg = Findings.of(finding);
    assertThat(msg.code()).as(finding).isNotNull();
    assertThat(Texts.resolve(msg, MESSAGES, Locale.ENGLISH)).isEqualTo(finding);
    String zh = Texts.resolve(msg, MESSAGES, Locale.SIMPLIFIED_CHINESE);
    assertThat(zh).isNotEqualTo(finding);
    String field = finding.substring(0, finding.indexOf(": ") + 2);
    assertThat(zh).startsWith(field);
    assertThat(zh.substring(field.length()).replaceAll("(startsOn|applicationOpensOn|endsOn|xuequId)", ""))
        .doesNotContainPattern("[a-z]{3,}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"at least 2 cleared assessors (1 so far)", "the submitted scores of assessor-7",
      "a consensus on A1.2 (spread 3.00 > margin 2.00)", "a score on A2.1"})
  void everyMissingStepReadsTheSameInEnglishAndIsTranslated(String step) {
    Msg msg = Findings.of(step);
    assertThat(msg.code()).as(step).isNotNull();
    assertThat(Texts.resolve(msg, MESSAGES, Locale.ENGLISH)).isEqualTo(step);
    assertThat(Texts.resolve(msg, MESSAGES, Locale.SIMPLIFIED_CHINESE).replace("assessor-7", ""))
        .doesNotContainPattern("[a-z]{3,}");
  }
}
