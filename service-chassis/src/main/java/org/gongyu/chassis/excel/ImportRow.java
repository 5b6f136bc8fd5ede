package org.gongyu.chassis.excel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.web.Msg;

/**
 * One data row of an uploaded workbook.
 *
 * @param rowNumber  the row's number as Excel shows it (the header is row 1)
 * @param values     the converted values by column key (blank cells absent): String, Long, LocalDate,
 *                   LocalDateTime, Boolean, or an enum's code
 * @param texts      each non-blank cell as uploaded, by column key (shortened to 500 characters), for the error workbook
 * @param cellErrors why a cell is refused, by column key (the reader's conversion errors, then the rules')
 * @param rowErrors  why the row is refused where no single cell is to blame
 */
public record ImportRow(int rowNumber, Map<String, Object> values, Map<String, String> texts, Map<String, Msg> cellErrors,
    List<Msg> rowErrors) {

  public ImportRow {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    texts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    cellErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cellErrors));
    rowErrors = List.copyOf(rowErrors);
  }

  /** Whether the reader found nothing wrong with the row. */
  public boolean readable() {
    return cellErrors.isEmpty() && rowErrors.isEmpty();
  }

  /** This row refused for {@code errors} by column key (a key not of the template counts as a row error) and {@code more}. */
  public ImportRow refused(Map<String, Msg> errors, List<Msg> more) {
    Map<String, Msg> cells = new LinkedHashMap<>(cellErrors);
    errors.forEach(cells::putIfAbsent);
    List<Msg> rows = new java.util.ArrayList<>(rowErrors);
    rows.addAll(more);
    return new ImportRow(rowNumber, values, texts, cells, rows);
  }
}
