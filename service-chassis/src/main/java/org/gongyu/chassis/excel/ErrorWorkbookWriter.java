package org.gongyu.chassis.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gongyu.chassis.web.Msg;

/**
 * The error workbook of an import (SXSSF: rows are flushed to a temporary file as they are written,
 * so a hundred thousand refused rows do not fill the heap). Its data sheet has the template's
 * headers plus a last column 错误说明 (Errors); each refused row is written as uploaded, each
 * offending cell filled red with a comment saying what is wrong (comments on the first
 * {@value #MAX_COMMENTS} rows only: POI keeps comments in memory). A summary sheet gives the
 * figures; the template's hidden sheet is copied, so the corrected workbook can be uploaded again.
 */
public final class ErrorWorkbookWriter implements AutoCloseable {

  /** Rows whose offending cells also get a comment (the red fill and the Errors column always). */
  static final int MAX_COMMENTS = 2000;

  private final SXSSFWorkbook wb;
  private final Sheet sheet;
  private final TemplateSpec spec;
  private final Lang lang;
  private final Function<Object, String> texts;
  private final CellStyle red;
  private final CellStyle redDate;
  private final CellStyle redDateTime;
  private final CellStyle date;
  private final CellStyle dateTime;
  private final Drawing<?> drawing;
  private int next = 1;
  private int rows;

  /** What the summary sheet states. */
  public record Summary(String fileName, int read, int applied, int refused, int unchanged) {}

  /**
   * @param texts turns a {@link Msg} into text in {@code lang} (the service's message source)
   */
  public ErrorWorkbookWriter(TemplateSpec spec, Lang lang, Function<Object, String> texts) {
    this.spec = spec;
    this.lang = lang;
    this.texts = texts;
    this.wb = new SXSSFWorkbook(200);
    wb.setCompressTempFiles(true);
    this.sheet = wb.createSheet(lang == Lang.EN ? "Refused rows" : "错误行");
    TemplateWriter.Styles styles = new TemplateWriter.Styles(wb);
    TemplateWriter.writeHeader(sheet, spec, lang, styles);
    Cell errorsHeader = sheet.getRow(0).createCell(spec.columns().size());
    errorsHeader.setCellValue(errorsHeader(lang));
    errorsHeader.setCellStyle(styles.requiredHeader);
    sheet.setColumnWidth(spec.columns().size(), 80 * 256);
    red = wb.createCellStyle();
    red.setFillForegroundColor(IndexedColors.RED.getIndex());
    red.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    redDate = wb.createCellStyle();
    redDate.cloneStyleFrom(red);
    redDate.setDataFormat(styles.date.getDataFormat());
    redDateTime = wb.createCellStyle();
    redDateTime.cloneStyleFrom(red);
    redDateTime.setDataFormat(styles.dateTime.getDataFormat());
    date = styles.date;
    dateTime = styles.dateTime;
    drawing = sheet.createDrawingPatriarch();
  }

  /** The header of the errors column. */
  public static String errorsHeader(Lang lang) {
    return lang == Lang.EN ? "Errors" : "错误说明";
  }

  /** Adds a refused row, as uploaded, with its errors. */
  public void add(ImportRow row) {
    Row r = sheet.createRow(next++);
    rows++;
    List<String> explained = new ArrayList<>();
    List<Column> columns = spec.columns();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      Msg error = row.cellErrors().get(c.key());
      Object value = row.values().get(c.key());
      String text = row.texts().get(c.key());
      if (value == null && text == null && error == null) {
        continue;
      }
      Cell cell = r.createCell(i);
      if (value instanceof LocalDate d) {
        cell.setCellValue(d);
        cell.setCellStyle(date);
      } else if (value instanceof LocalDateTime t) {
        cell.setCellValue(t);
        cell.setCellStyle(dateTime);
      } else {
        cell.setCellValue(text != null ? text : value == null ? "" : display(c, value));
      }
      if (error != null) {
        String message = texts.apply(error);
        explained.add(c.header(lang) + (lang == Lang.EN ? ": " : "：") + message);
        cell.setCellStyle(value instanceof LocalDate ? redDate : value instanceof LocalDateTime ? redDateTime : red);
        if (rows <= MAX_COMMENTS) {
          ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
          anchor.setCol1(i);
          anchor.setCol2(i + 3);
          anchor.setRow1(r.getRowNum());
          anchor.setRow2(r.getRowNum() + 3);
          Comment comment = drawing.createCellComment(anchor);
          comment.setString(wb.getCreationHelper().createRichTextString(message));
          cell.setCellComment(comment);
        }
      }
    }
    row.cellErrors().forEach((key, error) -> {
      if (spec.column(key).isEmpty()) {
        explained.add(texts.apply(error));
      }
    });
    row.rowErrors().forEach(e -> explained.add(texts.apply(e)));
    String prefix = lang == Lang.EN ? "Row " + row.rowNumber() + ": " : "第 " + row.rowNumber() + " 行：";
    r.createCell(columns.size()).setCellValue(ExcelReader.shorten(prefix + String.join(lang == Lang.EN ? "; " : "；", explained),
        32_000));
  }

  private String display(Column c, Object value) {
    return switch (c.type()) {
      case BOOLEAN -> Boolean.TRUE.equals(value) ? TemplateWriter.yes(lang) : TemplateWriter.no(lang);
      case ENUM -> c.values().stream().filter(e -> e.code().equals(value)).findFirst().map(e -> e.label(lang))
          .orElse(String.valueOf(value));
      default -> String.valueOf(value);
    };
  }

  /** The rows added so far. */
  public int rows() {
    return rows;
  }

  /** Adds the summary and template sheets and returns the workbook's bytes. */
  public byte[] finish(Summary summary) {
    boolean en = lang == Lang.EN;
    Sheet s = wb.createSheet(en ? "Summary" : "汇总");
    Object[][] lines = {
        {en ? "File" : "文件", summary.fileName()},
        {en ? "Template" : "模板", spec.title(lang) + " (" + spec.family() + " v" + spec.version() + ")"},
        {en ? "Rows read" : "读取行数", summary.read()},
        {en ? "Applied" : "已写入", summary.applied()},
        {en ? "Refused" : "未通过（见错误行）", summary.refused()},
        {en ? "Unchanged" : "未变化（已记录过）", summary.unchanged()},
        {en ? "Policy" : "导入规则", en ? TemplateWriter.POLICY_EN : TemplateWriter.POLICY_ZH}};
    for (int i = 0; i < lines.length; i++) {
      Row r = s.createRow(i);
      r.createCell(0).setCellValue(String.valueOf(lines[i][0]));
      if (lines[i][1] instanceof Number n) {
        r.createCell(1).setCellValue(n.doubleValue());
      } else {
        r.createCell(1).setCellValue(String.valueOf(lines[i][1]));
      }
    }
    s.setColumnWidth(0, 24 * 256);
    s.setColumnWidth(1, 80 * 256);
    TemplateWriter.templateSheet(wb, spec);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      wb.close(); // also deletes the temporary files
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
