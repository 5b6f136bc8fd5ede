package org.gongyu.school.demonstration;

import java.math.BigDecimal;
import java.util.List;

/**
 * The school's self-evaluation of one criterion, as drafted. Checked by {@link DemonstrationRules}:
 * 0 ≤ selfScore ≤ the criterion's points with at most 2 decimals, a narrative of 1 to 2000
 * characters, 1 to 20 pieces of evidence, and no personal data of students or parents anywhere.
 *
 * @param selfScore the school's score for the criterion
 * @param narrative what the school did
 * @param evidence  where assessors find the evidence
 */
record DraftItemRequest(BigDecimal selfScore, String narrative, List<Evidence> evidence) {

  /**
   * @param title     what it is, e.g. "家长学校章程", 1 to 200 characters
   * @param reference where it is: a document number, an archive shelf, a URL; 1 to 500 characters
   */
  record Evidence(String title, String reference) {}
}
