package org.gongyu.contracts.indicator;

/** Which side of the target value meets it. */
public enum TargetComparator {
  AT_LEAST,
  AT_MOST
}
