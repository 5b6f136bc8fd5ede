package org.gongyu.school.parentschool;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The derivations of the parent-school indicators: each loads the school's records and applies
 * {@link ParentSchoolRules}. Days are the city's; a period's last day is the day before its end.
 */
final class ParentSchoolIndicators {

  private ParentSchoolIndicators() {}

  /** {@code PARENT_SCHOOL_ESTABLISHED} per semester: 1/1 if established by its last day. */
  @Component
  static class Established implements IndicatorDerivation {
    private final ParentSchools parentSchools;
    private final CityCalendar calendar;

    Established(ParentSchools parentSchools, CityCalendar calendar) {
      this.parentSchools = parentSchools;
      this.calendar = calendar;
    }

    @Override
    public String indicatorCode() {
      return IndicatorCodes.PARENT_SCHOOL_ESTABLISHED;
    }

    @Override
    public PeriodType periodType() {
      return PeriodType.SEMESTER;
    }

    @Override
    public Figure derive(String schoolId, Period period, Instant endExclusive) {
      return ParentSchoolRules.established(parentSchools.establishedOn(schoolId), ParentSchoolRules.lastDay(period, calendar.calendar()));
    }
  }

  /** {@code HEAD_TRAINING} per school year: the head as of the year's last day trained by then. */
  @Component
  static class HeadTraining implements IndicatorDerivation {
    private final ParentSchools parentSchools;
    private final JdbcClient jdbc;
    private final CityCalendar calendar;

    HeadTraining(ParentSchools parentSchools, JdbcClient jdbc, CityCalendar calendar) {
      this.parentSchools = parentSchools;
      this.jdbc = jdbc;
      this.calendar = calendar;
    }

    @Override
    public String indicatorCode() {
      return IndicatorCodes.HEAD_TRAINING;
    }

    @Override
    public PeriodType periodType() {
      return PeriodType.SCHOOL_YEAR;
    }

    @Override
    public Figure derive(String schoolId, Period period, Instant endExclusive) {
      LocalDate lastDay = ParentSchoolRules.lastDay(period, calendar.calendar());
      List<ParentSchoolRules.Training> trainings = jdbc.sql(
              "select person_name, completed_on from head_training where school_id = ? and completed_on <= ?")
          .params(schoolId, lastDay)
          .query((rs, n) -> new ParentSchoolRules.Training(rs.getString(1), rs.getObject(2, LocalDate.class)))
          .list();
      return ParentSchoolRules.headTraining(parentSchools.establishedOn(schoolId), parentSchools.heads(schoolId), trainings, lastDay);
    }
  }

  /** {@code INSTRUCTOR_COVERAGE} per semester: an instructor certified and not left on its last day. */
  @Component
  static class InstructorCoverage implements IndicatorDerivation {
    private final JdbcClient jdbc;
    private final CityCalendar calendar;

    InstructorCoverage(JdbcClient jdbc, CityCalendar calendar) {
      this.jdbc = jdbc;
      this.calendar = calendar;
    }

    @Override
    public String indicatorCode() {
      return IndicatorCodes.INSTRUCTOR_COVERAGE;
    }

    @Override
    public PeriodType periodType() {
      return PeriodType.SEMESTER;
    }

    @Override
    public Figure derive(String schoolId, Period period, Instant endExclusive) {
      List<ParentSchoolRules.Certification> instructors = jdbc.sql("select certified_on, left_on from instructor where school_id = ?")
          .param(schoolId)
          .query((rs, n) -> new ParentSchoolRules.Certification(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
          .list();
      return ParentSchoolRules.instructorCoverage(instructors, ParentSchoolRules.lastDay(period, calendar.calendar()));
    }
  }

  /**
   * {@code INSTRUCTOR_LICENSED} per semester (T19, ADR 0025): the instructors in post on its last day
   * holding a city certificate valid on that day, as the school's copy of the city's certificates
   * stands when derived / the instructors in post.
   */
  @Component
  static class InstructorLicensed implements IndicatorDerivation {
    private final JdbcClient jdbc;
    private final CityCalendar calendar;
    private final RegistryCertificates certificates;

    InstructorLicensed(JdbcClient jdbc, CityCalendar calendar, RegistryCertificates certificates) {
      this.jdbc = jdbc;
      this.calendar = calendar;
      this.certificates = certificates;
    }

    @Override
    public String indicatorCode() {
      return IndicatorCodes.INSTRUCTOR_LICENSED;
    }

    @Override
    public PeriodType periodType() {
      return PeriodType.SEMESTER;
    }

    @Override
    public Figure derive(String schoolId, Period period, Instant endExclusive) {
      record Row(String name, String number, LocalDate certifiedOn, LocalDate leftOn) {}
      List<Row> rows = jdbc.sql("select name, btrim(certificate_no), certified_on, left_on from instructor where school_id = ?")
          .param(schoolId)
          .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)))
          .list();
      var byNumber = certificates.find(rows.stream().map(Row::number).collect(java.util.stream.Collectors.toSet()));
      List<ParentSchoolRules.LicensedInstructor> instructors = rows.stream()
          .map(r -> new ParentSchoolRules.LicensedInstructor(r.name(), r.certifiedOn(), r.leftOn(),
              java.util.Optional.ofNullable(byNumber.get(r.number()))))
          .toList();
      return ParentSchoolRules.instructorLicensed(instructors, ParentSchoolRules.lastDay(period, calendar.calendar()));
    }
  }

  /** {@code COLLECTIVE_SESSIONS} per semester: collective sessions dated in it (COUNT, over 1). */
  @Component
  static class CollectiveSessions implements IndicatorDerivation {
    private final Sessions sessions;
    private final CityCalendar calendar;

    CollectiveSessions(Sessions sessions, CityCalendar calendar) {
      this.sessions = sessions;
      this.calendar = calendar;
    }

    @Override
    public String indicatorCode() {
      return IndicatorCodes.COLLECTIVE_SESSIONS;
    }

    @Override
    public PeriodType periodType() {
      return PeriodType.SEMESTER;
    }

    @Override
    public Figure derive(String schoolId, Period period, Instant endExclusive) {
      LocalDate start = period.start(calendar.calendar());
      LocalDate end = period.endExclusive(calendar.calendar());
      return ParentSchoolRules.collectiveSessions(sessions.between(schoolId, start, end), start, end);
    }
  }

  /** {@code CLASS_SESSIONS} per semester: classes of its school year with ≥ 2 class sessions in it / those classes. */
  @Component
  static class ClassSessions implements IndicatorDerivation {
    private final Sessions sessions;
    private final SchoolClasses classes;
    private final CityCalendar calendar;

    ClassSessions(Sessions sessions, SchoolClasses classes, CityCalendar calendar) {
      this.sessions = sessions;
      this.classes = classes;
      this.calendar = calendar;
    }

    @Override
    public String indicatorCode() {
      return IndicatorCodes.CLASS_SESSIONS;
    }

    @Override
    public PeriodType periodType() {
      return PeriodType.SEMESTER;
    }

    @Override
    public Figure derive(String schoolId, Period period, Instant endExclusive) {
      LocalDate start = period.start(calendar.calendar());
      LocalDate end = period.endExclusive(calendar.calendar());
      String year = period.asSemester().schoolYear();
      List<String> classIds = classes.list(schoolId).stream()
          .filter(c -> c.schoolYear().equals(year))
          .map(SchoolClasses.SchoolClass::classId)
          .toList();
      return ParentSchoolRules.classSessions(sessions.between(schoolId, start, end), classIds, start, end);
    }
  }

  /**
   * {@code LECTURER_REGISTRATION} per school year (T18, ADR 0024): the distinct lecturers of the
   * year's sessions registered and trained by the city, as the school's copy of the registry stands
   * when derived / the distinct lecturers of the year's sessions.
   */
  @Component
  static class LecturerRegistration implements IndicatorDerivation {
    private final Sessions sessions;
    private final RegistryLecturers lecturers;
    private final CityCalendar calendar;

    LecturerRegistration(Sessions sessions, RegistryLecturers lecturers, CityCalendar calendar) {
      this.sessions = sessions;
      this.lecturers = lecturers;
      this.calendar = calendar;
    }

    @Override
    public String indicatorCode() {
      return IndicatorCodes.LECTURER_REGISTRATION;
    }

    @Override
    public PeriodType periodType() {
      return PeriodType.SCHOOL_YEAR;
    }

    @Override
    public Figure derive(String schoolId, Period period, Instant endExclusive) {
      LocalDate start = period.start(calendar.calendar());
      LocalDate end = period.endExclusive(calendar.calendar());
      List<Session> held = sessions.between(schoolId, start, end);
      java.util.Set<String> ids = new java.util.HashSet<>();
      held.forEach(s -> {
        if (s.lecturerId() != null) {
          ids.add(s.lecturerId());
        }
      });
      return ParentSchoolRules.lecturerRegistration(held, lecturers.registeredAndTrained(ids), start, end);
    }
  }
}
