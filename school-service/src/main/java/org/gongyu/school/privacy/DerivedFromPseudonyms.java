package org.gongyu.school.privacy;

/**
 * Data cut from pseudonyms that {@link KeyRotation} cannot re-key in place, because it does not
 * hold the whole pseudonym (the registration tallies keep its first 128 bits, V38): built again
 * from the re-keyed records, in the rotation's transaction, after each pseudonym version.
 */
public interface DerivedFromPseudonyms {

  /**
   * Builds the data again from the records as they are now.
   *
   * @return rows written
   */
  long rebuild();
}
