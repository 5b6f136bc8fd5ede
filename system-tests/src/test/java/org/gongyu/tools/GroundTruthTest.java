package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongyu.tools.GroundTruth.Expected;
import org.gongyu.tools.GroundTruth.Fig;
import org.gongyu.tools.GroundTruth.P;
import org.gongyu.tools.GroundTruth.PType;
import org.gongyu.tools.GroundTruthRecords.City;
import org.gongyu.tools.GroundTruthRecords.Committee;
import org.gongyu.tools.GroundTruthRecords.Consultation;
import org.gongyu.tools.GroundTruthRecords.County;
import org.gongyu.tools.GroundTruthRecords.HeadTraining;
import org.gongyu.tools.GroundTruthRecords.HomeContact;
import org.gongyu.tools.GroundTruthRecords.Instructor;
import org.gongyu.tools.GroundTruthRecords.Learning;
import org.gongyu.tools.GroundTruthRecords.Move;
import org.gongyu.tools.GroundTruthRecords.Op;
import org.gongyu.tools.GroundTruthRecords.Outreach;
import org.gongyu.tools.GroundTruthRecords.ParentSchool;
import org.gongyu.tools.GroundTruthRecords.Recommendation;
import org.gongyu.tools.GroundTruthRecords.Registration;
import org.gongyu.tools.GroundTruthRecords.Resource;
import org.gongyu.tools.GroundTruthRecords.SchoolClass;
import org.gongyu.tools.GroundTruthRecords.SchoolData;
import org.gongyu.tools.GroundTruthRecords.Session;
import org.gongyu.tools.GroundTruthRecords.SixOnes;
import org.gongyu.tools.GroundTruthRecords.SpecialStudent;
import org.gongyu.tools.GroundTruthRecords.Suggestion;
import org.gongyu.tools.GroundTruthRecords.VisitFile;
import org.junit.jupiter.api.Test;

/** Each rule of docs/indicators.md on a tiny hand-made school, so a misreading shows before the platform run. */
class GroundTruthTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final String YEAR = "2026-2027";
  static final String LAST_YEAR = "2025-2026";

  static SchoolData school(String id, String type, SchoolClass... classes) {
    return SchoolData.empty(id, id, type, "990291", 1, List.of(classes));
  }

  static SchoolData school(SchoolClass... classes) {
    return school("S1", "PRIMARY", classes);
  }

  static SchoolClass cls(String id, int enrolment) {
    return new SchoolClass(id, YEAR, 1, id, enrolment);
  }

  static SchoolClass lastYear(String id, int enrolment) {
    return new SchoolClass(id, LAST_YEAR, 1, id, enrolment);
  }

  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  static Instant t(String localDateTime) {
    return java.time.LocalDateTime.parse(localDateTime).atZone(GroundTruth.ZONE).toInstant();
  }

  static Fig fig(SchoolData s, String code) {
    return GroundTruth.school(s, code, GroundTruth.periodOf(GroundTruth.indicator(code), TODAY), TODAY);
  }

  static Op put(Resource r, String id, Object content) {
    return new Op(r, id, content, false);
  }

  @Test
  void periodsContainingTodayRunAsTheSpecSays() {
    assertThat(P.of(PType.SEMESTER, TODAY)).isEqualTo(new P(PType.SEMESTER, "2026-2027-1", d("2026-09-01"), d("2027-02-01")));
    assertThat(P.of(PType.SCHOOL_YEAR, TODAY)).isEqualTo(new P(PType.SCHOOL_YEAR, "2026-2027", d("2026-09-01"), d("2027-09-01")));
    assertThat(P.of(PType.CALENDAR_YEAR, TODAY)).isEqualTo(new P(PType.CALENDAR_YEAR, "2026", d("2026-01-01"), d("2027-01-01")));
    assertThat(P.of(PType.PROGRAMME_CYCLE, TODAY)).isEqualTo(new P(PType.PROGRAMME_CYCLE, "2024-2027", d("2024-09-01"), d("2027-09-01")));
    assertThat(P.of(PType.SEMESTER, d("2027-01-31")).id()).isEqualTo("2026-2027-1");
    assertThat(P.of(PType.SEMESTER, d("2027-02-01")).id()).isEqualTo("2026-2027-2");
    assertThat(P.of(PType.SEMESTER, d("2026-08-31")).id()).isEqualTo("2025-2026-2");
    assertThat(P.of(PType.PROGRAMME_CYCLE, d("2027-09-01")).id()).isEqualTo("2027-2030");
    assertThat(P.of(PType.SEMESTER, TODAY).last()).isEqualTo(d("2027-01-31"));
    // instants are days in Asia/Shanghai: 2026-08-31T16:00Z is already 1 September there
    assertThat(P.of(PType.SCHOOL_YEAR, TODAY).contains(Instant.parse("2026-08-31T16:00:00Z"))).isTrue();
    assertThat(P.of(PType.SCHOOL_YEAR, TODAY).contains(Instant.parse("2026-08-31T15:59:59Z"))).isFalse();
  }

  @Test
  void lecturerRegistrationCountsDistinctRegistryLecturersRegisteredAndTrainedOverDistinctLecturersOfTheYear() {
    SchoolData s = school(cls("C1", 30));
    var trained = GroundTruthRecords.LECTURERS.get(0); // GT-L1: registered and trained
    var untrained = GroundTruthRecords.LECTURERS.get(1); // GT-L2: registered, never trained
    var suspended = GroundTruthRecords.LECTURERS.get(2); // GT-L3: trained, then suspended
    Session base = new Session("COLLECTIVE", null, d("2026-09-20"), "家长会", "校长", "OFFLINE", 80);
    s.ops().addAll(List.of(
        put(Resource.SESSION, "S1", base.naming(trained)),
        put(Resource.SESSION, "S2", new Session("COLLECTIVE", null, d("2026-10-20"), "t", "x", "OFFLINE", 50).naming(trained)),
        put(Resource.SESSION, "S3", base.naming(untrained)),
        put(Resource.SESSION, "S4", base.naming(suspended)),
        put(Resource.SESSION, "S5", base), // 校长, not in the registry
        put(Resource.SESSION, "S6", new Session("COLLECTIVE", null, d("2026-10-01"), "t", " 校长 ", "OFFLINE", 50)), // the same name
        put(Resource.SESSION, "S7", new Session("COLLECTIVE", null, d("2026-05-01"), "t", "上学年", "OFFLINE", 50)))); // last year
    assertThat(trained.registeredAndTrained()).isTrue();
    assertThat(untrained.registeredAndTrained()).isFalse();
    assertThat(suspended.registeredAndTrained()).isFalse();
    assertThat(fig(s, "LECTURER_REGISTRATION")).isEqualTo(new Fig(1, 4));
    s.ops().add(new Op(Resource.SESSION, "S3", null, true)); // withdrawn
    assertThat(fig(s, "LECTURER_REGISTRATION")).isEqualTo(new Fig(1, 3));
  }

  @Test
  void platformRegistrationCountsDistinctStudentsOfTheYearsClassesRegisteredBeforeTheEnd() {
    SchoolData s = school(cls("C1", 30), cls("C2", 20), lastYear("P1", 25));
    s.registrations().addAll(List.of(
        new Registration("r1", "C1", "A", "A-1", t("2026-09-02T10:00")),
        new Registration("r2", "C1", "A", "A-2", t("2026-09-03T10:00")), // second guardian, same student
        new Registration("r3", "C2", "B", "B-1", t("2026-10-01T10:00")),
        new Registration("r3", "C2", "B", "B-1", t("2026-10-01T10:00")), // re-sent
        new Registration("r4", "P1", "C", "C-1", t("2026-05-01T10:00")), // last year's class
        new Registration("r5", "C2", "D", "D-1", t("2027-02-01T00:00")))); // after the semester
    assertThat(fig(s, "PLATFORM_REGISTRATION")).isEqualTo(new Fig(2, 50));
  }

  @Test
  void learningPerCapitaIsActivitiesInTheYearPerGuardianRegisteredForTheYearsClasses() {
    SchoolData s = school(cls("C1", 30));
    s.registrations().addAll(List.of(
        new Registration("r1", "C1", "A", "A-1", t("2026-09-02T10:00")),
        new Registration("r2", "C1", "A", "A-2", t("2026-09-03T10:00")),
        new Registration("r3", "C1", "B", "B-1", t("2026-09-04T10:00"))));
    s.learning().addAll(List.of(
        new Learning("l1", "A-1", "R1", t("2026-09-05T10:00"), 10),
        new Learning("l2", "A-1", "R1", t("2026-09-06T10:00"), 10), // same resource again: another activity
        new Learning("l2", "A-1", "R1", t("2026-09-06T10:00"), 10), // re-sent
        new Learning("l3", "B-1", "R2", t("2026-11-24T23:00"), 10),
        new Learning("l4", "B-1", "R2", t("2026-08-31T23:00"), 10))); // before the school year
    assertThat(fig(s, "PARENT_LEARNING_PER_CAPITA")).isEqualTo(new Fig(3, 3));
    assertThat(fig(school(cls("C1", 30)), "PARENT_LEARNING_PER_CAPITA")).isEqualTo(new Fig(0, 0));
  }

  @Test
  void resourcesRecommendedAreDistinctResourcesInTheCalendarYear() {
    SchoolData s = school(cls("C1", 30));
    s.recommendations().addAll(List.of(
        new Recommendation("x1", "R1", "t", "ARTICLE", "CITY", t("2026-01-01T08:00")),
        new Recommendation("x2", "R1", "t", "ARTICLE", "CITY", t("2026-10-01T08:00")),
        new Recommendation("x3", "R2", "t", "VIDEO", "SCHOOL", t("2026-11-24T08:00")),
        new Recommendation("x4", "R3", "t", "VIDEO", "SCHOOL", t("2025-12-31T23:59"))));
    assertThat(fig(s, "RESOURCES_RECOMMENDED")).isEqualTo(new Fig(2, 1));
  }

  @Test
  void sessionsCountInTheirFinalStateCorrectionsAndWithdrawalsIncluded() {
    SchoolData s = school(cls("C1", 30), cls("C2", 30), cls("C3", 30));
    s.ops().addAll(List.of(
        put(Resource.SESSION, "S1", new Session("COLLECTIVE", null, d("2026-09-10"), "t", "l", "OFFLINE", 100)),
        put(Resource.SESSION, "S2", new Session("COLLECTIVE", null, d("2026-06-10"), "t", "l", "OFFLINE", 100)), // last semester
        put(Resource.SESSION, "S3", new Session("CLASS", "C1", d("2026-09-11"), "t", "l", "ONLINE", 20)),
        put(Resource.SESSION, "S4", new Session("CLASS", "C1", d("2026-10-11"), "t", "l", "ONLINE", 20)),
        put(Resource.SESSION, "S5", new Session("CLASS", "C2", d("2026-10-11"), "t", "l", "ONLINE", 20)),
        put(Resource.SESSION, "S6", new Session("CLASS", "C2", d("2026-10-12"), "t", "l", "ONLINE", 20)),
        put(Resource.SESSION, "S7", new Session("CLASS", "C3", d("2026-10-12"), "t", "l", "ONLINE", 20)),
        put(Resource.SESSION, "S8", new Session("CLASS", "C3", d("2026-10-13"), "t", "l", "ONLINE", 20)),
        // corrections: S6 becomes collective, S8 is withdrawn, S1 re-sent identically
        put(Resource.SESSION, "S6", new Session("COLLECTIVE", null, d("2026-10-12"), "t", "l", "ONLINE", 20)),
        new Op(Resource.SESSION, "S8", null, true),
        put(Resource.SESSION, "S1", new Session("COLLECTIVE", null, d("2026-09-10"), "t", "l", "OFFLINE", 100))));
    assertThat(fig(s, "COLLECTIVE_SESSIONS")).isEqualTo(new Fig(2, 1));
    assertThat(fig(s, "CLASS_SESSIONS")).isEqualTo(new Fig(1, 3));
  }

  static GroundTruthRecords.OpenSchoolEvent event(String type, String classId, String date) {
    return new GroundTruthRecords.OpenSchoolEvent(type, classId, d(date), "OFFLINE", "t", 10, null, null);
  }

  @Test
  void parentMeetingsAreDaysInTheSemesterAndLectureHallSessionsCountInTheSchoolYear() {
    SchoolData s = school(cls("C1", 30), cls("C2", 30));
    s.ops().addAll(List.of(
        put(Resource.OPEN_SCHOOL_EVENT, "V1", event("PARENT_MEETING", null, "2026-09-20")),
        put(Resource.OPEN_SCHOOL_EVENT, "V2", event("PARENT_MEETING", "C1", "2026-09-20")), // the same afternoon
        put(Resource.OPEN_SCHOOL_EVENT, "V3", event("PARENT_MEETING", "C2", "2026-10-20")),
        put(Resource.OPEN_SCHOOL_EVENT, "V4", event("PARENT_MEETING", null, "2026-06-20")), // last semester
        put(Resource.OPEN_SCHOOL_EVENT, "V5", event("OPEN_DAY", null, "2026-10-21")),
        put(Resource.OPEN_SCHOOL_EVENT, "V6", event("PARENTS_LECTURE_HALL", null, "2026-09-21")),
        put(Resource.OPEN_SCHOOL_EVENT, "V7", event("PARENTS_LECTURE_HALL", null, "2026-10-21")),
        put(Resource.OPEN_SCHOOL_EVENT, "V8", event("PARENTS_LECTURE_HALL", null, "2026-08-21")), // last school year
        // V3 moved onto the first meeting's day, V7 withdrawn
        new Op(Resource.OPEN_SCHOOL_EVENT, "V3", event("PARENT_MEETING", "C2", "2026-09-20"), true),
        new Op(Resource.OPEN_SCHOOL_EVENT, "V7", null, true)));
    assertThat(fig(s, "PARENT_MEETINGS")).isEqualTo(new Fig(1, 1));
    assertThat(fig(s, "LECTURE_HALL_SESSIONS")).isEqualTo(new Fig(1, 1));
  }

  @Test
  void readingCompletionIsStudentsOnEveryDayOverStudentsWhoCheckedInCountingARepeatOnce() {
    SchoolData s = school(cls("C1", 30));
    GroundTruthRecords.ReadingCampaign a = new GroundTruthRecords.ReadingCampaign("C1", "n", d("2026-10-01"), 21, 20);
    GroundTruthRecords.ReadingCampaign gone = new GroundTruthRecords.ReadingCampaign("C1", "n", d("2026-10-01"), 3, 20);
    GroundTruthRecords.ReadingCampaign before = new GroundTruthRecords.ReadingCampaign("C1", "n", d("2026-08-20"), 3, 20);
    s.ops().addAll(List.of(put(Resource.READING_CAMPAIGN, "A", a), put(Resource.READING_CAMPAIGN, "G", gone),
        put(Resource.READING_CAMPAIGN, "B", before), new Op(Resource.READING_CAMPAIGN, "G", null, true)));
    for (int i = 0; i < 21; i++) {
      s.readingCheckIns().add(new GroundTruthRecords.ReadingCheckIn("A", "s1", a.startDate().plusDays(i), 20));
      s.readingCheckIns().add(new GroundTruthRecords.ReadingCheckIn("A", "s1", a.startDate().plusDays(i), 25)); // again: once
      if (i != 10) {
        s.readingCheckIns().add(new GroundTruthRecords.ReadingCheckIn("A", "s2", a.startDate().plusDays(i), 20));
      }
    }
    for (int i = 0; i < 3; i++) {
      s.readingCheckIns().add(new GroundTruthRecords.ReadingCheckIn("G", "s3", gone.startDate().plusDays(i), 20)); // withdrawn
      s.readingCheckIns().add(new GroundTruthRecords.ReadingCheckIn("B", "s4", before.startDate().plusDays(i), 20)); // ended before
    }
    assertThat(fig(s, "READING_CAMPAIGN_COMPLETION")).isEqualTo(new Fig(1, 2));
  }

  @Test
  void parentSchoolEstablishedAndItsHeadsTraining() {
    SchoolData none = school(cls("C1", 30));
    assertThat(fig(none, "PARENT_SCHOOL_ESTABLISHED")).isEqualTo(new Fig(0, 1));
    assertThat(fig(none, "HEAD_TRAINING")).isEqualTo(new Fig(0, 0));

    SchoolData s = school(cls("C1", 30));
    s.ops().add(put(Resource.PARENT_SCHOOL, "", new ParentSchool("王", d("2026-10-01"), "s", "r")));
    s.ops().add(put(Resource.HEAD_TRAINING, "T1", new HeadTraining("王", "c", d("2025-03-01"))));
    assertThat(fig(s, "PARENT_SCHOOL_ESTABLISHED")).isEqualTo(new Fig(1, 1));
    assertThat(fig(s, "HEAD_TRAINING")).isEqualTo(new Fig(1, 1));
    // the head changes: the old head's training no longer counts
    s.ops().add(put(Resource.PARENT_SCHOOL, "", new ParentSchool("李", d("2026-10-01"), "s", "r")));
    assertThat(fig(s, "HEAD_TRAINING")).isEqualTo(new Fig(0, 1));
    s.ops().add(put(Resource.HEAD_TRAINING, "T2", new HeadTraining("李", "c", d("2026-11-20"))));
    assertThat(fig(s, "HEAD_TRAINING")).isEqualTo(new Fig(1, 1));
  }

  @Test
  void instructorLicensedCountsInstructorsInPostHoldingTheirOwnCertificateValidOnTheSemestersLastDay() {
    SchoolData s = school(cls("C1", 30));
    // the city's certificate of each instructor id is chosen by the ids: find one id of each kind
    Instructor probe = new Instructor("指导师", "N-1", d("2024-01-01"), null);
    String valid = idWith(s.id(), probe, c -> c != null && !c.revoked() && c.expiresOn().getYear() == 2031 && c.holderName().equals("指导师"));
    String expired = idWith(s.id(), probe, c -> c != null && c.expiresOn().getYear() == 2025);
    String revoked = idWith(s.id(), probe, c -> c != null && c.revoked());
    String someoneElses = idWith(s.id(), probe, c -> c != null && !c.holderName().equals("指导师"));
    String none = idWith(s.id(), probe, c -> c == null);
    for (String id : List.of(valid, expired, revoked, someoneElses, none)) {
      s.ops().add(put(Resource.INSTRUCTOR, id, probe));
    }
    assertThat(fig(s, "INSTRUCTOR_LICENSED")).isEqualTo(new Fig(1, 5));
    // the licensed one leaves: neither counted nor counting
    s.ops().add(put(Resource.INSTRUCTOR, valid, new Instructor("指导师", "N-1", d("2024-01-01"), d("2026-10-01"))));
    assertThat(fig(s, "INSTRUCTOR_LICENSED")).isEqualTo(new Fig(0, 4));
    // a certificate counts from its issue day: an instructor certified after the semester is not in post
    s.ops().add(put(Resource.INSTRUCTOR, valid, new Instructor("指导师", "N-1", d("2027-03-01"), null)));
    assertThat(fig(s, "INSTRUCTOR_LICENSED")).isEqualTo(new Fig(0, 4));
    assertThat(GroundTruthRecords.cityCertificate(s.id(), expired, probe).countsFor("指导师", d("2025-06-30"))).isTrue();
    assertThat(GroundTruthRecords.cityCertificate(s.id(), expired, probe).countsFor("指导师", d("2025-07-01"))).isFalse();
  }

  private static String idWith(String schoolId, Instructor in,
      java.util.function.Predicate<GroundTruthRecords.CityCertificate> wanted) {
    for (int i = 1; i < 1000; i++) {
      if (wanted.test(GroundTruthRecords.cityCertificate(schoolId, "I" + i, in))) {
        return "I" + i;
      }
    }
    throw new AssertionError("no instructor id gives such a certificate");
  }

  @Test
  void instructorCoverageNeedsOneCertifiedAndNotLeftByTheSemestersLastDay() {
    SchoolData s = school(cls("C1", 30));
    s.ops().add(put(Resource.INSTRUCTOR, "I1", new Instructor("a", "n", d("2024-01-01"), d("2026-10-01"))));
    assertThat(fig(s, "INSTRUCTOR_COVERAGE")).isEqualTo(new Fig(0, 1));
    s.ops().add(put(Resource.INSTRUCTOR, "I2", new Instructor("b", "n", d("2026-11-24"), null)));
    assertThat(fig(s, "INSTRUCTOR_COVERAGE")).isEqualTo(new Fig(1, 1));
    s.ops().add(put(Resource.INSTRUCTOR, "I2", new Instructor("b", "n", d("2026-11-24"), d("2026-11-24"))));
    assertThat(fig(s, "INSTRUCTOR_COVERAGE")).isEqualTo(new Fig(0, 1));
  }

  @Test
  void committeeCoverageNeedsASchoolCommitteeInTermOnTheSemestersLastDay() {
    SchoolData s = school(cls("C1", 30));
    s.ops().add(put(Resource.COMMITTEE, "K1", new Committee("CLASS", "C1", d("2026-09-10"), d("2029-08-31"), "v", true, true, null)));
    s.ops().add(put(Resource.COMMITTEE, "K2", new Committee("SCHOOL", null, d("2024-09-10"), d("2027-01-31"), "v", true, true, null)));
    assertThat(fig(s, "COMMITTEE_COVERAGE")).as("term ends on the last day: not in term").isEqualTo(new Fig(0, 1));
    s.ops().add(put(Resource.COMMITTEE, "K2", new Committee("SCHOOL", null, d("2024-09-10"), d("2027-02-01"), "v", true, true, null)));
    assertThat(fig(s, "COMMITTEE_COVERAGE")).isEqualTo(new Fig(1, 1));
    s.ops().add(put(Resource.COMMITTEE, "K2", new Committee("SCHOOL", null, d("2024-09-10"), d("2027-02-01"), "v", true, true, d("2026-11-01"))));
    assertThat(fig(s, "COMMITTEE_COVERAGE")).as("dissolved").isEqualTo(new Fig(0, 1));
  }

  @Test
  void classCommitteeCoverageCountsTheYearsClassesWithAClassCommitteeInTermOnTheSemestersLastDay() {
    SchoolData s = school(cls("C1", 30), cls("C2", 20), cls("C3", 25), lastYear("P1", 25));
    assertThat(fig(s, "CLASS_COMMITTEE_COVERAGE")).isEqualTo(new Fig(0, 3));
    s.ops().add(put(Resource.COMMITTEE, "K1", new Committee("CLASS", "C1", d("2026-09-10"), d("2029-08-31"), "v", true, true, null)));
    s.ops().add(put(Resource.COMMITTEE, "K2", new Committee("CLASS", "C2", d("2026-09-10"), d("2027-01-31"), "v", true, true, null)));
    s.ops().add(put(Resource.COMMITTEE, "K3", new Committee("CLASS", "P1", d("2025-09-10"), d("2028-08-31"), "v", true, true, null)));
    s.ops().add(put(Resource.COMMITTEE, "K4", new Committee("SCHOOL", null, d("2024-09-10"), d("2027-08-31"), "v", true, true, null)));
    assertThat(fig(s, "CLASS_COMMITTEE_COVERAGE")).as("term ending on the last day, last year's class, a school committee: none counts")
        .isEqualTo(new Fig(1, 3));
    s.ops().add(put(Resource.COMMITTEE, "K2", new Committee("CLASS", "C2", d("2026-09-10"), d("2027-02-01"), "v", true, true, null)));
    s.ops().add(put(Resource.COMMITTEE, "K5", new Committee("CLASS", "C2", d("2026-10-10"), d("2029-02-01"), "v", true, true, null)));
    assertThat(fig(s, "CLASS_COMMITTEE_COVERAGE")).as("a class counts once").isEqualTo(new Fig(2, 3));
    s.ops().add(put(Resource.COMMITTEE, "K1", new Committee("CLASS", "C1", d("2026-09-10"), d("2029-08-31"), "v", true, true, d("2026-12-01"))));
    assertThat(fig(s, "CLASS_COMMITTEE_COVERAGE")).as("dissolved").isEqualTo(new Fig(1, 3));
  }

  @Test
  void parentContactHomeVisitsAndVisitFiles() {
    SchoolData s = school(cls("C1", 30), cls("C2", 10), lastYear("P1", 28));
    s.homeContacts().addAll(List.of(
        new HomeContact("h1", "C1", "A", d("2026-09-05"), "PHONE", false),
        new HomeContact("h2", "C1", "A", d("2026-09-06"), "IN_HOME", false),
        new HomeContact("h3", "C1", "B", d("2026-10-06"), "WECHAT", false),
        new HomeContact("h4", "P1", "B", d("2025-10-06"), "IN_HOME", false), // last year, same cycle
        new HomeContact("h5", "P1", "C", d("2025-10-07"), "IN_HOME", false), // visited last year, not contacted this year
        new HomeContact("h6", "C2", "D", d("2026-11-24"), "IN_HOME", true),
        new HomeContact("h7", "C2", "E", d("2026-11-24"), "IN_HOME", true),
        new HomeContact("h7", "C2", "E", d("2026-11-24"), "IN_HOME", true))); // re-sent
    s.visitFiles().addAll(List.of(
        new VisitFile("A", "C1", d("2026-09-06")),
        new VisitFile("D", "P1", d("2025-12-01")), // opened last year: still on or before the last day
        new VisitFile("C", "P1", d("2025-10-08")))); // C was not visited this semester
    assertThat(fig(s, "PARENT_CONTACT")).isEqualTo(new Fig(4, 40));
    assertThat(fig(s, "HOME_VISIT_3Y")).isEqualTo(new Fig(4, 40)); // A, B (visited last year), D, E; not C
    assertThat(fig(s, "VISIT_FILES")).isEqualTo(new Fig(2, 3)); // visited A, D, E; files A, D
  }

  @Test
  void specialCareCountsEntriesActiveOnTheLastDayWithFileAndPlan() {
    SchoolData s = school(cls("C1", 30));
    s.ops().addAll(List.of(
        put(Resource.SPECIAL_STUDENT, "E1", new SpecialStudent("C1", "A", "LEFT_BEHIND", d("2026-09-02"), d("2026-09-03"), d("2026-09-04"), null, "n")),
        put(Resource.SPECIAL_STUDENT, "E2", new SpecialStudent("C1", "B", "HARDSHIP", d("2026-09-02"), d("2026-09-03"), null, null, "n")),
        put(Resource.SPECIAL_STUDENT, "E3", new SpecialStudent("C1", "C", "OTHER", d("2026-09-02"), d("2026-09-03"), d("2026-09-04"), d("2026-11-01"), "n")),
        put(Resource.SPECIAL_STUDENT, "E4", new SpecialStudent("C1", "A", "SPECIAL_NEEDS", d("2026-10-02"), null, null, null, "n"))));
    assertThat(fig(s, "SPECIAL_CARE")).isEqualTo(new Fig(1, 3));
    s.ops().add(put(Resource.SPECIAL_STUDENT, "E2", new SpecialStudent("C1", "B", "HARDSHIP", d("2026-09-02"), d("2026-09-03"), d("2026-11-20"), null, "n")));
    assertThat(fig(s, "SPECIAL_CARE")).isEqualTo(new Fig(2, 3));
  }

  @Test
  void outreachSixOnesAndTheirDistinctStudents() {
    SchoolData s = school(cls("C1", 30), lastYear("P1", 30));
    s.outreach().addAll(List.of(
        new Outreach("o1", "C1", "A", "WECHAT", d("2026-09-02")),
        new Outreach("o2", "C1", "A", "SMS", d("2026-09-03")),
        new Outreach("o3", "P1", "B", "SMS", d("2026-06-03")),
        new Outreach("o4", "C1", "C", "SMS", d("2026-11-24"))));
    s.sixOnes().addAll(List.of(
        new SixOnes("x1", "C1", "A", "SONG", d("2026-09-02")),
        new SixOnes("x2", "C1", "A", "BOOK", d("2026-09-03")),
        new SixOnes("x3", "P1", "B", "HIKE", d("2026-08-31"))));
    assertThat(fig(s, "CONSULTATION_OUTREACH")).isEqualTo(new Fig(2, 30));
    assertThat(fig(s, "SIX_ONES_PARTICIPATION")).isEqualTo(new Fig(1, 30));
  }

  @Test
  void casesAndSuggestionsOpenedInTheYearAndResolvedByItsLastDay() {
    SchoolData s = school(cls("C1", 30), lastYear("P1", 30));
    Instant at = t("2026-09-05T15:30");
    s.ops().addAll(List.of(
        put(Resource.CONSULTATION, "Q1", new Consultation("C1", "A", "STUDY", d("2026-09-05"), at, "c", "OPEN", null, "n")),
        put(Resource.CONSULTATION, "Q2", new Consultation("C1", "B", "STUDY", d("2026-09-05"), at, "c", "REFERRED", null, "n")),
        put(Resource.CONSULTATION, "Q3", new Consultation("C1", "C", "STUDY", d("2026-09-05"), at, "c", "RESOLVED", d("2026-09-06"), "n")),
        put(Resource.CONSULTATION, "Q4", new Consultation("P1", "D", "STUDY", d("2026-06-05"), at, "c", "RESOLVED", d("2026-09-06"), "n")),
        put(Resource.CONSULTATION, "Q1", new Consultation("C1", "A", "STUDY", d("2026-09-05"), at, "c", "RESOLVED", d("2026-11-24"), "n")),
        put(Resource.SUGGESTION, "G1", new Suggestion(d("2026-09-05"), "SAFETY", "MAILBOX", "OPEN", null)),
        put(Resource.SUGGESTION, "G2", new Suggestion(d("2026-09-05"), "SAFETY", "MAILBOX", "RESOLVED", d("2026-09-07"))),
        put(Resource.SUGGESTION, "G3", new Suggestion(d("2026-08-05"), "SAFETY", "MAILBOX", "RESOLVED", d("2026-09-07")))));
    assertThat(fig(s, "CONSULTATION_RESOLUTION")).isEqualTo(new Fig(2, 3));
    assertThat(fig(s, "SUGGESTIONS_RESOLVED")).isEqualTo(new Fig(1, 2));
  }

  @Test
  void targetsAreMetExactlyAndSmallCellsAreWithheldOnlyForSensitiveIndicators() {
    assertThat(GroundTruth.meets(GroundTruth.indicator("PLATFORM_REGISTRATION"), new Fig(3, 5))).isTrue();
    assertThat(GroundTruth.meets(GroundTruth.indicator("PLATFORM_REGISTRATION"), new Fig(29, 49))).isFalse();
    assertThat(GroundTruth.meets(GroundTruth.indicator("PARENT_LEARNING_PER_CAPITA"), new Fig(8, 2))).isTrue();
    assertThat(GroundTruth.meets(GroundTruth.indicator("PARENT_LEARNING_PER_CAPITA"), new Fig(0, 0))).isFalse();
    assertThat(GroundTruth.meets(GroundTruth.indicator("RESOURCES_RECOMMENDED"), new Fig(20, 1))).isTrue();
    assertThat(GroundTruth.meets(GroundTruth.indicator("CONSULTATION_RESOLUTION"), new Fig(5, 5))).isFalse();
    assertThat(GroundTruth.suppressed(GroundTruth.indicator("SPECIAL_CARE"), new Fig(0, 4))).isTrue();
    assertThat(GroundTruth.suppressed(GroundTruth.indicator("SPECIAL_CARE"), new Fig(0, 0))).isFalse();
    assertThat(GroundTruth.suppressed(GroundTruth.indicator("SPECIAL_CARE"), new Fig(5, 9))).isFalse();
    assertThat(GroundTruth.suppressed(GroundTruth.indicator("PARENT_CONTACT"), new Fig(1, 2))).isFalse();
  }

  @Test
  void rollupsFollowMovesApplicabilityTargetsAndDeadlines() {
    SchoolData a = school("A", "PRIMARY", cls("C1", 10));
    SchoolData b = school("B", "KINDERGARTEN", cls("C1", 10));
    SchoolData late = SchoolData.empty("L", "L", "PRIMARY", "990291", 2, List.of(cls("C1", 10)));
    SchoolData mover = school("M", "PRIMARY", cls("C1", 10));
    for (SchoolData s : List.of(a, b, late, mover)) {
      for (int i = 1; i <= (s == a ? 9 : 2); i++) {
        s.sixOnes().add(new SixOnes(s.id() + i, "C1", "st" + i, "SONG", d("2026-09-10")));
      }
    }
    a.recommendations().add(new Recommendation("r", "R1", "t", "VIDEO", "CITY", t("2026-03-01T08:00")));
    City city = new City(1, TODAY, List.of(new County("990291", "一", "x", true), new County("990292", "二", "y", false)),
        List.of(a, b, late, mover), List.of(new Move("M", "990291", "990292", "y", d("2026-09-01"))));

    Map<String, Expected> six = GroundTruth.counties(city, GroundTruth.indicator("SIX_ONES_PARTICIPATION"));
    // the kindergarten is not expected; the mover belongs to its new county from this school year
    assertThat(six.get("990291").figure()).isEqualTo(new Fig(11, 20));
    assertThat(six.get("990291").schoolsExpected()).isEqualTo(2);
    assertThat(six.get("990291").schoolsMeetingTarget()).isEqualTo(1);
    assertThat(six.get("990291").schoolsOnTime()).isEqualTo(1);
    assertThat(six.get("990291").met()).isFalse();
    assertThat(six.get("990292").figure()).isEqualTo(new Fig(2, 10));
    assertThat(six.get("990292").schoolsOnTime()).isNull();
    Expected city6 = GroundTruth.city(city, GroundTruth.indicator("SIX_ONES_PARTICIPATION"));
    assertThat(city6.figure()).isEqualTo(new Fig(13, 30));
    assertThat(city6.schoolsOnTime()).isEqualTo(1);
    assertThat(city6.schoolsUnderDeadline()).isEqualTo(2);

    // the calendar year 2026 started before the move: the mover stays with its old county there
    Map<String, Expected> rec = GroundTruth.counties(city, GroundTruth.indicator("RESOURCES_RECOMMENDED"));
    assertThat(rec.get("990291").schoolsExpected()).isEqualTo(4);
    assertThat(rec.get("990291").schoolsMeetingTarget()).isZero();
    assertThat(rec.get("990291").met()).isFalse();
    assertThat(rec.get("990292").schoolsExpected()).isZero();
    assertThat(rec.get("990292").met()).isFalse();
    assertThat(GroundTruth.city(city, GroundTruth.indicator("SUGGESTIONS_RESOLVED")).met()).isNull();
  }
}
