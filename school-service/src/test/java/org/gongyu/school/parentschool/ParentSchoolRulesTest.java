package org.gongyu.school.parentschool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.school.parentschool.ParentSchoolRules.Certification;
import org.gongyu.school.parentschool.ParentSchoolRules.Head;
import org.gongyu.school.parentschool.ParentSchoolRules.Training;
import org.junit.jupiter.api.Test;

class ParentSchoolRulesTest {

  static final SchoolCalendar CALENDAR = new SchoolCalendar(MonthDay.of(9, 1), MonthDay.of(2, 1), 2024);
  /** 2026-2027-1 runs 2026-09-01 to 2027-01-31. */
  static final Period SEMESTER = Period.parse("2026-2027-1");
  static final LocalDate LAST_DAY = LocalDate.of(2027, 1, 31);
  static final LocalDate NEXT_DAY = LocalDate.of(2027, 2, 1);
  /** School year 2025-2026 runs 2025-09-01 to 2026-08-31. */
  static final LocalDate YEAR_LAST_DAY = LocalDate.of(2026, 8, 31);

  @Test
  void aSemestersLastDayIsTheDayBeforeTheNextSemesterStarts() {
    assertThat(ParentSchoolRules.lastDay(SEMESTER, CALENDAR)).isEqualTo(LAST_DAY);
    assertThat(ParentSchoolRules.lastDay(Period.parse("2025-2026"), CALENDAR)).isEqualTo(YEAR_LAST_DAY);
  }

  @Test
  void aParentSchoolEstablishedOnTheLastDayCountsForTheSemesterOneEstablishedTheNextDayDoesNot() {
    assertThat(ParentSchoolRules.established(Optional.of(LAST_DAY), LAST_DAY)).isEqualTo(new Figure(1, 1));
    assertThat(ParentSchoolRules.established(Optional.of(NEXT_DAY), LAST_DAY)).isEqualTo(new Figure(0, 1));
    assertThat(ParentSchoolRules.established(Optional.empty(), LAST_DAY)).isEqualTo(new Figure(0, 1));
  }

  @Test
  void theHeadOnADayIsTheLatestChangeOnOrBeforeItAndTheFirstHeadBeforeAnyChange() {
    List<Head> heads = List.of(new Head(LocalDate.of(2025, 3, 1), "王芳"), new Head(LocalDate.of(2026, 10, 8), "李强"));
    assertThat(ParentSchoolRules.headOn(heads, LocalDate.of(2024, 9, 1))).contains("王芳");
    assertThat(ParentSchoolRules.headOn(heads, LocalDate.of(2026, 10, 7))).contains("王芳");
    assertThat(ParentSchoolRules.headOn(heads, LocalDate.of(2026, 10, 8))).contains("李强");
    assertThat(ParentSchoolRules.headOn(List.of(), LAST_DAY)).isEmpty();
  }

  @Test
  void headTrainingCountsOnlyTheHeadAsOfTheYearsLastDayTrainedByThen() {
    LocalDate established = LocalDate.of(2024, 9, 1);
    List<Head> heads = List.of(new Head(LocalDate.of(2024, 9, 1), "王芳"), new Head(LocalDate.of(2026, 10, 8), "李强"));
    List<Training> trainings = List.of(new Training(" 王芳 ", LocalDate.of(2025, 5, 20)), new Training("李强", NEXT_DAY));

    // 2025-2026: 王芳 was head on its last day, trained before it
    assertThat(ParentSchoolRules.headTraining(Optional.of(established), heads, trainings, YEAR_LAST_DAY)).isEqualTo(new Figure(1, 1));
    // 2026-2027: the head changed to 李强, whose training is after the year's last day is not counted
    // (here: pretend the year ended on LAST_DAY), and 王芳's training no longer counts
    assertThat(ParentSchoolRules.headTraining(Optional.of(established), heads, trainings, LAST_DAY)).isEqualTo(new Figure(0, 1));
    // a training on the last day itself counts
    assertThat(ParentSchoolRules.headTraining(Optional.of(established), heads,
        List.of(new Training("李强", LAST_DAY)), LAST_DAY)).isEqualTo(new Figure(1, 1));
  }

  @Test
  void headTrainingIsZeroOverZeroUntilTheParentSchoolIsEstablished() {
    List<Head> heads = List.of(new Head(LocalDate.of(2026, 9, 1), "王芳"));
    List<Training> trainings = List.of(new Training("王芳", LocalDate.of(2025, 5, 20)));
    assertThat(ParentSchoolRules.headTraining(Optional.of(NEXT_DAY), heads, trainings, LAST_DAY)).isEqualTo(new Figure(0, 0));
    assertThat(ParentSchoolRules.headTraining(Optional.empty(), List.of(), trainings, LAST_DAY)).isEqualTo(new Figure(0, 0));
    assertThat(ParentSchoolRules.headTraining(Optional.of(LAST_DAY), heads, List.of(), LAST_DAY)).isEqualTo(new Figure(0, 1));
  }

  @Test
  void anInstructorCountsFromTheDayCertifiedUntilTheDayTheyLeave() {
    Certification leftOnLastDay = new Certification(LocalDate.of(2025, 1, 1), LAST_DAY);
    Certification leftNextDay = new Certification(LocalDate.of(2025, 1, 1), NEXT_DAY);
    Certification certifiedOnLastDay = new Certification(LAST_DAY, null);
    Certification certifiedNextDay = new Certification(NEXT_DAY, null);

    assertThat(ParentSchoolRules.instructorCoverage(List.of(leftOnLastDay), LAST_DAY)).as("left on the day").isEqualTo(new Figure(0, 1));
    assertThat(ParentSchoolRules.instructorCoverage(List.of(leftNextDay), LAST_DAY)).isEqualTo(new Figure(1, 1));
    assertThat(ParentSchoolRules.instructorCoverage(List.of(certifiedOnLastDay), LAST_DAY)).isEqualTo(new Figure(1, 1));
    assertThat(ParentSchoolRules.instructorCoverage(List.of(certifiedNextDay, leftOnLastDay), LAST_DAY)).isEqualTo(new Figure(0, 1));
    assertThat(ParentSchoolRules.instructorCoverage(List.of(), LAST_DAY)).isEqualTo(new Figure(0, 1));
  }

  static Session collective(String id, LocalDate date) {
    return new Session(id, Session.Type.COLLECTIVE, null, date, "t", "l", Session.Mode.OFFLINE, 10, null);
  }

  static Session inClass(String id, String classId, LocalDate date) {
    return new Session(id, Session.Type.CLASS, classId, date, "t", "l", Session.Mode.ONLINE, 10, null);
  }

  static Session by(String id, LocalDate date, String lecturer, String lecturerId) {
    return new Session(id, Session.Type.COLLECTIVE, null, date, "t", lecturer, Session.Mode.OFFLINE, 10, lecturerId);
  }

  @Test
  void lecturerRegistrationCountsDistinctRegistryLecturersRegisteredAndTrainedOverDistinctLecturers() {
    LocalDate start = SEMESTER.start(CALENDAR);
    LocalDate end = SEMESTER.endExclusive(CALENDAR);
    List<Session> sessions = List.of(
        by("a", start, "王丽华", "L1"), by("b", start.plusDays(3), "王老师", "L1"), // one registry lecturer twice
        by("c", start, "李明", "L2"),
        by("d", start, " 陈  老师", null), by("e", start.plusDays(1), "陈 老师", null), // one name, blanks aside
        by("f", end, "下学期", "L3"), by("g", start.minusDays(1), "上学期", null)); // outside
    assertThat(ParentSchoolRules.lecturerRegistration(sessions, Set.of("L1"), start, end)).isEqualTo(new Figure(1, 3));
    assertThat(ParentSchoolRules.lecturerRegistration(sessions, Set.of("L1", "L2"), start, end)).isEqualTo(new Figure(2, 3));
    assertThat(ParentSchoolRules.lecturerRegistration(List.of(), Set.of("L1"), start, end)).isEqualTo(new Figure(0, 0));
  }

  @Test
  void collectiveSessionsCountThoseDatedInTheSemesterIncludingItsLastDay() {
    LocalDate start = SEMESTER.start(CALENDAR);
    List<Session> sessions = List.of(
        collective("a", start), collective("b", LAST_DAY), collective("c", NEXT_DAY), collective("d", start.minusDays(1)),
        inClass("e", "C1", LAST_DAY));
    assertThat(ParentSchoolRules.collectiveSessions(sessions, start, NEXT_DAY)).isEqualTo(new Figure(2, 1));
  }

  @Test
  void aClassCountsWithTwoClassSessionsInTheSemester() {
    LocalDate start = SEMESTER.start(CALENDAR);
    List<Session> sessions = List.of(
        inClass("1", "C1", start), inClass("2", "C1", LAST_DAY),           // C1: 2 in the semester
        inClass("3", "C2", LAST_DAY), inClass("4", "C2", NEXT_DAY),        // C2: 1 in, 1 after
        inClass("5", "C3", start), collective("6", start));                // C3: 1 (a collective one is not a class's)
    assertThat(ParentSchoolRules.classSessions(sessions, List.of("C1", "C2", "C3", "C4"), start, NEXT_DAY)).isEqualTo(new Figure(1, 4));
    assertThat(ParentSchoolRules.classSessions(sessions, List.of(), start, NEXT_DAY)).isEqualTo(new Figure(0, 0));
  }

  @Test
  void namesMatchWhateverTheirSurroundingBlanks() {
    assertThat(ParentSchoolRules.sameName("  Zhang   Wei ")).isEqualTo("Zhang Wei");
  }

  @Test
  void periodsOfEveryTypeContainTheDaysTheRulesRelyOn() {
    assertThat(Period.containing(PeriodType.SEMESTER, LAST_DAY, CALENDAR)).isEqualTo(SEMESTER);
    assertThat(Period.containing(PeriodType.SEMESTER, NEXT_DAY, CALENDAR)).isEqualTo(SEMESTER.next());
  }

  @Test
  void aCityCertificateCountsFromItsIssueDayUntilTheDayBeforeItsExpiryOrRevocationAndOnlyForItsHolder() {
    var cert = new ParentSchoolRules.CityCertificate("JZ-1", "陈 静", LAST_DAY, NEXT_DAY.plusYears(3), null, 1);
    assertThat(ParentSchoolRules.check(" 陈  静 ", Optional.of(cert), LAST_DAY)).isEqualTo(ParentSchoolRules.CertificateCheck.VALID);
    assertThat(ParentSchoolRules.check("陈 静", Optional.of(cert), LAST_DAY.minusDays(1)))
        .isEqualTo(ParentSchoolRules.CertificateCheck.NOT_YET_ISSUED);
    assertThat(ParentSchoolRules.check("刘洋", Optional.of(cert), LAST_DAY)).isEqualTo(ParentSchoolRules.CertificateCheck.HOLDER_MISMATCH);
    assertThat(ParentSchoolRules.check("陈 静", Optional.empty(), LAST_DAY)).isEqualTo(ParentSchoolRules.CertificateCheck.NOT_FOUND);
    var expiring = new ParentSchoolRules.CityCertificate("JZ-2", "陈 静", LAST_DAY.minusYears(3), LAST_DAY, null, 1);
    assertThat(ParentSchoolRules.check("陈 静", Optional.of(expiring), LAST_DAY)).isEqualTo(ParentSchoolRules.CertificateCheck.EXPIRED);
    assertThat(ParentSchoolRules.check("陈 静", Optional.of(expiring), LAST_DAY.minusDays(1)))
        .isEqualTo(ParentSchoolRules.CertificateCheck.VALID);
    var revoked = new ParentSchoolRules.CityCertificate("JZ-3", "陈 静", LAST_DAY.minusYears(1), NEXT_DAY.plusYears(3), LAST_DAY, 2);
    assertThat(ParentSchoolRules.check("陈 静", Optional.of(revoked), LAST_DAY)).isEqualTo(ParentSchoolRules.CertificateCheck.REVOKED);
    assertThat(ParentSchoolRules.check("陈 静", Optional.of(revoked), LAST_DAY.minusDays(1)))
        .isEqualTo(ParentSchoolRules.CertificateCheck.VALID);
  }

  @Test
  void instructorLicensedCountsTheInstructorsInPostOnTheLastDayHoldingAValidCertificate() {
    var valid = Optional.of(new ParentSchoolRules.CityCertificate("JZ-1", "陈静", LAST_DAY.minusYears(1), NEXT_DAY.plusYears(2), null, 1));
    var expired = Optional.of(new ParentSchoolRules.CityCertificate("JZ-2", "刘洋", LAST_DAY.minusYears(3), LAST_DAY, null, 1));
    List<ParentSchoolRules.LicensedInstructor> instructors = List.of(
        new ParentSchoolRules.LicensedInstructor("陈静", LAST_DAY.minusYears(1), null, valid),
        new ParentSchoolRules.LicensedInstructor("刘洋", LAST_DAY.minusYears(1), null, expired),
        new ParentSchoolRules.LicensedInstructor("王芳", LAST_DAY, null, Optional.empty()),
        new ParentSchoolRules.LicensedInstructor("孙丽", LAST_DAY.minusYears(1), LAST_DAY, valid), // left on the last day
        new ParentSchoolRules.LicensedInstructor("赵强", NEXT_DAY, null, valid)); // certified after it
    assertThat(ParentSchoolRules.instructorLicensed(instructors, LAST_DAY)).isEqualTo(new Figure(1, 3));
    assertThat(ParentSchoolRules.instructorLicensed(List.of(), LAST_DAY)).isEqualTo(new Figure(0, 0));
  }
}
