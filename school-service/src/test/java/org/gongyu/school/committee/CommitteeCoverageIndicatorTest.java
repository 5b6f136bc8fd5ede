package org.gongyu.school.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;
import org.junit.jupiter.api.Test;

class CommitteeCoverageIndicatorTest {

  /** 2026-2027-1 runs 2026-09-01 to 2027-01-31. */
  static final LocalDate LAST_DAY = Period.parse(PeriodType.SEMESTER, "2026-2027-1").endExclusive(SchoolCalendar.DEFAULT).minusDays(1);

  static CommitteeCoverageIndicator.Term school(String founded, String termEnds, String dissolved) {
    return new CommitteeCoverageIndicator.Term(CommitteeRequest.Level.SCHOOL, LocalDate.parse(founded), LocalDate.parse(termEnds),
        dissolved == null ? null : LocalDate.parse(dissolved));
  }

  static Figure on(CommitteeCoverageIndicator.Term... committees) {
    return CommitteeCoverageIndicator.figure(List.of(committees), LAST_DAY);
  }

  @Test
  void theSemestersLastDayIsTheDayBeforeTheNextSemester() {
    assertThat(LAST_DAY).isEqualTo(LocalDate.of(2027, 1, 31));
  }

  @Test
  void aTermEndingOnTheLastDayNoLongerCoversItOneEndingTheDayAfterDoes() {
    assertThat(on(school("2024-01-31", "2027-01-31", null))).isEqualTo(new Figure(0, 1));
    assertThat(on(school("2024-02-01", "2027-02-01", null))).isEqualTo(new Figure(1, 1));
  }

  @Test
  void aCommitteeFoundedOnTheLastDayCoversItOneFoundedAfterDoesNot() {
    assertThat(on(school("2027-01-31", "2030-01-31", null))).isEqualTo(new Figure(1, 1));
    assertThat(on(school("2027-02-01", "2030-02-01", null))).isEqualTo(new Figure(0, 1));
  }

  @Test
  void aCommitteeDissolvedOnOrBeforeTheLastDayDoesNotCoverItDissolvedAfterDoes() {
    assertThat(on(school("2025-09-01", "2028-09-01", "2027-01-31"))).isEqualTo(new Figure(0, 1));
    assertThat(on(school("2025-09-01", "2028-09-01", "2026-10-01"))).isEqualTo(new Figure(0, 1));
    assertThat(on(school("2025-09-01", "2028-09-01", "2027-02-01"))).isEqualTo(new Figure(1, 1));
  }

  @Test
  void onlyASchoolLevelCommitteeCountsAndOneIsEnough() {
    var grade = new CommitteeCoverageIndicator.Term(CommitteeRequest.Level.GRADE, LocalDate.parse("2026-09-01"),
        LocalDate.parse("2029-09-01"), null);
    var klass = new CommitteeCoverageIndicator.Term(CommitteeRequest.Level.CLASS, LocalDate.parse("2026-09-01"),
        LocalDate.parse("2029-09-01"), null);
    assertThat(on(grade, klass)).isEqualTo(new Figure(0, 1));
    assertThat(on(grade, school("2020-09-01", "2023-09-01", null), school("2026-09-01", "2029-09-01", null)))
        .isEqualTo(new Figure(1, 1));
    assertThat(on()).isEqualTo(new Figure(0, 1));
  }

  @Test
  void theDefaultTermIsThreeYears() {
    var r = new CommitteeRequest(CommitteeRequest.Level.SCHOOL, null, LocalDate.parse("2024-02-29"), null, null, true, true, null, null, null);
    assertThat(r.termEndsOrDefault()).isEqualTo(LocalDate.parse("2027-02-28"));
  }
}
