package org.gongyu.chassis.assessment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.chassis.excel.Lang;
import org.gongyu.contracts.assessment.AdjustedResult;
import org.gongyu.contracts.assessment.ItemResult;
import org.gongyu.contracts.assessment.Scoring;
import org.gongyu.contracts.assessment.ScoringItem;
import org.gongyu.contracts.assessment.ScoringRule;
import org.gongyu.contracts.assessment.ScoringScheme;
import org.gongyu.contracts.assessment.UnitResult;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A computed assessment as an {@code .xlsx}, headers in the request's language (Chinese first):
 * the ranking by the final total (rank, unit, final total, each item's points, the computed total,
 * the adjustments), the details (per unit and item: the periods,
 * the figure as a real number formatted for people — 54.4 %, 3.2 次/人 —, the points and the
 * explanation), the scheme itself (each item's indicator, weight and rule in words) and the manual
 * adjustments (加减分) with their reasons, withdrawn ones with why. Text that
 * could start a formula is prefixed with an apostrophe.
 */
public final class AssessmentWorkbook {

  /**
   * What the workbook shows of a run.
   *
   * @param unitNames the assessed units' names by id (an id without a name shows as the id)
   */
  public record Run(String schemeId, long version, String periodId, Instant computedAt, String computedBy,
      ScoringScheme scheme, List<UnitResult> results, Map<String, String> unitNames, List<AdjustmentResponse> adjustments) {

    public Run {
      adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    /** The units with the adjustments in force on top, ranked by the final total. */
    public List<AdjustedResult> adjusted() {
      Map<String, BigDecimal> sums = new HashMap<>();
      adjustments.stream().filter(AdjustmentResponse::inForce).forEach(a -> sums.merge(a.unitId(), a.points(), BigDecimal::add));
      return Scoring.adjust(results, sums);
    }

    public String unitName(String unitId) {
      return unitNames.getOrDefault(unitId, unitId);
    }
  }

  /** The media type of an {@code .xlsx}. */
  public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private AssessmentWorkbook() {}

  /**
   * The workbook of {@code run} as a download, in the language of {@code lang} (a query parameter,
   * for links) or else {@code acceptLanguage}, Chinese unless English is asked for.
   */
  public static ResponseEntity<byte[]> download(Run run, String lang, String acceptLanguage, ZoneId zone) {
    Lang l = Lang.of(lang != null && !lang.isBlank() ? lang : acceptLanguage);
    String name = (l == Lang.ZH ? run.scheme().titleZh() : run.scheme().titleEn()) + "-" + run.periodId() + "-"
        + (l == Lang.ZH ? "第" + run.version() + "版" : "v" + run.version()) + ".xlsx";
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.parseMediaType(XLSX))
        .body(write(run, l, zone));
  }

  /** What a download shows of a stored run, the version it used and the adjustments of that version and year. */
  public static Run of(StoredRun run, SchemeVersion v, List<AdjustmentResponse> adjustments) {
    return new Run(run.schemeId(), run.schemeVersion(), run.periodId(), run.computedAt(), run.computedBy(), v.scheme(),
        run.results(), run.unitNames(), adjustments);
  }

  public static byte[] write(Run run, Lang lang, ZoneId zone) {
    boolean zh = lang == Lang.ZH;
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      Styles st = new Styles(wb);
      ranking(wb.createSheet(zh ? "排名" : "Ranking"), run, zh, st);
      details(wb.createSheet(zh ? "考核明细" : "Details"), run, zh, st);
      scheme(wb.createSheet(zh ? "考核方案" : "Scheme"), run, zh, zone, st);
      adjustments(wb.createSheet(zh ? "加减分" : "Adjustments"), run, zh, zone, st);
      ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void ranking(Sheet s, Run run, boolean zh, Styles st) {
    List<ScoringItem> items = run.scheme().items();
    Row h = s.createRow(0);
    header(h, 0, zh ? "排名" : "Rank", st);
    header(h, 1, zh ? "单位" : "Unit", st);
    header(h, 2, zh ? "总分（满分 " + Scoring.points(run.scheme().totalPoints()) + "）"
        : "Total (of " + Scoring.points(run.scheme().totalPoints()) + ")", st);
    for (int i = 0; i < items.size(); i++) {
      ScoringItem it = items.get(i);
      header(h, 3 + i, (zh ? it.nameZh() : it.nameEn()) + " (" + Scoring.points(it.points()) + ")", st);
      s.setColumnWidth(3 + i, 16 * 256);
    }
    int extra = 3 + items.size();
    header(h, extra, zh ? "计算得分" : "Computed", st);
    header(h, extra + 1, zh ? "加减分" : "Adjustments", st);
    s.setColumnWidth(extra, 12 * 256);
    s.setColumnWidth(extra + 1, 12 * 256);
    s.setColumnWidth(1, 24 * 256);
    s.setColumnWidth(2, 16 * 256);
    int r = 1;
    for (AdjustedResult a : run.adjusted()) {
      UnitResult u = a.computed();
      Row row = s.createRow(r++);
      number(row, 0, BigDecimal.valueOf(a.rank()), st.integer);
      text(row, 1, run.unitName(u.unitId()));
      number(row, 2, a.total(), st.points);
      for (int i = 0; i < u.items().size(); i++) {
        number(row, 3 + i, u.items().get(i).points(), st.points);
      }
      number(row, extra, u.total(), st.points);
      number(row, extra + 1, a.adjustment(), st.points);
    }
    s.createFreezePane(2, 1);
  }

  private static void details(Sheet s, Run run, boolean zh, Styles st) {
    String[] headers = zh
        ? new String[] {"单位", "考核项编码", "考核项", "指标", "数据期间", "分子", "分母", "数据", "满分", "得分", "评分说明"}
        : new String[] {"Unit", "Item code", "Item", "Indicator", "Periods", "Numerator", "Denominator", "Figure", "Points of", "Points", "Explanation"};
    Row h = s.createRow(0);
    int[] widths = {24, 10, 20, 30, 26, 10, 10, 12, 8, 8, 70};
    for (int c = 0; c < headers.length; c++) {
      header(h, c, headers[c], st);
      s.setColumnWidth(c, widths[c] * 256);
    }
    int r = 1;
    for (AdjustedResult a : run.adjusted()) {
      UnitResult u = a.computed();
      for (int i = 0; i < u.items().size(); i++) {
        ScoringItem it = run.scheme().items().get(i);
        ItemResult ir = u.items().get(i);
        Row row = s.createRow(r++);
        text(row, 0, run.unitNames().getOrDefault(u.unitId(), u.unitId()));
        text(row, 1, it.code());
        text(row, 2, zh ? it.nameZh() : it.nameEn());
        text(row, 3, it.indicatorCode());
        text(row, 4, String.join(" + ", ir.periodIds()));
        if (ir.numerator() != null) {
          number(row, 5, BigDecimal.valueOf(ir.numerator()), st.integer);
          number(row, 6, BigDecimal.valueOf(ir.denominator()), st.integer);
        }
        if (ir.value() != null) {
          number(row, 7, ir.value(), st.figure(it.kind(), zh));
        } else {
          text(row, 7, zh ? "无数据" : "no figure");
        }
        number(row, 8, it.points(), st.points);
        number(row, 9, ir.points(), st.points);
        text(row, 10, zh ? ir.explanationZh() : ir.explanationEn());
      }
    }
    s.createFreezePane(1, 1);
  }

  private static void scheme(Sheet s, Run run, boolean zh, ZoneId zone, Styles st) {
    ScoringScheme sc = run.scheme();
    int r = 0;
    r = pair(s, r, zh ? "考核方案" : "Scheme", (zh ? sc.titleZh() : sc.titleEn()) + " (" + run.schemeId() + ")", st);
    r = pair(s, r, zh ? "版本" : "Version", (zh ? "第 " + run.version() + " 版" : "version " + run.version()), st);
    r = pair(s, r, zh ? "考核学年" : "School year", run.periodId(), st);
    r = pair(s, r, zh ? "计算时间" : "Computed at",
        run.computedAt().atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' ') + " (" + run.computedBy() + ")", st);
    r++;
    String[] headers = zh ? new String[] {"编码", "考核项", "指标", "分值", "评分规则"}
        : new String[] {"Code", "Item", "Indicator", "Points", "Rule"};
    Row h = s.createRow(r++);
    int[] widths = {14, 24, 30, 10, 70};
    for (int c = 0; c < headers.length; c++) {
      header(h, c, headers[c], st);
      s.setColumnWidth(c, widths[c] * 256);
    }
    for (ScoringItem it : sc.items()) {
      Row row = s.createRow(r++);
      text(row, 0, it.code());
      text(row, 1, zh ? it.nameZh() : it.nameEn());
      text(row, 2, it.indicatorCode());
      number(row, 3, it.points(), st.points);
      text(row, 4, ruleInWords(it, zh));
    }
  }

  private static void adjustments(Sheet s, Run run, boolean zh, ZoneId zone, Styles st) {
    String[] headers = zh
        ? new String[] {"单位", "加减分", "考核项", "理由", "登记人", "登记时间", "撤销人", "撤销时间", "撤销理由"}
        : new String[] {"Unit", "Points", "Item", "Reason", "Added by", "Added at", "Withdrawn by", "Withdrawn at", "Why withdrawn"};
    Row h = s.createRow(0);
    int[] widths = {24, 10, 12, 50, 16, 20, 16, 20, 40};
    for (int c = 0; c < headers.length; c++) {
      header(h, c, headers[c], st);
      s.setColumnWidth(c, widths[c] * 256);
    }
    int r = 1;
    for (AdjustmentResponse a : run.adjustments()) {
      Row row = s.createRow(r++);
      text(row, 0, run.unitName(a.unitId()));
      number(row, 1, a.points(), st.points);
      text(row, 2, a.itemCode());
      text(row, 3, a.reason());
      text(row, 4, a.addedBy());
      text(row, 5, at(a.addedAt(), zone));
      if (!a.inForce()) {
        text(row, 6, a.withdrawnBy());
        text(row, 7, at(a.withdrawnAt(), zone));
        text(row, 8, a.withdrawalReason());
      }
    }
    s.createFreezePane(1, 1);
  }

  /** A moment as the city's local date and time to the second, 2026-12-05 14:03:09. */
  static String at(Instant t, ZoneId zone) {
    return t.atZone(zone).toLocalDateTime().withNano(0).toString().replace('T', ' ');
  }

  /** An item's rule as a person reads it, e.g. 达到 60.0 % 得满分，40.0 % 及以下不得分，其间按比例得分. */
  public static String ruleInWords(ScoringItem it, boolean zh) {
    ScoringRule rule = it.rule();
    IndicatorKind k = it.kind();
    return switch (rule.type()) {
      case THRESHOLD -> zh ? "达到 " + Scoring.value(k, rule.target()) + " 得满分，否则不得分"
          : "full points at " + Scoring.valueEn(k, rule.target()) + " or above, none below";
      case LINEAR -> zh
          ? "达到 " + Scoring.value(k, rule.target()) + " 得满分，" + Scoring.value(k, rule.floor()) + " 及以下不得分，其间按比例得分"
          : "full points at " + Scoring.valueEn(k, rule.target()) + " or above, none at " + Scoring.valueEn(k, rule.floor())
              + " or below, in proportion between";
      case BANDS -> String.join(zh ? "；" : "; ", rule.bands().stream()
          .map(b -> "≥ " + (zh ? Scoring.value(k, b.atLeast()) + " 得 " + Scoring.points(b.points()) + " 分"
              : Scoring.valueEn(k, b.atLeast()) + ": " + Scoring.points(b.points()) + " points"))
          .toList()) + (zh ? "；低于最低档不得分" : "; none below the lowest band");
    };
  }

  private static int pair(Sheet s, int r, String label, String value, Styles st) {
    Row row = s.createRow(r);
    header(row, 0, label, st);
    text(row, 1, value);
    return r + 1;
  }

  private static void header(Row row, int c, String text, Styles st) {
    Cell cell = row.createCell(c);
    cell.setCellValue(text);
    cell.setCellStyle(st.header);
  }

  private static void text(Row row, int c, String text) {
    if (text == null) {
      return;
    }
    String t = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    row.createCell(c).setCellValue(t);
  }

  private static void number(Row row, int c, BigDecimal value, CellStyle style) {
    Cell cell = row.createCell(c);
    cell.setCellValue(value.doubleValue());
    cell.setCellStyle(style);
  }

  private static final class Styles {
    final CellStyle header;
    final CellStyle integer;
    final CellStyle points;
    private final Map<String, CellStyle> byFormat = new HashMap<>();
    private final Workbook wb;

    Styles(Workbook wb) {
      this.wb = wb;
      header = wb.createCellStyle();
      Font bold = wb.createFont();
      bold.setBold(true);
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setWrapText(true);
      integer = format("0");
      points = format("0.##");
    }

    CellStyle figure(IndicatorKind kind, boolean zh) {
      return switch (kind) {
        case RATIO, SCHOOL_THRESHOLD -> format("0.0%");
        case PER_CAPITA -> format(zh ? "0.0\" 次/人\"" : "0.0\" per person\"");
        default -> format("0.0");
      };
    }

    CellStyle format(String pattern) {
      return byFormat.computeIfAbsent(pattern, p -> {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(p));
        return style;
      });
    }
  }
}
