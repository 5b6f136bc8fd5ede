package org.gongyu.reporting.orgunits;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counties and schools with their membership history; reads are public, writes belong to this
 * feature's listeners. A school is read either as it is now ({@link #school(String)}) or as it was
 * on a day (the first day of a period): in the county and 学区 of the membership in force then.
 */
@Repository
public class OrgUnitRepository {

  private static final String COUNTY_COLUMNS = "county_id, city_id, name, version, kind";
  private static final String SCHOOL_COLUMNS = "school_id, county_id, xuequ_id, name, school_type, version";
  /** The school with the membership {@code m} in force on {@code :day}: the latest starting on or before it, else the first. */
  private static final String SCHOOL_ON_DAY = """
      select s.school_id, m.county_id, m.xuequ_id, s.name, s.school_type, s.version
      from school s join school_membership m on m.school_id = s.school_id
      where not exists (select 1 from school_membership n
                        where n.school_id = m.school_id and n.from_day > m.from_day and n.from_day <= :day)
        and (m.from_day <= :day or not exists (select 1 from school_membership f
                                                where f.school_id = m.school_id and f.from_day < m.from_day))
      """;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  OrgUnitRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** Every known county, by id. A city has about a dozen. */
  public List<CountyRow> counties() {
    return jdbc.sql("select " + COUNTY_COLUMNS + " from county order by county_id")
        .query(CountyRow.class)
        .list();
  }

  public Optional<CountyRow> county(String countyId) {
    return jdbc.sql("select " + COUNTY_COLUMNS + " from county where county_id = ?")
        .param(countyId)
        .query(CountyRow.class)
        .optional();
  }

  /**
   * The schools that belonged to the county on {@code day} (for a period: its first day), by id; a
   * school closed by that day is not one of them (ADR 0027). Reads only the memberships ever held in
   * that county (index {@code school_membership_by_county}).
   */
  public List<SchoolRow> schoolsOf(String countyId, LocalDate day) {
    return jdbc.sql(SCHOOL_ON_DAY + " and m.county_id = :county and (s.closed_from is null or s.closed_from > :day) order by s.school_id")
        .param("day", day)
        .param("county", countyId)
        .query(SchoolRow.class)
        .list();
  }

  /** The given schools as they were on {@code day} (primary-key lookups), by school id; unknown ids are absent. */
  public Map<String, SchoolRow> schoolsOn(Collection<String> schoolIds, LocalDate day) {
    if (schoolIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql(SCHOOL_ON_DAY + " and s.school_id in (:schools)")
        .param("day", day)
        .param("schools", schoolIds)
        .query(SchoolRow.class)
        .stream()
        .collect(Collectors.toMap(SchoolRow::schoolId, Function.identity()));
  }

  /** The school as it was on {@code day}. */
  public Optional<SchoolRow> school(String schoolId, LocalDate day) {
    return Optional.ofNullable(schoolsOn(List.of(schoolId), day).get(schoolId));
  }

  /** The school as it is now (its current county). */
  public Optional<SchoolRow> school(String schoolId) {
    return jdbc.sql("select " + SCHOOL_COLUMNS + " from school where school_id = ?")
        .param(schoolId)
        .query(SchoolRow.class)
        .optional();
  }

  /** Stores the county unless a version at least as new is stored; true if it was stored. */
  boolean save(CountyRegistered c) {
    return jdbc.sql("""
            insert into county (county_id, city_id, name, version, kind) values (?, ?, ?, ?, ?)
            on conflict (county_id) do update
              set city_id = excluded.city_id, name = excluded.name, version = excluded.version, kind = excluded.kind
              where county.version < excluded.version
            """)
        .params(c.countyId(), c.cityId(), c.name(), c.version(), c.kind().name())
        .update() == 1;
  }

  /**
   * Stores the school and its whole membership history unless a version at least as new is
   * stored; true if it was stored. The upsert locks the school's row until commit, so replacing
   * the history cannot interleave with another version's.
   */
  boolean save(SchoolRegistered s) {
    boolean stored = jdbc.sql("""
            insert into school (school_id, county_id, xuequ_id, name, school_type, version, closed_from)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (school_id) do update
              set county_id = excluded.county_id, xuequ_id = excluded.xuequ_id, name = excluded.name,
                  school_type = excluded.school_type, version = excluded.version, closed_from = excluded.closed_from
              where school.version < excluded.version
            """)
        .params(s.schoolId(), s.countyId(), s.xuequId(), s.name(), s.schoolType(), s.version(), s.closedFrom())
        .update() == 1;
    if (stored) {
      jdbc.sql("delete from school_membership where school_id = ?").param(s.schoolId()).update();
      // one membership per first day: should a history name a day twice, the later entry wins
      Map<LocalDate, SchoolRegistered.Membership> byDay = s.history().stream()
          .collect(Collectors.toMap(SchoolRegistered.Membership::from, Function.identity(), (a, b) -> b));
      batch.batchUpdate(
          "insert into school_membership (school_id, from_day, county_id, xuequ_id) values (?, ?, ?, ?)",
          byDay.values().stream()
              .map(m -> new Object[] {s.schoolId(), m.from(), m.countyId(), m.xuequId()})
              .toList());
    }
    return stored;
  }
}
