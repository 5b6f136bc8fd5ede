package org.gongyu.school.registration;

import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per class, how many distinct students have a registration in it (V35): what the over-enrolment
 * check of a batch and the enrolment guard read instead of counting the class's registrations, a
 * count that grew with the class (issue 16). Kept in the caller's transaction, under the school's
 * lock, by every write to {@code platform_registration}: {@link #adding} before a batch's insert,
 * {@link #recount} after a single registration is recorded, corrected or withdrawn.
 */
@Component
class RegisteredClasses {

  /** A registration about to be inserted, as the count sees it. */
  record Adding(String classId, String studentKey) {}

  private final JdbcClient jdbc;

  RegisteredClasses(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Adds to each class the students of {@code adding} that have no registration in it yet; to be
   * called before they are inserted. One statement: each (class, student) pair is one probe of
   * {@code platform_registration_class}.
   *
   * @return every class of {@code adding} with its count after them, by class id
   */
  SortedMap<String, Long> adding(String schoolId, List<Adding> adding) {
    if (adding.isEmpty()) {
      return new TreeMap<>();
    }
    return counts(jdbc.sql("""
            with input as (
              select distinct c, k from unnest(cast(:classes as varchar[]), cast(:keys as bpchar[])) as u(c, k)
            ), probed as (
              select c, case when exists (
                  select 1 from platform_registration r where r.school_id = :school and r.class_id = i.c and r.student_key = i.k)
                then 0 else 1 end as new
              from input i
            )
            insert into registered_class as rc (school_id, class_id, students)
            select :school, c, sum(new) from probed group by c
            on conflict (school_id, class_id) do update set students = rc.students + excluded.students
            returning class_id, students
            """)
        .param("school", schoolId)
        .param("classes", adding.stream().map(Adding::classId).toArray(String[]::new))
        .param("keys", adding.stream().map(Adding::studentKey).toArray(String[]::new)));
  }

  /**
   * Counts the classes again from the school's registrations, after a registration of theirs changed.
   *
   * @return each class with its count, by class id
   */
  SortedMap<String, Long> recount(String schoolId, Collection<String> classIds) {
    return counts(jdbc.sql("""
            insert into registered_class as rc (school_id, class_id, students)
            select :school, c, (select count(distinct r.student_key) from platform_registration r
                                where r.school_id = :school and r.class_id = u.c)
            from unnest(cast(:classes as varchar[])) as u(c)
            on conflict (school_id, class_id) do update set students = excluded.students
            returning class_id, students
            """)
        .param("school", schoolId)
        .param("classes", classIds.stream().distinct().toArray(String[]::new)));
  }

  /** The (class id, students) rows a statement returns. */
  private static SortedMap<String, Long> counts(JdbcClient.StatementSpec statement) {
    SortedMap<String, Long> counts = new TreeMap<>();
    statement.query(rs -> {
      counts.put(rs.getString(1), rs.getLong(2));
    });
    return counts;
  }

  /** Distinct students with a registration in the class. */
  long students(String schoolId, String classId) {
    return jdbc.sql("select students from registered_class where school_id = ? and class_id = ?")
        .params(schoolId, classId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }
}
