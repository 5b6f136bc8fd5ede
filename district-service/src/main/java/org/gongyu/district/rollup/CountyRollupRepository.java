package org.gongyu.district.rollup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CountyRollupRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<SchoolVersion>> LINEAGE = new TypeReference<>() {};
  private static final String COLUMNS =
      "county_id, indicator_code, period_id, numerator, denominator, schools_reporting, schools_expected,"
          + " schools_meeting_target, version, as_of, lineage";

  private final JdbcClient jdbc;

  CountyRollupRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the snapshot if it is newer than the stored one; true if it was. */
  boolean storeIfNewer(IndicatorSnapshotPublished s) {
    return jdbc.sql(
                """
                insert into school_snapshot (school_id, indicator_code, period_id, numerator, denominator, version, as_of)
                values (:schoolId, :code, :periodId, :numerator, :denominator, :version, :asOf)
                on conflict (school_id, indicator_code, period_id) do update set numerator = excluded.numerator,
                  denominator = excluded.denominator, version = excluded.version, as_of = excluded.as_of
                where school_snapshot.version < excluded.version
                """)
            .param("schoolId", s.schoolId()).param("code", s.indicatorCode()).param("periodId", s.periodId())
            .param("numerator", s.numerator()).param("denominator", s.denominator()).param("version", s.version())
            .param("asOf", Timestamp.from(s.asOf()))
            .update()
        == 1;
  }

  /** Creates the version-0 placeholder if needed, then locks the row until the transaction ends. */
  CountyRollupRow lock(RollupKey key) {
    jdbc.sql("insert into county_rollup (county_id, indicator_code, period_id) values (?, ?, ?) on conflict do nothing")
        .params(key.countyId(), key.indicatorCode(), key.periodId())
        .update();
    return jdbc.sql("select " + COLUMNS + " from county_rollup where county_id = ? and indicator_code = ? and period_id = ? for update")
        .params(key.countyId(), key.indicatorCode(), key.periodId())
        .query(CountyRollupRepository::row)
        .single();
  }

  /** The latest snapshot of each school registered in the county (a fresh statement: see the lock order). */
  List<SchoolFigure> latestOfRegisteredSchools(RollupKey key) {
    return jdbc.sql(
            """
            select s.school_id, s.version, s.numerator, s.denominator
            from school_snapshot s join school r on r.id = s.school_id
            where r.county_id = ? and s.indicator_code = ? and s.period_id = ?
            """)
        .params(key.countyId(), key.indicatorCode(), key.periodId())
        .query((rs, i) -> new SchoolFigure(rs.getString(1), rs.getLong(2), new Figure(rs.getLong(3), rs.getLong(4))))
        .list();
  }

  void save(CountyRollupRow r) {
    jdbc.sql(
            """
            update county_rollup set numerator = :numerator, denominator = :denominator, schools_reporting = :reporting,
              schools_expected = :expected, schools_meeting_target = :meeting, version = :version, as_of = :asOf,
              lineage = cast(:lineage as jsonb)
            where county_id = :countyId and indicator_code = :code and period_id = :periodId
            """)
        .param("numerator", r.numerator()).param("denominator", r.denominator())
        .param("reporting", r.schoolsReporting()).param("expected", r.schoolsExpected())
        .param("meeting", r.schoolsMeetingTarget()).param("version", r.version())
        .param("asOf", Timestamp.from(r.asOf())).param("lineage", JSON.writeValueAsString(r.lineage()))
        .param("countyId", r.countyId()).param("code", r.indicatorCode()).param("periodId", r.periodId())
        .update();
  }

  Optional<CountyRollupRow> findPublished(RollupKey key) {
    return jdbc.sql("select " + COLUMNS + " from county_rollup where county_id = ? and indicator_code = ? and period_id = ? and version > 0")
        .params(key.countyId(), key.indicatorCode(), key.periodId())
        .query(CountyRollupRepository::row)
        .optional();
  }

  /**
   * Rollups a school new to the county affects: the county's published ones, and those for which
   * the school already sent snapshots (they may have no rollup yet).
   */
  List<RollupKey> affectedBySchool(String countyId, String schoolId) {
    return jdbc.sql(
            """
            select ? as county_id, indicator_code, period_id from county_rollup where county_id = ? and version > 0
            union
            select ?, indicator_code, period_id from school_snapshot where school_id = ?
            order by 2, 3
            """)
        .params(countyId, countyId, countyId, schoolId)
        .query(CountyRollupRepository::key)
        .list();
  }

  /** Published rollups of an indicator, in lock order. */
  List<RollupKey> publishedOf(String indicatorCode) {
    return jdbc.sql(
            "select county_id, indicator_code, period_id from county_rollup where indicator_code = ? and version > 0 order by 1, 3")
        .param(indicatorCode)
        .query(CountyRollupRepository::key)
        .list();
  }

  private static RollupKey key(ResultSet rs, int i) throws SQLException {
    return new RollupKey(rs.getString(1), rs.getString(2), rs.getString(3));
  }

  private static CountyRollupRow row(ResultSet rs, int i) throws SQLException {
    Timestamp asOf = rs.getTimestamp("as_of");
    return new CountyRollupRow(
        rs.getString("county_id"), rs.getString("indicator_code"), rs.getString("period_id"),
        rs.getLong("numerator"), rs.getLong("denominator"),
        rs.getInt("schools_reporting"), rs.getInt("schools_expected"), rs.getInt("schools_meeting_target"),
        rs.getLong("version"), asOf == null ? null : asOf.toInstant(),
        JSON.readValue(rs.getString("lineage"), LINEAGE));
  }
}
