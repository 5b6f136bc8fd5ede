package org.gongyu.city.survey;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A survey's results as schools sent them (ADR 0026): per question and option, the counts of the
 * whole city (or of one county), of each county and of each school. A school's withheld cell is null
 * (shown as "*"); a total adds only the cells that were shown, so it is a lower bound, and {@code
 * withheldSchools} says how many schools withheld some cell of the question. A score is the mean of
 * a 1–5 scale over the answers shown ({@code scoreBasis} of them), null when none is shown.
 *
 * @param responses questionnaires collected by the schools reporting
 */
record SurveyResults(String surveyId, String title, String purpose, String audience, String status, String countyId,
    long schoolsReporting, long responses, BigDecimal satisfaction, List<QuestionTotal> questions, List<Unit> counties,
    List<Unit> schools) {

  /** A question's totals over the units below. */
  record QuestionTotal(String code, String text, String kind, long answered, long withheldSchools, List<Cell> options,
      BigDecimal score, long scoreBasis) {}

  /**
   * An option's count: a school's, null where it withheld it; above a school the sum of the shown
   * counts, with {@code withheld} the number of schools that withheld this option's count.
   */
  record Cell(String code, String label, Long count, long withheld) {}

  /**
   * A county's or a school's results.
   *
   * @param satisfaction the mean of all scale answers shown, null when none is
   */
  record Unit(String id, String name, String countyId, long schools, long responses, BigDecimal satisfaction,
      Long version, Instant publishedAt, List<QuestionTotal> questions) {}
}
