package org.gongyu.city.catalogue;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.period.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the catalogue and changes target schedules. A change is one transaction: the step, the
 * definition's next version, and its {@code IndicatorDefined} in the outbox (marked published, so
 * the startup publisher does not send it again).
 */
@Service
class CatalogueService {

  private static final Logger log = LoggerFactory.getLogger(CatalogueService.class);
  /** {@code indicator_target.value} is {@code numeric(14,4)}. */
  private static final int MAX_SCALE = 4;
  private static final BigDecimal MAX_VALUE = new BigDecimal("9999999999");

  private final CatalogueRepository repo;
  private final CityCalendar calendar;
  private final Outbox outbox;
  private final Clock clock;

  CatalogueService(CatalogueRepository repo, CityCalendar calendar, Outbox outbox, Clock clock) {
    this.repo = repo;
    this.calendar = calendar;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<Indicator> all() {
    return repo.all();
  }

  @Transactional(readOnly = true)
  Indicator one(String code) {
    return repo.find(code).orElseThrow(() -> unknown(code));
  }

  /**
   * Sets the target from {@code periodId} on. Re-sending the value the step already has changes
   * nothing (no version, no event), even once the period has started; any other value for a
   * started period is refused, so a published period's target never changes.
   */
  @Transactional
  Indicator setTarget(String code, String periodId, BigDecimal value, String by) {
    Indicator indicator = repo.lock(code).orElseThrow(() -> unknown(code));
    Period period = period(indicator, periodId);
    check(indicator.kind(), value);
    Optional<TargetStep> existing = indicator.targets().stream().filter(t -> t.fromPeriod().equals(period.id())).findFirst();
    if (existing.isPresent() && sameValue(existing.get().value(), value)) {
      return indicator;
    }
    if (calendar.hasStarted(period)) {
      throw ApiProblem.conflict(Msg.msg("city.target.period-started", period.id(), period.start(calendar.calendar())));
    }
    long version = repo.putStep(code, period.id(), value, clock.instant(), by);
    Indicator changed = repo.find(code).orElseThrow();
    if (changed.version() != version) {
      throw new IllegalStateException("indicator " + code + " changed under its lock");
    }
    outbox.publish(Topics.CITY_CATALOGUE, code, changed.toEvent());
    repo.markPublished(code, version);
    log.info("indicator {} target from {} set to {} by {}: version {}", code, period.id(), value, by, version);
    return changed;
  }

  private Period period(Indicator indicator, String periodId) {
    try {
      return calendar.parse(indicator.periodType(), periodId);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("periodId", e));
    }
  }

  /**
   * A RATIO or SCHOOL_THRESHOLD target is a fraction; COUNT (per school), UNIT_COUNT (per county,
   * e.g. 100 demonstration titles) and PER_CAPITA targets are plain numbers and may exceed 1.
   */
  private static void check(IndicatorKind kind, BigDecimal value) {
    if (value == null) {
      return;
    }
    if (value.signum() < 0) {
      throw ApiProblem.badRequest(Msg.msg("city.target.negative", value.toPlainString()));
    }
    if ((kind == IndicatorKind.RATIO || kind == IndicatorKind.SCHOOL_THRESHOLD) && value.compareTo(BigDecimal.ONE) > 0) {
      throw ApiProblem.badRequest(Msg.msg("city.target.not-a-fraction", kind, value.toPlainString()));
    }
    if (value.stripTrailingZeros().scale() > MAX_SCALE) {
      throw ApiProblem.badRequest(Msg.msg("city.target.scale", MAX_SCALE, value.toPlainString()));
    }
    if (value.compareTo(MAX_VALUE) > 0) {
      throw ApiProblem.badRequest(Msg.msg("city.target.too-large", MAX_VALUE.toPlainString(), value.toPlainString()));
    }
  }

  private static boolean sameValue(BigDecimal stored, BigDecimal requested) {
    return stored == null ? requested == null : requested != null && stored.compareTo(requested) == 0;
  }

  private static ApiProblem unknown(String code) {
    return ApiProblem.notFound(Msg.msg("city.catalogue.unknown", code));
  }
}
