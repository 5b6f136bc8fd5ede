package org.gongyu.district.approval;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored state of the approval chain: each school's latest sign-off of a period and the
 * county's review of it ({@code period_sign_off}), the county's submission of the period and the
 * city's decision on it ({@code county_period_submission}), and the trail. Every change is made
 * under the (county, period) lock ({@link #lock}), so a sign-off arriving, a review, a reopening
 * and a submission of one county's period happen one after the other; each also checks the row's
 * optimistic {@code version}.
 */
@Component
class Approvals {

  /** Namespace of the (county, period) advisory locks (first key of {@code pg_advisory_xact_lock(int, int)}). */
  static final int APPROVAL_LOCK_NAMESPACE = 60;

  private static final String SIGN_OFF_COLUMNS = """
      school_id, period_id, county_id, sign_off_version, signed_off_at, figures::text as figures, state,
      reviewed_at, reviewed_by, review_comment, review_version, version""";
  private static final String SUBMISSION_COLUMNS = """
      county_id, period_id, status, submission_version, schools::text as schools, reason, at, by_user, city_decision,
      city_decision_version, city_submission_version, city_comment, city_decided_at, version""";

  private final JdbcClient jdbc;

  Approvals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes the (county, period) lock until the transaction ends: before reading anything a change rests on. */
  @Transactional(propagation = Propagation.MANDATORY)
  void lock(String countyId, String periodId) {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
        .param(APPROVAL_LOCK_NAMESPACE).param(countyId + "/" + periodId).query().singleRow();
  }

  // ---- sign-offs and reviews

  Optional<SignOff> signOff(String schoolId, String periodId) {
    return jdbc.sql("select " + SIGN_OFF_COLUMNS + " from period_sign_off where school_id = ? and period_id = ?")
        .params(schoolId, periodId).query(Approvals::signOff).optional();
  }

  /** The sign-offs of a period of the given schools. */
  List<SignOff> signOffs(String periodId, Collection<String> schoolIds) {
    if (schoolIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select " + SIGN_OFF_COLUMNS + " from period_sign_off where period_id = :period and school_id in (:schools)")
        .param("period", periodId).param("schools", schoolIds).query(Approvals::signOff).list();
  }

  /**
   * Keeps a sign-off if its version is above the stored one: awaiting review again, the previous
   * review cleared (its count kept, so review versions keep growing).
   *
   * @return true if stored
   */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean storeSignOff(String countyId, String schoolId, String periodId, long signOffVersion, Instant signedOffAt,
      String figuresJson, Instant now) {
    return jdbc.sql("""
            insert into period_sign_off (school_id, period_id, county_id, sign_off_version, signed_off_at, figures,
              received_at, state)
            values (:school, :period, :county, :version, :signedOffAt, cast(:figures as jsonb), :now, 'SIGNED_OFF')
            on conflict (school_id, period_id) do update set county_id = excluded.county_id,
              sign_off_version = excluded.sign_off_version, signed_off_at = excluded.signed_off_at,
              figures = excluded.figures, received_at = excluded.received_at, state = 'SIGNED_OFF',
              reviewed_at = null, reviewed_by = null, review_comment = null, version = period_sign_off.version + 1
            where period_sign_off.sign_off_version < excluded.sign_off_version""")
        .param("school", schoolId).param("period", periodId).param("county", countyId).param("version", signOffVersion)
        .param("signedOffAt", Timestamp.from(signedOffAt)).param("figures", figuresJson).param("now", Timestamp.from(now))
        .update() == 1;
  }

  /**
   * The county's review of a sign-off as it was read ({@code seen}): false when the row changed
   * since (its version moved on), and nothing is written.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean review(SignOff seen, SchoolState to, String actor, String comment, Instant now) {
    return jdbc.sql("""
            update period_sign_off set state = ?, reviewed_at = ?, reviewed_by = ?, review_comment = ?,
              review_version = review_version + 1, version = version + 1
            where school_id = ? and period_id = ? and version = ? and sign_off_version = ?""")
        .params(to.name(), Timestamp.from(now), actor, comment, seen.schoolId(), seen.periodId(), seen.version(),
            seen.signOffVersion())
        .update() == 1;
  }

  // ---- the county's submission and the city's decision

  Optional<CountySubmission> submission(String countyId, String periodId) {
    return jdbc.sql("select " + SUBMISSION_COLUMNS + " from county_period_submission where county_id = ? and period_id = ?")
        .params(countyId, periodId).query(Approvals::submission).optional();
  }

  /**
   * Writes the next submission version ({@code seen} = the row as read, null when there was none):
   * false when the row changed since.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean saveSubmission(CountySubmission seen, String countyId, String periodId, String status, long submissionVersion,
      String schoolsJson, String reason, Instant at, String actor) {
    if (seen == null) {
      return jdbc.sql("""
              insert into county_period_submission (county_id, period_id, status, submission_version, schools, reason, at, by_user)
              values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?) on conflict do nothing""")
          .params(countyId, periodId, status, submissionVersion, schoolsJson, reason, Timestamp.from(at), actor)
          .update() == 1;
    }
    return jdbc.sql("""
            update county_period_submission set status = ?, submission_version = ?, schools = cast(? as jsonb), reason = ?,
              at = ?, by_user = ?, version = version + 1
            where county_id = ? and period_id = ? and version = ?""")
        .params(status, submissionVersion, schoolsJson, reason, Timestamp.from(at), actor, countyId, periodId, seen.version())
        .update() == 1;
  }

  /** Keeps the city's decision if its version is above the stored one; false otherwise or without a submission. */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean storeDecision(String countyId, String periodId, String decision, long decisionVersion, long submissionVersion,
      String comment, Instant at) {
    return jdbc.sql("""
            update county_period_submission set city_decision = ?, city_decision_version = ?, city_submission_version = ?,
              city_comment = ?, city_decided_at = ?, version = version + 1
            where county_id = ? and period_id = ? and city_decision_version < ?""")
        .params(decision, decisionVersion, submissionVersion, comment, Timestamp.from(at), countyId, periodId, decisionVersion)
        .update() == 1;
  }

  // ---- trail

  @Transactional(propagation = Propagation.MANDATORY)
  void trail(String countyId, String periodId, String schoolId, Instant at, String actor, String action, Long version,
      String comment) {
    jdbc.sql("""
            insert into approval_trail (county_id, period_id, school_id, at, actor, action, version, comment)
            values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(countyId, periodId, schoolId, Timestamp.from(at), actor, action, version, comment)
        .update();
  }

  /** The trail of one school's sign-offs of the period, or (schoolId null) of the county's own steps, in order. */
  List<TrailStep> trailOf(String countyId, String periodId, String schoolId) {
    String which = schoolId == null ? "school_id is null" : "school_id = :school";
    var spec = jdbc.sql("select school_id, at, actor, action, version, comment from approval_trail"
            + " where county_id = :county and period_id = :period and " + which + " order by id")
        .param("county", countyId).param("period", periodId);
    if (schoolId != null) {
      spec = spec.param("school", schoolId);
    }
    return spec.query((rs, n) -> new TrailStep(rs.getString("school_id"), rs.getTimestamp("at").toInstant(),
        rs.getString("actor"), rs.getString("action"), (Long) rs.getObject("version", Long.class), rs.getString("comment")))
        .list();
  }

  // ---- mapping

  private static SignOff signOff(ResultSet rs, int n) throws SQLException {
    return new SignOff(rs.getString("school_id"), rs.getString("period_id"), rs.getString("county_id"),
        rs.getLong("sign_off_version"), rs.getTimestamp("signed_off_at").toInstant(), rs.getString("figures"),
        SchoolState.valueOf(rs.getString("state")), instant(rs, "reviewed_at"), rs.getString("reviewed_by"),
        rs.getString("review_comment"), rs.getLong("review_version"), rs.getLong("version"));
  }

  private static CountySubmission submission(ResultSet rs, int n) throws SQLException {
    return new CountySubmission(rs.getString("county_id"), rs.getString("period_id"), rs.getString("status"),
        rs.getLong("submission_version"), rs.getString("schools"), rs.getString("reason"), rs.getTimestamp("at").toInstant(),
        rs.getString("by_user"), rs.getString("city_decision"), rs.getLong("city_decision_version"),
        rs.getObject("city_submission_version", Long.class), rs.getString("city_comment"), instant(rs, "city_decided_at"),
        rs.getLong("version"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  /** A school's latest sign-off of a period and the county's review of it. */
  record SignOff(String schoolId, String periodId, String countyId, long signOffVersion, Instant signedOffAt,
      String figuresJson, SchoolState state, Instant reviewedAt, String reviewedBy, String comment, long reviewVersion,
      long version) {}

  /** The county's latest submission of a period and the city's latest decision as received. */
  record CountySubmission(String countyId, String periodId, String status, long submissionVersion, String schoolsJson,
      String reason, Instant at, String by, String cityDecision, long cityDecisionVersion, Long citySubmissionVersion,
      String cityComment, Instant cityDecidedAt, long version) {

    static final String SUBMITTED = "SUBMITTED";
    static final String WITHDRAWN = "WITHDRAWN";

    /** The city returned the submission now stored: the county may review and submit again. */
    boolean returnedByCity() {
      return "RETURNED".equals(cityDecision) && citySubmissionVersion != null && citySubmissionVersion == submissionVersion;
    }

    /** A submission the city holds: submitted and not returned (pending, or accepted). */
    boolean inForce() {
      return SUBMITTED.equals(status) && !returnedByCity();
    }

    /** The city's decision, if it is about the submission now stored. */
    boolean decisionOnCurrent() {
      return cityDecision != null && citySubmissionVersion != null && citySubmissionVersion == submissionVersion;
    }
  }

  /** One step of the trail. */
  record TrailStep(String schoolId, Instant at, String actor, String action, Long version, String comment) {}
}
