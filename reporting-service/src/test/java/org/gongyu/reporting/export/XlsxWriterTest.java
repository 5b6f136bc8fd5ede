package org.gongyu.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxWriterTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static Sheet sample() {
    return new Sheet("指标概览")
        .column("单位", Sheet.Type.TEXT, 16)
        .column("值", Sheet.Type.FIGURE, 12)
        .column("人均", Sheet.Type.FIGURE, 12)
        .column("分子", Sheet.Type.INTEGER, 10)
        .column("完整率", Sheet.Type.PERCENT, 10)
        .column("更新时间", Sheet.Type.DATETIME, 17)
        .column("适用", Sheet.Type.TEXT, 6)
        .freezeColumns(1)
        .row("=HYPERLINK(\"http://x\")", Sheet.Figure.of("RATIO", new BigDecimal("0.5440")),
            Sheet.Figure.of("PER_CAPITA", new BigDecimal("3.2")), 272L, new BigDecimal("0.6667"),
            Instant.parse("2026-11-30T16:00:00Z"), true)
        .row("湖滨一小", Sheet.WITHHELD, null, Sheet.WITHHELD, null, null, false);
  }

  private static XSSFSheet read(Lang lang, Sheet... sheets) throws Exception {
    byte[] xlsx = new XlsxWriter(lang, SHANGHAI).write(List.of(sheets));
    return new XSSFWorkbook(new ByteArrayInputStream(xlsx)).getSheetAt(0);
  }

  @Test
  void numbersAreNumericCellsInTheirKindsFormat() throws Exception {
    XSSFSheet sheet = read(Lang.ZH, sample());
    Row row = sheet.getRow(1);

    assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
    assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(0.544);
    assertThat(row.getCell(1).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    assertThat(row.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("0.0\" 次/人\"");
    assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(272);
    assertThat(row.getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0");
    assertThat(row.getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
    assertThat(row.getCell(5).getLocalDateTimeCellValue()).as("local time of the city")
        .isEqualTo(LocalDateTime.of(2026, 12, 1, 0, 0));
    assertThat(row.getCell(6).getStringCellValue()).isEqualTo("是");
  }

  @Test
  void perCapitaUnitsFollowTheLanguage() throws Exception {
    assertThat(read(Lang.EN, sample()).getRow(1).getCell(2).getCellStyle().getDataFormatString())
        .isEqualTo("0.0\" per person\"");
    assertThat(read(Lang.EN, sample()).getRow(1).getCell(6).getStringCellValue()).isEqualTo("Yes");
  }

  @Test
  void withheldCellsAreTextAndFormulaTextIsNeutralised() throws Exception {
    XSSFSheet sheet = read(Lang.ZH, sample());

    assertThat(sheet.getRow(2).getCell(1).getCellType()).isEqualTo(CellType.STRING);
    assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("<5");
    assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("<5");
    assertThat(sheet.getRow(2).getCell(2)).as("nothing to show: a blank cell").isNull();
    assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.STRING);
    assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
  }

  @Test
  void theHeaderRowIsFrozenFilteredAndSized() throws Exception {
    XSSFSheet sheet = read(Lang.ZH, sample());

    assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
    assertThat((int) sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo(1);
    assertThat((int) sheet.getPaneInformation().getVerticalSplitPosition()).isEqualTo(1);
    assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("单位");
    assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFont().getBold()).isTrue();
    assertThat(sheet.getColumnWidth(0)).isEqualTo(16 * 256);
    assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
    assertThat(sheet.getSheetName()).isEqualTo("指标概览");
  }

  @Test
  void aLongSheetStreamsWithoutHoldingEveryRow() throws Exception {
    Sheet big = new Sheet("big").column("id", Sheet.Type.TEXT, 10).column("v", Sheet.Type.FIGURE, 10);
    for (int i = 0; i < 20_000; i++) {
      big.row("S" + i, Sheet.Figure.of("RATIO", BigDecimal.valueOf(i % 100, 2)));
    }
    new XlsxWriter(Lang.ZH, SHANGHAI).write(List.of(big)); // warm
    long start = System.nanoTime();
    byte[] xlsx = new XlsxWriter(Lang.ZH, SHANGHAI).write(List.of(big));
    long millis = (System.nanoTime() - start) / 1_000_000;
    XSSFSheet sheet = new XSSFWorkbook(new ByteArrayInputStream(xlsx)).getSheetAt(0);

    assertThat(sheet.getLastRowNum()).isEqualTo(20_000);
    assertThat(sheet.getRow(20_000).getCell(0).getStringCellValue()).isEqualTo("S19999");
    System.out.println("20000 rows × 2 columns written in " + millis + " ms (" + xlsx.length + " bytes)");
  }
}
