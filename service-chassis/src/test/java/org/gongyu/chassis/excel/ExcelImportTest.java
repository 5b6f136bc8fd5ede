package org.gongyu.chassis.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

/** The template writer, the streaming reader and its guards, and the error workbook, without Spring. */
class ExcelImportTest {

  static final TemplateSpec SPEC = new TemplateSpec("test-records", 3, "测试记录", "Test records", List.of(
      Column.of("externalId", "记录编号", "Record id", ColumnType.TEXT).mandatory().maxLength(20).example("EX-1"),
      Column.of("count", "人数", "Count", ColumnType.INTEGER).example(3),
      Column.of("day", "日期", "Date", ColumnType.DATE).mandatory().example(LocalDate.of(2026, 9, 1)),
      Column.of("at", "时间", "Time", ColumnType.DATETIME).example(LocalDateTime.of(2026, 9, 1, 8, 30)),
      Column.of("flag", "重点对象", "Priority", ColumnType.BOOLEAN).example(true),
      Column.ofEnum("mode", "方式", "Mode", List.of(new EnumValue("IN_HOME", "入户家访", "Home visit"),
          new EnumValue("PHONE", "电话", "Phone"))).mandatory().example("IN_HOME")));

  static final ExcelLimits LIMITS = new ExcelLimits(5L * 1024 * 1024, 1000, 32_767);

  @TempDir
  Path dir;

  @Test
  void templateHasHeadersDropDownsExampleInstructionsAndVersion() throws Exception {
    Path file = template(Lang.ZH);
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
      Sheet data = wb.getSheetAt(0);
      assertThat(data.getSheetName()).isEqualTo("数据");
      assertThat(data.getRow(0).getCell(0).getStringCellValue()).isEqualTo("记录编号");
      assertThat(data.getRow(1).getCell(0).getStringCellValue()).isEqualTo("EX-1");
      assertThat(data.getRow(1).getCell(0).getCellComment().getString().getString()).contains("示例行");
      assertThat(data.getDataValidations()).hasSize(2);
      assertThat(data.getDataValidations().stream().flatMap(v -> List.of(v.getValidationConstraint().getExplicitListValues()).stream()))
          .contains("入户家访", "电话", "是", "否");
      assertThat(data.getRow(1).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
      assertThat(wb.getSheetName(1)).isEqualTo("说明");
      StringBuilder instructions = new StringBuilder();
      wb.getSheetAt(1).forEach(r -> r.forEach(c -> instructions.append(c.toString()).append('|')));
      assertThat(instructions).contains("有效行写入", "记录编号", "入户家访、电话", "版本 3");
      assertThat(wb.getSheetVisibility(2)).isEqualTo(SheetVisibility.VERY_HIDDEN);
      assertThat(wb.getSheetAt(2).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(3.0);
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(template(Lang.EN)))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Record id");
    }
  }

  @Test
  void readsFilledTemplateConvertingLabelsDatesAndBooleansAndSkipsTheExampleRow() throws Exception {
    Path file = filled(Lang.ZH, wb -> {
      Sheet s = wb.getSheetAt(0);
      row(s, 2, "A-1", 12.0, LocalDate.of(2026, 10, 8), LocalDateTime.of(2026, 10, 8, 9, 15), "是", "电话");
      row(s, 3, "A-2", "7", "2026-10-09", "2026-10-09 10:00", "否", "IN_HOME");
      row(s, 4, "A-3", null, "2026/10/10", null, "yes", "Home visit");
      s.createRow(5); // a blank row
      row(s, 6, 12345.0, 1.5, "10/10/2026", "noon", "maybe", "letter");
    });
    List<ImportRow> rows = read(file);
    assertThat(rows).hasSize(4);
    assertThat(rows.get(0).rowNumber()).isEqualTo(3);
    assertThat(rows.get(0).values()).containsExactlyInAnyOrderEntriesOf(Map.of("externalId", "A-1", "count", 12L,
        "day", LocalDate.of(2026, 10, 8), "at", LocalDateTime.of(2026, 10, 8, 9, 15), "flag", true, "mode", "PHONE"));
    assertThat(rows.get(1).values()).containsEntry("count", 7L).containsEntry("day", LocalDate.of(2026, 10, 9))
        .containsEntry("at", LocalDateTime.of(2026, 10, 9, 10, 0)).containsEntry("flag", false).containsEntry("mode", "IN_HOME");
    assertThat(rows.get(2).values()).containsEntry("day", LocalDate.of(2026, 10, 10)).containsEntry("mode", "IN_HOME")
        .doesNotContainKey("count");
    ImportRow bad = rows.get(3);
    assertThat(bad.rowNumber()).isEqualTo(7);
    assertThat(bad.values()).containsEntry("externalId", "12345");
    assertThat(bad.cellErrors()).containsOnlyKeys("count", "day", "at", "flag", "mode");
    assertThat(bad.cellErrors().get("count").code()).isEqualTo("excel.cell.integer");
    assertThat(bad.cellErrors().get("day").code()).isEqualTo("excel.cell.date");
    assertThat(bad.cellErrors().get("mode").code()).isEqualTo("excel.cell.enum");
  }

  @Test
  void requiredBlankAndTooLongTextAreCellErrors() throws Exception {
    Path file = filled(Lang.EN, wb -> row(wb.getSheetAt(0), 2, "X".repeat(21), null, null, null, null, "Phone"));
    ImportRow row = read(file).getFirst();
    assertThat(row.cellErrors().get("externalId")).isEqualTo(Msg.msg("excel.cell.max-length", 20, 21));
    assertThat(row.cellErrors().get("day")).isEqualTo(Msg.msg("excel.cell.required"));
  }

  @Test
  void formulaCellsAreRefusedPerCell() throws Exception {
    Path file = filled(Lang.ZH, wb -> {
      row(wb.getSheetAt(0), 2, "F-1", null, LocalDate.of(2026, 10, 8), null, null, "电话");
      wb.getSheetAt(0).getRow(2).getCell(1, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellFormula("1+1");
    });
    ImportRow row = read(file).getFirst();
    assertThat(row.cellErrors()).containsOnlyKeys("count");
    assertThat(row.cellErrors().get("count").code()).isEqualTo("excel.cell.formula");
  }

  @Test
  void aOneMegabyteCellIsARowErrorWithoutHoldingIt() throws Exception {
    // POI itself refuses to write more than 32,767 characters: the sheet is written as XML
    Path file = replaceEntry(template(Lang.ZH), "xl/worksheets/sheet1.xml", out -> {
      write(out, SHEET_START + "<row r=\"3\">" + inline("A3", "L-1") + inline("C3", "2026-10-08") + inline("F3", "电话")
          + "<c r=\"G3\" t=\"inlineStr\"><is><t>");
      java.util.Random random = new java.util.Random(14); // random letters: 1 MB that does not look like a zip bomb
      byte[] chunk = new byte[1024];
      for (int i = 0; i < 1024; i++) {
        for (int j = 0; j < chunk.length; j++) {
          chunk[j] = (byte) ('a' + random.nextInt(26));
        }
        write(out, chunk);
      }
      write(out, "</t></is></c></row>" + SHEET_END);
    });
    List<ImportRow> rows = new ArrayList<>();
    ExcelReader.read(file, withNote(SPEC), LIMITS, rows::add);
    assertThat(rows).hasSize(1);
    assertThat(rows.getFirst().cellErrors()).containsOnlyKeys("note");
    assertThat(rows.getFirst().cellErrors().get("note")).isEqualTo(Msg.msg("excel.cell.too-long", 32_767));
    assertThat(rows.getFirst().texts().get("note")).hasSizeLessThan(10);
  }

  @Test
  void controlCharactersAreARowError() throws Exception {
    // Excel writes a control character as _x0001_ (XML cannot carry it)
    Path file = replaceEntry(template(Lang.ZH), "xl/worksheets/sheet1.xml", out -> write(out, SHEET_START + "<row r=\"3\">"
        + inline("A3", "C-_x0001_-1") + inline("C3", "2026-10-08") + inline("F3", "电话") + "</row>" + SHEET_END));
    ImportRow row = read(file).getFirst();
    assertThat(row.readable()).isFalse();
    assertThat(row.cellErrors().get("externalId")).isEqualTo(Msg.msg("excel.cell.control"));
  }

  static final String SHEET_START = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
      + "<c r=\"A1\" t=\"inlineStr\"><is><t>记录编号</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>日期</t></is></c>"
      + "<c r=\"F1\" t=\"inlineStr\"><is><t>方式</t></is></c><c r=\"G1\" t=\"inlineStr\"><is><t>备注</t></is></c></row>";
  static final String SHEET_END = "</sheetData></worksheet>";

  static String inline(String ref, String text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
  }

  @Test
  void wrongTemplateVersionOrFamilyIsRefused() throws Exception {
    TemplateSpec old = new TemplateSpec(SPEC.family(), 2, SPEC.titleZh(), SPEC.titleEn(), SPEC.columns());
    Path file = dir.resolve("old.xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      TemplateWriter.write(old, Lang.ZH, LIMITS, out);
    }
    assertProblem(file, HttpStatus.UNPROCESSABLE_CONTENT, "excel.file.wrong-version");
    TemplateSpec other = new TemplateSpec("other-records", 3, "其他", "Other", SPEC.columns());
    Path otherFile = dir.resolve("other.xlsx");
    try (OutputStream out = Files.newOutputStream(otherFile)) {
      TemplateWriter.write(other, Lang.ZH, LIMITS, out);
    }
    assertProblem(otherFile, HttpStatus.UNPROCESSABLE_CONTENT, "excel.file.wrong-family");
    Path plain = dir.resolve("plain.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(plain)) {
      wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("记录编号");
      wb.write(out);
    }
    assertProblem(plain, HttpStatus.UNPROCESSABLE_CONTENT, "excel.file.not-template");
  }

  @Test
  void aCsvRenamedXlsxAndAnOldXlsAreNotWorkbooks() throws Exception {
    Path csv = dir.resolve("data.xlsx");
    Files.writeString(csv, "记录编号,日期\nA-1,2026-10-08\n");
    assertProblem(csv, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "excel.file.not-xlsx");
    Path xls = dir.resolve("old.xlsx");
    try (org.apache.poi.hssf.usermodel.HSSFWorkbook wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
        OutputStream out = Files.newOutputStream(xls)) {
      wb.createSheet("a");
      wb.write(out);
    }
    assertProblem(xls, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "excel.file.xls");
  }

  @Test
  void anEncryptedWorkbookIsRefusedAsPasswordProtected() throws Exception {
    Path plain = template(Lang.ZH);
    Path encrypted = dir.resolve("encrypted.xlsx");
    encrypt(plain, encrypted);
    ApiProblem p = assertProblem(encrypted, HttpStatus.UNPROCESSABLE_CONTENT, "excel.file.encrypted");
    assertThat(p.getBody().getDetail()).contains("workbook is password-protected");
  }

  @Test
  void aZipBombIsRefusedQuicklyWithBoundedMemory() throws Exception {
    Path file = replaceEntry(template(Lang.ZH), "xl/sharedStrings.xml", out -> {
      byte[] chunk = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      write(out, "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>");
      for (int i = 0; i < 200; i++) {
        write(out, chunk);
      }
      write(out, "</t></si></sst>");
    });
    assertThat(Files.size(file)).isLessThan(LIMITS.maxBytes());
    long start = System.nanoTime();
    assertProblem(file, HttpStatus.UNPROCESSABLE_CONTENT, "excel.file.zip-bomb");
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
  }

  @Test
  void anExternalEntityIsNeverResolved() throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-VALUE");
    Path file = replaceEntry(filled(Lang.ZH, wb -> row(wb.getSheetAt(0), 2, "A-1", null, LocalDate.of(2026, 10, 8), null, null,
        "电话")), "xl/worksheets/sheet1.xml", out -> write(out, """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "%s">]>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="inlineStr"><is><t>记录编号</t></is></c><c r="C1" t="inlineStr"><is><t>日期</t></is></c>
        <c r="F1" t="inlineStr"><is><t>方式</t></is></c></row>
        <row r="3"><c r="A3" t="inlineStr"><is><t>&xxe;</t></is></c><c r="C3" t="inlineStr"><is><t>2026-10-08</t></is></c>
        <c r="F3" t="inlineStr"><is><t>电话</t></is></c></row>
        </sheetData></worksheet>""".formatted(secret.toUri())));
    List<ImportRow> rows = new ArrayList<>();
    ApiProblem p = assertProblem(file, HttpStatus.UNPROCESSABLE_CONTENT, null);
    assertThat(String.valueOf(p.getBody().getDetail())).doesNotContain("TOP-SECRET");
    assertThat(rows).isEmpty();
  }

  @Test
  void overTheRowOrSizeLimitIsRefusedUpFront() throws Exception {
    Path file = filled(Lang.ZH, wb -> {
      for (int i = 0; i < 12; i++) {
        row(wb.getSheetAt(0), 2 + i, "R-" + i, null, LocalDate.of(2026, 10, 8), null, null, "电话");
      }
    });
    assertThat(ExcelReader.inspect(file, SPEC, LIMITS).rows()).isEqualTo(12);
    ApiProblem rowsProblem = catchProblem(() -> ExcelReader.inspect(file, SPEC, new ExcelLimits(LIMITS.maxBytes(), 10, 100)));
    assertThat(rowsProblem.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
    assertThat(rowsProblem.getDetailMessageCode()).isEqualTo("excel.file.too-many-rows");
    ApiProblem size = catchProblem(() -> ExcelReader.inspect(file, SPEC, new ExcelLimits(1000, 10, 100)));
    assertThat(size.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
  }

  @Test
  void errorWorkbookHasRefusedRowsRedCellsCommentsErrorsColumnAndSummary() throws Exception {
    Path file = filled(Lang.ZH, wb -> {
      row(wb.getSheetAt(0), 2, "E-1", "x", LocalDate.of(2026, 10, 8), null, "是", "电话");
      row(wb.getSheetAt(0), 3, "E-2", 4.0, LocalDate.of(2026, 10, 9), null, null, "入户家访");
    });
    List<ImportRow> rows = read(file);
    ImportRow ruled = rows.get(1).refused(Map.of("day", Msg.verbatim("class 1A belongs to another year")), List.of());
    byte[] bytes;
    try (ErrorWorkbookWriter w = new ErrorWorkbookWriter(SPEC, Lang.ZH, m -> m instanceof Msg msg && msg.code() != null
        ? msg.code() : String.valueOf(((Msg) m).args()[0]))) {
      w.add(rows.get(0));
      w.add(ruled);
      bytes = w.finish(new ErrorWorkbookWriter.Summary("上报.xlsx", 2, 0, 2, 0));
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
      Sheet s = wb.getSheetAt(0);
      assertThat(s.getRow(0).getCell(6).getStringCellValue()).isEqualTo("错误说明");
      Cell count = s.getRow(1).getCell(1);
      assertThat(count.getStringCellValue()).isEqualTo("x");
      assertThat(count.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
      assertThat(count.getCellStyle().getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
      assertThat(count.getCellComment().getString().getString()).isEqualTo("excel.cell.integer");
      assertThat(s.getRow(1).getCell(0).getCellStyle().getFillPattern()).isEqualTo(FillPatternType.NO_FILL);
      assertThat(s.getRow(1).getCell(6).getStringCellValue()).isEqualTo("第 3 行：人数：excel.cell.integer");
      Cell day = s.getRow(2).getCell(2);
      assertThat(day.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(day.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 9));
      assertThat(day.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
      assertThat(s.getRow(2).getCell(6).getStringCellValue()).contains("第 4 行", "日期：class 1A belongs to another year");
      assertThat(s.getRow(2).getCell(5).getStringCellValue()).isEqualTo("入户家访");
      Sheet summary = wb.getSheet("汇总");
      assertThat(summary.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(2.0);
      assertThat(summary.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(2.0);
    }
    // corrected, the error workbook is a template again: it reads (its Errors column is ignored)
    Path again = dir.resolve("again.xlsx");
    Files.write(again, bytes);
    assertThat(read(again)).extracting(r -> r.values().get("externalId")).containsExactly("E-1", "E-2");
  }

  // ---------------------------------------------------------------------------------------------

  private static TemplateSpec withNote(TemplateSpec spec) {
    List<Column> columns = new ArrayList<>(spec.columns());
    columns.add(Column.of("note", "备注", "Note", ColumnType.TEXT));
    return new TemplateSpec(spec.family(), spec.version(), spec.titleZh(), spec.titleEn(), columns);
  }

  private List<ImportRow> read(Path file) {
    List<ImportRow> rows = new ArrayList<>();
    ExcelReader.read(file, SPEC, LIMITS, rows::add);
    return rows;
  }

  private ApiProblem assertProblem(Path file, HttpStatus status, String code) {
    ApiProblem p = catchProblem(() -> ExcelReader.read(file, SPEC, LIMITS, r -> {}));
    assertThat(p.getStatusCode()).isEqualTo(status);
    if (code != null) {
      assertThat(p.getDetailMessageCode()).isEqualTo(code);
    }
    ApiProblem q = catchProblem(() -> ExcelReader.inspect(file, SPEC, LIMITS));
    assertThat(q.getStatusCode()).isEqualTo(status);
    return p;
  }

  private static ApiProblem catchProblem(Runnable r) {
    Throwable[] t = {null};
    assertThatThrownBy(() -> {
      try {
        r.run();
      } catch (Throwable e) {
        t[0] = e;
        throw e;
      }
    }).isInstanceOf(ApiProblem.class);
    return (ApiProblem) t[0];
  }

  private Path template(Lang lang) throws IOException {
    Path file = dir.resolve("template-" + lang + ".xlsx");
    try (OutputStream out = Files.newOutputStream(file)) {
      TemplateWriter.write(SPEC, lang, LIMITS, out);
    }
    return file;
  }

  private Path filled(Lang lang, Consumer<XSSFWorkbook> fill) throws IOException {
    Path file = dir.resolve("filled-" + System.nanoTime() + ".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(template(lang))); OutputStream out = Files.newOutputStream(file)) {
      fill.accept(wb);
      wb.write(out);
    }
    return file;
  }

  static void row(Sheet s, int index, Object... values) {
    Row r = s.getRow(index) != null ? s.getRow(index) : s.createRow(index);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) {
        continue;
      }
      Cell c = r.createCell(i);
      switch (v) {
        case String str -> c.setCellValue(str);
        case Double d -> c.setCellValue(d);
        case LocalDate d -> c.setCellValue(d);
        case LocalDateTime t -> c.setCellValue(t);
        default -> c.setCellValue(String.valueOf(v));
      }
    }
  }

  private static void encrypt(Path plain, Path encrypted) throws Exception {
    try (POIFSFileSystem fs = new POIFSFileSystem()) {
      EncryptionInfo info = new EncryptionInfo(EncryptionMode.standard);
      Encryptor enc = info.getEncryptor();
      enc.confirmPassword("secret");
      try (OPCPackage opc = OPCPackage.open(plain.toFile(), PackageAccess.READ_WRITE); OutputStream os = enc.getDataStream(fs)) {
        opc.save(os);
      }
      try (OutputStream out = Files.newOutputStream(encrypted)) {
        fs.writeFilesystem(out);
      }
    }
  }

  interface Body {
    void write(OutputStream out) throws IOException;
  }

  private Path replaceEntry(Path source, String name, Body body) throws IOException {
    Path target = dir.resolve("replaced-" + System.nanoTime() + ".xlsx");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
      boolean replaced = false;
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.putNextEntry(new ZipEntry(e.getName()));
        if (e.getName().equals(name)) {
          body.write(out);
          replaced = true;
        } else {
          in.transferTo(out);
        }
        out.closeEntry();
      }
      if (!replaced) {
        out.putNextEntry(new ZipEntry(name));
        body.write(out);
        out.closeEntry();
      }
    }
    return target;
  }

  private static void write(OutputStream out, String s) throws IOException {
    out.write(s.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(OutputStream out, byte[] b) throws IOException {
    out.write(b);
  }

  static byte[] bytes(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    in.transferTo(b);
    return b.toByteArray();
  }
}
