package org.gongyu.chassis.excel;

/**
 * What an upload may be at most. Exceeding the byte or row limit refuses the file (413); a cell over
 * {@code maxCellChars} refuses its row.
 *
 * @param maxBytes     the largest file, in bytes
 * @param maxRows      the most data rows (without the header and the example row)
 * @param maxCellChars the longest cell text, in characters (Excel's own cap is 32,767)
 */
public record ExcelLimits(long maxBytes, int maxRows, int maxCellChars) {

  /** 20 MB, 100,000 rows, 32,767 characters a cell. */
  public static final ExcelLimits DEFAULT = new ExcelLimits(20L * 1024 * 1024, 100_000, 32_767);
}
