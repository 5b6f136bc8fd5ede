package org.gongyu.contracts.indicator;

/** How an indicator's figures are formed and rolled up. */
public enum IndicatorKind {
  /** numerator / denominator, rolled up by summing both. */
  RATIO,
  /** a count per school, judged per school against the target. */
  COUNT,
  /** events per person, rolled up by summing events and persons. */
  PER_CAPITA,
  /** 1 if the school meets a condition, else 0; rolled up as a share of schools. */
  SCHOOL_THRESHOLD,
  /**
   * a count the county holds as a whole (e.g. demonstration titles), judged per county: each county's
   * figure is (count, 1), so the city's Σ/Σ is the mean per county, and a unit meets the target when
   * count ≥ target × counties.
   */
  UNIT_COUNT
}
