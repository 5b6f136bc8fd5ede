package org.gongyu.reporting.report;

import static org.gongyu.reporting.stamps.ReadModelStamps.ALL_COUNTIES;
import static org.gongyu.reporting.stamps.ReadModelStamps.ALL_SCHOOLS;
import static org.gongyu.reporting.stamps.ReadModelStamps.CITY;
import static org.gongyu.reporting.stamps.ReadModelStamps.REFERENCE;
import static org.gongyu.reporting.stamps.ReadModelStamps.REGISTRY;
import static org.gongyu.reporting.stamps.ReadModelStamps.county;
import static org.gongyu.reporting.stamps.ReadModelStamps.schools;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The city's and counties' report documents, each with the scopes it rests on: the city's on the
 * catalogue, the registry and every rollup (and on every county's schools where it lists schools
 * across the city or sums approved figures); a county's on the catalogue, the registry, its
 * rollups and its schools' snapshots and approvals. The API and
 * the exports both take them from here, so an export is the document the screen showed.
 */
@Component
public class ReadyDocuments {

  private static final List<String> CITY_SCOPES = List.of(REFERENCE, REGISTRY, CITY, ALL_COUNTIES);
  private static final List<String> CITY_SCHOOL_SCOPES = List.of(REFERENCE, REGISTRY, CITY, ALL_COUNTIES, ALL_SCHOOLS);

  private final Documents documents;
  private final ScorecardService scorecards;
  private final ReportService reports;
  private final TrendService trends;
  private final AttentionService attention;
  private final Duration maxAge;
  private final Duration clockedMaxAge;

  ReadyDocuments(Documents documents, ScorecardService scorecards, ReportService reports, TrendService trends,
      AttentionService attention,
      @Value("${gongyu.reporting.documents.max-age:PT5M}") Duration maxAge,
      @Value("${gongyu.reporting.documents.clocked-max-age:PT30S}") Duration clockedMaxAge) {
    this.documents = documents;
    this.scorecards = scorecards;
    this.reports = reports;
    this.trends = trends;
    this.attention = attention;
    this.maxAge = maxAge;
    this.clockedMaxAge = clockedMaxAge;
  }

  private static List<String> countyScopes(String countyId) {
    return List.of(REFERENCE, REGISTRY, county(countyId), schools(countyId));
  }

  public Document<CityScorecard> cityScorecard(String periodId) {
    return documents.get("city-scorecard", CITY_SCOPES, maxAge, () -> scorecards.city(periodId), periodId);
  }

  public Document<CountyScorecard> countyScorecard(String periodId, String countyId) {
    return documents.get("county-scorecard", countyScopes(countyId), maxAge,
        () -> scorecards.county(periodId, countyId), periodId, countyId);
  }

  public Document<CityReport> cityReport(String code, String periodId, Basis basis) {
    return documents.get("city-report", CITY_SCHOOL_SCOPES, maxAge,
        () -> reports.city(code, periodId, basis), code, periodId, basis);
  }

  public Document<CountyReport> countyReport(String code, String periodId, String countyId, Basis basis) {
    return documents.get("county-report", countyScopes(countyId), maxAge,
        () -> reports.county(code, periodId, countyId, basis), code, periodId, countyId, basis);
  }

  public Document<BelowTarget> belowTarget(String code, String periodId) {
    return documents.get("city-below-target", CITY_SCHOOL_SCOPES, maxAge,
        () -> reports.belowTarget(code, periodId), code, periodId);
  }

  public Document<BelowTarget> belowTarget(String code, String periodId, String countyId) {
    return documents.get("county-below-target", countyScopes(countyId), maxAge,
        () -> reports.belowTarget(code, periodId, countyId), code, periodId, countyId);
  }

  public Document<Trend> cityTrend(String code, String to, int periods) {
    return documents.get("city-trend", CITY_SCOPES, maxAge, () -> trends.city(code, to, periods), code, to, periods);
  }

  public Document<Trend> countyTrend(String code, String countyId, String to, int periods) {
    return documents.get("county-trend", countyScopes(countyId), maxAge,
        () -> trends.county(code, countyId, to, periods), code, countyId, to, periods);
  }

  /** Lateness depends on the clock (a deadline passes without any change): rebuilt at least every 30 s. */
  public Document<Attention> cityAttention(String periodId, AttentionService.Filter filter) {
    return documents.get("city-attention", CITY_SCHOOL_SCOPES, clockedMaxAge,
        () -> attention.city(periodId, filter), periodId, filter);
  }

  public Document<Attention> countyAttention(String periodId, String countyId, AttentionService.Filter filter) {
    return documents.get("county-attention", countyScopes(countyId), clockedMaxAge,
        () -> attention.county(periodId, countyId, filter), periodId, countyId, filter);
  }
}
