package org.gongyu.chassis.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the {@code .xlsx} template of a {@link TemplateSpec} (plain XSSF: a template is small).
 *
 * <p>Layout (the reader relies on it, ADR 0017):
 * <ol>
 *   <li>the first sheet holds the data: headers in row 1 (required ones in red bold), the example
 *       row in row 2 (grey italic, with a comment); drop-downs for enumerations and yes/no, text
 *       format for text columns (so that ids such as {@code 007} keep their zeros), yyyy-MM-dd for
 *       dates;
 *   <li>the instructions sheet (说明) lists every column, its rules, and the import policy;
 *   <li>a very hidden sheet {@value #TEMPLATE_SHEET} holds the family and the template version the
 *       reader checks (a hidden sheet survives Excel, WPS and LibreOffice alike).
 * </ol>
 */
public final class TemplateWriter {

  /** The very hidden sheet with the family (B1) and the template version (B2). */
  public static final String TEMPLATE_SHEET = "_template";

  /** The import policy, as the instructions sheet states it. */
  public static final String POLICY_ZH = "导入规则：有效行写入，有错误的行不写入，并在“错误工作簿”中退回（含“错误说明”列，出错单元格标红并附批注），"
      + "改正后可直接重新上传该工作簿。同一文件重复上传不会重复记录（第二次全部计为“未变化”）。"
      + "与示例完全相同的第 2 行（示例行）在导入时跳过。不接受公式，请粘贴为数值；不接受加密的工作簿。";
  public static final String POLICY_EN = "Import policy: valid rows are recorded; rows with errors are not, and come back in an"
      + " error workbook (with an Errors column, the offending cells in red with a comment) that can be corrected and uploaded"
      + " again. Uploading the same file twice records nothing twice (the second run counts every row as unchanged)."
      + " Row 2 is skipped when it is still the example row. Formulas are not accepted (paste values); password-protected"
      + " workbooks are not accepted.";

  private TemplateWriter() {}

  /** The data sheet's name. */
  public static String dataSheetName(Lang lang) {
    return lang == Lang.EN ? "Data" : "数据";
  }

  /** Writes the template in {@code lang} to {@code out}. */
  public static void write(TemplateSpec spec, Lang lang, ExcelLimits limits, OutputStream out) {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Sheet data = wb.createSheet(dataSheetName(lang));
      Styles styles = new Styles(wb);
      writeHeader(data, spec, lang, styles);
      writeExample(wb, data, spec, lang, styles);
      validations(data, spec, lang, limits.maxRows() + 2);
      data.createFreezePane(0, 1);
      instructions(wb.createSheet(lang == Lang.EN ? "Instructions" : "说明"), spec, lang, limits, styles);
      templateSheet(wb, spec);
      wb.setActiveSheet(0);
      wb.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds the very hidden {@value #TEMPLATE_SHEET} sheet naming the family and version. */
  static void templateSheet(Workbook wb, TemplateSpec spec) {
    Sheet t = wb.createSheet(TEMPLATE_SHEET);
    Row r1 = t.createRow(0);
    r1.createCell(0).setCellValue("family");
    r1.createCell(1).setCellValue(spec.family());
    Row r2 = t.createRow(1);
    r2.createCell(0).setCellValue("version");
    r2.createCell(1).setCellValue(spec.version());
    wb.setSheetVisibility(wb.getSheetIndex(t), SheetVisibility.VERY_HIDDEN);
  }

  static void writeHeader(Sheet sheet, TemplateSpec spec, Lang lang, Styles styles) {
    Row header = sheet.createRow(0);
    List<Column> columns = spec.columns();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      Cell cell = header.createCell(i);
      cell.setCellValue(c.header(lang));
      cell.setCellStyle(c.required() ? styles.requiredHeader : styles.header);
      sheet.setColumnWidth(i, Math.min(60, Math.max(14, c.header(lang).length() * (lang == Lang.EN ? 1 : 2) + 4)) * 256);
      CellStyle columnStyle = styles.forType(c.type());
      if (columnStyle != null) {
        sheet.setDefaultColumnStyle(i, columnStyle);
      }
    }
  }

  private static void writeExample(Workbook wb, Sheet sheet, TemplateSpec spec, Lang lang, Styles styles) {
    Row row = sheet.createRow(1);
    List<Column> columns = spec.columns();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      Cell cell = row.createCell(i);
      cell.setCellStyle(styles.example(c.type()));
      Object v = c.example();
      if (v == null) {
        continue;
      }
      switch (c.type()) {
        case DATE -> cell.setCellValue((LocalDate) v);
        case DATETIME -> cell.setCellValue((LocalDateTime) v);
        case INTEGER -> cell.setCellValue(((Number) v).doubleValue());
        case BOOLEAN -> cell.setCellValue(Boolean.TRUE.equals(v) ? yes(lang) : no(lang));
        case ENUM -> cell.setCellValue(c.values().stream().filter(e -> e.code().equals(v)).findFirst()
            .map(e -> e.label(lang)).orElse(String.valueOf(v)));
        case TEXT -> cell.setCellValue(String.valueOf(v));
      }
    }
    Drawing<?> drawing = sheet.createDrawingPatriarch();
    ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
    anchor.setCol1(0);
    anchor.setCol2(4);
    anchor.setRow1(1);
    anchor.setRow2(4);
    Comment comment = drawing.createCellComment(anchor);
    comment.setString(wb.getCreationHelper().createRichTextString(lang == Lang.EN
        ? "Example row: skipped on import while it is unchanged. Overwrite or delete it."
        : "示例行：保持不变时导入会跳过；可覆盖或删除。"));
    row.getCell(0).setCellComment(comment);
  }

  static String yes(Lang lang) {
    return lang == Lang.EN ? "Yes" : "是";
  }

  static String no(Lang lang) {
    return lang == Lang.EN ? "No" : "否";
  }

  private static void validations(Sheet sheet, TemplateSpec spec, Lang lang, int lastRow) {
    DataValidationHelper helper = sheet.getDataValidationHelper();
    List<Column> columns = spec.columns();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      DataValidationConstraint constraint = switch (c.type()) {
        case ENUM -> helper.createExplicitListConstraint(c.values().stream().map(e -> e.label(lang)).toArray(String[]::new));
        case BOOLEAN -> helper.createExplicitListConstraint(new String[] {yes(lang), no(lang)});
        default -> null;
      };
      if (constraint == null) {
        continue;
      }
      DataValidation v = helper.createValidation(constraint, new CellRangeAddressList(1, Math.min(lastRow,
          SpreadsheetVersion.EXCEL2007.getLastRowIndex()), i, i));
      v.setShowErrorBox(true);
      v.setSuppressDropDownArrow(true);
      v.createErrorBox(lang == Lang.EN ? "Not a value of the list" : "不是可选值",
          lang == Lang.EN ? "Pick a value from the drop-down list." : "请从下拉列表中选择。");
      sheet.addValidationData(v);
    }
  }

  private static void instructions(Sheet sheet, TemplateSpec spec, Lang lang, ExcelLimits limits, Styles styles) {
    boolean en = lang == Lang.EN;
    int r = 0;
    Row title = sheet.createRow(r++);
    title.createCell(0).setCellValue(spec.title(lang));
    title.getCell(0).setCellStyle(styles.header);
    sheet.createRow(r++).createCell(0).setCellValue((en ? "Template: " : "模板：") + spec.family() + (en ? ", version " : "，版本 ")
        + spec.version());
    sheet.createRow(r++).createCell(0).setCellValue(en ? POLICY_EN : POLICY_ZH);
    sheet.createRow(r++).createCell(0).setCellValue(en
        ? "Limits: at most " + limits.maxRows() + " rows and " + limits.maxBytes() / (1024 * 1024) + " MB a file, "
            + limits.maxCellChars() + " characters a cell; control characters are refused."
        : "限制：每个文件最多 " + limits.maxRows() + " 行、" + limits.maxBytes() / (1024 * 1024) + " MB，每个单元格最多 "
            + limits.maxCellChars() + " 个字符；不接受控制字符。");
    sheet.createRow(r++).createCell(0).setCellValue(en
        ? "Headers in red are required. Dates as yyyy-MM-dd (or Excel dates); yes/no as Yes/No."
        : "红色列标题为必填项。日期格式为 yyyy-MM-dd（或 Excel 日期）；是否类填“是/否”。");
    r++;
    Row head = sheet.createRow(r++);
    String[] heads = en
        ? new String[] {"Column", "Field", "Required", "Type", "Allowed values", "Example", "Rules"}
        : new String[] {"列名", "字段", "必填", "类型", "可选值", "示例", "规则说明"};
    for (int i = 0; i < heads.length; i++) {
      head.createCell(i).setCellValue(heads[i]);
      head.getCell(i).setCellStyle(styles.header);
    }
    for (Column c : spec.columns()) {
      Row row = sheet.createRow(r++);
      row.createCell(0).setCellValue(c.header(lang));
      row.createCell(1).setCellValue(c.key());
      row.createCell(2).setCellValue(c.required() ? yes(lang) : no(lang));
      row.createCell(3).setCellValue(typeName(c.type(), lang) + (c.maxLength() > 0
          ? (en ? ", at most " + c.maxLength() + " characters" : "，最多 " + c.maxLength() + " 个字符") : ""));
      row.createCell(4).setCellValue(switch (c.type()) {
        case ENUM -> String.join(en ? ", " : "、", c.values().stream().map(e -> e.label(lang)).toList());
        case BOOLEAN -> yes(lang) + " / " + no(lang);
        default -> "";
      });
      row.createCell(5).setCellValue(c.example() == null ? "" : exampleText(c, lang));
      row.createCell(6).setCellValue(c.note(lang));
    }
    int[] widths = {22, 16, 8, 24, 30, 22, 60};
    for (int i = 0; i < widths.length; i++) {
      sheet.setColumnWidth(i, widths[i] * 256);
    }
  }

  private static String exampleText(Column c, Lang lang) {
    Object v = c.example();
    return switch (c.type()) {
      case BOOLEAN -> Boolean.TRUE.equals(v) ? yes(lang) : no(lang);
      case ENUM -> c.values().stream().filter(e -> e.code().equals(v)).findFirst().map(e -> e.label(lang)).orElse(String.valueOf(v));
      case DATETIME -> v.toString().replace('T', ' ');
      default -> String.valueOf(v);
    };
  }

  static String typeName(ColumnType type, Lang lang) {
    boolean en = lang == Lang.EN;
    return switch (type) {
      case TEXT -> en ? "text" : "文本";
      case INTEGER -> en ? "whole number" : "整数";
      case DATE -> en ? "date (yyyy-MM-dd)" : "日期（yyyy-MM-dd）";
      case DATETIME -> en ? "date and time (yyyy-MM-dd HH:mm, city time)" : "日期时间（yyyy-MM-dd HH:mm，本市时间）";
      case BOOLEAN -> en ? "yes/no" : "是/否";
      case ENUM -> en ? "one of the list" : "下拉选择";
    };
  }

  /** The cell styles a template and an error workbook share. */
  static final class Styles {
    final CellStyle header;
    final CellStyle requiredHeader;
    final CellStyle text;
    final CellStyle date;
    final CellStyle dateTime;
    final CellStyle exampleText;
    final CellStyle exampleDate;
    final CellStyle exampleDateTime;

    Styles(Workbook wb) {
      Font bold = wb.createFont();
      bold.setBold(true);
      Font red = wb.createFont();
      red.setBold(true);
      red.setColor(IndexedColors.RED.getIndex());
      Font grey = wb.createFont();
      grey.setItalic(true);
      grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      requiredHeader = wb.createCellStyle();
      requiredHeader.cloneStyleFrom(header);
      requiredHeader.setFont(red);
      short textFormat = wb.createDataFormat().getFormat("@");
      short dateFormat = wb.createDataFormat().getFormat("yyyy-mm-dd");
      short dateTimeFormat = wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm");
      text = wb.createCellStyle();
      text.setDataFormat(textFormat);
      date = wb.createCellStyle();
      date.setDataFormat(dateFormat);
      dateTime = wb.createCellStyle();
      dateTime.setDataFormat(dateTimeFormat);
      exampleText = wb.createCellStyle();
      exampleText.setDataFormat(textFormat);
      exampleText.setFont(grey);
      exampleDate = wb.createCellStyle();
      exampleDate.setDataFormat(dateFormat);
      exampleDate.setFont(grey);
      exampleDateTime = wb.createCellStyle();
      exampleDateTime.setDataFormat(dateTimeFormat);
      exampleDateTime.setFont(grey);
    }

    CellStyle forType(ColumnType type) {
      return switch (type) {
        case TEXT, ENUM, BOOLEAN -> text;
        case DATE -> date;
        case DATETIME -> dateTime;
        case INTEGER -> null;
      };
    }

    CellStyle example(ColumnType type) {
      return switch (type) {
        case DATE -> exampleDate;
        case DATETIME -> exampleDateTime;
        default -> exampleText;
      };
    }
  }
}
