package org.gongyu.district.rollup;

import java.time.Clock;
import java.util.Optional;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.district.catalogue.IndicatorDefinitions;
import org.gongyu.district.catalogue.TargetChanged;
import org.gongyu.district.county.CountyDirectory;
import org.gongyu.district.registry.SchoolAdded;
import org.gongyu.district.registry.SchoolDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Recomputes county rollups from stored state and publishes the ones that changed. */
@Service
class CountyRollups {

  private final CountyRollupRepository repo;
  private final CountyDirectory counties;
  private final SchoolDirectory schools;
  private final IndicatorDefinitions definitions;
  private final Outbox outbox;
  private final Clock clock;

  CountyRollups(
      CountyRollupRepository repo, CountyDirectory counties, SchoolDirectory schools, IndicatorDefinitions definitions,
      Outbox outbox, Clock clock) {
    this.repo = repo;
    this.counties = counties;
    this.schools = schools;
    this.definitions = definitions;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Recomputes one rollup under its row lock. The sums are read by a statement issued after every
   * lock is granted, so they include everything committed before; READ COMMITTED suffices.
   *
   * @return the new version, or empty when the rollup already said the same
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Long> recompute(RollupKey key) {
    counties.lockShared(key.countyId());
    Target target = definitions.targetForRecompute(key.indicatorCode());
    CountyRollupRow stored = repo.lock(key);
    CountyRollupFigures figures =
        CountyRollupFigures.of(repo.latestOfRegisteredSchools(key), schools.countInCounty(key.countyId()), target);
    if (figures.sameAs(stored)) {
      return Optional.empty();
    }
    Rollup r = figures.rollup();
    CountyRollupRow next = new CountyRollupRow(
        key.countyId(), key.indicatorCode(), key.periodId(),
        r.figure().numerator(), r.figure().denominator(),
        r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(),
        stored.version() + 1, clock.instant(), figures.lineage());
    repo.save(next);
    outbox.publish(Topics.DISTRICT_INDICATOR_ROLLUPS, key.countyId(), toEvent(next));
    return Optional.of(next.version());
  }

  /** One more school is expected in the county: every rollup of the county changes. */
  @EventListener
  void on(SchoolAdded added) {
    repo.affectedBySchool(added.countyId(), added.schoolId()).forEach(this::recompute);
  }

  /** Schools meeting the target depend on the target. */
  @EventListener
  void on(TargetChanged changed) {
    repo.publishedOf(changed.indicatorCode()).forEach(this::recompute);
  }

  @Transactional(readOnly = true)
  Optional<CountyRollupRow> find(RollupKey key) {
    return repo.findPublished(key);
  }

  private static CountyRollupPublished toEvent(CountyRollupRow r) {
    return new CountyRollupPublished(
        r.countyId(), r.indicatorCode(), r.periodId(), r.numerator(), r.denominator(),
        r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(), r.version(), r.asOf(),
        r.lineage().stream().map(l -> new CountyRollupPublished.SnapshotRef(l.schoolId(), l.version())).toList());
  }
}
