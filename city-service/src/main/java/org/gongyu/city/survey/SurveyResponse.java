package org.gongyu.city.survey;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A questionnaire as the city sees it.
 *
 * @param status           DRAFT, OPEN or CLOSED
 * @param schoolsReporting schools that have sent their counts
 * @param ownerTier        CITY (built by city staff) or COUNTY (built by the county admin of countyId, who alone publishes and closes it)
 */
record SurveyResponse(String id, String countyId, String countyName, String title, String purpose, String audience,
    List<Question> questions, LocalDate opensOn, LocalDate closesOn, String status, long version, Instant createdAt,
    String createdBy, long schoolsReporting, String ownerTier) {

  /** A question with its options. */
  record Question(String code, String text, String kind, List<Option> options) {}

  /** An option: its code and its label. */
  record Option(String code, String label) {}
}
