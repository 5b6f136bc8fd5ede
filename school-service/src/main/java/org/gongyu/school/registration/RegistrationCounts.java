package org.gongyu.school.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.gongyu.chassis.calendar.CityCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counts the registration figures and the over-enrolment check read instead of counting
 * registrations (issue 16): per class, how many distinct students have a registration in it
 * ({@code registered_class}, V35); per school year and day, how many students and guardians have
 * their earliest registration of the year's classes on that day ({@code registration_daily}, V34),
 * so a period's count is a sum over at most one row a day.
 *
 * <p>Kept in the caller's transaction, under the school's lock, by every write to {@code
 * platform_registration}: {@link #change} is called before the write with what it removes and
 * adds. It looks the students and guardians concerned up in the registrations' key indexes (V39:
 * the pseudonym's first 128 bits as a uuid, ADR 0041 and 0042), works out what each key counted
 * for before the write and what it will count for after it, and adds the difference to both
 * tables: two statements in all, the look-up and the upsert of both counts, whatever the write's
 * size (four until stop 37; the batch of 50 was not measurably faster for it). A key is a student
 * or guardian as the counts see it: two pseudonyms that share their first 128 bits count once
 * (about n²/2¹²⁹ for n keys of a school).
 */
@Component
class RegistrationCounts {

  /**
   * A registration as the counts see it. For a registration about to be removed, only its id and
   * keys are read (what it counted for comes from the stored row).
   */
  record Registration(String externalId, String classId, String schoolYear, String studentKey, String guardianKey,
      Instant registeredAt) {}

  private final JdbcClient jdbc;
  private final CityCalendar calendar;

  RegistrationCounts(JdbcClient jdbc, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** A pseudonym (64 hexadecimal characters) as the counts key it: its first 128 bits, in the 32 characters a uuid reads. */
  static String key(String pseudonym) {
    return pseudonym.substring(0, 32);
  }

  /**
   * Brings both counts up to a write that removes {@code removed} (stored registrations, by id) and
   * adds {@code added}; to be called before the write, under the school's lock.
   *
   * @return every class of {@code added} and every class whose count changed, with its count after the write, by class id
   */
  SortedMap<String, Long> change(String schoolId, Collection<Registration> removed, Collection<Registration> added) {
    if (removed.isEmpty() && added.isEmpty()) {
      return new TreeMap<>();
    }
    Set<String> students = new HashSet<>();
    Set<String> guardians = new HashSet<>();
    java.util.stream.Stream.concat(removed.stream(), added.stream()).forEach(r -> {
      students.add(key(r.studentKey()));
      guardians.add(key(r.guardianKey()));
    });
    Set<String> gone = new HashSet<>();
    removed.forEach(r -> gone.add(r.externalId()));
    // what the keys concerned have now, and will have after the write
    Stored found = stored(schoolId, students, guardians);
    List<Registration> ofStudents = found.ofStudents();
    List<Registration> ofStudentsAfter = after(ofStudents, gone, added);
    List<Registration> ofGuardians = found.ofGuardians();
    List<Registration> ofGuardiansAfter = after(ofGuardians, gone, added);

    // per class: the students that will have a registration in it against those that have one now
    Set<List<String>> inClassBefore = memberships(ofStudents);
    Set<List<String>> inClassAfter = memberships(ofStudentsAfter);
    Map<String, Integer> classes = new TreeMap<>();
    added.forEach(r -> classes.put(r.classId(), 0));
    inClassAfter.stream().filter(m -> !inClassBefore.contains(m)).forEach(m -> classes.merge(m.get(0), 1, Integer::sum));
    inClassBefore.stream().filter(m -> !inClassAfter.contains(m)).forEach(m -> classes.merge(m.get(0), -1, Integer::sum));

    // per school year and day: the keys whose earliest registration of the year moves onto it or away from it
    Map<List<String>, int[]> days = new HashMap<>();
    shift(days, 0, earliest(ofStudents, Registration::studentKey), earliest(ofStudentsAfter, Registration::studentKey));
    shift(days, 1, earliest(ofGuardians, Registration::guardianKey), earliest(ofGuardiansAfter, Registration::guardianKey));
    days.values().removeIf(n -> n[0] == 0 && n[1] == 0);
    SortedMap<String, Long> counts = new TreeMap<>();
    if (days.isEmpty() && classes.isEmpty()) {
      return counts;
    }
    // both counts in one statement; the day counts' insert is a data-modifying WITH, which runs to
    // completion though nothing reads it
    jdbc.sql("""
            with daily as (
              insert into registration_daily as d (school_id, school_year, day, students, guardians)
              select :school, y, cast(day as date), s, g
              from unnest(cast(:years as varchar[]), cast(:days as varchar[]), cast(:students as int[]), cast(:guardians as int[]))
                as u(y, day, s, g)
              on conflict (school_id, school_year, day)
              do update set students = d.students + excluded.students, guardians = d.guardians + excluded.guardians)
            insert into registered_class as rc (school_id, class_id, students)
            select :school, c, n from unnest(cast(:classes as varchar[]), cast(:deltas as int[])) as u(c, n)
            on conflict (school_id, class_id) do update set students = rc.students + excluded.students
            returning class_id, students
            """)
        .param("school", schoolId)
        .param("years", days.keySet().stream().map(d -> d.get(0)).toArray(String[]::new))
        .param("days", days.keySet().stream().map(d -> d.get(1)).toArray(String[]::new))
        .param("students", days.values().stream().mapToInt(n -> n[0]).toArray())
        .param("guardians", days.values().stream().mapToInt(n -> n[1]).toArray())
        .param("classes", classes.keySet().toArray(String[]::new))
        .param("deltas", classes.values().stream().mapToInt(Integer::intValue).toArray())
        .query(rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return counts;
  }

  /** The stored registrations of the students concerned, and those of the guardians concerned (a row may be in both). */
  private record Stored(List<Registration> ofStudents, List<Registration> ofGuardians) {}

  /**
   * The school's stored registrations that carry any of {@code students} as their student and
   * those that carry any of {@code guardians} as their guardian, each with its class's school year:
   * one statement, one scan of each key index (V39) for all keys; only the rows found are read from
   * the table.
   */
  private Stored stored(String schoolId, Set<String> students, Set<String> guardians) {
    Stored found = new Stored(new ArrayList<>(), new ArrayList<>());
    jdbc.sql(LOOK_UP)
        .param("school", schoolId)
        .param("students", students.toArray(String[]::new))
        .param("guardians", guardians.toArray(String[]::new))
        .query(rs -> {
          (rs.getBoolean(1) ? found.ofStudents() : found.ofGuardians()).add(new Registration(rs.getString(2),
              rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
        });
    return found;
  }

  /**
   * The look-up of {@link #stored}: a branch per key index, not one {@code or}, which the planner
   * may answer by reading every registration of the school; the first column says which branch
   * found the row (true: by its student). Each key expression is its index's, spelt as V39 spells
   * it, or the planner does not match it with the index.
   */
  static final String LOOK_UP = """
      select true, r.external_id, r.class_id, c.school_year, r.student_key, r.guardian_key, r.registered_at
      from platform_registration r join school_class c on c.school_id = r.school_id and c.class_id = r.class_id
      where r.school_id = :school and cast(left(r.student_key, 32) as uuid) = any(cast(:students as uuid[]))
      union all
      select false, r.external_id, r.class_id, c.school_year, r.student_key, r.guardian_key, r.registered_at
      from platform_registration r join school_class c on c.school_id = r.school_id and c.class_id = r.class_id
      where r.school_id = :school and cast(left(r.guardian_key, 32) as uuid) = any(cast(:guardians as uuid[]))
      """;

  /** The registrations of {@code stored} after the write: without those it removes, with those it adds. */
  private static List<Registration> after(List<Registration> stored, Set<String> gone, Collection<Registration> added) {
    List<Registration> after = new ArrayList<>(stored.size() + added.size());
    stored.stream().filter(r -> !gone.contains(r.externalId())).forEach(after::add);
    after.addAll(added);
    return after;
  }

  /** Each (class, student key) pair the registrations hold. */
  private static Set<List<String>> memberships(Collection<Registration> registrations) {
    Set<List<String>> pairs = new HashSet<>();
    registrations.forEach(r -> pairs.add(List.of(r.classId(), key(r.studentKey()))));
    return pairs;
  }

  /** Per (school year, key), the earliest of the registrations that carry it. */
  private static Map<List<String>, Instant> earliest(Collection<Registration> registrations, Function<Registration, String> keyOf) {
    Map<List<String>, Instant> earliest = new HashMap<>();
    for (Registration r : registrations) {
      earliest.merge(List.of(r.schoolYear(), key(keyOf.apply(r))), r.registeredAt(), (a, b) -> a.isBefore(b) ? a : b);
    }
    return earliest;
  }

  /**
   * Moves each key in the counts of column {@code which} (0 students, 1 guardians) from the day of
   * its earliest registration before the write to the day after it; a key found in a registration
   * of the lookup that the write does not concern keeps its day, and nothing changes for it.
   */
  private void shift(Map<List<String>, int[]> days, int which, Map<List<String>, Instant> before, Map<List<String>, Instant> after) {
    Set<List<String>> keys = new HashSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (List<String> k : keys) {
      LocalDate was = before.containsKey(k) ? calendar.dayOf(before.get(k)) : null;
      LocalDate now = after.containsKey(k) ? calendar.dayOf(after.get(k)) : null;
      if (java.util.Objects.equals(was, now)) {
        continue;
      }
      if (was != null) {
        days.computeIfAbsent(List.of(k.get(0), was.toString()), d -> new int[2])[which]--;
      }
      if (now != null) {
        days.computeIfAbsent(List.of(k.get(0), now.toString()), d -> new int[2])[which]++;
      }
    }
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

  /** Distinct students with a registration in the class. */
  long students(String schoolId, String classId) {
    return jdbc.sql("select students from registered_class where school_id = ? and class_id = ?")
        .params(schoolId, classId)
        .query(Long.class)
        .optional()
        .orElse(0L);
  }
}
