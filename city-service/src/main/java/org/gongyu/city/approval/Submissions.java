package org.gongyu.city.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored submissions ({@code county_submission}), the city's decisions on them and the trail.
 * Every change is made under the (county, period) lock ({@link #lock}) and checks the row's
 * optimistic {@code version}.
 */
@Component
class Submissions {

  /** Namespace of the (county, period) advisory locks (first key of {@code pg_advisory_xact_lock(int, int)}). */
  static final int APPROVAL_LOCK_NAMESPACE = 60;

  private static final String COLUMNS = """
      county_id, period_id, status, submission_version, schools::text as schools, reason, submitted_at, decision,
      decided_submission_version, decision_comment, decided_at, decided_by, decision_version, version""";

  private final JdbcClient jdbc;

  Submissions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void lock(String countyId, String periodId) {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
        .param(APPROVAL_LOCK_NAMESPACE).param(countyId + "/" + periodId).query().singleRow();
  }

  Optional<Submission> find(String countyId, String periodId) {
    return jdbc.sql("select " + COLUMNS + " from county_submission where county_id = ? and period_id = ?")
        .params(countyId, periodId).query(Submissions::map).optional();
  }

  /** The submissions of a period of the city's counties. */
  List<Submission> ofPeriod(String cityId, String periodId) {
    return jdbc.sql("select " + COLUMNS + " from county_submission where period_id = ?"
            + " and county_id in (select id from county where city_id = ?)")
        .params(periodId, cityId).query(Submissions::map).list();
  }

  /** Keeps a submission if its version is above the stored one; true if stored. */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean storeIfNewer(String countyId, String periodId, String status, long submissionVersion, String schoolsJson,
      String reason, Instant at, Instant now) {
    return jdbc.sql("""
            insert into county_submission (county_id, period_id, status, submission_version, schools, reason, submitted_at,
              received_at)
            values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
            on conflict (county_id, period_id) do update set status = excluded.status,
              submission_version = excluded.submission_version, schools = excluded.schools, reason = excluded.reason,
              submitted_at = excluded.submitted_at, received_at = excluded.received_at,
              version = county_submission.version + 1
            where county_submission.submission_version < excluded.submission_version""")
        .params(countyId, periodId, status, submissionVersion, schoolsJson, reason, Timestamp.from(at), Timestamp.from(now))
        .update() == 1;
  }

  /** The city's decision on the submission as read ({@code seen}); false when the row changed since. */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean decide(Submission seen, String decision, String comment, String actor, Instant now) {
    return jdbc.sql("""
            update county_submission set decision = ?, decided_submission_version = ?, decision_comment = ?, decided_at = ?,
              decided_by = ?, decision_version = decision_version + 1, version = version + 1
            where county_id = ? and period_id = ? and version = ?""")
        .params(decision, seen.submissionVersion(), comment, Timestamp.from(now), actor, seen.countyId(), seen.periodId(),
            seen.version())
        .update() == 1;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void trail(String countyId, String periodId, Instant at, String actor, String action, long submissionVersion, String comment) {
    jdbc.sql("""
            insert into county_submission_trail (county_id, period_id, at, actor, action, submission_version, comment)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(countyId, periodId, Timestamp.from(at), actor, action, submissionVersion, comment)
        .update();
  }

  List<TrailStep> trailOf(String countyId, String periodId) {
    return jdbc.sql("""
            select at, actor, action, submission_version, comment from county_submission_trail
            where county_id = ? and period_id = ? order by id""")
        .params(countyId, periodId)
        .query((rs, n) -> new TrailStep(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
            rs.getLong("submission_version"), rs.getString("comment")))
        .list();
  }

  private static Submission map(ResultSet rs, int n) throws SQLException {
    Timestamp decidedAt = rs.getTimestamp("decided_at");
    return new Submission(rs.getString("county_id"), rs.getString("period_id"), rs.getString("status"),
        rs.getLong("submission_version"), rs.getString("schools"), rs.getString("reason"),
        rs.getTimestamp("submitted_at").toInstant(), rs.getString("decision"),
        rs.getObject("decided_submission_version", Long.class), rs.getString("decision_comment"),
        decidedAt == null ? null : decidedAt.toInstant(), rs.getString("decided_by"), rs.getLong("decision_version"),
        rs.getLong("version"));
  }

  /** A county's latest submission of a period and the city's latest decision. */
  record Submission(String countyId, String periodId, String status, long submissionVersion, String schoolsJson,
      String reason, Instant submittedAt, String decision, Long decidedSubmissionVersion, String decisionComment,
      Instant decidedAt, String decidedBy, long decisionVersion, long version) {

    static final String SUBMITTED = "SUBMITTED";
    static final String WITHDRAWN = "WITHDRAWN";

    /** The city's decision, if it is about the submission now stored. */
    boolean decidedNow() {
      return decision != null && decidedSubmissionVersion != null && decidedSubmissionVersion == submissionVersion;
    }

    /** NOT_SUBMITTED is the absence of a row; here SUBMITTED (awaiting a decision), WITHDRAWN, ACCEPTED or RETURNED. */
    String state() {
      if (WITHDRAWN.equals(status)) {
        return WITHDRAWN;
      }
      return decidedNow() ? decision : SUBMITTED;
    }
  }

  /** One step of the trail. */
  record TrailStep(Instant at, String actor, String action, long submissionVersion, String comment) {}
}
