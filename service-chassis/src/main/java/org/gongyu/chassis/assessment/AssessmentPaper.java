package org.gongyu.chassis.assessment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gongyu.chassis.excel.Lang;
import org.gongyu.chassis.pdf.XhtmlPdf;
import org.gongyu.contracts.assessment.AdjustedResult;
import org.gongyu.contracts.assessment.ItemResult;
import org.gongyu.contracts.assessment.Scoring;
import org.gongyu.contracts.assessment.ScoringItem;
import org.gongyu.contracts.assessment.UnitResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A computed assessment as a printable PDF (A4 landscape, Chinese first, English on request), what
 * the {@code .xlsx} holds laid out to be read and signed: the ranking by the final total (computed
 * points, adjustments, final total), per unit each item's figure, points and explanation with the
 * unit's adjustments (加减分) and their reasons, and the scheme with every rule in words. A withdrawn
 * adjustment is shown as withdrawn, with why, and does not count.
 */
public final class AssessmentPaper {

  private AssessmentPaper() {}

  /** The PDF of {@code run} as a download, in the language of {@code lang} or else {@code acceptLanguage}. */
  public static ResponseEntity<byte[]> download(AssessmentWorkbook.Run run, String lang, String acceptLanguage, ZoneId zone,
      XhtmlPdf pdf) {
    Lang l = Lang.of(lang != null && !lang.isBlank() ? lang : acceptLanguage);
    String name = (l == Lang.ZH ? run.scheme().titleZh() : run.scheme().titleEn()) + "-" + run.periodId() + "-"
        + (l == Lang.ZH ? "第" + run.version() + "版" : "v" + run.version()) + ".pdf";
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .contentType(MediaType.APPLICATION_PDF)
        .body(pdf.render(xhtml(run, l, zone)));
  }

  /** The XHTML the PDF is rendered from. */
  public static String xhtml(AssessmentWorkbook.Run run, Lang lang, ZoneId zone) {
    boolean zh = lang == Lang.ZH;
    String title = zh ? run.scheme().titleZh() : run.scheme().titleEn();
    StringBuilder x = new StringBuilder(32 * 1024);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(lang.tag())
        .append("\"><head><title>").append(t(title)).append("</title><style>").append(CSS).append("</style></head><body>")
        .append("<h1>").append(t(title)).append("</h1>");
    x.append("<p class=\"meta\">")
        .append(t(zh ? "方案 " + run.schemeId() + " 第 " + run.version() + " 版 · 考核学年 " + run.periodId()
            + " · 满分 " + Scoring.points(run.scheme().totalPoints()) + " · 计算于 " + AssessmentWorkbook.at(run.computedAt(), zone)
            + "（" + run.computedBy() + "）"
            : "Scheme " + run.schemeId() + " version " + run.version() + " · school year " + run.periodId() + " · full mark "
                + Scoring.points(run.scheme().totalPoints()) + " · computed " + AssessmentWorkbook.at(run.computedAt(), zone)
                + " (" + run.computedBy() + ")"))
        .append("</p>");

    List<AdjustedResult> ranked = run.adjusted();
    x.append("<h2>").append(zh ? "排名" : "Ranking").append("</h2><table class=\"t\"><thead><tr>");
    th(x, zh ? "排名" : "Rank");
    th(x, zh ? "单位" : "Unit");
    for (ScoringItem it : run.scheme().items()) {
      th(x, (zh ? it.nameZh() : it.nameEn()) + " (" + Scoring.points(it.points()) + ")");
    }
    th(x, zh ? "计算得分" : "Computed");
    th(x, zh ? "加减分" : "Adjustments");
    th(x, zh ? "总分" : "Total");
    x.append("</tr></thead><tbody>");
    for (AdjustedResult a : ranked) {
      UnitResult u = a.computed();
      x.append("<tr>");
      td(x, String.valueOf(a.rank()), "");
      td(x, run.unitName(u.unitId()), "l");
      for (ItemResult ir : u.items()) {
        td(x, Scoring.points(ir.points()), "");
      }
      td(x, Scoring.points(u.total()), "");
      td(x, signed(a.adjustment()), "");
      td(x, Scoring.points(a.total()), "b");
      x.append("</tr>");
    }
    x.append("</tbody></table>");

    x.append("<h2>").append(zh ? "考核明细" : "Details").append("</h2>");
    for (AdjustedResult a : ranked) {
      UnitResult u = a.computed();
      x.append("<div class=\"unit\"><h3>").append(a.rank()).append(". ").append(t(run.unitName(u.unitId()))).append(" — ")
          .append(t(zh ? "总分 " + Scoring.points(a.total()) + "（计算得分 " + Scoring.points(u.total()) + "，加减分 "
              + signed(a.adjustment()) + "）"
              : "total " + Scoring.points(a.total()) + " (computed " + Scoring.points(u.total()) + ", adjustments "
                  + signed(a.adjustment()) + ")"))
          .append("</h3><table class=\"t\"><thead><tr>");
      th(x, zh ? "考核项" : "Item");
      th(x, zh ? "数据期间" : "Periods");
      th(x, zh ? "数据" : "Figure");
      th(x, zh ? "得分" : "Points");
      th(x, zh ? "评分说明" : "Explanation");
      x.append("</tr></thead><tbody>");
      for (int i = 0; i < u.items().size(); i++) {
        ScoringItem it = run.scheme().items().get(i);
        ItemResult ir = u.items().get(i);
        x.append("<tr>");
        td(x, it.code() + " " + (zh ? it.nameZh() : it.nameEn()), "l");
        td(x, String.join(" + ", ir.periodIds()), "");
        td(x, ir.value() == null ? (zh ? "无数据" : "no figure") : figure(it, ir, zh), "");
        td(x, Scoring.points(ir.points()) + " / " + Scoring.points(it.points()), "");
        td(x, zh ? ir.explanationZh() : ir.explanationEn(), "l");
        x.append("</tr>");
      }
      x.append("</tbody></table>");
      List<AdjustmentResponse> own = new ArrayList<>();
      run.adjustments().stream().filter(adj -> adj.unitId().equals(u.unitId())).forEach(own::add);
      if (!own.isEmpty()) {
        x.append("<table class=\"t\"><thead><tr>");
        th(x, zh ? "加减分" : "Adjustment");
        th(x, zh ? "考核项" : "Item");
        th(x, zh ? "理由" : "Reason");
        th(x, zh ? "登记" : "Added");
        x.append("</tr></thead><tbody>");
        for (AdjustmentResponse adj : own) {
          x.append(adj.inForce() ? "<tr>" : "<tr class=\"gone\">");
          td(x, signed(adj.points()), adj.inForce() ? "" : "s");
          td(x, adj.itemCode() == null ? (zh ? "整体" : "overall") : adj.itemCode(), "");
          String reason = adj.reason();
          if (!adj.inForce()) {
            reason += zh ? "（已撤销：" + adj.withdrawalReason() + "，" + adj.withdrawnBy() + " " + AssessmentWorkbook.at(adj.withdrawnAt(), zone)
                + "，不计入）"
                : " (withdrawn: " + adj.withdrawalReason() + ", " + adj.withdrawnBy() + " "
                    + AssessmentWorkbook.at(adj.withdrawnAt(), zone) + "; does not count)";
          }
          td(x, reason, "l");
          td(x, adj.addedBy() + " " + AssessmentWorkbook.at(adj.addedAt(), zone), "");
          x.append("</tr>");
        }
        x.append("</tbody></table>");
      }
      x.append("</div>");
    }

    x.append("<h2>").append(zh ? "考核方案" : "Scheme").append("</h2><table class=\"t\"><thead><tr>");
    th(x, zh ? "编码" : "Code");
    th(x, zh ? "考核项" : "Item");
    th(x, zh ? "指标" : "Indicator");
    th(x, zh ? "分值" : "Points");
    th(x, zh ? "评分规则" : "Rule");
    x.append("</tr></thead><tbody>");
    for (ScoringItem it : run.scheme().items()) {
      x.append("<tr>");
      td(x, it.code(), "");
      td(x, zh ? it.nameZh() : it.nameEn(), "l");
      td(x, it.indicatorCode(), "");
      td(x, Scoring.points(it.points()), "");
      td(x, AssessmentWorkbook.ruleInWords(it, zh), "l");
      x.append("</tr>");
    }
    x.append("</tbody></table></body></html>");
    return x.toString();
  }

  private static String figure(ScoringItem it, ItemResult ir, boolean zh) {
    BigDecimal exact = BigDecimal.valueOf(ir.numerator()).divide(BigDecimal.valueOf(ir.denominator()), java.math.MathContext.DECIMAL64);
    return zh ? Scoring.value(it.kind(), exact) : Scoring.valueEn(it.kind(), exact);
  }

  /** +5, -2.5, 0. */
  static String signed(BigDecimal p) {
    return (p.signum() > 0 ? "+" : "") + Scoring.points(p);
  }

  private static void th(StringBuilder x, String s) {
    x.append("<th>").append(t(s)).append("</th>");
  }

  private static void td(StringBuilder x, String s, String cls) {
    x.append(cls.isEmpty() ? "<td>" : "<td class=\"" + cls + "\">").append(t(s)).append("</td>");
  }

  private static String t(String s) {
    return XhtmlPdf.text(s);
  }

  private static final String CSS = """
      @page { size: A4 landscape; margin: 12mm 12mm 14mm 12mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-family: 'Noto Sans CJK SC'; font-size: 7pt; } }
      body { font-family: 'Noto Sans CJK SC'; font-size: 8.5pt; color: #222; line-height: 1.35; }
      h1 { font-size: 15pt; text-align: center; margin: 0 0 6px 0; }
      h2 { font-size: 11pt; margin: 12px 0 4px 0; }
      h3 { font-size: 9.5pt; margin: 8px 0 3px 0; }
      p.meta { color: #555; margin: 2px 0 6px 0; font-size: 8pt; text-align: center; }
      table.t { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; margin-bottom: 4px; }
      table.t th, table.t td { border: 0.5pt solid #b8bec6; padding: 2px 4px; text-align: center; vertical-align: top; }
      table.t th { background: #eef1f5; font-weight: normal; }
      table.t .l { text-align: left; }
      table.t .b { font-weight: bold; }
      table.t tr { page-break-inside: avoid; }
      tr.gone td { color: #888; }
      td.s { text-decoration: line-through; }
      div.unit { page-break-inside: avoid; }
      """;
}
