package org.gongyu.contracts.indicator;

/**
 * Small-cell suppression: above the school tier, a figure of a sensitive indicator is withheld when
 * any of its counts is between 1 and {@value #THRESHOLD} − 1, because so few cases could point at a
 * family. Zero is shown: it identifies no one.
 */
public final class SmallCells {

  /** Counts below this (and above zero) are suppressed. */
  public static final int THRESHOLD = 5;

  private SmallCells() {}

  /** Whether a figure with these counts must be withheld from a view above the school. */
  public static boolean suppressed(boolean sensitive, long... counts) {
    if (!sensitive) {
      return false;
    }
    for (long c : counts) {
      if (c > 0 && c < THRESHOLD) {
        return true;
      }
    }
    return false;
  }
}
