package org.gongyu.school.registration;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.school.privacy.DerivedFromPseudonyms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registration tallies (V19, keyed by uuid since V38): per school year, each student and each
 * guardian with a registration in the year's classes, and the earliest such registration. What the
 * registration figures count instead of re-hashing every registration of the year on each refresh
 * (issue 16). A tally's key is the first 128 bits of the pseudonym ({@code
 * cast(left(student_key, 32) as uuid)}, ADR 0041). Kept in the caller's transaction, under the
 * school's lock, by every write to {@code platform_registration}: {@link #added} for new
 * registrations, {@link #recount} for a correction or a withdrawal, whose keys may have lost their
 * earliest (or only) registration; {@link #rebuild} after key rotation.
 */
@Component
class RegistrationTallies implements DerivedFromPseudonyms {

  /** A registration as the tallies see it: its class's school year, its keys and time. */
  record Entry(String schoolYear, String studentKey, String guardianKey, Instant registeredAt) {}

  /**
   * One tally: its table and key column, the pseudonym column of {@code platform_registration} it
   * keys by, and its column in {@code registration_daily} (V34). Identifiers, never input.
   */
  private record Tally(String table, String column, String source, String daily) {}

  private static final Tally STUDENTS = new Tally("registered_student", "student", "student_key", "students");
  private static final Tally GUARDIANS = new Tally("registered_guardian", "guardian", "guardian_key", "guardians");

  /** A pseudonym (64 hex characters) as a tally's key, in SQL: its first 128 bits as a uuid. */
  private static String key(String hex) {
    return "cast(left(" + hex + ", 32) as uuid)";
  }

  private final JdbcClient jdbc;
  private final CityCalendar calendar;
  /** The city's zone, whose days registration_daily counts by. */
  private final String zone;

  RegistrationTallies(JdbcClient jdbc, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.zone = calendar.zone().getId();
  }

  /** New registrations: each key's row is inserted, or moved to the earlier time. One statement per tally, one look-up per key. */
  void added(String schoolId, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    String[] years = entries.stream().map(Entry::schoolYear).toArray(String[]::new);
    Timestamp[] times = entries.stream().map(e -> Timestamp.from(e.registeredAt())).toArray(Timestamp[]::new);
    upsert(STUDENTS, schoolId, years, entries.stream().map(Entry::studentKey).toArray(String[]::new), times);
    upsert(GUARDIANS, schoolId, years, entries.stream().map(Entry::guardianKey).toArray(String[]::new), times);
  }

  private void upsert(Tally t, String schoolId, String[] years, String[] keys, Timestamp[] times) {
    // All sub-statements see the tally as it was before this statement. Each key is looked up once
    // ("before", with its earlier row's time): a key without a row is inserted (a plain insert: the
    // school's lock keeps out any other writer of the school's keys, and the primary key would
    // refuse a duplicate), a key whose row is later than this registration is moved earlier. An
    // upsert with "on conflict" probed every key twice more, for keys that are almost all new
    // (issue 16: about a third of the statement's time). An added key joins its day's count; a
    // moved key leaves its old day's count and joins its new one.
    jdbc.sql("""
            with input as (
              select y, %4$s as k, min(t) as t
              from unnest(cast(:years as bpchar[]), cast(:keys as text[]), cast(:times as timestamptz[])) as u(y, p, t)
              group by 1, 2
            ), before as (
              select s.school_year, s.%2$s, s.first_registered_at, i.t
              from %1$s s join input i on s.school_id = :school and s.school_year = i.y and s.%2$s = i.k
            ), added as (
              insert into %1$s (school_id, school_year, %2$s, first_registered_at)
              select :school, i.y, i.k, i.t from input i
              where not exists (select 1 from before b where b.school_year = i.y and b.%2$s = i.k)
              returning school_year, first_registered_at
            ), moved as (
              update %1$s s set first_registered_at = b.t from before b
              where s.school_id = :school and s.school_year = b.school_year and s.%2$s = b.%2$s and b.first_registered_at > b.t
              returning b.school_year, b.first_registered_at as was, b.t as now
            ), delta as (
              select school_year, (first_registered_at at time zone :zone)::date as day, 1 as n from added
              union all
              select school_year, (now at time zone :zone)::date, 1 from moved
              union all
              select school_year, (was at time zone :zone)::date, -1 from moved
            )
            insert into registration_daily as d (school_id, school_year, day, %3$s)
            select :school, school_year, day, sum(n) from delta group by school_year, day having sum(n) <> 0
            on conflict (school_id, school_year, day) do update set %3$s = d.%3$s + excluded.%3$s
            """.formatted(t.table(), t.column(), t.daily(), key("p")))
        .param("school", schoolId)
        .param("years", years)
        .param("keys", keys)
        .param("times", times)
        .param("zone", zone)
        .update();
  }

  /**
   * Counts the keys again from the school's registrations (after a correction or withdrawal of
   * registrations that carried them): a key still registered gets its earliest time, a key no
   * longer registered in a year leaves that year's tally.
   */
  void recount(String schoolId, Collection<String> studentKeys, Collection<String> guardianKeys) {
    recount(STUDENTS, schoolId, studentKeys);
    recount(GUARDIANS, schoolId, guardianKeys);
  }

  private void recount(Tally t, String schoolId, Collection<String> keys) {
    if (keys.isEmpty()) {
      return;
    }
    String[] k = keys.stream().distinct().toArray(String[]::new);
    String tallyKeys = "(select " + key("p") + " from unnest(cast(? as text[])) as u(p))";
    // the day counts follow the keys: the days they have now leave, the days they have after it join
    shiftDays(t, schoolId, tallyKeys, k, -1);
    jdbc.sql("delete from %s where school_id = ? and %s in %s".formatted(t.table(), t.column(), tallyKeys))
        .params(schoolId, k)
        .update();
    fromRegistrations(t, "where r.school_id = ? and r.%s = any(cast(? as bpchar[]))".formatted(t.source()), schoolId, k);
    shiftDays(t, schoolId, tallyKeys, k, 1);
  }

  /** Adds ({@code sign} 1) or takes away (-1) the keys' rows of the tally from the days they fall on. */
  private void shiftDays(Tally t, String schoolId, String tallyKeys, String[] keys, int sign) {
    jdbc.sql("""
            insert into registration_daily as d (school_id, school_year, day, %3$s)
            select school_id, school_year, (first_registered_at at time zone ?)::date, ? * count(*) from %1$s
            where school_id = ? and %2$s in %4$s group by 1, 2, 3
            on conflict (school_id, school_year, day) do update set %3$s = d.%3$s + excluded.%3$s
            """.formatted(t.table(), t.column(), t.daily(), tallyKeys))
        .params(zone, sign, schoolId, keys)
        .update();
  }

  /**
   * Both tallies again from {@code platform_registration}, every school: for key rotation, which
   * re-keys the pseudonyms the tallies' keys were cut from (privacy.KeyRotation, in its
   * transaction). The keys change and nothing else: each key's earliest registration, so the day
   * counts, stay as they were.
   *
   * @return rows written, both tallies together
   */
  @Override
  public long rebuild() {
    long rows = 0;
    for (Tally t : List.of(STUDENTS, GUARDIANS)) {
      jdbc.sql("delete from " + t.table()).update();
      rows += fromRegistrations(t, "");
    }
    return rows;
  }

  /**
   * Inserts the tally's rows of the registrations {@code where} selects (a clause on {@code r},
   * {@code platform_registration}; empty: all): each key's earliest registration per school year.
   *
   * @return rows inserted
   */
  private int fromRegistrations(Tally t, String where, Object... params) {
    return jdbc.sql("""
            insert into %1$s (school_id, school_year, %2$s, first_registered_at)
            select r.school_id, c.school_year, %3$s, min(r.registered_at)
            from platform_registration r join school_class c on c.school_id = r.school_id and c.class_id = r.class_id
            %4$s
            group by 1, 2, 3
            """.formatted(t.table(), t.column(), key("r." + t.source()), where))
        .params(params)
        .update();
  }

  /**
   * The school's count of registered students ({@code students}) or guardians ({@code guardians})
   * of a school year whose earliest registration came before {@code endExclusive}, the start of a
   * day in the city's zone (a period's end): a sum over at most one row per day.
   */
  long countBefore(String schoolId, String schoolYear, Instant endExclusive, boolean guardians) {
    LocalDate end = calendar.dayOf(endExclusive);
    return jdbc.sql("select coalesce(sum(%s), 0) from registration_daily where school_id = ? and school_year = ? and day < ?"
            .formatted(guardians ? "guardians" : "students"))
        .params(schoolId, schoolYear, java.sql.Date.valueOf(end))
        .query(Long.class)
        .single();
  }
}
