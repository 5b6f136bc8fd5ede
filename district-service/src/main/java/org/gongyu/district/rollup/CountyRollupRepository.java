package org.gongyu.district.rollup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
          + " schools_meeting_target, version, as_of, lineage, schools_on_time, deadline,"
          + " schools_signed_off, schools_signed_off_on_time, schools_approved";

  private final JdbcClient jdbc;

  CountyRollupRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Keeps the highest version, and the earliest {@code asOf} ever seen as {@code first_as_of} (also
   * from stale or repeated versions, so it does not depend on the order of delivery). Call under the
   * school id lock. True if anything a rollup reads changed.
   */
  boolean store(IndicatorSnapshotPublished s) {
    Optional<Stored> current = jdbc.sql(
            "select version, first_as_of from school_snapshot where school_id = ? and indicator_code = ? and period_id = ?")
        .params(s.schoolId(), s.indicatorCode(), s.periodId())
        .query((rs, i) -> new Stored(rs.getLong(1), rs.getTimestamp(2).toInstant()))
        .optional();
    Timestamp asOf = Timestamp.from(s.asOf());
    if (current.isEmpty()) {
      jdbc.sql(
              """
              insert into school_snapshot (school_id, indicator_code, period_id, numerator, denominator, version, as_of, first_as_of)
              values (:schoolId, :code, :periodId, :numerator, :denominator, :version, :asOf, :asOf)
              """)
          .param("schoolId", s.schoolId()).param("code", s.indicatorCode()).param("periodId", s.periodId())
          .param("numerator", s.numerator()).param("denominator", s.denominator()).param("version", s.version())
          .param("asOf", asOf)
          .update();
      return true;
    }
    boolean newer = current.get().version() < s.version();
    boolean earlier = asOf.toInstant().isBefore(current.get().firstAsOf());
    if (!newer && !earlier) {
      return false;
    }
    jdbc.sql(
            """
            update school_snapshot set
              numerator = case when :newer then :numerator else numerator end,
              denominator = case when :newer then :denominator else denominator end,
              as_of = case when :newer then :asOf else as_of end,
              version = case when :newer then :version else version end,
              first_as_of = least(first_as_of, :asOf)
            where school_id = :schoolId and indicator_code = :code and period_id = :periodId
            """)
        .param("newer", newer)
        .param("schoolId", s.schoolId()).param("code", s.indicatorCode()).param("periodId", s.periodId())
        .param("numerator", s.numerator()).param("denominator", s.denominator()).param("version", s.version())
        .param("asOf", asOf)
        .update();
    return true;
  }

  private record Stored(long version, Instant firstAsOf) {}

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

  /**
   * The latest snapshot of each school that was ever a member of the county (a fresh statement: see
   * the lock order); the caller keeps those the county counts for the period.
   */
  List<SchoolFigure> latestOfMemberSchools(RollupKey key) {
    return jdbc.sql(
            """
            select s.school_id, s.version, s.numerator, s.denominator, s.first_as_of
            from school_snapshot s
            where s.indicator_code = ? and s.period_id = ?
              and s.school_id in (select m.school_id from school_membership m where m.county_id = ?)
            """)
        .params(key.indicatorCode(), key.periodId(), key.countyId())
        .query((rs, i) -> new SchoolFigure(rs.getString(1), rs.getLong(2), new Figure(rs.getLong(3), rs.getLong(4)),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** The latest snapshot of each of these schools for an indicator and period (schools without one are left out). */
  List<SchoolFigure> latestOf(String indicatorCode, String periodId, java.util.Collection<String> schoolIds) {
    if (schoolIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select s.school_id, s.version, s.numerator, s.denominator, s.first_as_of
            from school_snapshot s
            where s.indicator_code = :code and s.period_id = :period and s.school_id in (:schools)
            """)
        .param("code", indicatorCode).param("period", periodId).param("schools", List.copyOf(schoolIds))
        .query((rs, i) -> new SchoolFigure(rs.getString(1), rs.getLong(2), new Figure(rs.getLong(3), rs.getLong(4)),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  /** Demonstration titles of the county held on {@code day} by these schools (the same rule as {@link #titlesHeldOn}). */
  long titlesHeldOn(String countyId, java.util.Collection<String> schoolIds, LocalDate day) {
    if (schoolIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql("""
            select count(*) from demonstration_title
            where county_id = :county and school_id in (:schools)
              and awarded_on <= :d and valid_until >= :d and (ended_on is null or ended_on > :d)
            """)
        .param("county", countyId).param("schools", List.copyOf(schoolIds)).param("d", day)
        .query(Long.class).single();
  }

  void save(CountyRollupRow r) {
    jdbc.sql(
            """
            update county_rollup set numerator = :numerator, denominator = :denominator, schools_reporting = :reporting,
              schools_expected = :expected, schools_meeting_target = :meeting, version = :version, as_of = :asOf,
              lineage = cast(:lineage as jsonb), schools_on_time = :onTime, deadline = :deadline,
              schools_signed_off = :signedOff, schools_signed_off_on_time = :signedOffOnTime, schools_approved = :approved
            where county_id = :countyId and indicator_code = :code and period_id = :periodId
            """)
        .param("numerator", r.numerator()).param("denominator", r.denominator())
        .param("reporting", r.schoolsReporting()).param("expected", r.schoolsExpected())
        .param("meeting", r.schoolsMeetingTarget()).param("version", r.version())
        .param("asOf", Timestamp.from(r.asOf())).param("lineage", JSON.writeValueAsString(r.lineage()))
        .param("onTime", r.schoolsOnTime(), java.sql.Types.INTEGER)
        .param("signedOff", r.schoolsSignedOff(), java.sql.Types.INTEGER)
        .param("signedOffOnTime", r.schoolsSignedOffOnTime(), java.sql.Types.INTEGER)
        .param("approved", r.schoolsApproved(), java.sql.Types.INTEGER)
        .param("deadline", r.deadline() == null ? null : Timestamp.from(r.deadline()), java.sql.Types.TIMESTAMP)
        .param("countyId", r.countyId()).param("code", r.indicatorCode()).param("periodId", r.periodId())
        .update();
  }

  /**
   * Counts a mark on each of these rollups (ADR 0036). Call with the keys in lock order, so that two
   * consumers marking the same rollups cannot deadlock; the rows stay locked until the transaction
   * ends, which a refresher recording its marks as done waits for (and then sees one more).
   */
  void markDue(List<RollupKey> keys, Instant at, String traceparent) {
    if (keys.isEmpty()) {
      return;
    }
    jdbc.sql(
            """
            insert into rollup_due (county_id, indicator_code, period_id, marked, noted_at, traceparent)
            select c, i, p, 1, :at, :trace from unnest(cast(:counties as text[]), cast(:codes as text[]), cast(:periods as text[]))
              with ordinality as k(c, i, p, n)
            order by n
            on conflict (county_id, indicator_code, period_id) do update set
              marked = rollup_due.marked + 1, noted_at = excluded.noted_at,
              traceparent = case when rollup_due.marked = rollup_due.done then excluded.traceparent else rollup_due.traceparent end
            """)
        .param("counties", keys.stream().map(RollupKey::countyId).toArray(String[]::new))
        .param("codes", keys.stream().map(RollupKey::indicatorCode).toArray(String[]::new))
        .param("periods", keys.stream().map(RollupKey::periodId).toArray(String[]::new))
        .param("at", Timestamp.from(at))
        .param("trace", traceparent, java.sql.Types.VARCHAR)
        .update();
  }

  /** Up to {@code limit} due rollups (more marks than done), least recently marked ({@code noted_at}) first. */
  List<RollupKey> due(int limit) {
    return jdbc.sql("select county_id, indicator_code, period_id from rollup_due where marked > done order by noted_at limit ?")
        .param(limit)
        .query(CountyRollupRepository::key)
        .list();
  }

  /**
   * The marks a rollup has had so far (committed ones: a plain read) and the trace of the first since
   * it was last done; empty if it is not due.
   */
  Optional<Marks> marksIfDue(RollupKey key) {
    return jdbc.sql(
            "select marked, traceparent from rollup_due where county_id = ? and indicator_code = ? and period_id = ? and marked > done")
        .params(key.countyId(), key.indicatorCode(), key.periodId())
        .query((rs, i) -> new Marks(rs.getLong(1), rs.getString(2)))
        .optional();
  }

  /** How many marks a due rollup has had, and the trace context that made it due (null: none). */
  record Marks(long marked, String traceparent) {}

  /** Records {@code marks} as done: the rollup stays due if a consumer has marked it again since. */
  void marksDone(RollupKey key, long marks) {
    jdbc.sql("update rollup_due set done = ? where county_id = ? and indicator_code = ? and period_id = ? and done < ?")
        .params(marks, key.countyId(), key.indicatorCode(), key.periodId(), marks)
        .update();
  }

  Optional<CountyRollupRow> findPublished(RollupKey key) {
    return jdbc.sql("select " + COLUMNS + " from county_rollup where county_id = ? and indicator_code = ? and period_id = ? and version > 0")
        .params(key.countyId(), key.indicatorCode(), key.periodId())
        .query(CountyRollupRepository::row)
        .optional();
  }

  /**
   * Rollups a change of a school (new, other type, moved) may affect in a county: the county's
   * published ones, and those for which the school sent snapshots (they may have no rollup yet).
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

  /** Published rollups of a county for one period, in lock order. */
  List<RollupKey> publishedOf(String countyId, String periodId) {
    return jdbc.sql(
            "select county_id, indicator_code, period_id from county_rollup where county_id = ? and period_id = ? and version > 0 order by 2")
        .params(countyId, periodId)
        .query(CountyRollupRepository::key)
        .list();
  }

  /**
   * The county's demonstration titles held on {@code day}: awarded by then, valid that day and not
   * ended by then (a fresh statement after the rollup row lock, like the snapshots).
   */
  long titlesHeldOn(String countyId, LocalDate day) {
    return jdbc.sql("""
            select count(*) from demonstration_title
            where county_id = :county and awarded_on <= :d and valid_until >= :d and (ended_on is null or ended_on > :d)
            """)
        .param("county", countyId).param("d", day)
        .query(Long.class).single();
  }

  /** The days on which an application's title began and ended (ended null while it has not); empty without a title. */
  Optional<TitleDays> titleDays(UUID applicationId) {
    return jdbc.sql("select county_id, awarded_on, ended_on from demonstration_title where application_id = ?")
        .param(applicationId)
        .query(CountyRollupRepository::mapTitleDays)
        .optional();
  }

  /** The same for every title of every county. */
  List<TitleDays> titleDays() {
    return jdbc.sql("select distinct county_id, awarded_on, ended_on from demonstration_title order by 1, 2, 3")
        .query(CountyRollupRepository::mapTitleDays)
        .list();
  }

  record TitleDays(String countyId, LocalDate awardedOn, LocalDate endedOn) {}

  private static TitleDays mapTitleDays(ResultSet rs, int i) throws SQLException {
    return new TitleDays(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class));
  }

  private static RollupKey key(ResultSet rs, int i) throws SQLException {
    return new RollupKey(rs.getString(1), rs.getString(2), rs.getString(3));
  }

  private static CountyRollupRow row(ResultSet rs, int i) throws SQLException {
    Timestamp asOf = rs.getTimestamp("as_of");
    Timestamp deadline = rs.getTimestamp("deadline");
    return new CountyRollupRow(
        rs.getString("county_id"), rs.getString("indicator_code"), rs.getString("period_id"),
        rs.getLong("numerator"), rs.getLong("denominator"),
        rs.getInt("schools_reporting"), rs.getInt("schools_expected"), rs.getInt("schools_meeting_target"),
        rs.getLong("version"), asOf == null ? null : asOf.toInstant(),
        JSON.readValue(rs.getString("lineage"), LINEAGE),
        rs.getObject("schools_on_time", Integer.class), deadline == null ? null : deadline.toInstant(),
        rs.getObject("schools_signed_off", Integer.class), rs.getObject("schools_signed_off_on_time", Integer.class),
        rs.getObject("schools_approved", Integer.class));
  }
}
