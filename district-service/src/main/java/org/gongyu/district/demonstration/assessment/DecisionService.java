package org.gongyu.district.demonstration.assessment;

import static org.gongyu.contracts.demonstration.DemonstrationStatus.ASSESSING;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.district.demonstration.Findings;
import org.gongyu.district.demonstration.title.Titles;
import org.gongyu.chassis.web.Msg;
import org.gongyu.district.demonstration.Application;
import org.gongyu.district.demonstration.Applications;
import org.gongyu.district.demonstration.EffectiveTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's decision on an assessed round: award (the final score reaches the pass mark; a
 * title valid {@code titleValidityYears} from today in the city), reject, or defer (the school
 * submits the next round, which is assessed anew). The final score and the title are stored
 * before the transition, so the status event carries them.
 */
@Service
class DecisionService {

  private static final Logger log = LoggerFactory.getLogger(DecisionService.class);

  private final Applications applications;
  private final AssessmentRepository repository;
  private final EffectiveTime clock;
  private final Titles titles;

  DecisionService(Applications applications, AssessmentRepository repository, EffectiveTime clock, Titles titles) {
    this.titles = titles;
    this.applications = applications;
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional
  ApplicationStateResponse decide(String countyId, UUID applicationId, DecisionRequest body, Caller by) {
    String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
    if (note == null && body.outcome() != Outcome.AWARD) {
      throw ApiProblem.unprocessable(Msg.msg("district.decision.note-required", body.outcome().name().toLowerCase()),
          List.of(Msg.msg("district.decision.note-required.field", body.outcome().name().toLowerCase())));
    }
    Application a = applications.lock(countyId, applicationId);
    Applications.require(a, "deciding", ASSESSING);
    RoundState state = RoundState.load(repository, a);
    Scoresheet sheet = state.sheet();
    List<String> missing = sheet.missing();
    if (!missing.isEmpty()) {
      ApiProblem p = ApiProblem.conflict(Msg.msg("district.decision.incomplete", a.round(), Msg.joined(Findings.of(missing))));
      p.getBody().setProperty("missing", missing);
      throw p;
    }
    BigDecimal finalScore = sheet.finalScore();
    if (body.outcome() == Outcome.AWARD) {
      refuseScoresOfTheSchoolsOwnStaff(a, state);
    }
    if (body.outcome() == Outcome.AWARD && !sheet.passed()) {
      ApiProblem p = ApiProblem.conflict(Msg.msg("district.decision.below-pass", finalScore.toPlainString(), sheet.passMark().toPlainString()));
      p.getBody().setProperty("finalScore", finalScore);
      p.getBody().setProperty("passMark", sheet.passMark());
      throw p;
    }
    Instant now = clock.instant();
    repository.storeFinalScore(a.id(), finalScore, now);
    LocalDate awardedOn = null;
    LocalDate validUntil = null;
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("round", a.round());
    detail.put("finalScore", finalScore);
    detail.put("passMark", sheet.passMark());
    if (body.outcome() == Outcome.AWARD) {
      awardedOn = clock.today();
      validUntil = awardedOn.plusYears(state.terms().titleValidityYears()).minusDays(1);
      titles.award(a, awardedOn, validUntil, now);
      detail.put("awardedOn", awardedOn.toString());
      detail.put("validUntil", validUntil.toString());
    }
    Application moved = applications.transition(a, body.outcome().to(), by.username(), body.outcome().name(), note, detail);
    log.info("application {} of county {} round {}: {} with final score {}", a.id(), countyId, a.round(), body.outcome(), finalScore);
    return new ApplicationStateResponse(moved.id(), moved.status().name(), moved.version(), moved.round(), moved.finalScore(),
        sheet.passMark(), awardedOn, validUntil);
  }

  /**
   * No title rests on the scores of someone who works at the school: the panel is read again, and
   * an assessor it now places at the applicant blocks the award (the county defers and assesses anew).
   */
  private void refuseScoresOfTheSchoolsOwnStaff(Application a, RoundState state) {
    for (AssignmentRow cleared : state.cleared()) {
      repository.assessor(a.countyId(), cleared.assessor()).filter(panel -> a.schoolId().equals(panel.homeSchoolId()))
          .ifPresent(panel -> {
            ApiProblem p = ApiProblem.conflict(Msg.msg("district.decision.own-school", panel.username(), a.schoolId()));
            p.getBody().setProperty("conflict", "OWN_SCHOOL");
            throw p;
          });
    }
  }
}
