package org.gongyu.city.topic;

/** Bodies of the problem-list and topic-bank endpoints; checked by the service (422 naming the field). */
final class TopicRequests {

  private TopicRequests() {}

  /**
   * A prominent problem.
   *
   * @param title        1 to 200 characters
   * @param category     1 to 100 characters (e.g. 亲子沟通)
   * @param source       SURVEY (with surveyId and questionCode), CONSULTATION or OTHER
   * @param surveyId     the survey it was found in, for SURVEY
   * @param questionCode the survey's question, for SURVEY
   * @param description  up to 2000 characters
   */
  record Problem(String title, String category, String source, String surveyId, String questionCode, String description) {}

  /**
   * A topic of the bank.
   *
   * @param title       1 to 200 characters
   * @param category    1 to 100 characters
   * @param problemId   the prominent problem it answers, optional
   * @param capacity    how many schools the city wants on it, 1 to 1000
   * @param description up to 2000 characters
   */
  record Topic(String title, String category, String problemId, Integer capacity, String description) {}
}
