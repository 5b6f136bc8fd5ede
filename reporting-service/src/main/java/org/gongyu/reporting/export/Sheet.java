package org.gongyu.reporting.export;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One worksheet as data: named columns and rows of cells. A cell is {@code null} (blank), a
 * {@link String} (text, neutralised when written), a {@link Number} (a numeric cell in the
 * column's format), an {@link java.time.Instant} (a local date-time cell), a {@link Figure} (a
 * value formatted for its indicator's kind), or {@link #WITHHELD} (the text {@code <5}).
 */
final class Sheet {

  /** A suppressed small cell: written as the text {@code <5}, never as a number. */
  static final Object WITHHELD = new Object() {
    @Override
    public String toString() {
      return Formats.SUPPRESSED;
    }
  };

  /** How a column's numbers are shown: whole numbers, plain decimals, percentages, or by each row's kind. */
  enum Type { TEXT, INTEGER, DECIMAL, PERCENT, DATETIME, FIGURE }

  record Column(String header, Type type, int width) {}

  /** A value (or target, or gap) of an indicator of {@code kind}: its number format follows the kind. */
  record Figure(String kind, BigDecimal value, boolean gap) {

    static Object of(String kind, BigDecimal value) {
      return value == null ? null : new Figure(kind, value, false);
    }

    static Object gapOf(String kind, BigDecimal value) {
      return value == null ? null : new Figure(kind, value, true);
    }
  }

  private final String name;
  private final List<Column> columns = new ArrayList<>();
  private final List<List<Object>> rows = new ArrayList<>();
  private int frozenColumns;

  Sheet(String name) {
    this.name = name;
  }

  Sheet column(String header, Type type, int width) {
    columns.add(new Column(header, type, width));
    return this;
  }

  /** Keeps the first {@code n} columns in view when scrolling right (the header row is always frozen). */
  Sheet freezeColumns(int n) {
    this.frozenColumns = n;
    return this;
  }

  Sheet row(Object... cells) {
    if (cells.length != columns.size()) {
      throw new IllegalArgumentException(name + ": a row of " + cells.length + " cells for " + columns.size() + " columns");
    }
    rows.add(Arrays.asList(cells));
    return this;
  }

  String name() {
    return name;
  }

  List<Column> columns() {
    return columns;
  }

  List<List<Object>> rows() {
    return rows;
  }

  int frozenColumns() {
    return frozenColumns;
  }
}
