package org.gongyu.school.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonalDataGuardTest {

  /** References "recorded" at school 9901510001 only, and what the guard asked. */
  final Set<String> asked = new HashSet<>();
  final PersonalDataGuard guard = new PersonalDataGuard((school, candidates) -> {
    asked.addAll(candidates);
    Set<String> known = school.equals("9901510001") ? Set.of("STU-2025-0042", "G77881") : Set.of();
    Set<String> hit = new HashSet<>(candidates);
    hit.retainAll(known);
    return hit;
  });

  @Test
  void namesEachFieldAndTheKindsFoundButNeverTheValue() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("plan", "三年创建规划，见 2024-2027 工作方案");
    texts.put("items.A1.2.evidence[0].reference", "联系 138-0013-8000");
    texts.put("items.A1.2.evidence[1].title", "学生：张三 的作品 zhang@example.com");
    texts.put("items.A1.2.narrative", null);
    var problems = guard.problems("9901510001", texts);
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).startsWith("items.A1.2.evidence[0].reference: contains a mobile phone number")
        .doesNotContain("138").doesNotContain("8000");
    assertThat(problems.get(1)).startsWith("items.A1.2.evidence[1].title: contains ")
        .contains("an e-mail address").contains("name").doesNotContain("张三").doesNotContain("zhang");
  }

  @Test
  void refusesAReferenceTheSchoolRecordedForAStudentOrGuardian() {
    Map<String, String> texts = new LinkedHashMap<>();
    texts.put("baseline[0].note", "个案见档案 ARC-STU-2025-0042/2");
    texts.put("plan", "家访记录 G77881 已归档");
    texts.put("items.A2.1.evidence[0].reference", "档案室 HJ-2025-0312-07");
    var problems = guard.problems("9901510001", texts);
    assertThat(problems).containsExactly(
        "baseline[0].note: contains a student or guardian reference used in this school's records;"
            + " personal data of students and parents may not be written here",
        "plan: contains a student or guardian reference used in this school's records;"
            + " personal data of students and parents may not be written here");
    assertThat(asked).contains("STU-2025-0042", "G77881", "HJ-2025-0312-07");
  }

  @Test
  void theSameReferenceAtAnotherSchoolIsJustText() {
    assertThat(guard.problems("9901510002", Map.of("plan", "档案 STU-2025-0042"))).isEmpty();
  }

  @Test
  void cleanTextPassesAndNothingIsAskedForTextWithoutCandidates() {
    assertThat(guard.problems("9901510001", Map.of("plan", "加强家校共育，建立家长学校。"))).isEmpty();
    assertThat(asked).isEmpty();
  }
}
