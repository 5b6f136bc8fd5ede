package org.gongyu.district.rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.SmallCells;
import org.gongyu.contracts.indicator.Target;

/**
 * A 学区's scorecard, shaped like the county scorecard of reporting-service so that the web app's
 * scorecard table shows it: per indicator the 学区's own cell, and per member school its cells. Seen
 * from above the school tier: a sensitive indicator's small cells are withheld in both.
 */
record XuequScorecardResponse(
    String periodId, String countyId, String xuequId, String xuequName, List<Column> indicators, List<SchoolLine> schools) {

  /** An indicator in its own period, with its target for that period (kind, period type, comparator by name). */
  record Indicator(String code, String nameZh, String nameEn, String kind, String periodType,
      String comparator, boolean sensitive, List<String> schoolTypes, BigDecimal target) {}

  /** The 学区's own figures of an indicator (a row of figures like a county's). */
  record Cell(String id, String name, boolean suppressed, Long numerator, Long denominator, BigDecimal value,
      BigDecimal target, Boolean met, int schoolsMeetingTarget, int schoolsReporting, int schoolsExpected,
      BigDecimal completeness, Integer schoolsOnTime, BigDecimal timeliness, SignOffs signOffs) {}

  /** Sign-offs (完成上报) among the counted schools, with completeness and timeliness over those expected. */
  record SignOffs(int signedOff, Integer signedOffOnTime, int approved, BigDecimal completeness, BigDecimal timeliness) {}

  record Column(Indicator indicator, String periodId, Cell xuequ) {}

  /** A school's figure of one indicator; {@code applies} false where the indicator does not count its type. */
  record SchoolCell(String code, String periodId, String xuequId, boolean applies, boolean suppressed, Long numerator,
      Long denominator, BigDecimal value, BigDecimal target, Boolean met, Long version) {}

  record SchoolLine(String id, String name, String schoolType, List<SchoolCell> cells) {}

  static XuequScorecardResponse of(XuequRollups.Scorecard card) {
    List<Column> columns = new ArrayList<>();
    Map<String, SchoolLine> schools = new LinkedHashMap<>();
    for (XuequRollups.Line line : card.lines()) {
      IndicatorDefined d = line.indicator();
      XuequFigures f = line.figures();
      BigDecimal target = f.target() == null ? null : f.target().value();
      columns.add(new Column(
          new Indicator(d.code(), d.nameZh(), d.nameEn(), d.kind().name(), d.periodType().name(),
              d.comparator() == null ? null : d.comparator().name(), d.sensitive(),
              d.schoolTypes(), target),
          f.periodId(), cell(card, f)));
      for (XuequFigures.School s : f.schools()) {
        schools.computeIfAbsent(s.schoolId(), id -> new SchoolLine(id, s.name(), s.schoolType(), new ArrayList<>()))
            .cells().add(schoolCell(card.xuequId(), f, s));
      }
    }
    List<SchoolLine> lines = schools.values().stream()
        .sorted(java.util.Comparator.comparing(SchoolLine::id))
        .map(l -> new SchoolLine(l.id(), l.name(), l.schoolType(), List.copyOf(l.cells())))
        .toList();
    return new XuequScorecardResponse(card.periodId(), card.countyId(), card.xuequId(), card.xuequName(), columns, lines);
  }

  private static Cell cell(XuequRollups.Scorecard card, XuequFigures f) {
    XuequRollupResponse r = XuequRollupResponse.of(f);
    return new Cell(card.xuequId(), card.xuequName(), r.suppressed(), r.numerator(), r.denominator(), r.rate(), r.target(),
        r.met(), r.schoolsMeetingTarget(), r.schoolsReporting(), r.schoolsExpected(), r.completeness(), r.schoolsOnTime(),
        r.schoolsOnTime() == null ? null : new Figure(r.schoolsOnTime(), r.schoolsExpected()).rate(),
        new SignOffs(r.schoolsSignedOff(), r.schoolsSignedOffOnTime(), r.schoolsApproved(), r.signOffCompleteness(),
            r.signOffTimeliness()));
  }

  private static SchoolCell schoolCell(String xuequId, XuequFigures f, XuequFigures.School s) {
    BigDecimal target = f.target() == null ? null : f.target().value();
    Figure figure = s.figure();
    if (figure == null) {
      return new SchoolCell(f.indicatorCode(), f.periodId(), xuequId, s.applies(), false, null, null, null, target, null, null);
    }
    boolean suppressed = SmallCells.suppressed(f.sensitive(), figure.numerator(), figure.denominator());
    Target t = f.target();
    return new SchoolCell(f.indicatorCode(), f.periodId(), xuequId, s.applies(), suppressed,
        suppressed ? null : figure.numerator(), suppressed ? null : figure.denominator(), suppressed ? null : figure.rate(),
        target, suppressed || t == null || !s.applies() ? null : t.isMetBy(figure), s.version());
  }
}
