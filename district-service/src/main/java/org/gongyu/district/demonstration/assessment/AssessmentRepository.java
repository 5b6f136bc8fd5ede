package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gongyu.contracts.demonstration.Rubric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The assessment's tables: panel, assignments, scores, consensus; and what it reads of programmes and schools. */
@Repository
class AssessmentRepository {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<Conflict>> CONFLICTS = new TypeReference<>() {};

  private static final String ASSESSOR_COLUMNS =
      "county_id, username, name, home_school_id, former_school_ids::text as former, active, version";
  private static final String ASSIGNMENT_COLUMNS = """
      application_id, round, assessor, status, assigned_at, assigned_by, declared_at,
      declared_conflicts::text as conflicts, statement, submitted_at""";

  private final JdbcClient jdbc;

  AssessmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ---- panel

  Optional<AssessorRow> assessor(String countyId, String username) {
    return jdbc.sql("select " + ASSESSOR_COLUMNS + " from demonstration_assessor where county_id = ? and username = ?")
        .params(countyId, username).query(AssessmentRepository::assessor).optional();
  }

  /** The assessor row locked, so that two PUTs of the same username cannot both create version 1. */
  Optional<AssessorRow> lockAssessor(String countyId, String username) {
    return jdbc.sql("select " + ASSESSOR_COLUMNS + " from demonstration_assessor where county_id = ? and username = ? for update")
        .params(countyId, username).query(AssessmentRepository::assessor).optional();
  }

  /** The panel: every entry not removed, active or not. */
  List<AssessorRow> assessors(String countyId) {
    return jdbc.sql("select " + ASSESSOR_COLUMNS + " from demonstration_assessor where county_id = ? and removed_at is null order by username")
        .param(countyId).query(AssessmentRepository::assessor).list();
  }

  /** Whether the entry was removed from the panel (it stays for the rounds that name it). */
  boolean removed(String countyId, String username) {
    return jdbc.sql("select removed_at is not null from demonstration_assessor where county_id = ? and username = ?")
        .params(countyId, username).query(Boolean.class).optional().orElse(false);
  }

  /** Takes a (locked) entry off the panel: inactive, removed, version + 1. */
  void removeAssessor(String countyId, String username, long version, Instant at) {
    jdbc.sql("""
            update demonstration_assessor set active = false, removed_at = ?, version = ?, updated_at = ?
            where county_id = ? and username = ?""")
        .params(Timestamp.from(at), version, Timestamp.from(at), countyId, username)
        .update();
  }

  /**
   * The applications of the county on whose current round the assessor is assigned or cleared while
   * the round is open (self-evaluated or being assessed), by username; the recused ones do not count.
   */
  java.util.Map<String, List<UUID>> openAssignments(String countyId) {
    java.util.Map<String, List<UUID>> out = new java.util.TreeMap<>();
    jdbc.sql("""
            select s.assessor, s.application_id from demonstration_assignment s
            join demonstration_application a on a.id = s.application_id
            where a.county_id = ? and s.round = a.round and s.status <> 'RECUSED' and a.status in ('SELF_EVALUATED', 'ASSESSING')
            order by s.assessor, a.applied_at, s.application_id""")
        .param(countyId)
        .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
        .list()
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
    return out;
  }

  void upsertAssessor(AssessorRow a, Instant at) {
    jdbc.sql("""
            insert into demonstration_assessor (county_id, username, name, home_school_id, former_school_ids, active, version, updated_at)
            values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
            on conflict (county_id, username) do update set name = excluded.name, home_school_id = excluded.home_school_id,
              former_school_ids = excluded.former_school_ids, active = excluded.active, version = excluded.version,
              updated_at = excluded.updated_at, removed_at = null""")
        .params(a.countyId(), a.username(), a.name(), a.homeSchoolId(), JSON.writeValueAsString(a.formerSchoolIds()),
            a.active(), a.version(), Timestamp.from(at))
        .update();
  }

  /** Of {@code schoolIds}, those registered in {@code countyId} (any county when null). */
  Set<String> registeredSchools(Collection<String> schoolIds, String countyId) {
    if (schoolIds.isEmpty()) {
      return Set.of();
    }
    return Set.copyOf(jdbc.sql("select id from school where id in (:ids) and (cast(:county as varchar) is null or county_id = :county)")
        .param("ids", List.copyOf(schoolIds)).param("county", countyId)
        .query(String.class).list());
  }

  // ---- assignments

  List<AssignmentRow> assignments(UUID applicationId, int round) {
    return jdbc.sql("select " + ASSIGNMENT_COLUMNS + " from demonstration_assignment where application_id = ? and round = ?"
            + " order by assigned_at, assessor")
        .params(applicationId, round).query(AssessmentRepository::assignment).list();
  }

  /** Every assignment of the application, all rounds, oldest round first. */
  List<AssignmentRow> allAssignments(UUID applicationId) {
    return jdbc.sql("select " + ASSIGNMENT_COLUMNS + " from demonstration_assignment where application_id = ?"
            + " order by round, assigned_at, assessor")
        .param(applicationId).query(AssessmentRepository::assignment).list();
  }

  Optional<AssignmentRow> assignment(UUID applicationId, int round, String assessor) {
    return jdbc.sql("select " + ASSIGNMENT_COLUMNS + " from demonstration_assignment where application_id = ? and round = ? and assessor = ?")
        .params(applicationId, round, assessor).query(AssessmentRepository::assignment).optional();
  }

  /**
   * An application of the same school, other than {@code applicationId}, the assessor was assigned
   * to (and did not recuse from) at or after {@code since}.
   */
  Optional<UUID> recentVisit(String assessor, String schoolId, UUID applicationId, Instant since) {
    return jdbc.sql("""
            select a.application_id from demonstration_assignment a
            join demonstration_application d on d.id = a.application_id
            where a.assessor = ? and d.school_id = ? and a.application_id <> ? and a.status <> 'RECUSED' and a.assigned_at >= ?
            order by a.assigned_at desc limit 1""")
        .params(assessor, schoolId, applicationId, Timestamp.from(since))
        .query((rs, n) -> rs.getObject(1, UUID.class)).optional();
  }

  void insertAssignment(UUID applicationId, int round, String assessor, String by, Instant at) {
    jdbc.sql("""
            insert into demonstration_assignment (application_id, round, assessor, status, assigned_at, assigned_by)
            values (?, ?, ?, 'ASSIGNED', ?, ?)""")
        .params(applicationId, round, assessor, Timestamp.from(at), by).update();
  }

  void declare(UUID applicationId, int round, String assessor, AssignmentStatus status, List<Conflict> conflicts,
      String statement, Instant at) {
    jdbc.sql("""
            update demonstration_assignment set status = ?, declared_at = ?, declared_conflicts = cast(? as jsonb), statement = ?
            where application_id = ? and round = ? and assessor = ?""")
        .params(status.name(), Timestamp.from(at), JSON.writeValueAsString(conflicts), statement, applicationId, round, assessor)
        .update();
  }

  void submit(UUID applicationId, int round, String assessor, Instant at) {
    jdbc.sql("update demonstration_assignment set submitted_at = ? where application_id = ? and round = ? and assessor = ?")
        .params(Timestamp.from(at), applicationId, round, assessor).update();
  }

  // ---- scores and consensus

  List<ScoreRow> scores(UUID applicationId, int round) {
    return jdbc.sql("""
            select assessor, criterion_code, points, comment, updated_at from demonstration_score
            where application_id = ? and round = ? order by assessor, criterion_code""")
        .params(applicationId, round)
        .query((rs, n) -> new ScoreRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  void upsertScore(UUID applicationId, int round, String assessor, String criterion, BigDecimal points, String comment, Instant at) {
    jdbc.sql("""
            insert into demonstration_score (application_id, round, assessor, criterion_code, points, comment, updated_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (application_id, round, assessor, criterion_code) do update
              set points = excluded.points, comment = excluded.comment, updated_at = excluded.updated_at""")
        .params(applicationId, round, assessor, criterion, points, comment, Timestamp.from(at)).update();
  }

  List<ConsensusRow> consensus(UUID applicationId, int round) {
    return jdbc.sql("""
            select criterion_code, points, note, agreed_by, agreed_at from demonstration_consensus
            where application_id = ? and round = ? order by criterion_code""")
        .params(applicationId, round)
        .query((rs, n) -> new ConsensusRow(rs.getString(1), rs.getBigDecimal(2), rs.getString(3), rs.getString(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  void upsertConsensus(UUID applicationId, int round, String criterion, BigDecimal points, String note, String by, Instant at) {
    jdbc.sql("""
            insert into demonstration_consensus (application_id, round, criterion_code, points, note, agreed_by, agreed_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (application_id, round, criterion_code) do update
              set points = excluded.points, note = excluded.note, agreed_by = excluded.agreed_by, agreed_at = excluded.agreed_at""")
        .params(applicationId, round, criterion, points, note, by, Timestamp.from(at)).update();
  }

  // ---- programme, self-evaluation, decision

  /** The programme's terms with the rubric of the standard version it keeps. */
  Optional<ProgrammeTerms> terms(String programmeId) {
    return jdbc.sql("""
            select p.id, p.standard_id, p.standard_version, s.rubric::text as rubric, p.consensus_margin, p.title_validity_years
            from demonstration_programme p
            join demonstration_standard s on s.standard_id = p.standard_id and s.version = p.standard_version
            where p.id = ?""")
        .param(programmeId)
        .query((rs, n) -> new ProgrammeTerms(rs.getString(1), rs.getString(2), rs.getLong(3),
            JSON.readValue(rs.getString(4), Rubric.class), rs.getBigDecimal(5), rs.getInt(6)))
        .optional();
  }

  Optional<SelfEvaluationRow> selfEvaluation(UUID applicationId, int round) {
    return jdbc.sql("""
            select round, submitted_at, standard_id, standard_version, items::text, self_total
            from demonstration_self_evaluation where application_id = ? and round = ?""")
        .params(applicationId, round)
        .query((rs, n) -> new SelfEvaluationRow(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getLong(4),
            rs.getString(5), rs.getBigDecimal(6)))
        .optional();
  }

  void storeFinalScore(UUID applicationId, BigDecimal finalScore, Instant at) {
    jdbc.sql("update demonstration_application set final_score = ?, updated_at = ? where id = ?")
        .params(finalScore, Timestamp.from(at), applicationId).update();
  }

  private static AssessorRow assessor(ResultSet rs, int n) throws SQLException {
    return new AssessorRow(rs.getString("county_id"), rs.getString("username"), rs.getString("name"),
        rs.getString("home_school_id"), JSON.readValue(rs.getString("former"), STRINGS), rs.getBoolean("active"),
        rs.getLong("version"));
  }

  private static AssignmentRow assignment(ResultSet rs, int n) throws SQLException {
    Timestamp declared = rs.getTimestamp("declared_at");
    Timestamp submitted = rs.getTimestamp("submitted_at");
    return new AssignmentRow(rs.getObject("application_id", UUID.class), rs.getInt("round"), rs.getString("assessor"),
        AssignmentStatus.valueOf(rs.getString("status")), rs.getTimestamp("assigned_at").toInstant(),
        rs.getString("assigned_by"), declared == null ? null : declared.toInstant(),
        JSON.readValue(rs.getString("conflicts"), CONFLICTS), rs.getString("statement"),
        submitted == null ? null : submitted.toInstant());
  }

  /** Every assignment of {@code assessor} in the county, to do first, then the newest. */
  List<MyAssignmentResponse> assignmentsOf(String countyId, String assessor) {
    List<MyAssignmentResponse> rows = jdbc.sql("""
            select a.application_id, d.programme_id, d.school_id, s.name, a.round, a.round = d.round as current,
                   a.status, d.status as application_status, a.assigned_at, a.declared_at, a.submitted_at
            from demonstration_assignment a
            join demonstration_application d on d.id = a.application_id
            left join school s on s.id = d.school_id
            where d.county_id = :county and a.assessor = :assessor
            order by a.assigned_at desc, a.application_id, a.round desc""")
        .param("county", countyId).param("assessor", assessor)
        .query((rs, i) -> {
          boolean current = rs.getBoolean("current");
          AssignmentStatus status = AssignmentStatus.valueOf(rs.getString("status"));
          var application = org.gongyu.contracts.demonstration.DemonstrationStatus.valueOf(rs.getString("application_status"));
          Instant submitted = at(rs, "submitted_at");
          return MyAssignmentResponse.of(rs.getObject("application_id", UUID.class), rs.getString("programme_id"),
              rs.getString("school_id"), rs.getString("name"), rs.getInt("round"), current, status, application,
              at(rs, "assigned_at"), at(rs, "declared_at"), submitted);
        })
        .list();
    // what asks something of the assessor first (stable: the newest first within each group)
    return rows.stream()
        .sorted(java.util.Comparator.comparing(r -> r.due() == MyAssignmentResponse.Due.NONE))
        .toList();
  }

  private static Instant at(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
