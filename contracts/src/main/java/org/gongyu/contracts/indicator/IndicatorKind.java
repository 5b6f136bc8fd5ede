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
  SCHOOL_THRESHOLD
}
