package org.gongyu.school.survey;

import java.util.List;
import java.util.Map;

/** Bodies of the school's survey endpoints; checked by the service (422 naming the field). */
final class SurveyRequests {

  private SurveyRequests() {}

  /** Questionnaires entered together (e.g. a class's paper forms), 1 to 500; all or none are kept. */
  record Responses(List<Answered> responses) {}

  /**
   * One anonymous questionnaire: no name, number or class of the respondent is taken.
   *
   * @param grade   the grade (1 to 12), if the school records it
   * @param answers the chosen option codes per question code, e.g. {"Q1": ["A"], "Q2": ["A", "C"]};
   *                one option for a single choice or a scale, one or more for a multiple choice;
   *                a question left blank is left out
   */
  record Answered(Integer grade, Map<String, List<String>> answers) {}
}
