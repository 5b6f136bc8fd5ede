package org.gongyu.reporting.export;

import static org.gongyu.reporting.export.Sheet.Type.DATETIME;
import static org.gongyu.reporting.export.Sheet.Type.FIGURE;
import static org.gongyu.reporting.export.Sheet.Type.INTEGER;
import static org.gongyu.reporting.export.Sheet.Type.PERCENT;
import static org.gongyu.reporting.export.Sheet.Type.TEXT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gongyu.reporting.report.Approval;
import org.gongyu.reporting.report.Attention;
import org.gongyu.reporting.report.Basis;
import org.gongyu.reporting.report.BelowTarget;
import org.gongyu.reporting.report.CityFigures;
import org.gongyu.reporting.report.CityReport;
import org.gongyu.reporting.report.CityScorecard;
import org.gongyu.reporting.report.CountyDetail;
import org.gongyu.reporting.report.CountyFigures;
import org.gongyu.reporting.report.CountyReport;
import org.gongyu.reporting.report.CountyScorecard;
import org.gongyu.reporting.report.IndicatorView;
import org.gongyu.reporting.report.RollupCell;
import org.gongyu.reporting.report.SchoolFigures;
import org.gongyu.reporting.report.SchoolScorecard;
import org.gongyu.reporting.report.SignOffs;
import org.gongyu.reporting.report.Trend;

/**
 * The report views as worksheets, headers and indicator names in the export's language. Every
 * figure is copied from the view as the JSON twin answers it (withheld cells stay withheld); only
 * the layout is decided here.
 */
final class Sheets {

  private final Lang lang;

  Sheets(Lang lang) {
    this.lang = lang;
  }

  String name(IndicatorView i) {
    return lang.pick(i.nameZh(), i.nameEn());
  }

  String level(String level) {
    return switch (level) {
      case "CITY" -> lang.pick("市", "City");
      case "COUNTY" -> lang.pick("县区", "County");
      case "SCHOOL" -> lang.pick("学校", "School");
      default -> level;
    };
  }

  /** The registry's school type in words; an unknown code stays as it is. */
  String schoolType(String type) {
    if (type == null) {
      return null;
    }
    return switch (type) {
      case "PRIMARY" -> lang.pick("小学", "Primary");
      case "JUNIOR_SECONDARY" -> lang.pick("初中", "Junior secondary");
      case "NINE_YEAR" -> lang.pick("九年一贯制", "Nine-year");
      case "SENIOR_SECONDARY" -> lang.pick("高中", "Senior secondary");
      case "COMPLETE_SECONDARY" -> lang.pick("完全中学", "Complete secondary");
      case "VOCATIONAL" -> lang.pick("职业学校", "Vocational");
      case "SPECIAL_EDUCATION" -> lang.pick("特殊教育学校", "Special education");
      case "KINDERGARTEN" -> lang.pick("幼儿园", "Kindergarten");
      default -> type;
    };
  }

  String reason(Attention.Reason reason) {
    return switch (reason) {
      case BELOW_TARGET -> lang.pick("未达标", "Below target");
      case MISSING -> lang.pick("缺报", "Missing");
      case LATE -> lang.pick("逾期", "Late");
    };
  }

  // ---- scorecards

  /** Units × indicators (one value per cell, as on screen), then one row per indicator × unit with every figure. */
  List<Sheet> cityScorecard(CityScorecard sc) {
    Sheet overview = new Sheet(lang.pick("指标概览", "Scorecard"))
        .column(lang.pick("单位编码", "Unit code"), TEXT, 12)
        .column(lang.pick("单位", "Unit"), TEXT, 16)
        .column(lang.pick("层级", "Level"), TEXT, 8)
        .freezeColumns(2);
    for (CityScorecard.IndicatorLine l : sc.indicators()) {
      overview.column(name(l.indicator()), FIGURE, 16);
    }
    if (!sc.indicators().isEmpty()) {
      List<RollupCell> cities = sc.indicators().stream().map(CityScorecard.IndicatorLine::city).toList();
      RollupCell named = cities.stream().filter(c -> c.id() != null).findFirst().orElse(cities.getFirst());
      overview.row(overviewRow(named.id(), named.name(), "CITY", cities, sc.indicators()));
      int counties = sc.indicators().getFirst().counties().size();
      for (int k = 0; k < counties; k++) {
        final int at = k;
        List<RollupCell> cells = sc.indicators().stream().map(l -> l.counties().get(at)).toList();
        overview.row(overviewRow(cells.getFirst().id(), cells.getFirst().name(), "COUNTY", cells, sc.indicators()));
      }
    }
    Sheet details = rollupDetails(lang.pick("明细", "Details"));
    for (CityScorecard.IndicatorLine l : sc.indicators()) {
      details.row(rollupRow(l.indicator(), l.periodId(), "CITY", l.city()));
      for (RollupCell c : l.counties()) {
        details.row(rollupRow(l.indicator(), l.periodId(), "COUNTY", c));
      }
    }
    return List.of(overview, details);
  }

  private Object[] overviewRow(String id, String name, String level, List<RollupCell> cells,
      List<CityScorecard.IndicatorLine> lines) {
    List<Object> row = new ArrayList<>(Arrays.asList(text(id), text(name), level(level)));
    for (int i = 0; i < cells.size(); i++) {
      RollupCell c = cells.get(i);
      row.add(c.suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(lines.get(i).indicator().kind(), c.value()));
    }
    return row.toArray();
  }

  private Sheet rollupDetails(String sheetName) {
    return new Sheet(sheetName)
        .column(lang.pick("指标", "Indicator"), TEXT, 28)
        .column(lang.pick("指标编码", "Indicator code"), TEXT, 22)
        .column(lang.pick("周期", "Period"), TEXT, 12)
        .column(lang.pick("层级", "Level"), TEXT, 8)
        .column(lang.pick("单位编码", "Unit code"), TEXT, 12)
        .column(lang.pick("单位", "Unit"), TEXT, 16)
        .column(lang.pick("分子", "Numerator"), INTEGER, 10)
        .column(lang.pick("分母", "Denominator"), INTEGER, 10)
        .column(lang.pick("值", "Value"), FIGURE, 12)
        .column(lang.pick("目标", "Target"), FIGURE, 12)
        .column(lang.pick("是否达标", "Target met"), TEXT, 10)
        .column(lang.pick("达标学校数", "Schools meeting target"), INTEGER, 12)
        .column(lang.pick("已上报学校数", "Schools reporting"), INTEGER, 12)
        .column(lang.pick("应报学校数", "Schools expected"), INTEGER, 12)
        .column(lang.pick("完整率", "Completeness"), PERCENT, 10)
        .column(lang.pick("按时上报学校数", "Schools on time"), INTEGER, 12)
        .column(lang.pick("及时率", "Timeliness"), PERCENT, 10)
        .column(lang.pick("完成上报", "Signed off"), INTEGER, 10)
        .column(lang.pick("上报完成率", "Sign-off completeness"), PERCENT, 10)
        .column(lang.pick("按时上报率", "Signed off on time"), PERCENT, 10)
        .column(lang.pick("审核通过", "Approved"), INTEGER, 10)
        .column(lang.pick("版本", "Version"), INTEGER, 8)
        .column(lang.pick("更新时间", "Updated at"), DATETIME, 17)
        .freezeColumns(1);
  }

  private Object[] rollupRow(IndicatorView i, String periodId, String level, RollupCell c) {
    return new Object[] {
        name(i), i.code(), periodId, level(level), text(c.id()), text(c.name()),
        withheldOr(c.suppressed(), c.numerator()), withheldOr(c.suppressed(), c.denominator()),
        c.suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(i.kind(), c.value()),
        Sheet.Figure.of(i.kind(), c.target()), met(c.met()),
        c.schoolsMeetingTarget(), c.schoolsReporting(), c.schoolsExpected(), c.completeness(), c.schoolsOnTime(),
        c.timeliness(), signedOff(c.signOffs()), signOffCompleteness(c.signOffs()), signOffTimeliness(c.signOffs()),
        approved(c.signOffs()), c.version(), c.asOf()};
  }

  /** The county's row and its schools × indicators, then one row per indicator × unit. */
  List<Sheet> countyScorecard(CountyScorecard sc) {
    Sheet overview = new Sheet(lang.pick("指标概览", "Scorecard"))
        .column(lang.pick("单位编码", "Unit code"), TEXT, 12)
        .column(lang.pick("单位", "Unit"), TEXT, 18)
        .column(lang.pick("层级", "Level"), TEXT, 8)
        .column(lang.pick("学区", "Xuequ"), TEXT, 12)
        .column(lang.pick("学校类型", "School type"), TEXT, 14)
        .freezeColumns(2);
    for (CountyScorecard.Column c : sc.indicators()) {
      overview.column(name(c.indicator()), FIGURE, 16);
    }
    List<Object> county = new ArrayList<>(Arrays.asList(text(sc.countyId()), text(sc.countyName()), level("COUNTY"), null,
        null));
    for (CountyScorecard.Column c : sc.indicators()) {
      county.add(c.county().suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(c.indicator().kind(), c.county().value()));
    }
    overview.row(county.toArray());
    Sheet details = new Sheet(lang.pick("明细", "Details"))
        .column(lang.pick("指标", "Indicator"), TEXT, 28)
        .column(lang.pick("指标编码", "Indicator code"), TEXT, 22)
        .column(lang.pick("周期", "Period"), TEXT, 12)
        .column(lang.pick("学校编码", "School code"), TEXT, 12)
        .column(lang.pick("学校", "School"), TEXT, 18)
        .column(lang.pick("学区", "Xuequ"), TEXT, 12)
        .column(lang.pick("适用", "Applies"), TEXT, 6)
        .column(lang.pick("分子", "Numerator"), INTEGER, 10)
        .column(lang.pick("分母", "Denominator"), INTEGER, 10)
        .column(lang.pick("值", "Value"), FIGURE, 12)
        .column(lang.pick("目标", "Target"), FIGURE, 12)
        .column(lang.pick("是否达标", "Target met"), TEXT, 10)
        .column(lang.pick("版本", "Version"), INTEGER, 8)
        .column(lang.pick("更新时间", "Updated at"), DATETIME, 17)
        .freezeColumns(1);
    for (CountyScorecard.SchoolLine s : sc.schools()) {
      List<Object> row = new ArrayList<>(Arrays.asList(text(s.id()), text(s.name()), level("SCHOOL"),
          text(s.cells().isEmpty() ? null : s.cells().getFirst().xuequId()), schoolType(s.schoolType())));
      for (CountyScorecard.Column column : sc.indicators()) {
        CountyScorecard.SchoolCell cell = s.cells().stream()
            .filter(x -> x.code().equals(column.indicator().code())).findFirst().orElse(null);
        row.add(cell == null ? null
            : cell.suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(column.indicator().kind(), cell.value()));
        if (cell != null) {
          details.row(schoolCellRow(column.indicator(), s.id(), s.name(), cell));
        }
      }
      overview.row(row.toArray());
    }
    return List.of(overview, details);
  }

  private Object[] schoolCellRow(IndicatorView i, String schoolId, String schoolName, CountyScorecard.SchoolCell c) {
    return new Object[] {
        name(i), i.code(), c.periodId(), text(schoolId), text(schoolName), text(c.xuequId()), c.applies(),
        withheldOr(c.suppressed(), c.numerator()), withheldOr(c.suppressed(), c.denominator()),
        c.suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(i.kind(), c.value()),
        Sheet.Figure.of(i.kind(), c.target()), met(c.met()), c.version(), c.asOf()};
  }

  List<Sheet> schoolScorecard(SchoolScorecard sc) {
    Sheet sheet = new Sheet(lang.pick("学校指标", "School scorecard"))
        .column(lang.pick("指标", "Indicator"), TEXT, 28)
        .column(lang.pick("指标编码", "Indicator code"), TEXT, 22)
        .column(lang.pick("周期", "Period"), TEXT, 12)
        .column(lang.pick("适用", "Applies"), TEXT, 6)
        .column(lang.pick("缺报", "Missing"), TEXT, 6)
        .column(lang.pick("分子", "Numerator"), INTEGER, 10)
        .column(lang.pick("分母", "Denominator"), INTEGER, 10)
        .column(lang.pick("值", "Value"), FIGURE, 12)
        .column(lang.pick("目标", "Target"), FIGURE, 12)
        .column(lang.pick("是否达标", "Target met"), TEXT, 10)
        .column(lang.pick("版本", "Version"), INTEGER, 8)
        .column(lang.pick("更新时间", "Updated at"), DATETIME, 17)
        .freezeColumns(1);
    for (SchoolScorecard.Line l : sc.indicators()) {
      CountyScorecard.SchoolCell c = l.cell();
      IndicatorView i = l.indicator();
      sheet.row(name(i), i.code(), l.periodId(), c.applies(), l.missing(),
          withheldOr(c.suppressed(), c.numerator()), withheldOr(c.suppressed(), c.denominator()),
          c.suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(i.kind(), c.value()),
          Sheet.Figure.of(i.kind(), c.target()), met(c.met()), c.version(), c.asOf());
    }
    return List.of(sheet);
  }

  // ---- one indicator

  List<Sheet> indicatorCity(CityReport r) {
    IndicatorView i = r.indicator();
    boolean approvedBasis = r.basis() == Basis.APPROVED;
    Sheet sheet = figuresSheet(lang.pick("全市及县区", "City and counties") + basisSuffix(r.basis()));
    if (!approvedBasis) {
      approvedColumns(sheet);
    }
    CityFigures c = r.city();
    if (c != null) {
      List<Object> row = new ArrayList<>(Arrays.asList(text(c.id()), text(c.name()), level("CITY")));
      row.addAll(Arrays.asList(withheldOr(c.suppressed(), c.numerator()),
          withheldOr(c.suppressed(), c.denominator()), c.suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(i.kind(), c.rate()),
          Sheet.Figure.of(i.kind(), i.target()), met(c.met()), c.schoolsMeetingTarget(), c.schoolsReporting(),
          c.schoolsExpected(), c.completeness(), c.schoolsOnTime(), null, c.timeliness(), signedOff(c.signOffs()),
          signOffCompleteness(c.signOffs()), signOffTimeliness(c.signOffs()), approved(c.signOffs()), c.version(),
          c.asOf()));
      sheet.row(withApproval(row, approvedBasis, c.approved(), i).toArray());
    }
    for (CountyFigures f : r.counties()) {
      List<Object> row = new ArrayList<>(Arrays.asList(text(f.id()), text(f.name()), level("COUNTY")));
      row.addAll(Arrays.asList(withheldOr(f.suppressed(), f.numerator()),
          withheldOr(f.suppressed(), f.denominator()), f.suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(i.kind(), f.rate()),
          Sheet.Figure.of(i.kind(), i.target()), met(f.met()), f.schoolsMeetingTarget(), f.schoolsReporting(),
          f.schoolsExpected(), f.completeness(), f.schoolsOnTime(), f.deadline(), f.timeliness(), signedOff(f.signOffs()),
          signOffCompleteness(f.signOffs()), signOffTimeliness(f.signOffs()), approved(f.signOffs()), f.version(),
          f.asOf()));
      sheet.row(withApproval(row, approvedBasis, f.approved(), i).toArray());
    }
    return List.of(sheet);
  }

  /** Which figures a sheet holds, in its name: the live ones (approved beside them) or the approved ones only. */
  private String basisSuffix(Basis basis) {
    return basis == Basis.APPROVED ? lang.pick("（审核通过数据）", " (approved)") : lang.pick("（实时数据）", " (live)");
  }

  /** Beside live figures: the approved value, how many schools it covers, and whether it differs from the live one. */
  private void approvedColumns(Sheet sheet) {
    sheet.column(lang.pick("审核通过值", "Approved value"), FIGURE, 12)
        .column(lang.pick("审核通过学校数", "Schools approved"), INTEGER, 12)
        .column(lang.pick("与审核通过数据不同", "Differs from approved"), TEXT, 12);
  }

  private List<Object> withApproval(List<Object> row, boolean approvedBasis, Approval a, IndicatorView i) {
    if (!approvedBasis) {
      row.add(a == null ? null : a.suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(i.kind(), a.rate()));
      row.add(a == null ? null : a.schoolsApproved());
      row.add(a == null ? lang.pick("未审核", "not approved") : a.differsFromLive() ? lang.pick("是", "yes") : lang.pick("否", "no"));
    }
    return row;
  }

  /** A trend: one row per unit and period, oldest period first, as the trend's table shows it. */
  List<Sheet> trend(Trend t) {
    IndicatorView i = t.indicator();
    Sheet sheet = new Sheet(lang.pick("趋势", "Trend"))
        .column(lang.pick("单位编码", "Unit code"), TEXT, 12)
        .column(lang.pick("单位", "Unit"), TEXT, 16)
        .column(lang.pick("层级", "Level"), TEXT, 8)
        .column(lang.pick("统计期", "Period"), TEXT, 12)
        .column(lang.pick("分子", "Numerator"), INTEGER, 10)
        .column(lang.pick("分母", "Denominator"), INTEGER, 10)
        .column(lang.pick("值", "Value"), FIGURE, 12)
        .column(lang.pick("目标", "Target"), FIGURE, 12)
        .column(lang.pick("是否达标", "Target met"), TEXT, 10)
        .column(lang.pick("完整率", "Completeness"), PERCENT, 10)
        .column(lang.pick("较上期", "Against the previous period"), TEXT, 12)
        .column(lang.pick("版本", "Version"), INTEGER, 8)
        .freezeColumns(2);
    for (Trend.Series s : t.series()) {
      for (Trend.Point p : s.points()) {
        sheet.row(text(s.id()), text(s.name()), level(s.level()), p.periodId(), withheldOr(p.suppressed(), p.numerator()),
            withheldOr(p.suppressed(), p.denominator()), p.suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(i.kind(), p.value()),
            Sheet.Figure.of(i.kind(), p.target()), met(p.met()), p.completeness(), direction(p.direction()), p.version());
      }
    }
    return List.of(sheet);
  }

  private String direction(String direction) {
    if (direction == null) {
      return null;
    }
    return switch (direction) {
      case "UP" -> lang.pick("上升", "up");
      case "DOWN" -> lang.pick("下降", "down");
      default -> lang.pick("持平", "same");
    };
  }

  private Sheet figuresSheet(String sheetName) {
    return new Sheet(sheetName)
        .column(lang.pick("单位编码", "Unit code"), TEXT, 12)
        .column(lang.pick("单位", "Unit"), TEXT, 16)
        .column(lang.pick("层级", "Level"), TEXT, 8)
        .column(lang.pick("分子", "Numerator"), INTEGER, 10)
        .column(lang.pick("分母", "Denominator"), INTEGER, 10)
        .column(lang.pick("值", "Value"), FIGURE, 12)
        .column(lang.pick("目标", "Target"), FIGURE, 12)
        .column(lang.pick("是否达标", "Target met"), TEXT, 10)
        .column(lang.pick("达标学校数", "Schools meeting target"), INTEGER, 12)
        .column(lang.pick("已上报学校数", "Schools reporting"), INTEGER, 12)
        .column(lang.pick("应报学校数", "Schools expected"), INTEGER, 12)
        .column(lang.pick("完整率", "Completeness"), PERCENT, 10)
        .column(lang.pick("按时上报学校数", "Schools on time"), INTEGER, 12)
        .column(lang.pick("截止时间", "Deadline"), DATETIME, 17)
        .column(lang.pick("及时率", "Timeliness"), PERCENT, 10)
        .column(lang.pick("完成上报", "Signed off"), INTEGER, 10)
        .column(lang.pick("上报完成率", "Sign-off completeness"), PERCENT, 10)
        .column(lang.pick("按时上报率", "Signed off on time"), PERCENT, 10)
        .column(lang.pick("审核通过", "Approved"), INTEGER, 10)
        .column(lang.pick("版本", "Version"), INTEGER, 8)
        .column(lang.pick("更新时间", "Updated at"), DATETIME, 17)
        .freezeColumns(2);
  }

  /** The county's row and its schools, then the lineage: which school snapshot versions the county rollup used, when made. */
  List<Sheet> indicatorCounty(CountyReport r) {
    IndicatorView i = r.indicator();
    boolean approvedBasis = r.basis() == Basis.APPROVED;
    Sheet sheet = new Sheet(lang.pick("县区及学校", "County and schools") + basisSuffix(r.basis()))
        .column(lang.pick("单位编码", "Unit code"), TEXT, 12)
        .column(lang.pick("单位", "Unit"), TEXT, 18)
        .column(lang.pick("层级", "Level"), TEXT, 8)
        .column(lang.pick("学区", "Xuequ"), TEXT, 12)
        .column(lang.pick("学校类型", "School type"), TEXT, 14)
        .column(lang.pick("适用", "Applies"), TEXT, 6)
        .column(lang.pick("分子", "Numerator"), INTEGER, 10)
        .column(lang.pick("分母", "Denominator"), INTEGER, 10)
        .column(lang.pick("值", "Value"), FIGURE, 12)
        .column(lang.pick("目标", "Target"), FIGURE, 12)
        .column(lang.pick("是否达标", "Target met"), TEXT, 10)
        .column(lang.pick("版本", "Version"), INTEGER, 8)
        .column(lang.pick("更新时间", "Updated at"), DATETIME, 17)
        .column(lang.pick("县区汇总所用版本", "Version in county rollup"), INTEGER, 14)
        .freezeColumns(2);
    if (!approvedBasis) {
      approvedColumns(sheet);
    }
    CountyDetail c = r.county();
    List<Object> county = new ArrayList<>(Arrays.asList(text(c.id()), text(c.name()), level("COUNTY")));
    county.addAll(Arrays.asList(null, null, null,
        withheldOr(c.suppressed(), c.numerator()), withheldOr(c.suppressed(), c.denominator()),
        c.suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(i.kind(), c.rate()), Sheet.Figure.of(i.kind(), i.target()),
        met(c.met()), c.version(), c.asOf(), null));
    sheet.row(withApproval(county, approvedBasis, c.approved(), i).toArray());
    for (SchoolFigures s : r.schools()) {
      List<Object> row = new ArrayList<>(Arrays.asList(text(s.id()), text(s.name()), level("SCHOOL")));
      row.addAll(Arrays.asList(text(s.xuequId()), schoolType(s.schoolType()), s.applies(),
          withheldOr(s.suppressed(), s.numerator()), withheldOr(s.suppressed(), s.denominator()),
          s.suppressed() ? Sheet.WITHHELD : Sheet.Figure.of(i.kind(), s.rate()), Sheet.Figure.of(i.kind(), i.target()),
          met(s.met()), s.snapshotVersion(), s.asOf(), s.usedInCountyRollup()));
      sheet.row(withApproval(row, approvedBasis, s.approved(), i).toArray());
    }
    Sheet lineage = new Sheet(lang.pick("数据来源", "Lineage"))
        .column(lang.pick("学校编码", "School code"), TEXT, 12)
        .column(lang.pick("学校", "School"), TEXT, 18)
        .column(lang.pick("所用版本", "Version used"), INTEGER, 10)
        .column(lang.pick("该版本生成时间", "Version made at"), DATETIME, 17);
    for (CountyDetail.SchoolVersion v : c.lineage()) {
      String schoolName = r.schools().stream().filter(s -> s.id().equals(v.schoolId())).map(SchoolFigures::name)
          .findFirst().orElse(null);
      lineage.row(text(v.schoolId()), text(schoolName), v.version(), v.asOf());
    }
    return List.of(sheet, lineage);
  }

  // ---- lists

  List<Sheet> belowTarget(BelowTarget b) {
    IndicatorView i = b.indicator();
    List<Sheet> sheets = new ArrayList<>();
    if (b.countyId() == null) {
      Sheet counties = new Sheet(lang.pick("未达标县区", "Counties below target"))
          .column(lang.pick("县区编码", "County code"), TEXT, 12)
          .column(lang.pick("县区", "County"), TEXT, 16)
          .column(lang.pick("分子", "Numerator"), INTEGER, 10)
          .column(lang.pick("分母", "Denominator"), INTEGER, 10)
          .column(lang.pick("值", "Value"), FIGURE, 12)
          .column(lang.pick("目标", "Target"), FIGURE, 12)
          .column(lang.pick("差距", "Gap"), FIGURE, 12)
          .column(lang.pick("达标学校数", "Schools meeting target"), INTEGER, 12)
          .column(lang.pick("应报学校数", "Schools expected"), INTEGER, 12)
          .freezeColumns(2);
      for (BelowTarget.County c : b.counties()) {
        counties.row(text(c.id()), text(c.name()), c.numerator(), c.denominator(), Sheet.Figure.of(i.kind(), c.value()),
            Sheet.Figure.of(i.kind(), i.target()), Sheet.Figure.gapOf(i.kind(), c.gap()), c.schoolsMeetingTarget(),
            c.schoolsExpected());
      }
      sheets.add(counties);
    }
    Sheet schools = new Sheet(lang.pick("未达标学校", "Schools below target"))
        .column(lang.pick("学校编码", "School code"), TEXT, 12)
        .column(lang.pick("学校", "School"), TEXT, 18)
        .column(lang.pick("县区编码", "County code"), TEXT, 12)
        .column(lang.pick("县区", "County"), TEXT, 16)
        .column(lang.pick("分子", "Numerator"), INTEGER, 10)
        .column(lang.pick("分母", "Denominator"), INTEGER, 10)
        .column(lang.pick("值", "Value"), FIGURE, 12)
        .column(lang.pick("目标", "Target"), FIGURE, 12)
        .column(lang.pick("差距", "Gap"), FIGURE, 12)
        .freezeColumns(2);
    for (BelowTarget.School s : b.schools()) {
      schools.row(text(s.id()), text(s.name()), text(s.countyId()), text(s.countyName()), s.numerator(), s.denominator(),
          Sheet.Figure.of(i.kind(), s.value()), Sheet.Figure.of(i.kind(), i.target()), Sheet.Figure.gapOf(i.kind(), s.gap()));
    }
    sheets.add(schools);
    sheets.add(notes(name(i) + " (" + i.code() + ") " + b.periodId(), b.withheld(), b.note()));
    return sheets;
  }

  List<Sheet> attention(Attention a) {
    Sheet sheet = new Sheet(lang.pick("待关注事项", "Needs attention"))
        .column(lang.pick("指标", "Indicator"), TEXT, 28)
        .column(lang.pick("指标编码", "Indicator code"), TEXT, 22)
        .column(lang.pick("周期", "Period"), TEXT, 12)
        .column(lang.pick("层级", "Level"), TEXT, 8)
        .column(lang.pick("单位编码", "Unit code"), TEXT, 12)
        .column(lang.pick("单位", "Unit"), TEXT, 18)
        .column(lang.pick("县区", "County"), TEXT, 14)
        .column(lang.pick("学区", "Xuequ"), TEXT, 12)
        .column(lang.pick("原因", "Reason"), TEXT, 10)
        .column(lang.pick("值", "Value"), FIGURE, 12)
        .column(lang.pick("目标", "Target"), FIGURE, 12)
        .column(lang.pick("差距", "Gap"), FIGURE, 12)
        .column(lang.pick("分子", "Numerator"), INTEGER, 10)
        .column(lang.pick("分母", "Denominator"), INTEGER, 10)
        .column(lang.pick("截止时间", "Deadline"), DATETIME, 17)
        .column(lang.pick("首次上报时间", "First reported at"), DATETIME, 17)
        .freezeColumns(1);
    for (Attention.Item it : a.items()) {
      sheet.row(lang.pick(it.indicatorNameZh(), it.indicatorNameEn()), it.indicatorCode(), it.periodId(), level(it.level()),
          text(it.unitId()), text(it.unitName()), text(it.countyName()), text(it.xuequId()), reason(it.reason()),
          Sheet.Figure.of(it.kind(), it.value()), Sheet.Figure.of(it.kind(), it.target()),
          Sheet.Figure.gapOf(it.kind(), it.gap()), it.numerator(), it.denominator(), it.deadline(), it.firstReportedAt());
    }
    return List.of(sheet, notes(a.periodId(), a.withheld(), null));
  }

  private Sheet notes(String about, int withheld, String note) {
    Sheet notes = new Sheet(lang.pick("说明", "Notes"))
        .column(lang.pick("事项", "Item"), TEXT, 40)
        .column(lang.pick("内容", "Value"), TEXT, 60);
    notes.row(lang.pick("范围", "Scope"), about);
    notes.row(lang.pick("因小数据保护未列出的单位数", "Units left out as withheld small cells"), String.valueOf(withheld));
    if (note != null) {
      notes.row(lang.pick("备注", "Note"), note);
    }
    return notes;
  }

  // ---- cells

  private String met(Boolean met) {
    return met == null ? null : met ? lang.pick("是", "Yes") : lang.pick("否", "No");
  }

  // a rollup that predates sign-offs leaves their four cells empty, as a period without a deadline leaves timeliness
  private static Integer signedOff(SignOffs s) {
    return s == null ? null : s.signedOff();
  }

  private static BigDecimal signOffCompleteness(SignOffs s) {
    return s == null ? null : s.completeness();
  }

  private static BigDecimal signOffTimeliness(SignOffs s) {
    return s == null ? null : s.timeliness();
  }

  private static Integer approved(SignOffs s) {
    return s == null ? null : s.approved();
  }

  private static Object withheldOr(boolean suppressed, Long value) {
    return suppressed ? Sheet.WITHHELD : value;
  }

  private static String text(String s) {
    return s;
  }
}
