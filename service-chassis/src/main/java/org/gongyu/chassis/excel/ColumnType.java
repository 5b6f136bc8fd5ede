package org.gongyu.chassis.excel;

/** What a template column holds, and how the reader converts its cells. */
public enum ColumnType {
  /** text, trimmed; a number typed into a text column is read as its digits ({@code 12} not {@code 12.0}) */
  TEXT,
  /** a whole number (a numeric cell without fraction, or digits as text) → {@link Long} */
  INTEGER,
  /** a day: an Excel date cell or text {@code yyyy-MM-dd} → {@link java.time.LocalDate} */
  DATE,
  /** a time of day on a day: an Excel date-time cell or text {@code yyyy-MM-dd HH:mm[:ss]} → {@link java.time.LocalDateTime} */
  DATETIME,
  /** 是/否, yes/no, true/false, 1/0 → {@link Boolean} */
  BOOLEAN,
  /** one of the column's values, by code or by its Chinese or English label → the code */
  ENUM
}
