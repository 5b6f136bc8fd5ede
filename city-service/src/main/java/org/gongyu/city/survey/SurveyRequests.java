package org.gongyu.city.survey;

import java.time.LocalDate;
import java.util.List;

/** Bodies of the survey endpoints; the service checks them and answers 422 naming the field. */
final class SurveyRequests {

  private SurveyRequests() {}

  /**
   * A new questionnaire (a draft until published).
   *
   * @param title     1 to 200 characters
   * @param purpose   PROBLEM_DISCOVERY (问题调研) or SATISFACTION (满意度)
   * @param audience  PARENTS or STUDENTS
   * @param countyId  only the schools of this county; absent for every school of the city
   * @param opensOn   first day answers are taken
   * @param closesOn  last day answers are taken, not before opensOn
   * @param questions 1 to 50 questions
   */
  record Create(String title, String purpose, String audience, String countyId, LocalDate opensOn, LocalDate closesOn,
      List<Question> questions) {}

  /**
   * A question; its code (Q1, Q2, …) and its options' codes (A, B, … or 1 to 5) are given by its place.
   *
   * @param text    1 to 500 characters
   * @param kind    SINGLE, MULTIPLE or SCALE (a 1–5 satisfaction scale)
   * @param options the option labels: 2 to 20 for SINGLE and MULTIPLE; none (the standard five) or
   *                exactly five, least satisfied first, for SCALE
   */
  record Question(String text, String kind, List<String> options) {}
}
