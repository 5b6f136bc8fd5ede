package org.gongyu.contracts.period;

/** The period an indicator is evaluated in; see {@link Period} for the ids. */
public enum PeriodType {
  /** 学期, id {@code 2025-2026-1} or {@code 2025-2026-2}. */
  SEMESTER("semester"),
  /** 学年, id {@code 2025-2026}. */
  SCHOOL_YEAR("school year"),
  /** calendar year, id {@code 2025}. */
  CALENDAR_YEAR("calendar year"),
  /** 3-year programme cycle, id {@code 2024-2027}. */
  PROGRAMME_CYCLE("programme cycle");

  private final String label;

  PeriodType(String label) {
    this.label = label;
  }

  /** Lower-case English name for messages. */
  public String label() {
    return label;
  }
}
