package org.gongyu.school.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registration tallies (V19): per school year, each student and each guardian with a
 * registration in the year's classes, and the earliest such registration. What the registration
 * figures count instead of re-hashing every registration of the year on each refresh (issue 16).
 * Kept in the caller's transaction, under the school's lock, by every write to {@code
 * platform_registration}: {@link #added} for new registrations, {@link #recount} for a correction
 * or a withdrawal, whose keys may have lost their earliest (or only) registration.
 */
@Component
class RegistrationTallies {

  /** A registration as the tallies see it: its class's school year, its keys and time. */
  record Entry(String schoolYear, String studentKey, String guardianKey, Instant registeredAt) {}

  private final JdbcClient jdbc;

  RegistrationTallies(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** New registrations: each key's row is inserted, or moved to the earlier time. One statement per tally. */
  void added(String schoolId, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    String[] years = entries.stream().map(Entry::schoolYear).toArray(String[]::new);
    Timestamp[] times = entries.stream().map(e -> Timestamp.from(e.registeredAt())).toArray(Timestamp[]::new);
    upsert("registered_student", "student_key", schoolId, years,
        entries.stream().map(Entry::studentKey).toArray(String[]::new), times);
    upsert("registered_guardian", "guardian_key", schoolId, years,
        entries.stream().map(Entry::guardianKey).toArray(String[]::new), times);
  }

  private void upsert(String table, String column, String schoolId, String[] years, String[] keys, Timestamp[] times) {
    // identifiers are this class's constants
    jdbc.sql("""
            insert into %1$s (school_id, school_year, %2$s, first_registered_at)
            select ?, y, k, min(t) from unnest(cast(? as bpchar[]), cast(? as bpchar[]), cast(? as timestamptz[])) as u(y, k, t)
            group by y, k
            on conflict (school_id, school_year, %2$s) do update set first_registered_at = excluded.first_registered_at
            where %1$s.first_registered_at > excluded.first_registered_at
            """.formatted(table, column))
        .params(schoolId, years, keys, times)
        .update();
  }

  /**
   * Counts the keys again from the school's registrations (after a correction or withdrawal of
   * registrations that carried them): a key still registered gets its earliest time, a key no
   * longer registered in a year leaves that year's tally.
   */
  void recount(String schoolId, Collection<String> studentKeys, Collection<String> guardianKeys) {
    recount("registered_student", "student_key", schoolId, studentKeys);
    recount("registered_guardian", "guardian_key", schoolId, guardianKeys);
  }

  private void recount(String table, String column, String schoolId, Collection<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    String[] k = keys.stream().distinct().toArray(String[]::new);
    jdbc.sql("delete from %s where school_id = ? and %s = any(cast(? as bpchar[]))".formatted(table, column))
        .params(schoolId, k)
        .update();
    jdbc.sql("""
            insert into %1$s (school_id, school_year, %2$s, first_registered_at)
            select r.school_id, c.school_year, r.%2$s, min(r.registered_at)
            from platform_registration r join school_class c on c.school_id = r.school_id and c.class_id = r.class_id
            where r.school_id = ? and r.%2$s = any(cast(? as bpchar[]))
            group by r.school_id, c.school_year, r.%2$s
            """.formatted(table, column))
        .params(schoolId, k)
        .update();
  }
}
