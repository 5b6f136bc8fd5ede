package org.gongyu.school.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongyu.contracts.indicator.Figure;
import org.junit.jupiter.api.Test;

class ReadingRulesTest {

  static final ReadingCampaign A = ReadingCampaign.of("A", "C1", "21天", LocalDate.of(2026, 10, 1), 21, 20);
  static final ReadingCampaign B = ReadingCampaign.of("B", "C2", "7天", LocalDate.of(2026, 11, 1), 7, 30);

  static Set<LocalDate> days(LocalDate from, int n, LocalDate... skip) {
    Set<LocalDate> s = new HashSet<>();
    for (int i = 0; i < n; i++) {
      s.add(from.plusDays(i));
    }
    List.of(skip).forEach(s::remove);
    return s;
  }

  @Test
  void theLastDayIsStartPlusDaysMinusOne() {
    assertThat(A.lastDay()).isEqualTo(LocalDate.of(2026, 10, 21));
    assertThat(A.covers(LocalDate.of(2026, 10, 21))).isTrue();
    assertThat(A.covers(LocalDate.of(2026, 10, 22))).isFalse();
    assertThat(A.covers(LocalDate.of(2026, 9, 30))).isFalse();
  }

  @Test
  void completedMeansEveryDayOfTheCampaign() {
    assertThat(ReadingRules.completed(days(A.startDate(), 21), A)).isTrue();
    assertThat(ReadingRules.completed(days(A.startDate(), 21, LocalDate.of(2026, 10, 11)), A)).as("a gap").isFalse();
    assertThat(ReadingRules.completed(days(A.startDate(), 20), A)).as("20 of 21").isFalse();
  }

  @Test
  void studentsAreCountedOnceAcrossCampaigns() {
    Map<String, Map<String, Set<LocalDate>>> checkIns = Map.of(
        "A", Map.of("s1", days(A.startDate(), 21), "s2", days(A.startDate(), 5), "s3", days(A.startDate(), 21)),
        "B", Map.of("s1", days(B.startDate(), 7), "s2", days(B.startDate(), 7), "s4", Set.of(B.startDate())));
    // s1 (both), s2 (B), s3 (A) completed; s4 joined only
    assertThat(ReadingRules.completion(List.of(A, B), checkIns)).isEqualTo(new Figure(3, 4));
    assertThat(ReadingRules.completion(List.of(A), checkIns)).isEqualTo(new Figure(2, 3));
    assertThat(ReadingRules.completion(List.of(), checkIns)).isEqualTo(new Figure(0, 0));
  }
}
