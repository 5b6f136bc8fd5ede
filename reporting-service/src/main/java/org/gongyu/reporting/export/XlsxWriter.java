package org.gongyu.reporting.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes {@link Sheet}s as an {@code .xlsx} with Apache POI's streaming SXSSF (only a window of
 * rows in memory): a bold, frozen header row with an auto-filter, column widths, real numeric
 * cells (rates in {@code 0.0%}, per-capita figures in {@code 0.0 "次/人"}, whole numbers in
 * {@code 0}, local date-times), text neutralised against formula injection, withheld small cells
 * as the text {@code <5}.
 */
final class XlsxWriter {

  /** Rows kept in memory before SXSSF flushes them to its temporary file. */
  private static final int WINDOW = 200;

  private final Lang lang;
  private final ZoneId zone;

  XlsxWriter(Lang lang, ZoneId zone) {
    this.lang = lang;
    this.zone = zone;
  }

  byte[] write(List<Sheet> sheets) {
    SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    try {
      Styles styles = new Styles(workbook);
      for (Sheet sheet : sheets) {
        write(workbook, styles, sheet);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        workbook.close();
      } catch (IOException ignored) {
        // the temporary files are removed by close(); nothing more to do
      }
    }
  }

  private void write(SXSSFWorkbook workbook, Styles styles, Sheet sheet) {
    SXSSFSheet s = workbook.createSheet(safeSheetName(sheet.name()));
    List<Sheet.Column> columns = sheet.columns();
    Row header = s.createRow(0);
    for (int c = 0; c < columns.size(); c++) {
      Cell cell = header.createCell(c);
      cell.setCellValue(Formats.neutralise(columns.get(c).header()));
      cell.setCellStyle(styles.header);
      s.setColumnWidth(c, Math.min(255, columns.get(c).width()) * 256);
    }
    s.createFreezePane(sheet.frozenColumns(), 1);
    if (!columns.isEmpty()) {
      s.setAutoFilter(new CellRangeAddress(0, Math.max(0, sheet.rows().size()), 0, columns.size() - 1));
    }
    int r = 1;
    for (List<Object> cells : sheet.rows()) {
      Row row = s.createRow(r++);
      for (int c = 0; c < cells.size(); c++) {
        write(row, c, cells.get(c), columns.get(c).type(), styles);
      }
    }
  }

  private void write(Row row, int column, Object value, Sheet.Type type, Styles styles) {
    if (value == null) {
      return;
    }
    Cell cell = row.createCell(column);
    if (value == Sheet.WITHHELD) {
      cell.setCellValue(Formats.SUPPRESSED);
      cell.setCellStyle(styles.withheld);
    } else if (value instanceof Sheet.Figure f) {
      cell.setCellValue(f.value().doubleValue());
      cell.setCellStyle(styles.figure(f.kind(), f.gap()));
    } else if (value instanceof Number n) {
      cell.setCellValue(n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue());
      cell.setCellStyle(switch (type) {
        case PERCENT -> styles.percent;
        case INTEGER -> styles.integer;
        default -> styles.decimal;
      });
    } else if (value instanceof Instant i) {
      cell.setCellValue(i.atZone(zone).toLocalDateTime());
      cell.setCellStyle(styles.dateTime);
    } else if (value instanceof Boolean b) {
      cell.setCellValue(b ? lang.pick("是", "Yes") : lang.pick("否", "No"));
    } else {
      cell.setCellValue(Formats.neutralise(value.toString()));
    }
  }

  /** Excel refuses sheet names over 31 characters or with []:*?/\. */
  private static String safeSheetName(String name) {
    String n = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
    return n.length() > 31 ? n.substring(0, 31) : n;
  }

  /** One style per format, shared by every cell (a workbook holds at most 64000 styles). */
  private final class Styles {
    final CellStyle header;
    final CellStyle withheld;
    final CellStyle percent;
    final CellStyle integer;
    final CellStyle decimal;
    final CellStyle dateTime;
    private final Map<String, CellStyle> byFormat = new HashMap<>();
    private final SXSSFWorkbook workbook;

    Styles(SXSSFWorkbook workbook) {
      this.workbook = workbook;
      header = workbook.createCellStyle();
      Font bold = workbook.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      header.setWrapText(true);
      withheld = workbook.createCellStyle();
      withheld.setAlignment(HorizontalAlignment.RIGHT);
      percent = format("0.0%");
      integer = format("0");
      decimal = format("General");
      dateTime = format("yyyy-mm-dd hh:mm");
    }

    /** A value, target or gap of an indicator of {@code kind}. */
    CellStyle figure(String kind, boolean gap) {
      return switch (kind) {
        case "RATIO", "SCHOOL_THRESHOLD" -> percent;
        case "PER_CAPITA" -> gap ? format("0.0") : format(lang.pick("0.0\" 次/人\"", "0.0\" per person\""));
        default -> format("General");
      };
    }

    CellStyle format(String pattern) {
      return byFormat.computeIfAbsent(pattern, p -> {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(p));
        return style;
      });
    }
  }
}
