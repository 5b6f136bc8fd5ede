package org.gongyu.district.demonstration.assessment;

import java.util.List;
import java.util.stream.Collectors;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.district.demonstration.Application;

/**
 * Everything stored about an application's current round, and its {@link Scoresheet}: only the
 * cleared assessors' scores count (a recused assessor never scores, an undeclared one cannot yet).
 */
record RoundState(
    Application application, ProgrammeTerms terms, List<AssignmentRow> assignments, List<ScoreRow> scores,
    List<ConsensusRow> consensus, Scoresheet sheet) {

  static RoundState load(AssessmentRepository repository, Application a) {
    ProgrammeTerms terms = AssignmentService.terms(repository, a);
    List<AssignmentRow> assignments = a.round() < 1 ? List.of() : repository.assignments(a.id(), a.round());
    List<ScoreRow> scores = a.round() < 1 ? List.of() : repository.scores(a.id(), a.round());
    List<ConsensusRow> consensus = a.round() < 1 ? List.of() : repository.consensus(a.id(), a.round());
    List<AssignmentRow> cleared = assignments.stream().filter(x -> x.status() == AssignmentStatus.CLEARED).toList();
    List<String> clearedNames = cleared.stream().map(AssignmentRow::assessor).toList();
    Rubric rubric = terms.rubric();
    Scoresheet sheet = new Scoresheet(
        rubric.criteria().stream().map(c -> new Scoresheet.Criterion(c.code(), c.points())).toList(),
        rubric.passMark(), terms.consensusMargin(),
        cleared.stream().map(x -> new Scoresheet.Assessor(x.assessor(), x.submitted())).toList(),
        scores.stream().filter(s -> clearedNames.contains(s.assessor()))
            .map(s -> new Scoresheet.Score(s.assessor(), s.criterionCode(), s.points())).toList(),
        consensus.stream().collect(Collectors.toMap(ConsensusRow::criterionCode, ConsensusRow::points)));
    return new RoundState(a, terms, assignments, scores, consensus, sheet);
  }

  List<AssignmentRow> cleared() {
    return assignments.stream().filter(x -> x.status() == AssignmentStatus.CLEARED).toList();
  }

  long count(AssignmentStatus status) {
    return assignments.stream().filter(x -> x.status() == status).count();
  }
}
