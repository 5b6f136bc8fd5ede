package org.gongyu.city.rollup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Optional;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.city.CityProperties;
import org.gongyu.city.county.Counties;
import org.gongyu.city.county.CountyAdded;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CityRollupPublished;
import org.gongyu.contracts.indicator.Rollup;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes city rollups from stored county rollups and publishes the ones that changed. */
@Service
class CityRollups {

  private final CityRollupRepository repo;
  private final Counties counties;
  private final CityProperties city;
  private final Outbox outbox;
  private final Clock clock;
  private final Timer recomputeTime;

  CityRollups(CityRollupRepository repo, Counties counties, CityProperties city, Outbox outbox, Clock clock,
      MeterRegistry meters) {
    this.recomputeTime = recomputeTimer(meters);
    this.repo = repo;
    this.counties = counties;
    this.city = city;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Recomputes one city rollup under its row lock (after the city lock). The sums are read by a
   * statement issued after both locks are granted, so they include everything committed before.
   *
   * @return the new version, or empty when the rollup already said the same
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Long> recompute(RollupKey key) {
    return recomputeTime.record(() -> recomputeUnderLock(key));
  }

  /** {@code gongyu.rollup.recompute}: one city rollup recomputed (locks, sums, save, outbox), tier {@code city}. */
  private static Timer recomputeTimer(MeterRegistry meters) {
    return Timer.builder("gongyu.rollup.recompute")
        .description("time to recompute one rollup from the stored figures of the tier below")
        .tag("tier", "city")
        .publishPercentileHistogram()
        .register(meters);
  }

  private Optional<Long> recomputeUnderLock(RollupKey key) {
    counties.lockShared();
    CityRollupRow stored = repo.lock(city.id(), key);
    CityRollupFigures figures = CityRollupFigures.of(repo.latestOfKnownCounties(city.id(), key), counties.count());
    if (figures.sameAs(stored)) {
      return Optional.empty();
    }
    Rollup r = figures.rollup();
    CityRollupRow next = new CityRollupRow(
        city.id(), key.indicatorCode(), key.periodId(),
        r.figure().numerator(), r.figure().denominator(),
        figures.countiesReporting(), figures.countiesExpected(),
        r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(),
        stored.version() + 1, clock.instant(), figures.lineage(), figures.schoolsOnTime(), figures.schoolsUnderDeadline(),
        figures.schoolsSignedOff(), figures.schoolsSignedOffOnTime(), figures.schoolsApproved());
    repo.save(next);
    outbox.publish(Topics.CITY_INDICATOR_ROLLUPS, city.id(), toEvent(next));
    return Optional.of(next.version());
  }

  /** One more county is expected, and its stored rollups now count. */
  @EventListener
  void on(CountyAdded added) {
    repo.affectedByNewCounty(city.id(), added.countyId()).forEach(this::recompute);
  }

  @Transactional(readOnly = true)
  Optional<CityRollupRow> find(RollupKey key) {
    return repo.findPublished(city.id(), key);
  }

  private CityRollupPublished toEvent(CityRollupRow r) {
    return new CityRollupPublished(
        r.cityId(), r.indicatorCode(), r.periodId(), r.numerator(), r.denominator(),
        r.countiesReporting(), r.countiesExpected(), r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(),
        r.version(), r.asOf(),
        r.lineage().stream().map(l -> new CityRollupPublished.RollupRef(l.countyId(), l.version())).toList(),
        city.name(), r.schoolsOnTime(), r.schoolsUnderDeadline(), r.schoolsSignedOff(), r.schoolsSignedOffOnTime(),
        r.schoolsApproved());
  }
}
