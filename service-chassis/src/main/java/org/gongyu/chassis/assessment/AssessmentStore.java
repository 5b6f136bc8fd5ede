package org.gongyu.chassis.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.contracts.assessment.ScoringScheme;
import org.gongyu.contracts.assessment.UnitResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tables {@code assessment_scheme}, {@code assessment_scheme_version}, {@code assessment_run} and
 * {@code assessment_adjustment} that each assessing service creates in its own database (same shape
 * everywhere, {@code owner_id} the assessing unit). Versions and runs are only ever inserted
 * (triggers and privileges keep them so); an adjustment is inserted and at most once withdrawn; every
 * read is scoped to one owner.
 */
public final class AssessmentStore {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  record RunBody(List<UnitResult> results, Map<String, String> unitNames) {}

  private static final String VERSION_COLUMNS = "owner_id, scheme_id, version, scheme, issued_at, issued_by";
  private static final String RUN_COLUMNS =
      "id, owner_id, scheme_id, scheme_version, period_id, computed_at, computed_by, results";

  private final JdbcClient jdbc;

  public AssessmentStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next version of the owner's scheme (1 for a new one), claimed under the scheme row's lock. */
  long claimNextVersion(String ownerId, String schemeId) {
    return jdbc.sql("""
            insert into assessment_scheme (owner_id, id, version) values (?, ?, 1)
            on conflict (owner_id, id) do update set version = assessment_scheme.version + 1
            returning version
            """)
        .params(ownerId, schemeId).query(Long.class).single();
  }

  void insertVersion(SchemeVersion v) {
    jdbc.sql("""
            insert into assessment_scheme_version (owner_id, scheme_id, version, title_zh, title_en, total_points, scheme,
              issued_at, issued_by)
            values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
            """)
        .params(v.ownerId(), v.schemeId(), v.version(), v.scheme().titleZh(), v.scheme().titleEn(), v.scheme().totalPoints(),
            JSON.writeValueAsString(v.scheme()), Timestamp.from(v.issuedAt()), v.issuedBy())
        .update();
  }

  /** The latest version of each of the owner's schemes, by scheme id. */
  List<SchemeVersion> latestVersions(String ownerId) {
    return jdbc.sql("select distinct on (scheme_id) " + VERSION_COLUMNS
            + " from assessment_scheme_version where owner_id = ? order by scheme_id, version desc")
        .param(ownerId).query(AssessmentStore::version).list();
  }

  /** The versions of one scheme, oldest first; empty if the owner has no such scheme. */
  List<SchemeVersion> versions(String ownerId, String schemeId) {
    return jdbc.sql("select " + VERSION_COLUMNS + " from assessment_scheme_version where owner_id = ? and scheme_id = ? order by version")
        .params(ownerId, schemeId).query(AssessmentStore::version).list();
  }

  Optional<SchemeVersion> version(String ownerId, String schemeId, long version) {
    return jdbc.sql("select " + VERSION_COLUMNS + " from assessment_scheme_version where owner_id = ? and scheme_id = ? and version = ?")
        .params(ownerId, schemeId, version).query(AssessmentStore::version).optional();
  }

  long insertRun(String ownerId, String schemeId, long version, String periodId, Instant at, String by,
      List<UnitResult> results, Map<String, String> unitNames) {
    return jdbc.sql("""
            insert into assessment_run (owner_id, scheme_id, scheme_version, period_id, computed_at, computed_by, units, results)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb)) returning id
            """)
        .params(ownerId, schemeId, version, periodId, Timestamp.from(at), by, results.size(),
            JSON.writeValueAsString(new RunBody(results, unitNames)))
        .query(Long.class).single();
  }

  /** The owner's runs of a scheme, newest first. */
  List<StoredRun> runs(String ownerId, String schemeId) {
    return jdbc.sql("select " + RUN_COLUMNS + " from assessment_run where owner_id = ? and scheme_id = ? order by id desc")
        .params(ownerId, schemeId).query(AssessmentStore::run).list();
  }

  Optional<StoredRun> run(String ownerId, String schemeId, long runId) {
    return jdbc.sql("select " + RUN_COLUMNS + " from assessment_run where owner_id = ? and scheme_id = ? and id = ?")
        .params(ownerId, schemeId, runId).query(AssessmentStore::run).optional();
  }

  private static final String ADJUSTMENT_COLUMNS = "id, scheme_id, scheme_version, period_id, unit_id, item_code, points, reason, "
      + "added_at, added_by, withdrawn_at, withdrawn_by, withdrawal_reason";

  long insertAdjustment(String ownerId, String schemeId, long version, String periodId, String unitId, String itemCode,
      java.math.BigDecimal points, String reason, Instant at, String by) {
    return jdbc.sql("""
            insert into assessment_adjustment (owner_id, scheme_id, scheme_version, period_id, unit_id, item_code, points, reason,
              added_at, added_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
            """)
        .params(ownerId, schemeId, version, periodId, unitId, itemCode, points, reason, Timestamp.from(at), by)
        .query(Long.class).single();
  }

  /** The adjustments of a scheme version and school year, withdrawn ones included, oldest first. */
  List<AdjustmentResponse> adjustments(String ownerId, String schemeId, long version, String periodId) {
    return jdbc.sql("select " + ADJUSTMENT_COLUMNS + " from assessment_adjustment"
            + " where owner_id = ? and scheme_id = ? and scheme_version = ? and period_id = ? order by id")
        .params(ownerId, schemeId, version, periodId).query(AssessmentStore::adjustment).list();
  }

  /** One adjustment of a scheme version and school year, locked for a withdrawal. */
  Optional<AdjustmentResponse> adjustmentForUpdate(String ownerId, String schemeId, long version, String periodId, long id) {
    return jdbc.sql("select " + ADJUSTMENT_COLUMNS + " from assessment_adjustment"
            + " where owner_id = ? and scheme_id = ? and scheme_version = ? and period_id = ? and id = ? for update")
        .params(ownerId, schemeId, version, periodId, id).query(AssessmentStore::adjustment).optional();
  }

  /** Withdraws an adjustment in force; false if it was withdrawn already. */
  boolean withdrawAdjustment(long id, Instant at, String by, String reason) {
    return jdbc.sql("""
            update assessment_adjustment set withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?
            where id = ? and withdrawn_at is null
            """)
        .params(Timestamp.from(at), by, reason, id).update() == 1;
  }

  private static AdjustmentResponse adjustment(ResultSet rs, int i) throws SQLException {
    Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
    return new AdjustmentResponse(rs.getLong("id"), rs.getString("scheme_id"), rs.getLong("scheme_version"),
        rs.getString("period_id"), rs.getString("unit_id"), rs.getString("item_code"), rs.getBigDecimal("points"),
        rs.getString("reason"), rs.getTimestamp("added_at").toInstant(), rs.getString("added_by"),
        withdrawn == null ? null : withdrawn.toInstant(), rs.getString("withdrawn_by"), rs.getString("withdrawal_reason"));
  }

  private static SchemeVersion version(ResultSet rs, int i) throws SQLException {
    return new SchemeVersion(rs.getString("owner_id"), rs.getString("scheme_id"), rs.getLong("version"),
        JSON.readValue(rs.getString("scheme"), ScoringScheme.class), rs.getTimestamp("issued_at").toInstant(),
        rs.getString("issued_by"));
  }

  private static StoredRun run(ResultSet rs, int i) throws SQLException {
    RunBody body = JSON.readValue(rs.getString("results"), new TypeReference<RunBody>() {});
    return new StoredRun(rs.getLong("id"), rs.getString("owner_id"), rs.getString("scheme_id"), rs.getLong("scheme_version"),
        rs.getString("period_id"), rs.getTimestamp("computed_at").toInstant(), rs.getString("computed_by"),
        body.results(), body.unitNames());
  }
}
