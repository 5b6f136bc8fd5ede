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
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ingests learning-activity batches, all or nothing, idempotently by external id. */
@Service
class PlatformLearning {

  private final JdbcClient jdbc;
  private final JdbcTemplate jdbcTemplate;
  private final SchoolRegistry registry;
  private final SnapshotService snapshots;
  private final Pseudonymizer pseudonymizer;
  private final Clock clock;
  private final CityCalendar calendar;

  PlatformLearning(JdbcClient jdbc, JdbcTemplate jdbcTemplate, SchoolRegistry registry, SnapshotService snapshots,
      Pseudonymizer pseudonymizer, Clock clock, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.jdbcTemplate = jdbcTemplate;
    this.registry = registry;
    this.snapshots = snapshots;
    this.pseudonymizer = pseudonymizer;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** An activity as stored: the guardian pseudonymised, the time truncated to what the database keeps. */
  private record Activity(String externalId, String guardianKey, String resourceId, Instant occurredAt, int minutes) {}

  @Transactional
  Batches.Outcome ingest(String schoolId, LearningBatch batch) {
    registry.lockForUpdate(schoolId);
    Instant now = clock.instant();
    List<String> errors = new ArrayList<>();
    List<Activity> rows = new ArrayList<>(batch.activities().size());
    for (int i = 0; i < batch.activities().size(); i++) {
      LearningBatch.Activity a = batch.activities().get(i);
      Batches.checkTime(errors, "activities[" + i + "].occurredAt", a.occurredAt(), now);
      rows.add(new Activity(a.externalId(), pseudonymizer.guardian(schoolId, a.guardianRef()), a.resourceId(),
          a.occurredAt().truncatedTo(ChronoUnit.MICROS), a.minutes()));
    }
    IdempotentBatch<Activity> byId = IdempotentBatch.byExternalId(rows, Activity::externalId, "activities", errors);
    IdempotentBatch.rejectIf("batch", errors);

    List<Activity> fresh = byId.fresh(stored(schoolId, byId.keys()), "record");
    insert(schoolId, fresh, now);

    // one re-derivation per school year the batch touches, however many activities it holds
    Set<Period> years = new TreeSet<>();
    for (Activity a : byId.rows()) {
      years.add(Period.containing(PeriodType.SCHOOL_YEAR, calendar.dayOf(a.occurredAt()), calendar.calendar()));
    }
    List<LocalDate> days = years.stream().map(p -> p.start(calendar.calendar())).toList();
    List<SnapshotService.Snapshot> latest = fresh.isEmpty()
        ? years.stream().flatMap(p -> snapshots.latest(schoolId, IndicatorCodes.PARENT_LEARNING_PER_CAPITA, p.id()).stream()).toList()
        : snapshots.refresh(RecordsChanged.of(schoolId, days, IndicatorCodes.PARENT_LEARNING_PER_CAPITA));
    int received = batch.activities().size();
    return new Batches.Outcome(received, fresh.size(), received - fresh.size(), latest);
  }

  private List<Activity> stored(String schoolId, Set<String> externalIds) {
    return jdbc.sql("""
            select external_id, guardian_key, resource_id, occurred_at, minutes from platform_learning
            where school_id = ? and external_id = any(?)
            """)
        .params(schoolId, externalIds.toArray(String[]::new))
        .query((rs, n) -> new Activity(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getInt(5)))
        .list();
  }

  private void insert(String schoolId, List<Activity> rows, Instant receivedAt) {
    Timestamp received = Timestamp.from(receivedAt);
    jdbcTemplate.batchUpdate("""
            insert into platform_learning (school_id, external_id, guardian_key, resource_id, occurred_at, minutes, received_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """,
        rows, 500, (ps, a) -> {
          ps.setString(1, schoolId);
          ps.setString(2, a.externalId());
          ps.setString(3, a.guardianKey());
          ps.setString(4, a.resourceId());
          ps.setTimestamp(5, Timestamp.from(a.occurredAt()));
          ps.setInt(6, a.minutes());
          ps.setTimestamp(7, received);
        });
  }
}
