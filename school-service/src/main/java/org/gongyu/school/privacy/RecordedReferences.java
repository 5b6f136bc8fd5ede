package org.gongyu.school.privacy;

import java.util.Set;

/**
 * Which of some candidate strings a school has recorded as a student's or a guardian's reference.
 * The references themselves are not stored anywhere, only their keyed HMACs ({@link Pseudonymizer}),
 * so the only way to ask is to hash each candidate and look the hash up.
 */
public interface RecordedReferences {

  /** The candidates that are a student or guardian reference in any record of the school. */
  Set<String> recorded(String schoolId, Set<String> candidates);
}
