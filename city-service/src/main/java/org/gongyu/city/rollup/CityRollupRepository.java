package org.gongyu.city.rollup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.Rollup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CityRollupRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<CountyVersion>> LINEAGE = new TypeReference<>() {};
  private static final String COLUMNS =
      "city_id, indicator_code, period_id, numerator, denominator, counties_reporting, counties_expected,"
          + " schools_reporting, schools_expected, schools_meeting_target, version, as_of, lineage, schools_on_time,"
          + " schools_under_deadline, schools_signed_off, schools_signed_off_on_time, schools_approved";

  private final JdbcClient jdbc;

  CityRollupRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the county rollup if it is newer than the stored one; true if it was. */
  boolean storeIfNewer(CountyRollupPublished r) {
    return jdbc.sql(
                """
                insert into county_rollup (county_id, indicator_code, period_id, numerator, denominator, schools_reporting,
                  schools_expected, schools_meeting_target, version, as_of, schools_on_time, deadline, schools_signed_off,
                  schools_signed_off_on_time, schools_approved)
                values (:countyId, :code, :periodId, :numerator, :denominator, :reporting, :expected, :meeting, :version, :asOf,
                  :onTime, :deadline, :signedOff, :signedOffOnTime, :approved)
                on conflict (county_id, indicator_code, period_id) do update set numerator = excluded.numerator,
                  denominator = excluded.denominator, schools_reporting = excluded.schools_reporting,
                  schools_expected = excluded.schools_expected, schools_meeting_target = excluded.schools_meeting_target,
                  version = excluded.version, as_of = excluded.as_of, schools_on_time = excluded.schools_on_time,
                  deadline = excluded.deadline, schools_signed_off = excluded.schools_signed_off,
                  schools_signed_off_on_time = excluded.schools_signed_off_on_time, schools_approved = excluded.schools_approved
                where county_rollup.version < excluded.version
                """)
            .param("countyId", r.countyId()).param("code", r.indicatorCode()).param("periodId", r.periodId())
            .param("numerator", r.numerator()).param("denominator", r.denominator())
            .param("reporting", r.schoolsReporting()).param("expected", r.schoolsExpected())
            .param("meeting", r.schoolsMeetingTarget()).param("version", r.version())
            .param("asOf", Timestamp.from(r.asOf()))
            .param("onTime", r.schoolsOnTime(), Types.INTEGER)
            .param("deadline", r.deadline() == null ? null : Timestamp.from(r.deadline()), Types.TIMESTAMP)
            .param("signedOff", r.schoolsSignedOff(), Types.INTEGER)
            .param("signedOffOnTime", r.schoolsSignedOffOnTime(), Types.INTEGER)
            .param("approved", r.schoolsApproved(), Types.INTEGER)
            .update()
        == 1;
  }

  /** Creates the version-0 placeholder if needed, then locks the row until the transaction ends. */
  CityRollupRow lock(String cityId, RollupKey key) {
    jdbc.sql("insert into city_rollup (city_id, indicator_code, period_id) values (?, ?, ?) on conflict do nothing")
        .params(cityId, key.indicatorCode(), key.periodId())
        .update();
    return jdbc.sql("select " + COLUMNS + " from city_rollup where city_id = ? and indicator_code = ? and period_id = ? for update")
        .params(cityId, key.indicatorCode(), key.periodId())
        .query(CityRollupRepository::row)
        .single();
  }

  /** The latest rollup of each county the city knows (a fresh statement: see the lock order). */
  List<CountyFigure> latestOfKnownCounties(String cityId, RollupKey key) {
    return jdbc.sql(
            """
            select r.county_id, r.version, r.numerator, r.denominator, r.schools_reporting, r.schools_expected,
              r.schools_meeting_target, r.schools_on_time, r.deadline, r.schools_signed_off, r.schools_signed_off_on_time,
              r.schools_approved
            from county_rollup r join county c on c.id = r.county_id
            where c.city_id = ? and r.indicator_code = ? and r.period_id = ?
            """)
        .params(cityId, key.indicatorCode(), key.periodId())
        .query((rs, i) -> {
          Timestamp deadline = rs.getTimestamp(9);
          return new CountyFigure(rs.getString(1), rs.getLong(2),
              new Rollup(new Figure(rs.getLong(3), rs.getLong(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7)),
              rs.getObject(8, Integer.class), deadline == null ? null : deadline.toInstant(),
              CountyFigure.SignOffs.of(rs.getObject(10, Integer.class), rs.getObject(11, Integer.class),
                  rs.getObject(12, Integer.class)));
        })
        .list();
  }

  void save(CityRollupRow r) {
    jdbc.sql(
            """
            update city_rollup set numerator = :numerator, denominator = :denominator,
              counties_reporting = :countiesReporting, counties_expected = :countiesExpected,
              schools_reporting = :schoolsReporting, schools_expected = :schoolsExpected,
              schools_meeting_target = :meeting, version = :version, as_of = :asOf, lineage = cast(:lineage as jsonb),
              schools_on_time = :onTime, schools_under_deadline = :underDeadline, schools_signed_off = :signedOff,
              schools_signed_off_on_time = :signedOffOnTime, schools_approved = :approved
            where city_id = :cityId and indicator_code = :code and period_id = :periodId
            """)
        .param("numerator", r.numerator()).param("denominator", r.denominator())
        .param("countiesReporting", r.countiesReporting()).param("countiesExpected", r.countiesExpected())
        .param("schoolsReporting", r.schoolsReporting()).param("schoolsExpected", r.schoolsExpected())
        .param("meeting", r.schoolsMeetingTarget()).param("version", r.version())
        .param("asOf", Timestamp.from(r.asOf())).param("lineage", JSON.writeValueAsString(r.lineage()))
        .param("onTime", r.schoolsOnTime(), Types.INTEGER).param("underDeadline", r.schoolsUnderDeadline(), Types.INTEGER)
        .param("signedOff", r.schoolsSignedOff(), Types.INTEGER)
        .param("signedOffOnTime", r.schoolsSignedOffOnTime(), Types.INTEGER)
        .param("approved", r.schoolsApproved(), Types.INTEGER)
        .param("cityId", r.cityId()).param("code", r.indicatorCode()).param("periodId", r.periodId())
        .update();
  }

  Optional<CityRollupRow> findPublished(String cityId, RollupKey key) {
    return jdbc.sql("select " + COLUMNS + " from city_rollup where city_id = ? and indicator_code = ? and period_id = ? and version > 0")
        .params(cityId, key.indicatorCode(), key.periodId())
        .query(CityRollupRepository::row)
        .optional();
  }

  /**
   * Rollups a county new to the city affects: every published city rollup (one more county
   * expected), and those the county already sent rollups for (they may have no city rollup yet).
   */
  List<RollupKey> affectedByNewCounty(String cityId, String countyId) {
    return jdbc.sql(
            """
            select indicator_code, period_id from city_rollup where city_id = ? and version > 0
            union
            select indicator_code, period_id from county_rollup where county_id = ?
            order by 1, 2
            """)
        .params(cityId, countyId)
        .query((rs, i) -> new RollupKey(rs.getString(1), rs.getString(2)))
        .list();
  }

  private static CityRollupRow row(ResultSet rs, int i) throws SQLException {
    Timestamp asOf = rs.getTimestamp("as_of");
    return new CityRollupRow(
        rs.getString("city_id"), rs.getString("indicator_code"), rs.getString("period_id"),
        rs.getLong("numerator"), rs.getLong("denominator"),
        rs.getInt("counties_reporting"), rs.getInt("counties_expected"),
        rs.getInt("schools_reporting"), rs.getInt("schools_expected"), rs.getInt("schools_meeting_target"),
        rs.getLong("version"), asOf == null ? null : asOf.toInstant(),
        JSON.readValue(rs.getString("lineage"), LINEAGE),
        rs.getObject("schools_on_time", Integer.class), rs.getObject("schools_under_deadline", Integer.class),
        rs.getObject("schools_signed_off", Integer.class), rs.getObject("schools_signed_off_on_time", Integer.class),
        rs.getObject("schools_approved", Integer.class));
  }
}
