package org.gongyu.district.demonstration.assessment;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.contracts.demonstration.Rubric;

/** Maps a round's {@link Scoresheet} and the rows behind it to the API's scoresheet. */
final class Scoresheets {

  private Scoresheets() {}

  static ScoresheetResponse response(RoundState state) {
    Scoresheet sheet = state.sheet();
    Rubric rubric = state.terms().rubric();
    List<ScoresheetResponse.CriterionLine> criteria = new ArrayList<>();
    for (Scoresheet.Line line : sheet.lines()) {
      String code = line.criterion().code();
      List<ScoresheetResponse.AssessorScore> scores = new ArrayList<>();
      for (Map.Entry<String, java.math.BigDecimal> p : line.points().entrySet()) {
        String comment = state.scores().stream()
            .filter(s -> s.assessor().equals(p.getKey()) && s.criterionCode().equals(code))
            .map(ScoreRow::comment).findFirst().orElse(null);
        scores.add(new ScoresheetResponse.AssessorScore(p.getKey(), p.getValue(), comment));
      }
      Optional<ConsensusRow> consensus = state.consensus().stream().filter(c -> c.criterionCode().equals(code)).findFirst();
      Optional<Rubric.Criterion> named = rubric.criterion(code);
      criteria.add(new ScoresheetResponse.CriterionLine(code, named.map(Rubric.Criterion::nameZh).orElse(code),
          named.map(Rubric.Criterion::nameEn).orElse(code),
          line.criterion().maxPoints(), List.copyOf(scores), line.spread(), line.needsConsensus(),
          consensus.map(c -> new ScoresheetResponse.Consensus(c.points(), c.note(), c.agreedBy(), c.agreedAt())).orElse(null),
          line.result()));
    }
    return new ScoresheetResponse(
        state.application().id(), state.application().status().name(), state.application().round(), rubric.passMark(),
        rubric.fullMark(), state.terms().consensusMargin().setScale(Scoresheet.SCALE, RoundingMode.HALF_EVEN),
        state.assignments().stream()
            .map(x -> new ScoresheetResponse.AssessorLine(x.assessor(), x.status().name(), x.submittedAt())).toList(),
        List.copyOf(criteria),
        sheet.totals().entrySet().stream().map(t -> new ScoresheetResponse.Total(t.getKey(), t.getValue())).toList(),
        sheet.finalScore(), sheet.passed(), sheet.missing());
  }
}
