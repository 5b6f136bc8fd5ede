package org.gongyu.district.rollup;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.messaging.TraceContexts;
import org.gongyu.chassis.scheduling.ClusterScan;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.period.Period;
import org.gongyu.district.approval.SignOffTally;
import org.gongyu.district.approval.SignOffsChanged;
import org.gongyu.district.catalogue.IndicatorDefinitions;
import org.gongyu.district.catalogue.TargetChanged;
import org.gongyu.district.county.CountyDirectory;
import org.gongyu.district.deadline.DeadlineChanged;
import org.gongyu.district.deadline.Deadlines;
import org.gongyu.district.demonstration.StatusMoved;
import org.gongyu.district.registry.SchoolChanged;
import org.gongyu.district.registry.SchoolDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Recomputes county rollups from stored state and publishes the ones that changed. */
@Service
public class CountyRollups {

  private static final Logger log = LoggerFactory.getLogger(CountyRollups.class);

  private final CountyRollupRepository repo;
  private final CountyDirectory counties;
  private final SchoolDirectory schools;
  private final IndicatorDefinitions definitions;
  private final Deadlines deadlines;
  private final CityCalendar calendar;
  private final Outbox outbox;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final SignOffTally signOffs;
  private final Timer recomputeTime;
  private final ClusterScan scans;
  private final TraceContexts traces;

  static final String UNIT_COUNT_LOCK = "district-unit-counts";

  CountyRollups(
      CountyRollupRepository repo, CountyDirectory counties, SchoolDirectory schools, IndicatorDefinitions definitions,
      Deadlines deadlines, CityCalendar calendar, Outbox outbox, Clock clock, TransactionTemplate tx,
      SignOffTally signOffs, MeterRegistry meters, ClusterScan scans, TraceContexts traces) {
    this.traces = traces;
    this.recomputeTime = Timer.builder("gongyu.rollup.recompute")
        .description("time to recompute one rollup from the stored figures of the tier below")
        .tag("tier", "county")
        .publishPercentileHistogram()
        .register(meters);
    this.signOffs = signOffs;
    this.scans = scans;
    this.repo = repo;
    this.counties = counties;
    this.schools = schools;
    this.definitions = definitions;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.outbox = outbox;
    this.clock = clock;
    this.tx = tx;
  }

  /**
   * Recomputes one rollup under its row lock. The county counts the schools that belonged to it on
   * the period's first day and whose type the indicator applies to. A {@code UNIT_COUNT} indicator
   * (DEMONSTRATION_SCHOOLS) takes its figure from the county's titles instead of school snapshots:
   * (titles held on min(today, the period's last day), 1), those schools expected and reporting, the
   * titles as schools meeting the target. Everything is read by statements issued after every lock
   * is granted, so it includes everything committed before; READ COMMITTED suffices.
   *
   * @return the new version, or empty when the rollup already said the same
   */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Long> recompute(RollupKey key) {
    // gongyu.rollup.recompute{tier=county}: locks, reads, save and outbox row of one rollup
    return recomputeTime.record(() -> recomputeUnderLock(key));
  }

  private Optional<Long> recomputeUnderLock(RollupKey key) {
    Period period;
    try {
      period = calendar.parse(key.periodId());
    } catch (IllegalArgumentException e) {
      log.warn("no rollup of {}/{}/{}: {}", key.countyId(), key.indicatorCode(), key.periodId(), e.getMessage());
      return Optional.empty();
    }
    counties.lockShared(key.countyId());
    IndicatorDefinitions.Rules rules = definitions.rulesForRecompute(key.indicatorCode());
    CountyRollupRow stored = repo.lock(key);
    LocalDate firstDay = period.start(calendar.calendar());
    Set<String> counted = schools.membersOn(key.countyId(), firstDay).stream()
        .filter(m -> rules.appliesTo(m.schoolType()))
        .map(SchoolDirectory.Member::schoolId)
        .collect(Collectors.toSet());
    Instant deadline = deadlines.of(key.countyId(), key.periodId()).orElse(null);
    CountyRollupFigures figures;
    if (countsUnits(rules.definition())) {
      // Counted by the county, not reported by schools: the titles held on the period's last day, or
      // today while the period runs.
      LocalDate lastDay = period.endExclusive(calendar.calendar()).minusDays(1);
      LocalDate today = calendar.today();
      LocalDate day = today.isBefore(lastDay) ? today : lastDay;
      figures = CountyRollupFigures.ofUnitCount(repo.titlesHeldOn(key.countyId(), day), counted.size());
    } else {
      List<SchoolFigure> latest = repo.latestOfMemberSchools(key).stream().filter(f -> counted.contains(f.schoolId())).toList();
      figures = CountyRollupFigures.of(latest, counted.size(), rules.targetFor(period), deadline);
    }
    figures = figures.withSignOffs(signOffs.of(key.periodId(), counted, deadline));
    if (figures.sameAs(stored)) {
      return Optional.empty();
    }
    if (stored.version() == 0 && figures.rollup().schoolsReporting() == 0 && figures.rollup().figure().numerator() == 0) {
      // Nothing to publish yet: e.g. the snapshots that made this key belong to another county for
      // the period (a moved school) or to schools the indicator does not apply to.
      return Optional.empty();
    }
    Rollup r = figures.rollup();
    CountyRollupRow next = new CountyRollupRow(
        key.countyId(), key.indicatorCode(), key.periodId(),
        r.figure().numerator(), r.figure().denominator(),
        r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(),
        stored.version() + 1, clock.instant(), figures.lineage(), figures.schoolsOnTime(), figures.deadline(),
        figures.signOffs().signedOff(), figures.signOffs().signedOffOnTime(), figures.signOffs().approved());
    repo.save(next);
    outbox.publish(Topics.DISTRICT_INDICATOR_ROLLUPS, key.countyId(), toEvent(next));
    return Optional.of(next.version());
  }

  /**
   * Marks {@code keys} due for the next round of {@link RollupRefresher} (ADR 0036), in lock order,
   * in the caller's transaction: a snapshot and its rollup's mark commit together. The mark keeps the
   * current trace context when it makes the rollup due, so its recompute continues that trace.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void markDue(java.util.Collection<RollupKey> keys) {
    Set<RollupKey> ordered = new TreeSet<>(LOCK_ORDER);
    ordered.addAll(keys);
    repo.markDue(List.copyOf(ordered), clock.instant(), traces.current());
  }

  /** The marks of a due rollup (read before the transaction that recomputes it), or empty if it is not due. */
  Optional<CountyRollupRepository.Marks> marksIfDue(RollupKey key) {
    return repo.marksIfDue(key);
  }

  /**
   * Recomputes a due rollup (ADR 0036) and records {@code marks} (read before) as done. Every mark
   * counted in {@code marks} committed with its snapshot before they were read, so the recompute,
   * whose reads all follow the rollup's locks, reads those snapshots; a mark added since leaves the
   * rollup due for the next round. Neither lock is held against the consumers meanwhile.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void recomputeDue(RollupKey key, long marks) {
    recompute(key);
    repo.marksDone(key, marks);
  }

  /** Up to {@code limit} due rollups, least recently marked first. */
  List<RollupKey> due(int limit) {
    return repo.due(limit);
  }

  /** A school was registered, changed type or moved: the rollups it may count in, in every county concerned. */
  @EventListener
  void on(SchoolChanged changed) {
    Set<RollupKey> keys = new TreeSet<>(LOCK_ORDER);
    for (String county : changed.countyIds()) {
      keys.addAll(repo.affectedBySchool(county, changed.schoolId()));
    }
    // a county's title count is a figure from its first school on, 0 before the first title
    unitCountDefinition().ifPresent(d -> changed.countyIds().forEach(county -> keys.addAll(unitCountKeys(d, county, null))));
    keys.forEach(this::recompute);
  }

  /**
   * Today's DEMONSTRATION_SCHOOLS rollup of every county, each in its own transaction: a county that
   * holds no title has the figure 0 against its target (not "no figure"), so the city's mean counts
   * it. Titles and registry changes recompute it as they happen; this catches what no event marks: a
   * new programme cycle beginning, and counties registered before the indicator became a unit count.
   * Runs when the service is ready and every night; recomputing from stored state makes it harmless
   * to run again (an unchanged rollup is not republished).
   *
   * @return how many rollups were published
   */
  public int publishTodaysUnitCounts() {
    Optional<IndicatorDefined> definition = unitCountDefinition();
    if (definition.isEmpty()) {
      return 0;
    }
    int published = 0;
    for (String county : counties.ids()) {
      Integer n = tx.execute(status -> {
        int here = 0;
        for (RollupKey key : unitCountKeys(definition.get(), county, null)) {
          here += recompute(key).isPresent() ? 1 : 0;
        }
        return here;
      });
      published += n == null ? 0 : n;
    }
    if (published > 0) {
      log.info("published {} {} rollups of today's period (counties without a rollup yet, or a new cycle)", published,
          IndicatorCodes.DEMONSTRATION_SCHOOLS);
    }
    return published;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    publishTodaysUnitCounts();
  }

  @Scheduled(cron = "${gongyu.district.unit-count-cron:0 5 0 * * *}", zone = "${gongyu.calendar.zone:Asia/Shanghai}")
  void nightly() {
    scans.once(UNIT_COUNT_LOCK, ClusterScan.CRON_HOLD, this::publishTodaysUnitCounts);
  }

  private Optional<IndicatorDefined> unitCountDefinition() {
    return definitions.find(IndicatorCodes.DEMONSTRATION_SCHOOLS).filter(CountyRollups::countsUnits);
  }

  /**
   * Targets and the schools counted depend on the definition. An indicator that is (now) a unit
   * count is also recomputed where titles exist but no rollup was published yet (e.g. the catalogue
   * turned DEMONSTRATION_SCHOOLS into a unit count after the first titles).
   */
  @EventListener
  void on(TargetChanged changed) {
    Set<RollupKey> keys = new TreeSet<>(LOCK_ORDER);
    keys.addAll(repo.publishedOf(changed.indicatorCode()));
    definitions.find(changed.indicatorCode()).filter(CountyRollups::countsUnits).ifPresent(d -> {
      for (CountyRollupRepository.TitleDays t : repo.titleDays()) {
        keys.addAll(unitCountKeys(d, t.countyId(), t));
      }
      // and every county of today's period, with or without titles (0 is its figure)
      counties.ids().forEach(county -> keys.addAll(unitCountKeys(d, county, null)));
    });
    keys.forEach(this::recompute);
  }

  /**
   * A transition that gives or takes a title (AWARD, revocation, expiry) changes the county's count
   * of titles held: its DEMONSTRATION_SCHOOLS rollups are recomputed, in the same transaction, for
   * the periods containing today, the award day and the end day. Only while the catalogue defines
   * the indicator as a unit count; recomputing from stored state makes a repeated event harmless.
   */
  @EventListener
  void on(StatusMoved moved) {
    boolean held = moved.from() != null && moved.from().holdsTitle();
    if (held == moved.to().holdsTitle()) {
      return;
    }
    Optional<IndicatorDefined> definition = unitCountDefinition();
    if (definition.isEmpty()) {
      log.debug("{} is not defined as a unit count; application {} moved {} -> {} without a rollup",
          IndicatorCodes.DEMONSTRATION_SCHOOLS, moved.applicationId(), moved.from(), moved.to());
      return;
    }
    Set<RollupKey> keys = new TreeSet<>(LOCK_ORDER);
    keys.addAll(unitCountKeys(definition.get(), moved.countyId(), repo.titleDays(moved.applicationId()).orElse(null)));
    keys.forEach(this::recompute);
  }

  private static final Comparator<RollupKey> LOCK_ORDER =
      Comparator.comparing(RollupKey::countyId).thenComparing(RollupKey::indicatorCode).thenComparing(RollupKey::periodId);

  private static boolean countsUnits(IndicatorDefined definition) {
    return definition != null && definition.kind() == IndicatorKind.UNIT_COUNT;
  }

  /** The county's rollups of a unit-count indicator a title's days fall in, and the one of today. */
  private List<RollupKey> unitCountKeys(IndicatorDefined definition, String countyId, CountyRollupRepository.TitleDays title) {
    List<LocalDate> days = new java.util.ArrayList<>(List.of(calendar.today()));
    if (title != null) {
      days.add(title.awardedOn());
      if (title.endedOn() != null) {
        days.add(title.endedOn());
      }
    }
    return days.stream()
        .map(day -> Period.containing(definition.periodType(), day, calendar.calendar()).id())
        .distinct()
        .map(periodId -> new RollupKey(countyId, definition.code(), periodId))
        .toList();
  }

  /**
   * Completeness, timeliness and approvals of a county's period follow its schools' sign-offs and
   * the county's reviews: every published rollup of the county and period is recomputed, in the
   * transaction that changed a sign-off (an unchanged rollup is not republished).
   */
  @EventListener
  void on(SignOffsChanged changed) {
    repo.publishedOf(changed.countyId(), changed.periodId()).forEach(this::recompute);
  }

  /** Schools on time depend on the deadline. */
  @EventListener
  void on(DeadlineChanged changed) {
    repo.publishedOf(changed.countyId(), changed.periodId()).forEach(this::recompute);
  }

  @Transactional(readOnly = true)
  Optional<CountyRollupRow> find(RollupKey key) {
    return repo.findPublished(key);
  }

  private static CountyRollupPublished toEvent(CountyRollupRow r) {
    return new CountyRollupPublished(
        r.countyId(), r.indicatorCode(), r.periodId(), r.numerator(), r.denominator(),
        r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(), r.version(), r.asOf(),
        r.lineage().stream().map(l -> new CountyRollupPublished.SnapshotRef(l.schoolId(), l.version())).toList(),
        r.schoolsOnTime(), r.deadline(), r.schoolsSignedOff(), r.schoolsSignedOffOnTime(), r.schoolsApproved());
  }
}
