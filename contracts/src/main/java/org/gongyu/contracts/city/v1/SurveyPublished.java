package org.gongyu.contracts.city.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A questionnaire the city centre sends to schools (问卷调查, seeds W10 and W16, ADR 0026), as it
 * stands after being published or closed. Schools keep the highest {@code version} per survey,
 * collect anonymous answers to it and send back only counts ({@link
 * org.gongyu.contracts.school.v1.SurveyResultsPublished}).
 *
 * @param cityId    the city whose centre runs the survey
 * @param surveyId  the survey's opaque id (also the record key)
 * @param countyId  the one county whose schools are asked; null for every school of the city
 * @param title     the questionnaire's title
 * @param purpose   why it is asked: to find problems (问题调研) or to measure satisfaction (满意度)
 * @param audience  who answers: PARENTS or STUDENTS (the respondents are never identified)
 * @param questions the questions in order
 * @param opensOn   first day answers are taken
 * @param closesOn  last day answers are taken
 * @param status    OPEN once published, CLOSED when the city closes it early or for good
 * @param at        when it changed, UTC
 * @param version   strictly increasing per survey
 */
public record SurveyPublished(String cityId, String surveyId, String countyId, String title, Purpose purpose,
    Audience audience, List<Question> questions, LocalDate opensOn, LocalDate closesOn, Status status, Instant at,
    long version) {

  /** 问题调研 or 满意度调查. */
  public enum Purpose { PROBLEM_DISCOVERY, SATISFACTION }

  /** Who answers the questionnaire. */
  public enum Audience { PARENTS, STUDENTS }

  /** Whether answers are still taken. */
  public enum Status { OPEN, CLOSED }

  /** SINGLE: one option; MULTIPLE: one or more; SCALE: one of the options 1 to 5 (satisfaction). */
  public enum Kind { SINGLE, MULTIPLE, SCALE }

  /**
   * A question.
   *
   * @param code    its code within the survey (Q1, Q2, …)
   * @param text    the question as asked
   * @param kind    how it is answered
   * @param options the options in order; for SCALE the codes "1" to "5" (5 = most satisfied)
   */
  public record Question(String code, String text, Kind kind, List<Option> options) {
    public Question {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(kind, "kind");
      options = List.copyOf(options);
    }
  }

  /** An option: its code within the question and the label shown. */
  public record Option(String code, String label) {}

  public SurveyPublished {
    Objects.requireNonNull(cityId, "cityId");
    Objects.requireNonNull(surveyId, "surveyId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    questions = List.copyOf(questions);
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
  }
}
