package org.gongyu.school.studentrecords;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.records.IdempotentBatch;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Validation every student-record feature applies the same way. */
public final class StudentRecordChecks {

  private StudentRecordChecks() {}

  /**
   * Adds a problem for a date in the future or before the first school year periods exist for, and
   * one for a class that is not the school's or not of the school year the date falls in.
   *
   * @param schoolClass the class as stored, null if the school has no class {@code classId}
   */
  public static void classOnDay(String schoolId, SchoolClasses.SchoolClass schoolClass, String classId, LocalDate date,
      CityCalendar calendar, String classField, String dateField, List<String> errors) {
    String year = dateProblems(date, calendar, dateField, errors);
    if (schoolClass == null) {
      errors.add(classField + ": class " + classId + " is not recorded at school " + schoolId);
    } else if (year != null && !schoolClass.schoolYear().equals(year)) {
      errors.add(classField + ": class " + classId + " belongs to school year " + schoolClass.schoolYear() + ", but "
          + date + " falls in school year " + year);
    }
  }

  /**
   * Adds a problem for a date in the future or too early to fall in a school year.
   *
   * @return the id of the school year the date falls in, null if it is refused
   */
  public static String dateProblems(LocalDate date, CityCalendar calendar, String field, List<String> errors) {
    if (date.isAfter(calendar.today())) {
      errors.add(field + ": " + date + " is in the future (today is " + calendar.today() + ")");
      return null;
    }
    try {
      return Period.containing(PeriodType.SCHOOL_YEAR, date, calendar.calendar()).id();
    } catch (IllegalArgumentException e) {
      errors.add(field + ": " + date + " is before the first school year this service records (2000-2001)");
      return null;
    }
  }

  /** 422 listing every problem if there are any; nothing of the request is stored. */
  public static void rejectIf(List<String> errors) {
    IdempotentBatch.rejectIf("request", errors);
  }

  /**
   * Classes among {@code classIds} where {@code table} (a table of this service with {@code
   * school_id, class_id, student_key}) holds more distinct students than the class enrols.
   */
  public static List<String> overEnrolled(JdbcClient jdbc, String table, String schoolId, Collection<String> classIds) {
    return overEnrolled(jdbc, table, schoolId, classIds, (classId, students, enrolment) -> "classId: class " + classId
        + " would have records of " + students + " students but enrols only " + enrolment);
  }

  /** How a feature words an over-enrolled class. */
  @FunctionalInterface
  public interface OverEnrolment {
    String problem(String classId, long students, int enrolment);
  }

  /** {@link #overEnrolled(JdbcClient, String, String, Collection)} in the feature's own words. */
  public static List<String> overEnrolled(JdbcClient jdbc, String table, String schoolId, Collection<String> classIds,
      OverEnrolment problem) {
    if (classIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select c.class_id, c.enrolment, count(distinct r.student_key)
            from school_class c join %s r on r.school_id = c.school_id and r.class_id = c.class_id
            where c.school_id = ? and c.class_id = any(?)
            group by c.class_id, c.enrolment having count(distinct r.student_key) > c.enrolment
            order by c.class_id
            """.formatted(table))
        .params(schoolId, classIds.toArray(String[]::new))
        .query((rs, n) -> problem.problem(rs.getString(1), rs.getLong(3), rs.getInt(2)))
        .list();
  }

  /** Distinct students of a class in {@code table} (see {@link #overEnrolled}). */
  public static long studentsOfClass(JdbcClient jdbc, String table, String schoolId, String classId) {
    return jdbc.sql("select count(distinct student_key) from %s where school_id = ? and class_id = ?".formatted(table))
        .params(schoolId, classId)
        .query(Long.class)
        .single();
  }

  /**
   * The latest stored snapshots of {@code feeds} for the started periods containing {@code days},
   * without re-deriving: what a request that changed nothing answers. Each indicator's period type is
   * its derivation's ({@link SnapshotService#latestAround}).
   */
  public static List<SnapshotService.Snapshot> latest(SnapshotService snapshots, String schoolId,
      Collection<LocalDate> days, List<String> feeds) {
    return snapshots.latestAround(schoolId, days, feeds);
  }

  /**
   * The figures a batch answers with: if it stored something, {@code feeds} re-derived once for
   * every day of the {@code days} (those of the fresh records); if it stored nothing, the latest
   * figures of the periods containing {@code days} (those of all its records), without re-deriving.
   */
  public static List<SnapshotService.Snapshot> figures(SnapshotService snapshots, String schoolId,
      boolean storedAny, Collection<LocalDate> days, List<String> feeds) {
    return storedAny
        ? snapshots.refresh(RecordsChanged.of(schoolId, days, feeds.toArray(String[]::new)))
        : latest(snapshots, schoolId, days, feeds);
  }
}
