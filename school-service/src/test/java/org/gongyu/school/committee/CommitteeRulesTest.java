package org.gongyu.school.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.school.committee.CommitteeRequest.Level;
import org.gongyu.school.committee.CommitteeWorkRequests.Electorate;
import org.junit.jupiter.api.Test;

/** The committee rules at their edges: the class coverage figure, who elects, how long a term is. */
class CommitteeRulesTest {

  static CommitteeCoverageIndicator.Term klass(String classId, String founded, String termEnds, String dissolved) {
    return new CommitteeCoverageIndicator.Term(Level.CLASS, LocalDate.parse(founded), LocalDate.parse(termEnds),
        dissolved == null ? null : LocalDate.parse(dissolved), classId);
  }

  @Test
  void classCoverageCountsEachClassOnceOnTheLastDayAndOnlyTheGivenClasses() {
    LocalDate last = LocalDate.parse("2028-01-31");
    List<CommitteeCoverageIndicator.Term> terms = List.of(
        klass("N1", "2027-09-05", "2030-09-05", null),
        klass("N1", "2027-10-01", "2030-10-01", null), // a second committee of the same class
        klass("N2", "2027-09-05", "2028-01-31", null), // ends on the last day: not in term
        klass("N3", "2028-01-31", "2031-01-31", null), // founded on the last day: in term
        klass("N4", "2027-09-05", "2030-09-05", "2028-01-31"), // dissolved on the last day
        klass("P1", "2026-09-05", "2029-09-05", null), // last year's class
        new CommitteeCoverageIndicator.Term(Level.SCHOOL, LocalDate.parse("2027-09-01"), LocalDate.parse("2030-09-01"), null));
    assertThat(ClassCommitteeCoverageIndicator.figure(terms, List.of("N1", "N2", "N3", "N4", "N5"), last)).isEqualTo(new Figure(2, 5));
    assertThat(ClassCommitteeCoverageIndicator.figure(terms, List.of(), last)).isEqualTo(new Figure(0, 0));
  }

  @Test
  void classCommitteesAreElectedByAllParentsGradeOnesByClassRepresentativesSchoolOnesByEither() {
    for (Level level : Level.values()) {
      for (Electorate e : Electorate.values()) {
        List<String> errors = new ArrayList<>();
        CommitteeWork.electorateErrors(level, e, errors);
        boolean allowed = switch (level) {
          case CLASS -> e == Electorate.ALL_PARENTS;
          case GRADE -> e == Electorate.CLASS_REPRESENTATIVES;
          case SCHOOL -> e != Electorate.ALL_PARENTS;
        };
        assertThat(errors).as(level + " by " + e).hasSize(allowed ? 0 : 1);
        errors.forEach(x -> assertThat(x).startsWith("electorate: "));
      }
    }
  }

  @Test
  void aTermIsAfterItsStartAndAtMostThreeYearsLongLeapDaysIncluded() {
    List<String> errors = new ArrayList<>();
    LocalDate leap = LocalDate.parse("2028-02-29");
    CommitteeWork.termErrors("termEndsOn", LocalDate.parse("2031-02-28"), "heldOn", leap, errors);
    assertThat(errors).as("three years from 29 February end on 28 February").isEmpty();
    CommitteeWork.termErrors("termEndsOn", LocalDate.parse("2031-03-01"), "heldOn", leap, errors);
    assertThat(errors).containsExactly("termEndsOn: 2031-03-01 is more than 3 years after heldOn 2028-02-29 (a term is at most 3 years)");
    errors.clear();
    CommitteeWork.termErrors("termEndsOn", leap, "heldOn", leap, errors);
    assertThat(errors).containsExactly("termEndsOn: 2028-02-29 must be after heldOn 2028-02-29");
  }
}
