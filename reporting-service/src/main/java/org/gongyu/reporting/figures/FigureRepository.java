package org.gongyu.reporting.figures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.contracts.city.v1.CityRollupPublished;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Published figures per tier. Reads are public; writes belong to this feature's listeners and
 * store a version only if it is newer than the stored one, replacing a rollup's lineage with it.
 */
@Repository
public class FigureRepository {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  FigureRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  // ---- school snapshots

  public Optional<SchoolSnapshotRow> snapshot(String code, String periodId, String schoolId) {
    return jdbc.sql("""
            select school_id, numerator, denominator, version, as_of from school_snapshot
            where indicator_code = ? and period_id = ? and school_id = ?
            """)
        .params(code, periodId, schoolId)
        .query(FigureRepository::snapshotRow)
        .optional();
  }

  /** The snapshots of the given schools (primary-key lookups), by school id. */
  public Map<String, SchoolSnapshotRow> snapshots(String code, String periodId, Collection<String> schoolIds) {
    if (schoolIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql("""
            select school_id, numerator, denominator, version, as_of from school_snapshot
            where indicator_code = :code and period_id = :period and school_id in (:schools)
            """)
        .param("code", code)
        .param("period", periodId)
        .param("schools", schoolIds)
        .query(FigureRepository::snapshotRow)
        .stream()
        .collect(Collectors.toMap(SchoolSnapshotRow::schoolId, Function.identity()));
  }

  /**
   * Every school snapshot of one indicator and period (the primary key's (indicator, period)
   * prefix): the one read that covers every school of the city, for the below-target list.
   */
  public List<SchoolSnapshotRow> snapshots(String code, String periodId) {
    return jdbc.sql("""
            select school_id, numerator, denominator, version, as_of from school_snapshot
            where indicator_code = ? and period_id = ? order by school_id
            """)
        .params(code, periodId)
        .query(FigureRepository::snapshotRow)
        .list();
  }

  /**
   * Stores the snapshot unless a version at least as new is stored; true if it was stored. Every
   * version delivered, stale or not, is also kept with its {@code asOf} ({@code
   * school_snapshot_version}): lineage names older versions, and lateness asks for the first one.
   */
  boolean save(IndicatorSnapshotPublished s) {
    jdbc.sql("""
            insert into school_snapshot_version (indicator_code, period_id, school_id, version, as_of)
            values (?, ?, ?, ?, ?)
            on conflict (indicator_code, period_id, school_id, version) do nothing
            """)
        .params(s.indicatorCode(), s.periodId(), s.schoolId(), s.version(), utc(s.asOf()))
        .update();
    return jdbc.sql("""
            insert into school_snapshot (indicator_code, period_id, school_id, numerator, denominator, version, as_of)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (indicator_code, period_id, school_id) do update
              set numerator = excluded.numerator, denominator = excluded.denominator,
                  version = excluded.version, as_of = excluded.as_of
              where school_snapshot.version < excluded.version
            """)
        .params(s.indicatorCode(), s.periodId(), s.schoolId(), s.numerator(), s.denominator(), s.version(), utc(s.asOf()))
        .update() == 1;
  }

  /**
   * When each of the given schools first reported for one indicator and period: the earliest
   * {@code asOf} of the versions delivered (primary-key range per school), by school id; schools
   * that have not reported are absent.
   */
  public Map<String, Instant> firstReports(String code, String periodId, Collection<String> schoolIds) {
    if (schoolIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Instant> first = new java.util.HashMap<>();
    jdbc.sql("""
            select school_id, min(as_of) as first_as_of from school_snapshot_version
            where indicator_code = :code and period_id = :period and school_id in (:schools)
            group by school_id
            """)
        .param("code", code)
        .param("period", periodId)
        .param("schools", schoolIds)
        .query((ResultSet rs) -> {
          first.put(rs.getString("school_id"), instant(rs, "first_as_of"));
        });
    return first;
  }

  // ---- county rollups

  /** Every county's rollup for one indicator and period (a primary-key range, no school rows). */
  public List<CountyRollupRow> countyRollups(String code, String periodId) {
    return jdbc.sql("select " + COUNTY_ROLLUP_COLUMNS + " from county_rollup where indicator_code = ? and period_id = ?")
        .params(code, periodId)
        .query(FigureRepository::countyRollupRow)
        .list();
  }

  /** Every county's rollups of one indicator for these periods (primary-key ranges), no school rows. */
  public List<CountyRollupRow> countyRollups(String code, Collection<String> periodIds) {
    if (periodIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COUNTY_ROLLUP_COLUMNS
            + " from county_rollup where indicator_code = :code and period_id in (:periods)")
        .param("code", code)
        .param("periods", periodIds)
        .query(FigureRepository::countyRollupRow)
        .list();
  }

  /** One county's rollups of one indicator for these periods (primary-key lookups). */
  public List<CountyRollupRow> countyRollups(String code, Collection<String> periodIds, String countyId) {
    if (periodIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + COUNTY_ROLLUP_COLUMNS
            + " from county_rollup where indicator_code = :code and period_id in (:periods) and county_id = :county")
        .param("code", code)
        .param("periods", periodIds)
        .param("county", countyId)
        .query(FigureRepository::countyRollupRow)
        .list();
  }

  public Optional<CountyRollupRow> countyRollup(String code, String periodId, String countyId) {
    return jdbc.sql("select " + COUNTY_ROLLUP_COLUMNS
            + " from county_rollup where indicator_code = ? and period_id = ? and county_id = ?")
        .params(code, periodId, countyId)
        .query(FigureRepository::countyRollupRow)
        .optional();
  }

  /**
   * The school snapshot versions the stored county rollup used, by school id, each with when that
   * version was made ({@code asOf}; null if the version itself never reached this service).
   */
  public List<LineageRow> countyLineage(String code, String periodId, String countyId) {
    return jdbc.sql("""
            select l.school_id as unit_id, l.version, v.as_of from county_rollup_lineage l
            left join school_snapshot_version v
              on v.indicator_code = l.indicator_code and v.period_id = l.period_id
             and v.school_id = l.school_id and v.version = l.version
            where l.indicator_code = ? and l.period_id = ? and l.county_id = ? order by l.school_id
            """)
        .params(code, periodId, countyId)
        .query((rs, n) -> new LineageRow(rs.getString("unit_id"), rs.getLong("version"),
            rs.getObject("as_of", OffsetDateTime.class) == null ? null : instant(rs, "as_of")))
        .list();
  }

  /** The snapshot version of the school that the county's stored rollup used, if it used one. */
  public OptionalLong usedInCountyRollup(String code, String periodId, String countyId, String schoolId) {
    return jdbc.sql("""
            select version from county_rollup_lineage
            where indicator_code = ? and period_id = ? and county_id = ? and school_id = ?
            """)
        .params(code, periodId, countyId, schoolId)
        .query(Long.class)
        .optional()
        .map(OptionalLong::of)
        .orElse(OptionalLong.empty());
  }

  boolean save(CountyRollupPublished r) {
    boolean stored = jdbc.sql("""
            insert into county_rollup (indicator_code, period_id, county_id, numerator, denominator,
              schools_reporting, schools_expected, schools_meeting_target, version, as_of, schools_on_time, deadline,
              schools_signed_off, schools_signed_off_on_time, schools_approved)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (indicator_code, period_id, county_id) do update
              set numerator = excluded.numerator, denominator = excluded.denominator,
                  schools_reporting = excluded.schools_reporting, schools_expected = excluded.schools_expected,
                  schools_meeting_target = excluded.schools_meeting_target,
                  version = excluded.version, as_of = excluded.as_of,
                  schools_on_time = excluded.schools_on_time, deadline = excluded.deadline,
                  schools_signed_off = excluded.schools_signed_off,
                  schools_signed_off_on_time = excluded.schools_signed_off_on_time,
                  schools_approved = excluded.schools_approved
              where county_rollup.version < excluded.version
            """)
        .params(r.indicatorCode(), r.periodId(), r.countyId(), r.numerator(), r.denominator(),
            r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(), r.version(), utc(r.asOf()),
            r.schoolsOnTime(), r.deadline() == null ? null : utc(r.deadline()),
            r.schoolsSignedOff(), r.schoolsSignedOffOnTime(), r.schoolsApproved())
        .update() == 1;
    if (stored) {
      // The upsert holds the rollup row's lock until commit, so lineage replacement cannot interleave.
      // In place: a row is written only where its school's version changed, and only the schools
      // that left the lineage are deleted (issue 16: no delete-and-reinsert churn for autovacuum).
      // One statement for the whole lineage, and the delete only when rows beyond it remain: the
      // delete compared each stored school with every school of the lineage, 500 × 500 per rollup
      // of a county of 500 schools, most of a rebuild's time (deploy/local/README "Rebuild").
      String[] schools = r.lineage().stream().map(CountyRollupPublished.SnapshotRef::schoolId).toArray(String[]::new);
      Long[] versions = r.lineage().stream().map(CountyRollupPublished.SnapshotRef::version).toArray(Long[]::new);
      jdbc.sql("""
              insert into county_rollup_lineage (indicator_code, period_id, county_id, school_id, version)
              select ?, ?, ?, s, v from unnest(cast(? as varchar[]), cast(? as bigint[])) as l(s, v)
              on conflict (indicator_code, period_id, county_id, school_id) do update set version = excluded.version
              where county_rollup_lineage.version <> excluded.version
              """)
          .params(r.indicatorCode(), r.periodId(), r.countyId(), schools, versions)
          .update();
      long held = jdbc.sql("select count(*) from county_rollup_lineage where indicator_code = ? and period_id = ? and county_id = ?")
          .params(r.indicatorCode(), r.periodId(), r.countyId())
          .query(Long.class)
          .single();
      if (held > schools.length) {
        jdbc.sql("""
                delete from county_rollup_lineage l where l.indicator_code = ? and l.period_id = ? and l.county_id = ?
                and not exists (select 1 from unnest(cast(? as varchar[])) as k(s) where k.s = l.school_id)
                """)
            .params(r.indicatorCode(), r.periodId(), r.countyId(), schools)
            .update();
      }
    }
    return stored;
  }

  // ---- city rollups

  /**
   * The city's rollup for one indicator and period. A deployment serves one city; should the
   * store ever hold several, the lowest city id answers.
   */
  public Optional<CityRollupRow> cityRollup(String code, String periodId) {
    return cityRollups(code, List.of(periodId)).stream().findFirst();
  }

  /**
   * The city's rollups of one indicator for these periods (primary-key lookups), one per period;
   * should the store ever hold several cities, the lowest city id answers.
   */
  public List<CityRollupRow> cityRollups(String code, Collection<String> periodIds) {
    if (periodIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select distinct on (period_id) period_id, city_id, city_name, numerator, denominator, counties_reporting,
                   counties_expected, schools_reporting, schools_expected, schools_meeting_target, version, as_of,
                   schools_on_time, schools_under_deadline, schools_signed_off, schools_signed_off_on_time,
                   schools_approved
            from city_rollup where indicator_code = :code and period_id in (:periods) order by period_id, city_id
            """)
        .param("code", code)
        .param("periods", periodIds)
        .query((rs, i) -> new CityRollupRow(
            rs.getString("city_id"),
            rs.getString("city_name"),
            rs.getString("period_id"),
            rs.getLong("numerator"),
            rs.getLong("denominator"),
            rs.getInt("counties_reporting"),
            rs.getInt("counties_expected"),
            rs.getInt("schools_reporting"),
            rs.getInt("schools_expected"),
            rs.getInt("schools_meeting_target"),
            rs.getLong("version"),
            instant(rs, "as_of"),
            rs.getObject("schools_on_time", Integer.class),
            rs.getObject("schools_under_deadline", Integer.class),
            rs.getObject("schools_signed_off", Integer.class),
            rs.getObject("schools_signed_off_on_time", Integer.class),
            rs.getObject("schools_approved", Integer.class)))
        .list();
  }

  /** The county rollup versions the stored city rollup used, by county id ({@code asOf} null: not kept per version). */
  public List<LineageRow> cityLineage(String code, String periodId, String cityId) {
    return jdbc.sql("""
            select county_id as unit_id, version from city_rollup_lineage
            where indicator_code = ? and period_id = ? and city_id = ? order by county_id
            """)
        .params(code, periodId, cityId)
        .query((rs, n) -> new LineageRow(rs.getString("unit_id"), rs.getLong("version"), null))
        .list();
  }

  /** The city's name as its latest rollup that names it says (null while none does). */
  public Optional<String> cityName(String cityId) {
    return jdbc.sql("""
            select city_name from city_rollup where city_id = ? and city_name is not null
            order by as_of desc, version desc limit 1
            """)
        .param(cityId)
        .query(String.class)
        .optional();
  }

  boolean save(CityRollupPublished r) {
    boolean stored = jdbc.sql("""
            insert into city_rollup (indicator_code, period_id, city_id, numerator, denominator,
              counties_reporting, counties_expected, schools_reporting, schools_expected,
              schools_meeting_target, version, as_of, city_name, schools_on_time, schools_under_deadline,
              schools_signed_off, schools_signed_off_on_time, schools_approved)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (indicator_code, period_id, city_id) do update
              set numerator = excluded.numerator, denominator = excluded.denominator,
                  counties_reporting = excluded.counties_reporting, counties_expected = excluded.counties_expected,
                  schools_reporting = excluded.schools_reporting, schools_expected = excluded.schools_expected,
                  schools_meeting_target = excluded.schools_meeting_target,
                  version = excluded.version, as_of = excluded.as_of, city_name = excluded.city_name,
                  schools_on_time = excluded.schools_on_time, schools_under_deadline = excluded.schools_under_deadline,
                  schools_signed_off = excluded.schools_signed_off,
                  schools_signed_off_on_time = excluded.schools_signed_off_on_time,
                  schools_approved = excluded.schools_approved
              where city_rollup.version < excluded.version
            """)
        .params(r.indicatorCode(), r.periodId(), r.cityId(), r.numerator(), r.denominator(),
            r.countiesReporting(), r.countiesExpected(), r.schoolsReporting(), r.schoolsExpected(),
            r.schoolsMeetingTarget(), r.version(), utc(r.asOf()), r.cityName(), r.schoolsOnTime(),
            r.schoolsUnderDeadline(), r.schoolsSignedOff(), r.schoolsSignedOffOnTime(), r.schoolsApproved())
        .update() == 1;
    if (stored) {
      jdbc.sql("delete from city_rollup_lineage where indicator_code = ? and period_id = ? and city_id = ?"
              + " and county_id <> all(string_to_array(?, ','))")
          .params(r.indicatorCode(), r.periodId(), r.cityId(),
              String.join(",", r.lineage().stream().map(CityRollupPublished.RollupRef::countyId).toList()))
          .update();
      batch.batchUpdate(
          "insert into city_rollup_lineage (indicator_code, period_id, city_id, county_id, version) values (?, ?, ?, ?, ?)"
              + " on conflict (indicator_code, period_id, city_id, county_id) do update set version = excluded.version"
              + " where city_rollup_lineage.version <> excluded.version",
          r.lineage().stream()
              .map(ref -> new Object[] {r.indicatorCode(), r.periodId(), r.cityId(), ref.countyId(), ref.version()})
              .toList());
    }
    return stored;
  }

  // ---- mapping

  private static final String COUNTY_ROLLUP_COLUMNS =
      "county_id, period_id, numerator, denominator, schools_reporting, schools_expected, schools_meeting_target,"
      + " version, as_of, schools_on_time, deadline, schools_signed_off, schools_signed_off_on_time, schools_approved";

  private static SchoolSnapshotRow snapshotRow(ResultSet rs, int rowNum) throws SQLException {
    return new SchoolSnapshotRow(
        rs.getString("school_id"),
        rs.getLong("numerator"),
        rs.getLong("denominator"),
        rs.getLong("version"),
        instant(rs, "as_of"));
  }

  private static CountyRollupRow countyRollupRow(ResultSet rs, int rowNum) throws SQLException {
    return new CountyRollupRow(
        rs.getString("county_id"),
        rs.getString("period_id"),
        rs.getLong("numerator"),
        rs.getLong("denominator"),
        rs.getInt("schools_reporting"),
        rs.getInt("schools_expected"),
        rs.getInt("schools_meeting_target"),
        rs.getLong("version"),
        instant(rs, "as_of"),
        rs.getObject("schools_on_time", Integer.class),
        rs.getObject("deadline", OffsetDateTime.class) == null ? null : instant(rs, "deadline"),
        rs.getObject("schools_signed_off", Integer.class),
        rs.getObject("schools_signed_off_on_time", Integer.class),
        rs.getObject("schools_approved", Integer.class));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
