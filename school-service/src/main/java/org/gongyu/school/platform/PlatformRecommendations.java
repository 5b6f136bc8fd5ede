package org.gongyu.school.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.IdempotentBatch;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.registry.SchoolRegistry;
import org.gongyu.school.studentrecords.StudentRecordChecks;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ingests recommendation batches, all or nothing, idempotently by external id. */
@Service
class PlatformRecommendations {

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final SchoolRegistry registry;
  private final SnapshotService snapshots;
  private final Clock clock;
  private final CityCalendar calendar;
  private final RecordTrail trail;

  /** The family's name in the record trail; its content is the {@link View}. */
  static final String FAMILY = "PLATFORM_RECOMMENDATION";

  /** A recommendation as the school reads it back and as its trail keeps it. */
  record View(String externalId, String resourceId, String title, String resourceType, String authoringTier, Instant recommendedAt) {}

  PlatformRecommendations(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SchoolRegistry registry, SnapshotService snapshots, Clock clock,
      CityCalendar calendar, RecordTrail trail) {
    this.trail = trail;
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.registry = registry;
    this.snapshots = snapshots;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** A recommendation as stored, the time truncated to what the database keeps. */
  private record Recommendation(String externalId, String resourceId, String title, String resourceType, String authoringTier,
      Instant recommendedAt) {
    View view() {
      return new View(externalId, resourceId, title, resourceType, authoringTier, recommendedAt);
    }
  }

  @Transactional
  Batches.Outcome ingest(String schoolId, RecommendationBatch batch) {
    registry.lockForUpdate(schoolId);
    Instant now = clock.instant();
    List<String> errors = new ArrayList<>();
    List<Recommendation> rows = new ArrayList<>(batch.recommendations().size());
    for (int i = 0; i < batch.recommendations().size(); i++) {
      RecommendationBatch.Recommendation r = batch.recommendations().get(i);
      Batches.checkTime(errors, "recommendations[" + i + "].recommendedAt", r.recommendedAt(), now);
      rows.add(new Recommendation(r.externalId(), r.resourceId(), r.title(), r.resourceType(), r.authoringTier(),
          r.recommendedAt().truncatedTo(ChronoUnit.MICROS)));
    }
    IdempotentBatch<Recommendation> byId = IdempotentBatch.byExternalId(rows, Recommendation::externalId, "recommendations", errors);
    IdempotentBatch.rejectIf("batch", errors);

    // a withdrawn item re-sent in a batch is not recorded again (it counts as already recorded)
    List<Recommendation> fresh = trail.notWithdrawn(schoolId, FAMILY, byId.fresh(stored(schoolId, byId.keys()), "record"),
        Recommendation::externalId);
    insert(schoolId, fresh, now);

    // one re-derivation per calendar year the batch touches
    Set<Period> years = new TreeSet<>();
    for (Recommendation r : byId.rows()) {
      years.add(Period.containing(PeriodType.CALENDAR_YEAR, calendar.dayOf(r.recommendedAt()), calendar.calendar()));
    }
    List<LocalDate> days = years.stream().map(p -> p.start(calendar.calendar())).toList();
    List<SnapshotService.Snapshot> latest = fresh.isEmpty()
        ? years.stream().flatMap(p -> snapshots.latest(schoolId, IndicatorCodes.RESOURCES_RECOMMENDED, p.id()).stream()).toList()
        : snapshots.refreshSoon(RecordsChanged.of(schoolId, days, IndicatorCodes.RESOURCES_RECOMMENDED));
    int received = batch.recommendations().size();
    return new Batches.Outcome(received, fresh.size(), received - fresh.size(), latest, !fresh.isEmpty());
  }

  private static final List<String> FEEDS = List.of(IndicatorCodes.RESOURCES_RECOMMENDED);

  /** Records (201) or corrects (200, reason required) one recommendation; the same content again changes nothing. */
  @Transactional
  Batches.Saved<View> put(String schoolId, String externalId, RecommendationItemRequest r) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    Batches.checkTime(errors, "recommendedAt", r.recommendedAt(), clock.instant());
    StudentRecordChecks.rejectIf(errors);
    Recommendation wanted = new Recommendation(externalId, r.resourceId(), r.title(), r.resourceType(), r.authoringTier(),
        r.recommendedAt().truncatedTo(ChronoUnit.MICROS));
    java.util.Optional<Recommendation> existing = stored(schoolId, Set.of(externalId)).stream().findFirst();
    Set<LocalDate> days = new TreeSet<>(List.of(calendar.dayOf(wanted.recommendedAt())));
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Batches.Saved<>(false, wanted.view(), trail.versionOf(schoolId, FAMILY, externalId),
          StudentRecordChecks.latest(snapshots, schoolId, days, FEEDS));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, externalId);
      insert(schoolId, List.of(wanted), clock.instant());
    } else {
      jdbc.sql("""
              update platform_recommendation set resource_id = ?, title = ?, resource_type = ?, authoring_tier = ?, recommended_at = ?
              where school_id = ? and external_id = ?""")
          .params(wanted.resourceId(), wanted.title(), wanted.resourceType(), wanted.authoringTier(),
              Timestamp.from(wanted.recommendedAt()), schoolId, externalId)
          .update();
      days.add(calendar.dayOf(existing.get().recommendedAt()));
    }
    List<SnapshotService.Snapshot> figures = snapshots.refresh(RecordsChanged.of(schoolId, days, IndicatorCodes.RESOURCES_RECOMMENDED));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, externalId, wanted.view(), reason)
        : trail.corrected(schoolId, FAMILY, externalId, existing.get().view(), wanted.view(), reason);
    return new Batches.Saved<>(existing.isEmpty(), wanted.view(), version, figures);
  }

  /** Withdraws one recommendation: it leaves the table (no figure counts it) and stays in its trail. */
  @Transactional
  Tracked<View> withdraw(String schoolId, String externalId, String reason) {
    registry.lockForUpdate(schoolId);
    Recommendation existing = trail.requireWithdrawable(schoolId, FAMILY, externalId,
        stored(schoolId, Set.of(externalId)).stream().findFirst());
    jdbc.sql("delete from platform_recommendation where school_id = ? and external_id = ?").params(schoolId, externalId).update();
    snapshots.refresh(RecordsChanged.of(schoolId, calendar.dayOf(existing.recommendedAt()), IndicatorCodes.RESOURCES_RECOMMENDED));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, externalId, existing.view(), reason);
    return Tracked.withdrawn(existing.view(), w.version(), w.reason(), w.at());
  }

  /** One recommendation as the school reads it back, active or withdrawn. */
  java.util.Optional<Tracked<View>> read(String schoolId, String externalId) {
    return trail.read(schoolId, FAMILY, externalId, stored(schoolId, Set.of(externalId)).stream().findFirst()
        .map(Recommendation::view), View.class);
  }

  /** The recommendations in [start, end), active then withdrawn. */
  List<Tracked<View>> list(String schoolId, Instant start, Instant end) {
    registry.require(schoolId);
    java.util.Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<View>> all = new ArrayList<>(jdbc.sql("""
            select external_id, resource_id, title, resource_type, authoring_tier, recommended_at from platform_recommendation
            where school_id = ? and recommended_at >= ? and recommended_at < ? order by recommended_at, external_id""")
        .params(schoolId, Timestamp.from(start), Timestamp.from(end))
        .query((rs, n) -> new Recommendation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6).toInstant()))
        .list().stream().map(a -> trail.active(a.view(), versions, a.externalId())).toList());
    trail.withdrawnRecords(schoolId, FAMILY, View.class).stream()
        .filter(t -> !t.record().recommendedAt().isBefore(start) && t.record().recommendedAt().isBefore(end))
        .forEach(all::add);
    return all;
  }

  List<HistoryEntry> history(String schoolId, String externalId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, externalId,
        stored(schoolId, Set.of(externalId)).stream().findFirst().map(Recommendation::view));
  }

  private List<Recommendation> stored(String schoolId, Set<String> externalIds) {
    return jdbc.sql("""
            select external_id, resource_id, title, resource_type, authoring_tier, recommended_at from platform_recommendation
            where school_id = ? and external_id = any(?)
            """)
        .params(schoolId, externalIds.toArray(String[]::new))
        .query((rs, n) -> new Recommendation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getTimestamp(6).toInstant()))
        .list();
  }

  private void insert(String schoolId, List<Recommendation> rows, Instant receivedAt) {
    Timestamp received = Timestamp.from(receivedAt);
    jdbcTemplate.batchUpdate("""
            insert into platform_recommendation (school_id, external_id, resource_id, title, resource_type, authoring_tier,
              recommended_at, received_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """,
        rows, 500, (ps, r) -> {
          ps.setString(1, schoolId);
          ps.setString(2, r.externalId());
          ps.setString(3, r.resourceId());
          ps.setString(4, r.title());
          ps.setString(5, r.resourceType());
          ps.setString(6, r.authoringTier());
          ps.setTimestamp(7, Timestamp.from(r.recommendedAt()));
          ps.setTimestamp(8, received);
        });
  }
}
