package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.security.Caller;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.district.demonstration.Application;
import org.gongyu.district.demonstration.Applications;
import org.gongyu.district.pdf.PdfRenderer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two papers of an assessment as PDF, in Chinese (default) or English: the scoresheet (评分表:
 * each assessor's points and comments per criterion, spread, consensus and note, totals, final
 * score) and the application form (申报表: the school's self-evaluation per criterion with its
 * narrative and evidence references). Each is what {@code GET …/scoresheet} and {@code GET …/file}
 * answer, read through those services so that exactly the same callers may have it. Only
 * institutions and adult assessors are named: nothing of minors or parents exists at this tier.
 */
@Service
class AssessmentPapers {

  /** The paper's language. */
  enum Lang {
    ZH("zh-CN"), EN("en");

    final String tag;

    Lang(String tag) {
      this.tag = tag;
    }

    String pick(String zh, String en) {
      return this == ZH ? zh : en;
    }

    /** {@code en} (any English tag) → EN; anything else, or nothing, → Chinese. */
    static Lang of(String lang) {
      return lang != null && lang.trim().toLowerCase(Locale.ROOT).startsWith("en") ? EN : ZH;
    }
  }

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ScoringService scoring;
  private final AssignmentService assignments;
  private final Applications applications;
  private final AssessmentRepository repository;
  private final JdbcClient jdbc;
  private final PdfRenderer renderer;
  private final Clock clock;
  private final ZoneId zone;

  AssessmentPapers(ScoringService scoring, AssignmentService assignments, Applications applications, AssessmentRepository repository,
      JdbcClient jdbc, PdfRenderer renderer, Clock clock, CityCalendar calendar) {
    this.scoring = scoring;
    this.assignments = assignments;
    this.applications = applications;
    this.repository = repository;
    this.jdbc = jdbc;
    this.renderer = renderer;
    this.clock = clock;
    this.zone = calendar.zone();
  }

  /** 评分表: refused exactly as the scoresheet is. */
  @Transactional(readOnly = true)
  byte[] scoresheet(String countyId, UUID applicationId, Caller caller, Lang lang) {
    ScoresheetResponse sheet = scoring.scoresheet(countyId, applicationId, caller);
    Application a = applications.find(countyId, applicationId);
    return renderer.render(scoresheetXhtml(sheet, heading(a), names(countyId), rubric(a), lang));
  }

  /** 申报表: refused exactly as the file is. */
  @Transactional(readOnly = true)
  byte[] applicationForm(String countyId, UUID applicationId, Caller caller, Lang lang) {
    FileResponse file = assignments.file(countyId, applicationId, caller);
    Application a = applications.find(countyId, applicationId);
    return renderer.render(formXhtml(file, heading(a), lang));
  }

  /** What the papers say of the application besides the sheet or the file. */
  record Heading(String school, String xuequ, String programme, String status, Instant appliedAt) {}

  private Heading heading(Application a) {
    return jdbc.sql("""
            select s.name as school, x.name as xuequ, p.name as programme
            from demonstration_application a
            join demonstration_programme p on p.id = a.programme_id
            left join school s on s.id = a.school_id
            left join xuequ x on x.id = nullif(a.xuequ_key, '')
            where a.id = ?""")
        .param(a.id())
        .query((rs, n) -> new Heading(rs.getString("school"), rs.getString("xuequ"), rs.getString("programme"),
            a.status().name(), a.appliedAt()))
        .single();
  }

  /** username → the panel's name for the assessors of the county. */
  private Map<String, String> names(String countyId) {
    Map<String, String> names = new HashMap<>();
    jdbc.sql("select username, name from demonstration_assessor where county_id = ?").param(countyId)
        .query((rs, n) -> names.put(rs.getString("username"), rs.getString("name"))).list();
    return names;
  }

  private Rubric rubric(Application a) {
    return repository.terms(a.programmeId()).map(ProgrammeTerms::rubric).orElse(null);
  }

  // ---- the XHTML (package-private for tests)

  String scoresheetXhtml(ScoresheetResponse sheet, Heading h, Map<String, String> names, Rubric rubric, Lang lang) {
    Map<String, Rubric.Criterion> criteria = new HashMap<>();
    if (rubric != null) {
      rubric.areas().forEach(area -> area.criteria().forEach(c -> criteria.put(c.code(), c)));
    }
    List<String> scorers = sheet.totals().stream().map(ScoresheetResponse.Total::assessor).toList();
    StringBuilder x = head(lang, lang.pick("示范学校评审评分表", "Demonstration school assessment scoresheet"));
    facts(x, lang, h, sheet.round(), List.of(
        fact(lang.pick("合格分", "Pass mark"), number(sheet.passMark())),
        fact(lang.pick("满分", "Full mark"), number(sheet.fullMark())),
        fact(lang.pick("合议阈值（分差）", "Consensus when the spread exceeds"), number(sheet.consensusMargin()))));

    x.append("<table class=\"t\"><thead><tr><th class=\"l w30\">").append(t(lang.pick("评价要点", "Criterion")))
        .append("</th><th class=\"n\">").append(t(lang.pick("分值", "Points"))).append("</th>");
    for (String s : scorers) {
      x.append("<th>").append(t(name(names, s))).append("</th>");
    }
    x.append("<th class=\"n\">").append(t(lang.pick("分差", "Spread"))).append("</th><th class=\"n\">").append(t(lang.pick("合议分", "Consensus")))
        .append("</th><th class=\"n\">").append(t(lang.pick("结果", "Result"))).append("</th></tr></thead><tbody>");
    for (ScoresheetResponse.CriterionLine c : sheet.criteria()) {
      Map<String, ScoresheetResponse.AssessorScore> by = new LinkedHashMap<>();
      c.scores().forEach(s -> by.put(s.assessor(), s));
      x.append("<tr><td class=\"l\">").append(t(c.criterionCode() + " " + criterionName(c, criteria, lang))).append("</td><td>")
          .append(t(number(c.maxPoints()))).append("</td>");
      for (String s : scorers) {
        ScoresheetResponse.AssessorScore score = by.get(s);
        x.append("<td>").append(t(score == null ? "—" : number(score.points()))).append("</td>");
      }
      x.append("<td").append(c.needsConsensus() ? " class=\"spread\"" : "").append(">").append(t(number(c.spread())));
      if (c.needsConsensus()) {
        x.append("<br/><span class=\"small\">").append(t(lang.pick("需合议", "Needs consensus"))).append("</span>");
      }
      x.append("</td><td>").append(t(c.consensus() == null ? "—" : number(c.consensus().points()))).append("</td><td>")
          .append(t(number(c.result()))).append("</td></tr>");
    }
    x.append("<tr class=\"sum\"><td class=\"l\">").append(t(lang.pick("合计", "Total"))).append("</td><td>")
        .append(t(number(sheet.fullMark()))).append("</td>");
    for (ScoresheetResponse.Total total : sheet.totals()) {
      x.append("<td>").append(t(number(total.total()))).append("</td>");
    }
    x.append("<td></td><td></td><td>").append(t(number(sheet.finalScore()))).append("</td></tr></tbody></table>");

    x.append("<p class=\"result\">").append(t(lang.pick("最终得分：", "Final score: ") + number(sheet.finalScore())
        + lang.pick("　结论：", " · Result: ") + (sheet.passed() == null ? lang.pick("尚未得出", "not yet")
            : sheet.passed() ? lang.pick("达到合格分", "reaches the pass mark") : lang.pick("未达到合格分", "below the pass mark"))))
        .append("</p>");
    if (!sheet.missing().isEmpty()) {
      x.append("<p class=\"meta\">").append(t(lang.pick("尚缺：", "Still missing: ") + String.join("; ", sheet.missing())))
          .append("</p>");
    }

    x.append("<h2>").append(t(lang.pick("评语与合议说明", "Comments and consensus notes"))).append("</h2>");
    x.append("<table class=\"t\"><thead><tr><th class=\"l w30\">").append(t(lang.pick("评价要点", "Criterion")))
        .append("</th><th class=\"l w20\">").append(t(lang.pick("评审专家", "Assessor"))).append("</th><th class=\"l\">")
        .append(t(lang.pick("评语", "Comment"))).append("</th></tr></thead><tbody>");
    for (ScoresheetResponse.CriterionLine c : sheet.criteria()) {
      for (ScoresheetResponse.AssessorScore s : c.scores()) {
        x.append("<tr><td class=\"l\">").append(t(c.criterionCode() + " " + criterionName(c, criteria, lang))).append("</td><td class=\"l\">")
            .append(t(name(names, s.assessor()))).append("</td><td class=\"l\">").append(t(s.comment())).append("</td></tr>");
      }
      if (c.consensus() != null) {
        x.append("<tr class=\"cons\"><td class=\"l\">").append(t(c.criterionCode() + " " + criterionName(c, criteria, lang)))
            .append("</td><td class=\"l\">").append(t(lang.pick("合议", "Consensus")))
            .append("</td><td class=\"l\">").append(t(number(c.consensus().points()) + lang.pick(" 分：", " points: ")
                + c.consensus().note())).append("</td></tr>");
      }
    }
    x.append("</tbody></table>");

    x.append("<h2>").append(t(lang.pick("评审专家", "Assessors"))).append("</h2><table class=\"t\"><thead><tr><th class=\"l\">")
        .append(t(lang.pick("评审专家", "Assessor"))).append("</th><th class=\"l\">").append(t(lang.pick("状态", "Status")))
        .append("</th><th class=\"l\">").append(t(lang.pick("提交时间", "Submitted"))).append("</th></tr></thead><tbody>");
    for (ScoresheetResponse.AssessorLine line : sheet.assessors()) {
      x.append("<tr><td class=\"l\">").append(t(who(names, line.assessor()))).append("</td><td class=\"l\">")
          .append(t(assignmentStatus(line.status(), lang))).append("</td><td class=\"l\">").append(t(local(line.submittedAt())))
          .append("</td></tr>");
    }
    x.append("</tbody></table>");
    signatures(x, lang);
    return foot(x);
  }

  String formXhtml(FileResponse file, Heading h, Lang lang) {
    Map<String, FileResponse.Item> items = new HashMap<>();
    file.items().forEach(i -> items.put(i.criterionCode(), i));
    FileResponse.RubricView r = file.rubric();
    StringBuilder x = head(lang, lang.pick("示范学校申报表", "Demonstration school application form"));
    facts(x, lang, h, file.round(), List.of(
        fact(lang.pick("评价标准", "Standard"), lang.pick(r.titleZh(), r.titleEn()) + " (" + file.standardId() + " v"
            + file.standardVersion() + ")"),
        fact(lang.pick("自评提交时间", "Self-evaluation submitted"), local(file.submittedAt())),
        fact(lang.pick("自评总分", "Self-assessed total"), number(file.selfTotal()) + " / " + number(r.fullMark())),
        fact(lang.pick("合格分", "Pass mark"), number(r.passMark()))));
    for (FileResponse.AreaView area : r.areas()) {
      x.append("<h2>").append(t(area.code() + " " + lang.pick(area.nameZh(), area.nameEn()))).append("</h2>");
      for (FileResponse.CriterionView c : area.criteria()) {
        FileResponse.Item item = items.get(c.code());
        x.append("<table class=\"t item\"><tbody><tr><th class=\"l w25\">").append(t(lang.pick("评价要点", "Criterion")))
            .append("</th><td class=\"l\"><b>").append(t(c.code() + " " + lang.pick(c.nameZh(), c.nameEn()))).append("</b>")
            .append(t(lang.pick("（分值 ", " (points ") + number(c.points()) + lang.pick("）", ")"))).append("</td></tr>");
        row(x, lang.pick("应提供的佐证", "Evidence required"), c.evidenceRequired() == null ? "—" : c.evidenceRequired());
        row(x, lang.pick("学校自评分", "Self-score"), item == null ? "—" : number(item.selfScore()));
        row(x, lang.pick("自评说明", "Narrative"), item == null || item.narrative() == null ? "—" : item.narrative());
        x.append("<tr><th class=\"l\">").append(t(lang.pick("佐证材料", "Evidence"))).append("</th><td class=\"l\">");
        if (item == null || item.evidence().isEmpty()) {
          x.append(t(lang.pick("未提供", "none")));
        } else {
          for (FileResponse.Evidence e : item.evidence()) {
            x.append("<div>").append(t(e.title())).append(e.reference() == null ? "" : "：<span class=\"ref\">" + t(e.reference()) + "</span>")
                .append("</div>");
          }
        }
        x.append("</td></tr></tbody></table>");
      }
    }
    return foot(x);
  }

  // ---- pieces

  private StringBuilder head(Lang lang, String title) {
    StringBuilder x = new StringBuilder(16 * 1024);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"").append(lang.tag)
        .append("\"><head><title>").append(t(title)).append("</title><style>").append(CSS).append("</style></head><body>")
        .append("<h1>").append(t(title)).append("</h1>");
    return x;
  }

  private record Fact(String label, String value) {}

  private static Fact fact(String label, String value) {
    return new Fact(label, value);
  }

  private void facts(StringBuilder x, Lang lang, Heading h, int round, List<Fact> more) {
    List<Fact> facts = new java.util.ArrayList<>(List.of(
        fact(lang.pick("学校", "School"), h.school()),
        fact(lang.pick("学区", "Xuequ"), h.xuequ() == null ? lang.pick("直属", "directly under the county") : h.xuequ()),
        fact(lang.pick("创建项目", "Programme"), h.programme()),
        fact(lang.pick("申报时间", "Applied"), local(h.appliedAt())),
        fact(lang.pick("评审轮次", "Round"), lang.pick("第 " + round + " 轮", String.valueOf(round))),
        fact(lang.pick("申报状态", "Status"), status(h.status(), lang))));
    facts.addAll(more);
    x.append("<table class=\"facts\"><tbody>");
    for (int i = 0; i < facts.size(); i += 2) {
      x.append("<tr>");
      for (int j = i; j < i + 2; j++) {
        if (j < facts.size()) {
          x.append("<th>").append(t(facts.get(j).label())).append("</th><td>").append(t(facts.get(j).value())).append("</td>");
        } else {
          x.append("<th></th><td></td>");
        }
      }
      x.append("</tr>");
    }
    x.append("</tbody></table><p class=\"meta\">")
        .append(t(lang.pick("生成时间：", "Generated at: ") + local(clock.instant()) + lang.pick("（北京时间）", " (China Standard Time)")))
        .append("</p>");
  }

  private static void row(StringBuilder x, String label, String value) {
    x.append("<tr><th class=\"l\">").append(t(label)).append("</th><td class=\"l\">").append(t(value)).append("</td></tr>");
  }

  private static void signatures(StringBuilder x, Lang lang) {
    x.append("<p class=\"sign\">").append(t(lang.pick("评审专家签名：＿＿＿＿＿＿＿＿　　区县教育局（盖章）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿",
        "Assessors' signatures: ____________   County bureau (seal): ____________   Date: __________"))).append("</p>");
  }

  private static String foot(StringBuilder x) {
    return x.append("</body></html>").toString();
  }

  private static String criterionName(ScoresheetResponse.CriterionLine c, Map<String, Rubric.Criterion> criteria, Lang lang) {
    Rubric.Criterion rc = criteria.get(c.criterionCode());
    return lang == Lang.EN && rc != null && rc.nameEn() != null ? rc.nameEn() : c.nameZh();
  }

  /** The panel's name of an assessor, else the username. */
  private static String name(Map<String, String> names, String username) {
    String name = names.get(username);
    return name == null ? username : name;
  }

  private static String who(Map<String, String> names, String username) {
    String name = names.get(username);
    return name == null ? username : name + " (" + username + ")";
  }

  private String local(Instant at) {
    return at == null ? "—" : LOCAL.format(at.atZone(zone));
  }

  private static String number(BigDecimal v) {
    return v == null ? "—" : v.stripTrailingZeros().toPlainString();
  }

  private static String t(String s) {
    return PdfRenderer.text(s);
  }

  static String status(String status, Lang lang) {
    if (lang == Lang.EN) {
      return status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }
    return switch (status) {
      case "APPLIED" -> "已申报";
      case "DECLINED" -> "未入选";
      case "CREATING" -> "创建中";
      case "SELF_EVALUATED" -> "已自评";
      case "ASSESSING" -> "评审中";
      case "DEFERRED" -> "暂缓";
      case "REJECTED" -> "未通过";
      case "TITLED" -> "已授牌";
      case "REINSPECTING" -> "复查中";
      case "RECTIFYING" -> "整改中";
      case "REVOKED" -> "已撤销";
      case "EXPIRED" -> "已到期";
      default -> status;
    };
  }

  private static String assignmentStatus(String status, Lang lang) {
    return switch (status) {
      case "ASSIGNED" -> lang.pick("待声明", "Not declared yet");
      case "CLEARED" -> lang.pick("已声明无利益冲突", "Cleared");
      case "RECUSED" -> lang.pick("已回避", "Recused");
      default -> status;
    };
  }

  private static final String CSS = """
      @page { size: A4; margin: 14mm 12mm 16mm 12mm;
        @bottom-right { content: counter(page) " / " counter(pages); font-family: 'Noto Sans CJK SC'; font-size: 7pt; } }
      body { font-family: 'Noto Sans CJK SC'; font-size: 9pt; color: #222; line-height: 1.35; }
      h1 { font-size: 16pt; text-align: center; margin: 0 0 8px 0; }
      h2 { font-size: 11pt; margin: 12px 0 4px 0; }
      p.meta { color: #555; margin: 2px 0 6px 0; font-size: 8pt; }
      p.result { font-size: 10.5pt; margin: 6px 0; }
      p.sign { margin-top: 24px; }
      table.facts { width: 100%; border-collapse: collapse; margin-bottom: 4px; }
      table.facts th { text-align: left; font-weight: normal; color: #555; width: 16%; padding: 2px 4px; }
      table.facts td { width: 34%; padding: 2px 4px; }
      table.t { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; margin-bottom: 6px; }
      table.t th, table.t td { border: 0.5pt solid #b8bec6; padding: 3px 4px; text-align: center; vertical-align: top; }
      table.t th { background: #eef1f5; font-weight: normal; }
      table.t .l { text-align: left; }
      table.t th.n { white-space: nowrap; width: 7%; }
      table.t tr { page-break-inside: avoid; }
      table.item { page-break-inside: avoid; }
      .w20 { width: 20%; } .w25 { width: 25%; } .w30 { width: 30%; }
      td.spread { background: #fdf0d5; }
      tr.sum td { font-weight: bold; }
      tr.cons td { background: #f4f7fb; }
      span.small { font-size: 7pt; color: #8a5a00; }
      span.ref { color: #1f4e8c; }
      """;
}
