package org.gongyu.school.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.gongyu.chassis.web.Msg;
import org.gongyu.chassis.web.Texts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every wording of the checks' findings reads in English exactly as the check words it, and in
 * Chinese without English words besides field paths, ids and codes.
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
      "contacts[0].contactedOn: 2027-01-05 is in the future (today is 2026-11-23)",
      "receivedOn: 2027-01-05 is in the future",
      "files[1].openedOn: 1999-08-31 is before the first school year this service records (2000-2001)",
      "leftOn: 2026-01-01 is before certifiedOn 2026-02-01",
      "foundedOn: 1999-01-01 is before 2000-09-01",
      "termEndsOn: 2026-01-01 must be after foundedOn 2026-02-01",
      "registrations[2].registeredAt: 2027-02-01T00:00:00Z is after semester 2026-2027-1 ended",
      "registrations[2].classId: class C9 is not recorded at school 9901010001",
      "participations[0].classId: class C1 belongs to school year 2025-2026, but 2026-10-01 falls in school year 2026-2027",
      "classId: class C1 belongs to school year 2025-2026, but foundedOn 2026-10-01 falls in school year 2026-2027",
      "classId: class C1 belongs to school year 2025-2026, but the session's date 2026-10-01 is in 2026-2027",
      "registrations[0].classId: class C1 belongs to school year 2025-2026, not to 2026-2027-1",
      "records[3].externalId: r-17 appears twice in the batch with different content",
      "files[4].studentRef: the same student as files[1] with another class or date; a student has one file",
      "files[4].studentRef: the student's file was opened on 2026-09-10 in class C2",
      "classId: only a CLASS committee belongs to a class, this one is SCHOOL",
      "resolvedOn: only a RESOLVED suggestion has a resolvedOn, this one is OPEN",
      "resolvedOn: only a RESOLVED case has a resolvedOn, this one is REFERRED",
      "baseline: at least one area's level is required (areas A1, A2)",
      "plan: is required (1 to 4000 characters)",
      "baseline[0].level: is required (1 to 5)",
      "items.A1.1.selfScore: is required (0 to 10.5)",
      "baseline[1]: is required",
      "baseline[0].areaCode: B9 is not an area of the programme's rubric (areas A1, A2)",
      "baseline[1].areaCode: area A1 is given more than once",
      "items.A1.1.selfScore: must be between 0 and the criterion's 10 points, not 12",
      "baseline[0].level: must be between 1 and 5, not 7",
      "plan: at most 4000 characters, not 4001",
      "items.A1.1.selfScore: at most 2 decimals, not 1.234",
      "items.A1.1.evidence: at least 1 piece of evidence is required (at most 20)",
      "items.A1.1.evidence: at most 20 pieces of evidence, not 21",
      "items.A1.1.narrative: contains a mobile phone number and a student's or parent's name (a name after a label such as 学生/家长/监护人); personal data of students and parents may not be written here",
      "enrolment: must be at least 12",
      "period: 2026-2027-2 starts on 2027-02-01",
      "items.A1.2: is missing"})
  void everyFindingReadsTheSameInEnglishAndIsTranslated(String finding) {
    Msg msg = Findings.of(finding);
    assertThat(msg.code()).as(finding).isNotNull();
    assertThat(Texts.resolve(msg, MESSAGES, Locale.ENGLISH)).isEqualTo(finding);
    String zh = Texts.resolve(msg, MESSAGES, Locale.SIMPLIFIED_CHINESE);
    assertThat(zh).isNotEqualTo(finding);
    String field = finding.substring(0, finding.indexOf(": ") + 2);
    assertThat(zh).startsWith(field);
    assertThat(zh.substring(field.length()).replaceAll("(foundedOn|certifiedOn|resolvedOn|files\\[\\d+])", ""))
        .doesNotContainPattern("[a-z]{3,}");
  }
}
