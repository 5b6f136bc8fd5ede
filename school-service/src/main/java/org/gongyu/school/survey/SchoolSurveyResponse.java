package org.gongyu.school.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A city survey as a school sees it.
 *
 * @param accepting         answers are taken today (published, and today within the survey's days)
 * @param responses         questionnaires entered at this school
 * @param publishedVersion  the version of the last counts sent to the city, null if none yet
 * @param publishedResponses how many questionnaires the last counts sent covered
 */
record SchoolSurveyResponse(String surveyId, String title, String purpose, String audience, String countyId,
    LocalDate opensOn, LocalDate closesOn, String status, boolean accepting, List<Question> questions, long responses,
    Long publishedVersion, Instant publishedAt, Long publishedResponses) {

  /** A question with its options. */
  record Question(String code, String text, String kind, List<Option> options) {}

  /** An option. */
  record Option(String code, String label) {}
}
