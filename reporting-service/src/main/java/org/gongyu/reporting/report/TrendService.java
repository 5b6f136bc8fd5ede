package org.gongyu.reporting.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.period.Period;
import org.gongyu.reporting.catalogue.IndicatorRow;
import org.gongyu.reporting.figures.CityRollupRow;
import org.gongyu.reporting.figures.CountyRollupRow;
import org.gongyu.reporting.figures.FigureRepository;
import org.gongyu.reporting.orgunits.CountyRow;
import org.gongyu.reporting.orgunits.OrgUnitRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Trends: one indicator's city and county rollups over consecutive periods of its type. Reads the
 * stored rollups of those periods by key (plus the period before the first, for its direction).
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class TrendService {

  static final int MAX_PERIODS = 12;

  private final ReportInputs inputs;
  private final OrgUnitRepository orgUnits;
  private final FigureRepository figures;

  TrendService(ReportInputs inputs, OrgUnitRepository orgUnits, FigureRepository figures) {
    this.inputs = inputs;
    this.orgUnits = orgUnits;
    this.figures = figures;
  }

  /** The city and every county. */
  public Trend city(String code, String to, int periods) {
    var in = inputs.evaluated(code, to, "to");
    List<Period> window = window(in.period(), periods);
    List<String> ids = window.stream().map(Period::id).toList();
    Map<String, CityRollupRow> city = figures.cityRollups(code, ids).stream()
        .collect(Collectors.toMap(CityRollupRow::periodId, Function.identity()));
    Map<String, Map<String, CountyRollupRow>> byCounty = figures.countyRollups(code, ids).stream()
        .collect(Collectors.groupingBy(CountyRollupRow::countyId,
            Collectors.toMap(CountyRollupRow::periodId, Function.identity())));
    List<Trend.Series> series = new ArrayList<>();
    String cityId = city.values().stream().map(CityRollupRow::cityId).findFirst().orElse(null);
    String cityName = city.values().stream().map(CityRollupRow::cityName).filter(n -> n != null).findFirst().orElse(null);
    series.add(new Trend.Series("CITY", cityId, cityName,
        points(window, in.indicator(), p -> Optional.ofNullable(city.get(p)).map(TrendService::of))));
    for (CountyRow c : orgUnits.counties()) {
      Map<String, CountyRollupRow> rollups = byCounty.getOrDefault(c.countyId(), Map.of());
      series.add(countySeries(c, window, in.indicator(), rollups));
    }
    return trend(in, window, series);
  }

  /** One county. */
  public Trend county(String code, String countyId, String to, int periods) {
    var in = inputs.evaluated(code, to, "to");
    CountyRow county = inputs.county(countyId);
    List<Period> window = window(in.period(), periods);
    Map<String, CountyRollupRow> rollups =
        figures.countyRollups(code, window.stream().map(Period::id).toList(), countyId).stream()
            .collect(Collectors.toMap(CountyRollupRow::periodId, Function.identity()));
    return trend(in, window, List.of(countySeries(county, window, in.indicator(), rollups)));
  }

  private Trend trend(ReportInputs.Evaluated in, List<Period> window, List<Trend.Series> series) {
    return new Trend(
        ReportAssembler.indicator(in.indicator(), in.indicator().targetFor(in.period())),
        in.period().id(),
        window.subList(1, window.size()).stream().map(Period::id).toList(),
        series);
  }

  private static Trend.Series countySeries(
      CountyRow county, List<Period> window, IndicatorRow indicator, Map<String, CountyRollupRow> rollups) {
    return new Trend.Series("COUNTY", county.countyId(), county.name(),
        points(window, indicator, p -> Optional.ofNullable(rollups.get(p)).map(TrendService::of)));
  }

  private record Stored(Rollup rollup, long version) {}

  private static Stored of(CityRollupRow r) {
    return new Stored(r.rollup(), r.version());
  }

  private static Stored of(CountyRollupRow r) {
    return new Stored(r.rollup(), r.version());
  }

  /** The points of the window without its first period, which only gives the second its direction. */
  private static List<Trend.Point> points(
      List<Period> window, IndicatorRow indicator, Function<String, Optional<Stored>> stored) {
    List<Trend.Point> points = new ArrayList<>();
    Trend.Point previous = null;
    for (Period p : window) {
      Stored s = stored.apply(p.id()).orElse(null);
      Trend.Point point = ReportAssembler.point(
          p.id(),
          s == null ? null : s.rollup().figure(),
          s == null ? null : s.rollup(),
          s == null ? null : s.version(),
          indicator,
          indicator.targetFor(p),
          previous);
      points.add(point);
      previous = point;
    }
    return points.subList(1, points.size());
  }

  /** {@code count} consecutive periods ending at {@code to}, preceded by the one before them; oldest first. */
  private static List<Period> window(Period to, int count) {
    if (count < 1 || count > MAX_PERIODS) {
      throw ApiProblem.badRequest(Msg.msg("reporting.trend.periods-out-of-range", MAX_PERIODS, count));
    }
    List<Period> window = new ArrayList<>();
    Period p = to;
    for (int i = 0; i <= count; i++) {
      window.add(p);
      p = p.previous();
    }
    Collections.reverse(window);
    return window;
  }
}
