package org.gongyu.district.demonstration.assessment;

import static org.gongyu.contracts.demonstration.DemonstrationStatus.ASSESSING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.SELF_EVALUATED;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.district.demonstration.Application;
import org.gongyu.district.demonstration.Applications;
import org.gongyu.district.demonstration.EffectiveTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * On-site scoring: the start of the assessment, each cleared assessor's scores (every change a
 * trail row, frozen once submitted), the consensus the county agrees where the assessors differ
 * by more than the programme's margin, and the scoresheet. Every write holds the application's
 * row lock, so scores, submissions, consensus and the decision never interleave.
 */
@Service
class ScoringService {

  private final Applications applications;
  private final AssessmentRepository repository;
  private final EffectiveTime clock;

  ScoringService(Applications applications, AssessmentRepository repository, EffectiveTime clock) {
    this.applications = applications;
    this.repository = repository;
    this.clock = clock;
  }

  /** SELF_EVALUATED → ASSESSING once at least two assessors are cleared and nobody is undeclared. */
  @Transactional
  Application start(String countyId, UUID applicationId, Caller by) {
    Application a = applications.lock(countyId, applicationId);
    Applications.require(a, "starting the assessment", SELF_EVALUATED);
    RoundState state = RoundState.load(repository, a);
    long cleared = state.count(AssignmentStatus.CLEARED);
    long undeclared = state.count(AssignmentStatus.ASSIGNED);
    if (cleared < Scoresheet.MIN_ASSESSORS || undeclared > 0) {
      ApiProblem p = ApiProblem.conflict(Msg.msg("district.assessment.panel-not-ready", a.round(), Scoresheet.MIN_ASSESSORS,
          cleared, undeclared, state.count(AssignmentStatus.RECUSED)));
      p.getBody().setProperty("cleared", cleared);
      p.getBody().setProperty("undeclared", undeclared);
      throw p;
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("round", a.round());
    detail.put("assessors", state.cleared().stream().map(AssignmentRow::assessor).toList());
    return applications.transition(a, ASSESSING, by.username(), "START_ASSESSMENT", null, detail);
  }

  /**
   * Stores the caller's score on a criterion (created tells a first score from a change); the same
   * points and comment again write nothing.
   */
  @Transactional
  Stored<ScoreResponse> putScore(String countyId, UUID applicationId, String criterionCode, PutScoreRequest body, Caller caller) {
    Application a = applications.lock(countyId, applicationId);
    Applications.require(a, "scoring", ASSESSING);
    String assessor = caller.username();
    AssignmentRow assignment = AssignmentService.requireCleared(repository, a, assessor, "score");
    if (assignment.submitted()) {
      throw ApiProblem.conflict(frozen(assignment));
    }
    ProgrammeTerms terms = AssignmentService.terms(repository, a);
    Rubric.Criterion criterion = criterion(terms, criterionCode);
    BigDecimal points = within(criterion, body.points(), "points");
    String comment = body.comment().strip();
    Optional<ScoreRow> existing = repository.scores(a.id(), a.round()).stream()
        .filter(s -> s.assessor().equals(assessor) && s.criterionCode().equals(criterionCode)).findFirst();
    if (existing.isPresent() && existing.get().points().compareTo(points) == 0 && existing.get().comment().equals(comment)) {
      return new Stored<>(response(a, existing.get()), false);
    }
    Instant now = clock.instant();
    repository.upsertScore(a.id(), a.round(), assessor, criterionCode, points, comment, now);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("assessor", assessor);
    detail.put("criterion", criterionCode);
    detail.put("round", a.round());
    detail.put("from", existing.map(ScoreRow::points).orElse(null));
    detail.put("to", points);
    detail.put("comment", comment);
    applications.record(a.id(), assessor, "SCORE", detail);
    return new Stored<>(response(a, new ScoreRow(assessor, criterionCode, points, comment, now)), existing.isEmpty());
  }

  /**
   * The caller's own scores of the application's current round, drafts included, so that a scoring
   * form opened anywhere shows what was saved; only a cleared assessor of the round (as for the
   * file). Empty before the assessment starts.
   */
  @Transactional(readOnly = true)
  List<ScoreResponse> myScores(String countyId, UUID applicationId, Caller caller) {
    Application a = applications.find(countyId, applicationId);
    String assessor = caller.username();
    AssignmentService.requireCleared(repository, a, assessor, "read own scores");
    return repository.scores(a.id(), a.round()).stream()
        .filter(s -> s.assessor().equals(assessor))
        .map(s -> response(a, s))
        .toList();
  }

  /** Freezes the caller's scores of the round: 422 listing the criteria still unscored. */
  @Transactional
  SubmissionResponse submit(String countyId, UUID applicationId, Caller caller) {
    Application a = applications.lock(countyId, applicationId);
    Applications.require(a, "submitting scores", ASSESSING);
    String assessor = caller.username();
    AssignmentRow assignment = AssignmentService.requireCleared(repository, a, assessor, "submit scores");
    if (assignment.submitted()) {
      throw ApiProblem.conflict(frozen(assignment));
    }
    ProgrammeTerms terms = AssignmentService.terms(repository, a);
    List<ScoreRow> own = repository.scores(a.id(), a.round()).stream().filter(s -> s.assessor().equals(assessor)).toList();
    List<String> missing = terms.rubric().criteria().stream().map(Rubric.Criterion::code)
        .filter(code -> own.stream().noneMatch(s -> s.criterionCode().equals(code))).toList();
    if (!missing.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("district.scores.incomplete", String.join(", ", missing)),
          missing.stream().map(code -> Msg.msg("district.scores.not-scored", "scores." + code)).toList());
    }
    BigDecimal total = own.stream().map(ScoreRow::points).reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(Scoresheet.SCALE, RoundingMode.HALF_EVEN);
    Instant now = clock.instant();
    repository.submit(a.id(), a.round(), assessor, now);
    applications.record(a.id(), assessor, "SUBMIT_SCORES", Map.of("assessor", assessor, "round", a.round(), "total", total));
    return new SubmissionResponse(a.id(), a.round(), assessor, now, total);
  }

  /**
   * The county's agreed points on a criterion whose spread is above the margin. Agreed once every
   * cleared assessor has submitted, so the spread it settles can no longer change.
   */
  @Transactional
  Stored<ConsensusResponse> putConsensus(
      String countyId, UUID applicationId, String criterionCode, PutConsensusRequest body, Caller by) {
    Application a = applications.lock(countyId, applicationId);
    Applications.require(a, "agreeing a consensus", ASSESSING);
    RoundState state = RoundState.load(repository, a);
    Rubric.Criterion criterion = criterion(state.terms(), criterionCode);
    List<String> unsubmitted = state.cleared().stream().filter(x -> !x.submitted()).map(AssignmentRow::assessor).toList();
    if (!unsubmitted.isEmpty()) {
      throw ApiProblem.conflict(Msg.msg("district.consensus.unsubmitted", String.join(", ", unsubmitted)));
    }
    Scoresheet.Line line = state.sheet().lines().stream().filter(l -> l.criterion().code().equals(criterionCode)).findFirst()
        .orElseThrow();
    if (!line.needsConsensus()) {
      throw ApiProblem.conflict(Msg.msg("district.consensus.not-needed", criterionCode,
          line.spread() == null ? "-" : line.spread().toPlainString(),
          state.terms().consensusMargin().setScale(Scoresheet.SCALE, RoundingMode.HALF_EVEN).toPlainString()));
    }
    BigDecimal points = within(criterion, body.points(), "points");
    String note = body.note().strip();
    Optional<ConsensusRow> existing = state.consensus().stream().filter(c -> c.criterionCode().equals(criterionCode)).findFirst();
    if (existing.isPresent() && existing.get().points().compareTo(points) == 0 && existing.get().note().equals(note)) {
      return new Stored<>(response(a, existing.get()), false);
    }
    Instant now = clock.instant();
    repository.upsertConsensus(a.id(), a.round(), criterionCode, points, note, by.username(), now);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("criterion", criterionCode);
    detail.put("round", a.round());
    detail.put("from", existing.map(ConsensusRow::points).orElse(null));
    detail.put("to", points);
    detail.put("spread", line.spread());
    detail.put("note", note);
    applications.record(a.id(), by.username(), "CONSENSUS", detail);
    return new Stored<>(response(a, new ConsensusRow(criterionCode, points, note, by.username(), now)), existing.isEmpty());
  }

  /**
   * The current round's scoresheet. County admins and the city see it at any time; an assessor
   * only once cleared on the round and their own scores are submitted, so nobody scores having
   * seen the others' points.
   */
  @Transactional(readOnly = true)
  ScoresheetResponse scoresheet(String countyId, UUID applicationId, Caller caller) {
    Application a = applications.find(countyId, applicationId);
    if (caller.tier() == Role.Tier.COUNTY && !caller.roles().contains(Role.COUNTY_ADMIN)) {
      AssignmentRow own = AssignmentService.requireCleared(repository, a, caller.username(), "see the scoresheet");
      if (!own.submitted()) {
        throw Refusals.forbidden(Msg.msg("district.scoresheet.own-first"));
      }
    }
    return Scoresheets.response(RoundState.load(repository, a));
  }

  static Rubric.Criterion criterion(ProgrammeTerms terms, String code) {
    return terms.rubric().criterion(code).orElseThrow(() -> ApiProblem.notFound(Msg.msg("district.criterion.unknown", code,
        terms.programmeId(), terms.standardId(), terms.standardVersion())));
  }

  /** The points at scale 2, or 422 naming the field when above the criterion's points. */
  private static BigDecimal within(Rubric.Criterion criterion, BigDecimal points, String field) {
    if (points.compareTo(criterion.points()) > 0) {
      throw ApiProblem.unprocessable(Msg.msg("district.points.too-many", field, points.toPlainString(), criterion.code()),
          List.of(Msg.msg("district.points.at-most", field, criterion.points().toPlainString(), criterion.code())));
    }
    return points.setScale(Scoresheet.SCALE, RoundingMode.UNNECESSARY);
  }

  private static Msg frozen(AssignmentRow assignment) {
    return Msg.msg("district.scores.frozen", assignment.assessor(), assignment.round(), assignment.submittedAt());
  }

  private static ScoreResponse response(Application a, ScoreRow s) {
    return new ScoreResponse(a.id(), a.round(), s.assessor(), s.criterionCode(), s.points(), s.comment(), s.updatedAt());
  }

  private static ConsensusResponse response(Application a, ConsensusRow c) {
    return new ConsensusResponse(a.id(), a.round(), c.criterionCode(), c.points(), c.note(), c.agreedBy(), c.agreedAt());
  }

  /** What a PUT stored and whether it created it (201) or changed or kept it (200). */
  record Stored<T>(T body, boolean created) {}
}
