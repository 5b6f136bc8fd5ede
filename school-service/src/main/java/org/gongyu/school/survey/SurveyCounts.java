package org.gongyu.school.survey;

import java.util.List;

/**
 * The school's counts of a survey: exact, for the school itself, next to what the city is sent
 * ({@code shown}: null where withheld, ADR 0026).
 */
record SurveyCounts(String surveyId, long responses, List<QuestionCount> questions) {

  /** A question: how many answered it (exact, and as sent) and each option. */
  record QuestionCount(String code, String text, String kind, long answered, Long answeredShown, List<OptionCount> options) {}

  /** An option's exact count and the count the city sees (null where withheld). */
  record OptionCount(String code, String label, long count, Long shown) {}
}
