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
import org.gongyu.school.records.IdempotentBatch;
import org.gongyu.school.registry.SchoolRegistry;
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

  PlatformRecommendations(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SchoolRegistry registry, SnapshotService snapshots, Clock clock,
      CityCalendar calendar) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.registry = registry;
    this.snapshots = snapshots;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** A recommendation as stored, the time truncated to what the database keeps. */
  private record Recommendation(String externalId, String resourceId, String title, String resourceType, String authoringTier,
      Instant recommendedAt) {}

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

    List<Recommendation> fresh = byId.fresh(stored(schoolId, byId.keys()), "record");
    insert(schoolId, fresh, now);

    // one re-derivation per calendar year the batch touches
    Set<Period> years = new TreeSet<>();
    for (Recommendation r : byId.rows()) {
      years.add(Period.containing(PeriodType.CALENDAR_YEAR, calendar.dayOf(r.recommendedAt()), calendar.calendar()));
    }
    List<LocalDate> days = years.stream().map(p -> p.start(calendar.calendar())).toList();
    List<SnapshotService.Snapshot> latest = fresh.isEmpty()
        ? years.stream().flatMap(p -> snapshots.latest(schoolId, IndicatorCodes.RESOURCES_RECOMMENDED, p.id()).stream()).toList()
        : snapshots.refresh(RecordsChanged.of(schoolId, days, IndicatorCodes.RESOURCES_RECOMMENDED));
    int received = batch.recommendations().size();
    return new Batches.Outcome(received, fresh.size(), received - fresh.size(), latest);
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
