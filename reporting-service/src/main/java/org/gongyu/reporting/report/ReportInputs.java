package org.gongyu.reporting.report;

import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.reporting.catalogue.CatalogueRepository;
import org.gongyu.reporting.catalogue.IndicatorRow;
import org.gongyu.reporting.orgunits.CountyRow;
import org.gongyu.reporting.orgunits.OrgUnitRepository;
import org.springframework.stereotype.Component;

/** What every report resolves first from its path: the period, the indicator, the county; 400 or 404 problems otherwise. */
@Component
class ReportInputs {

  private final CityCalendar calendar;
  private final CatalogueRepository catalogue;
  private final OrgUnitRepository orgUnits;

  ReportInputs(CityCalendar calendar, CatalogueRepository catalogue, OrgUnitRepository orgUnits) {
    this.calendar = calendar;
    this.catalogue = catalogue;
    this.orgUnits = orgUnits;
  }

  CityCalendar calendar() {
    return calendar;
  }

  /** A period of any type of this city; 400 naming the id otherwise. */
  Period period(String periodId) {
    try {
      return calendar.parse(periodId);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("periodId", e));
    }
  }

  /**
   * The indicator (404 if not in the catalogue) and a period of its own type (400 naming the
   * mismatch otherwise). A malformed period is refused before the indicator is looked up.
   */
  Evaluated evaluated(String code, String periodId, String parameter) {
    try {
      calendar.parse(periodId);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of(parameter, e));
    }
    IndicatorRow indicator = indicator(code);
    try {
      return new Evaluated(indicator, calendar.parse(indicator.periodType(), periodId));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(Msg.msg("reporting.period.of-indicator", parameter, PeriodMessages.of(e), code));
    }
  }

  IndicatorRow indicator(String code) {
    return catalogue.find(code)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("reporting.indicator.unknown", code)));
  }

  CountyRow county(String countyId) {
    return orgUnits.county(countyId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("reporting.county.not-registered", countyId)));
  }

  /** An indicator and a period of its type. */
  record Evaluated(IndicatorRow indicator, Period period) {}
}
