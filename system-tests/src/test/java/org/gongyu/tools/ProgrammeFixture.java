package org.gongyu.tools;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** The body of a county's demonstration programme as the system tests create it. */
final class ProgrammeFixture {

  private ProgrammeFixture() {}

  /**
   * A programme that started 10 days before {@code today} and runs three years, its application
   * window open since yesterday until 20 days from now, one month of creation, titles valid three
   * years, a consensus margin of 2 points, on version 1 of {@code standardId}.
   */
  static Map<String, Object> openToday(String name, int target, LocalDate today, String standardId) {
    Map<String, Object> programme = new LinkedHashMap<>();
    programme.put("name", name);
    programme.put("target", target);
    programme.put("startsOn", today.minusDays(10).toString());
    programme.put("endsOn", today.plusYears(3).toString());
    programme.put("applicationOpensOn", today.minusDays(1).toString());
    programme.put("applicationDeadline", today.plusDays(20).toString());
    programme.put("creationMonths", 1);
    programme.put("titleValidityYears", 3);
    programme.put("consensusMargin", 2);
    programme.put("standardId", standardId);
    programme.put("standardVersion", 1);
    return programme;
  }
}
