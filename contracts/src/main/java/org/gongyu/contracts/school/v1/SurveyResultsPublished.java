package org.gongyu.contracts.school.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A school's answers to a city survey, as counts only (ADR 0026): how many responses, and per
 * question how many chose each option. The school withholds small cells before sending ({@link
 * org.gongyu.contracts.survey.SurveyCells}): a withheld count is null and can be recovered neither
 * from the question's total nor from the other options. No response, respondent, class or day of
 * answering travels. Consumers keep the highest {@code version} per (survey, school).
 *
 * @param surveyId  the city's survey
 * @param schoolId  the answering school (also the record key)
 * @param countyId  the school's county when it published
 * @param schoolName the school's name as registered, for the city's tables
 * @param responses how many questionnaires the school collected
 * @param questions per question, in the survey's order
 * @param at        when the school published, UTC
 * @param version   strictly increasing per (survey, school): each publication is a new version
 */
public record SurveyResultsPublished(String surveyId, String schoolId, String countyId, String schoolName, long responses,
    List<QuestionCounts> questions, Instant at, long version) {

  /**
   * The counts of one question.
   *
   * @param code     the question's code
   * @param answered how many responses answered it; null when withheld (fewer than the threshold)
   * @param options  the count per option, in the survey's order
   */
  public record QuestionCounts(String code, Long answered, List<OptionCount> options) {
    public QuestionCounts {
      Objects.requireNonNull(code, "code");
      options = List.copyOf(options);
    }
  }

  /** An option's count; null when withheld. */
  public record OptionCount(String code, Long count) {}

  public SurveyResultsPublished {
    Objects.requireNonNull(surveyId, "surveyId");
    Objects.requireNonNull(schoolId, "schoolId");
    Objects.requireNonNull(at, "at");
    questions = List.copyOf(questions);
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
  }
}
