package org.gongyu.district.demonstration.title;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code demonstration_title}, whose only writer this is ({@link Titles#award} creates a row for the
 * AWARD decision; the title's own steps change it), and the reads of the title list and the
 * programme progress.
 */
@Repository
class TitleRepository {

  /** A title counts on day :d when awarded by then, still valid and not ended (the rollup's rule too). */
  static final String HELD_ON = "t.awarded_on <= :d and t.valid_until >= :d and (t.ended_on is null or t.ended_on > :d)";

  private static final String SELECT = """
      select t.application_id, t.programme_id, t.county_id, t.school_id, s.name as school_name, t.xuequ_key,
        x.name as xuequ_name, t.awarded_on, t.valid_until, a.status, a.version, t.reinspection_on,
        t.rectification_deadline, t.ended_on, a.final_score
      from demonstration_title t
      join demonstration_application a on a.id = t.application_id
      left join school s on s.id = t.school_id
      left join xuequ x on x.id = nullif(t.xuequ_key, '')
      """;

  private final JdbcClient jdbc;

  TitleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<TitleRow> find(UUID applicationId) {
    return jdbc.sql(SELECT + " where t.application_id = :id").param("id", applicationId).query(TitleRepository::row).optional();
  }

  /** The county's titles, optionally of one programme and in one status, oldest award first. */
  List<TitleRow> list(String countyId, String programmeId, String status) {
    StringBuilder sql = new StringBuilder(SELECT).append(" where t.county_id = :county");
    Map<String, Object> params = new java.util.HashMap<>(Map.of("county", countyId));
    if (programmeId != null) {
      sql.append(" and t.programme_id = :programme");
      params.put("programme", programmeId);
    }
    if (status != null) {
      sql.append(" and a.status = :status");
      params.put("status", status);
    }
    sql.append(" order by t.awarded_on, t.school_id, t.application_id");
    return jdbc.sql(sql.toString()).params(params).query(TitleRepository::row).list();
  }

  void setReinspectionOn(UUID applicationId, LocalDate day, Instant now) {
    update("reinspection_on", applicationId, day, now);
  }

  void setRectificationDeadline(UUID applicationId, LocalDate day, Instant now) {
    update("rectification_deadline", applicationId, day, now);
  }

  void setEndedOn(UUID applicationId, LocalDate day, Instant now) {
    update("ended_on", applicationId, day, now);
  }

  private void update(String column, UUID applicationId, LocalDate day, Instant now) {
    jdbc.sql("update demonstration_title set " + column + " = :day, updated_at = :now where application_id = :id")
        .param("day", day, java.sql.Types.DATE).param("now", Timestamp.from(now)).param("id", applicationId)
        .update();
  }

  /** Applications whose rectification deadline is before {@code today} (the sweep re-checks each under its lock). */
  List<UUID> rectificationsOverdue(LocalDate today) {
    return jdbc.sql("""
            select a.id from demonstration_application a join demonstration_title t on t.application_id = a.id
            where a.status = 'RECTIFYING' and t.rectification_deadline < ? order by a.id""")
        .param(today).query(UUID.class).list();
  }

  /** Applications holding a title ({@link DemonstrationStatus#holdsTitle}) whose validity ended before {@code today}. */
  List<UUID> validityEnded(LocalDate today) {
    return jdbc.sql("""
            select a.id from demonstration_application a join demonstration_title t on t.application_id = a.id
            where a.status in (:held) and t.valid_until < :today order by a.id""")
        .param("held", HOLDING).param("today", today, java.sql.Types.DATE).query(UUID.class).list();
  }

  /** The statuses in which the title is held, by their one definition. */
  private static final List<String> HOLDING = java.util.Arrays.stream(DemonstrationStatus.values())
      .filter(DemonstrationStatus::holdsTitle).map(Enum::name).toList();

  /** The title an AWARD decision gives: the one place a title row is created. */
  void insert(UUID applicationId, String programmeId, String countyId, String schoolId, String xuequKey,
      LocalDate awardedOn, LocalDate validUntil, Instant at) {
    jdbc.sql("""
            insert into demonstration_title (application_id, programme_id, county_id, school_id, xuequ_key, awarded_on,
              valid_until, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(applicationId, programmeId, countyId, schoolId, xuequKey, awardedOn, validUntil, Timestamp.from(at))
        .update();
  }

  // ---- progress

  record Programme(String id, String name, int target) {}

  Optional<Programme> programme(String countyId, String programmeId) {
    return jdbc.sql("select id, name, target from demonstration_programme where id = ? and county_id = ?")
        .params(programmeId, countyId)
        .query((rs, n) -> new Programme(rs.getString(1), rs.getString(2), rs.getInt(3)))
        .optional();
  }

  /** Counts per 学区 key of one programme's applications. */
  record KeyCounts(String xuequKey, long held, long applied, long creating, long inAssessment, long revoked, long expired) {}

  List<KeyCounts> countsByKey(String programmeId, LocalDate day) {
    return jdbc.sql("""
            select a.xuequ_key,
              count(t.application_id) filter (where %s) as held,
              count(*) filter (where a.status = 'APPLIED') as applied,
              count(*) filter (where a.status = 'CREATING') as creating,
              count(*) filter (where a.status in ('SELF_EVALUATED', 'ASSESSING', 'DEFERRED')) as in_assessment,
              count(*) filter (where a.status = 'REVOKED') as revoked,
              count(*) filter (where a.status = 'EXPIRED') as expired
            from demonstration_application a left join demonstration_title t on t.application_id = a.id
            where a.programme_id = :programme
            group by a.xuequ_key""".formatted(HELD_ON))
        .param("programme", programmeId).param("d", day)
        .query((rs, n) -> new KeyCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
            rs.getLong(6), rs.getLong(7)))
        .list();
  }

  Map<String, Integer> quotas(String programmeId) {
    return jdbc.sql("select xuequ_key, quota from demonstration_quota where programme_id = ?")
        .param(programmeId)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  Map<String, String> xuequNames(String countyId) {
    return jdbc.sql("select id, name from xuequ where county_id = ?")
        .param(countyId)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static TitleRow row(ResultSet rs, int n) throws SQLException {
    return new TitleRow(
        rs.getObject("application_id", UUID.class), rs.getString("programme_id"), rs.getString("county_id"),
        rs.getString("school_id"), rs.getString("school_name"), rs.getString("xuequ_key"), rs.getString("xuequ_name"),
        rs.getObject("awarded_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class), rs.getString("status"),
        rs.getLong("version"), rs.getObject("reinspection_on", LocalDate.class),
        rs.getObject("rectification_deadline", LocalDate.class), rs.getObject("ended_on", LocalDate.class),
        rs.getBigDecimal("final_score"));
  }
}
