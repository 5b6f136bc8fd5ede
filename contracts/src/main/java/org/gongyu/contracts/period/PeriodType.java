package org.gongyu.contracts.period;

/** The period an indicator is evaluated in. */
public enum PeriodType {
  /** 学期, id {@code 2025-2026-1} or {@code 2025-2026-2}. */
  SEMESTER,
  /** 学年, id {@code 2025-2026}. */
  SCHOOL_YEAR,
  /** calendar year, id {@code 2025}. */
  CALENDAR_YEAR,
  /** 3-year programme cycle, id {@code 2024-2027}. */
  PROGRAMME_CYCLE
}
