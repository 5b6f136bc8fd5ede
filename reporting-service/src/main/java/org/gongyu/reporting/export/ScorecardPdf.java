package org.gongyu.reporting.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.gongyu.reporting.report.CityScorecard;
import org.gongyu.reporting.report.CountyScorecard;
import org.gongyu.reporting.report.IndicatorView;
import org.gongyu.reporting.report.RollupCell;

/**
 * The XHTML of the city and county scorecard reports: title, period, when it was made (local time
 * of the city), the scorecard table with each figure for people (54.4 %, 3.2 次/人, 9/10 所) and
 * whether it met its target in words, and per indicator a horizontal bar chart of the units'
 * values with the target marked (CSS boxes, so the PDF stays text and vectors). Withheld small
 * cells read {@code <5} and get no bar.
 */
final class ScorecardPdf {

  private final Lang lang;
  private final ZoneId zone;
  private final Instant generatedAt;

  ScorecardPdf(Lang lang, ZoneId zone, Instant generatedAt) {
    this.lang = lang;
    this.zone = zone;
    this.generatedAt = generatedAt;
  }

  /** One bar of a chart. */
  record Bar(String label, BigDecimal value, String shown, Boolean met, boolean withheld) {}

  String city(CityScorecard sc, String cityName) {
    String city = cityName == null ? lang.pick("全市", "City") : cityName;
    StringBuilder h = head(lang.pick(city + " 指标概览", "Scorecard — " + city), sc.periodId());
    h.append("<table class=\"sc\"><thead><tr><th class=\"ind\">").append(t(lang.pick("指标", "Indicator")))
        .append("</th><th>").append(t(lang.pick("周期", "Period"))).append("</th><th>")
        .append(t(lang.pick("目标", "Target"))).append("</th><th>").append(t(city)).append("</th>");
    List<RollupCell> counties = sc.indicators().isEmpty() ? List.of() : sc.indicators().getFirst().counties();
    for (RollupCell c : counties) {
      h.append("<th>").append(t(c.name())).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (CityScorecard.IndicatorLine l : sc.indicators()) {
      IndicatorView i = l.indicator();
      h.append("<tr><td class=\"ind\">").append(t(name(i))).append("</td><td>").append(t(l.periodId())).append("</td><td>")
          .append(t(Formats.amount(i.kind(), i.target(), lang))).append("</td>");
      cell(h, i, l.city());
      for (RollupCell c : l.counties()) {
        cell(h, i, c);
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
    h.append("<h2>").append(t(lang.pick("各指标县区对比", "Counties per indicator"))).append("</h2>");
    for (CityScorecard.IndicatorLine l : sc.indicators()) {
      List<Bar> bars = new ArrayList<>();
      bars.add(bar(city, l.indicator(), l.city()));
      for (RollupCell c : l.counties()) {
        bars.add(bar(c.name(), l.indicator(), c));
      }
      chart(h, l.indicator(), l.periodId(), bars);
    }
    return foot(h);
  }

  String county(CountyScorecard sc) {
    StringBuilder h = head(lang.pick(sc.countyName() + " 指标概览", "Scorecard — " + sc.countyName()), sc.periodId());
    h.append("<table class=\"sc\"><thead><tr>");
    for (String header : List.of(lang.pick("指标", "Indicator"), lang.pick("周期", "Period"), lang.pick("目标", "Target"),
        sc.countyName(), lang.pick("达标学校", "Schools meeting target"), lang.pick("完整率", "Completeness"),
        lang.pick("及时率", "Timeliness"), lang.pick("上报完成率", "Sign-off completeness"),
        lang.pick("按时上报率", "Signed off on time"))) {
      h.append("<th>").append(t(header)).append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (CountyScorecard.Column c : sc.indicators()) {
      IndicatorView i = c.indicator();
      RollupCell r = c.county();
      h.append("<tr><td class=\"ind\">").append(t(name(i))).append("</td><td>").append(t(c.periodId())).append("</td><td>")
          .append(t(Formats.amount(i.kind(), i.target(), lang))).append("</td>");
      cell(h, i, r);
      h.append("<td>").append(t(r.schoolsMeetingTarget() == null ? Formats.NOTHING
              : r.schoolsMeetingTarget() + "/" + r.schoolsExpected() + lang.pick(" 所", " schools")))
          .append("</td><td>").append(t(Formats.percent(r.completeness()))).append("</td><td>")
          .append(t(Formats.percent(r.timeliness()))).append("</td><td>")
          .append(t(Formats.percent(r.signOffs() == null ? null : r.signOffs().completeness()))).append("</td><td>")
          .append(t(Formats.percent(r.signOffs() == null ? null : r.signOffs().timeliness()))).append("</td></tr>");
    }
    h.append("</tbody></table>");
    h.append("<h2>").append(t(lang.pick("各指标学校对比", "Schools per indicator"))).append("</h2>");
    for (int k = 0; k < sc.indicators().size(); k++) {
      CountyScorecard.Column column = sc.indicators().get(k);
      IndicatorView i = column.indicator();
      List<Bar> bars = new ArrayList<>();
      bars.add(bar(sc.countyName(), i, column.county()));
      for (CountyScorecard.SchoolLine s : sc.schools()) {
        for (CountyScorecard.SchoolCell cell : s.cells()) {
          if (cell.code().equals(i.code()) && cell.applies()) {
            bars.add(new Bar(s.name(), cell.suppressed() ? null : cell.value(),
                Formats.value(i.kind(), cell.value(), cell.target(), cell.numerator(), cell.denominator(), cell.suppressed(), lang),
                cell.met(), cell.suppressed()));
          }
        }
      }
      chart(h, i, column.periodId(), bars);
    }
    return foot(h);
  }

  // ---- pieces

  private StringBuilder head(String title, String periodId) {
    StringBuilder h = new StringBuilder(32 * 1024);
    h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
        .append(lang.tag()).append("\"><head><title>").append(t(title)).append("</title><style>").append(CSS)
        .append("</style></head><body>");
    h.append("<h1>").append(t(title)).append("</h1><p class=\"meta\">")
        .append(t(lang.pick("周期：", "Period: ") + periodId)).append(" · ")
        .append(t(lang.pick("生成时间：", "Generated at: ") + Formats.local(generatedAt, zone) + " ("
            + (zone.getId().equals("Asia/Shanghai") ? lang.pick("北京时间", "China Standard Time") : zone.getId()) + ")"))
        .append("</p><p class=\"meta\">")
        .append(t(lang.pick("“达标”/“未达标”按该周期目标判断；“<5”为受保护的小数据单元，不显示数值。",
            "Met / not met is judged against the target of each indicator's period; \"<5\" marks a withheld small cell.")))
        .append("</p>");
    return h;
  }

  private static String foot(StringBuilder h) {
    return h.append("</body></html>").toString();
  }

  private void cell(StringBuilder h, IndicatorView i, RollupCell c) {
    String css = c.met() == null ? "" : c.met() ? " class=\"met\"" : " class=\"notmet\"";
    h.append("<td").append(css).append(">").append(t(Formats.rollup(i.kind(), c, lang)));
    String met = Formats.met(c.met(), lang);
    if (!met.isEmpty()) {
      h.append("<br/><span class=\"mark\">").append(t(met)).append("</span>");
    }
    h.append("</td>");
  }

  private Bar bar(String label, IndicatorView i, RollupCell c) {
    return new Bar(label, c.suppressed() ? null : c.value(),
        Formats.value(i.kind(), c.value(), c.target(), c.numerator(), c.denominator(), c.suppressed(), lang), c.met(), c.suppressed());
  }

  private void chart(StringBuilder h, IndicatorView i, String periodId, List<Bar> bars) {
    BigDecimal max = "RATIO".equals(i.kind()) || "SCHOOL_THRESHOLD".equals(i.kind()) ? BigDecimal.ONE : BigDecimal.ZERO;
    for (Bar b : bars) {
      if (b.value() != null && b.value().compareTo(max) > 0) {
        max = b.value();
      }
    }
    if (i.target() != null && i.target().compareTo(max) > 0) {
      max = i.target();
    }
    if (max.signum() == 0) {
      max = BigDecimal.ONE;
    } else if (!"RATIO".equals(i.kind()) && !"SCHOOL_THRESHOLD".equals(i.kind())) {
      max = max.multiply(new BigDecimal("1.15")); // room to the right of the longest bar and of the target line
    }
    h.append("<div class=\"chart\"><h3>").append(t(name(i))).append(" · ").append(t(periodId)).append(" · ")
        .append(t(lang.pick("目标 ", "target ") + Formats.amount(i.kind(), i.target(), lang)))
        .append(i.target() == null ? "" : "<span class=\"legend\">" + t(lang.pick("（竖线为目标）", " (the vertical line is the target)"))
            + "</span>")
        .append("</h3><table class=\"bars\">");
    for (Bar b : bars) {
      h.append("<tr><td class=\"label\">").append(t(b.label())).append("</td><td class=\"track\"><div class=\"track\">");
      if (b.value() != null) {
        h.append("<div class=\"bar").append(Boolean.FALSE.equals(b.met()) ? " notmet" : "").append("\" style=\"width: ")
            .append(share(b.value(), max)).append("%\"></div>");
      }
      if (i.target() != null) {
        h.append("<div class=\"target\" style=\"left: ").append(share(i.target(), max)).append("%\"></div>");
      }
      h.append("</div></td><td class=\"num\">").append(t(b.shown()));
      String met = Formats.met(b.met(), lang);
      if (!met.isEmpty()) {
        h.append(" ").append(t(met));
      }
      h.append("</td></tr>");
    }
    h.append("</table></div>");
  }

  private static String share(BigDecimal value, BigDecimal max) {
    BigDecimal p = value.max(BigDecimal.ZERO).multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP);
    return p.min(BigDecimal.valueOf(100)).toPlainString();
  }

  private String name(IndicatorView i) {
    return lang.pick(i.nameZh(), i.nameEn());
  }

  /** Text escaped for XHTML. */
  static String t(String s) {
    return org.gongyu.chassis.pdf.XhtmlPdf.text(s);
  }

  private static final String CSS = """
      @page { size: A4 landscape; margin: 12mm 10mm 14mm 10mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-family: 'Noto Sans CJK SC'; font-size: 7pt; } }
      body { font-family: 'Noto Sans CJK SC'; font-size: 7.5pt; color: #222; }
      h1 { font-size: 15pt; margin: 0 0 3px 0; }
      h2 { font-size: 11pt; margin: 12px 0 4px 0; page-break-before: always; }
      h3 { font-size: 8.5pt; margin: 0 0 2px 0; }
      p.meta { color: #555; margin: 0 0 4px 0; }
      table.sc { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }
      table.sc th, table.sc td { border: 0.5pt solid #b8bec6; padding: 2px 3px; text-align: center; vertical-align: middle; }
      table.sc th { background: #eef1f5; font-weight: normal; }
      table.sc td.ind, table.sc th.ind { text-align: left; }
      table.sc tr { page-break-inside: avoid; }
      td.met { background: #e3f2e7; }
      td.notmet { background: #fbe3e3; }
      span.mark { font-size: 6.5pt; color: #444; }
      span.legend { font-weight: normal; color: #666; font-size: 7pt; }
      div.chart { page-break-inside: avoid; margin: 4px 0 8px 0; }
      table.bars { width: 100%; border-collapse: collapse; }
      table.bars td { padding: 1px 3px; vertical-align: middle; }
      td.label { width: 20%; }
      td.num { width: 16%; }
      div.track { position: relative; height: 8px; background: #f1f2f4; }
      div.bar { height: 8px; background: #4e79a7; }
      div.bar.notmet { background: #e15759; }
      div.target { position: absolute; top: -2px; width: 1.5px; height: 12px; background: #111; }
      """;
}
