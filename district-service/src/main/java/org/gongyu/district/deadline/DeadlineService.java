package org.gongyu.district.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.district.county.CountyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.ReportingDeadlineSet;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets and lists a county's reporting deadlines; one transaction per command. Every new version is
 * published to the school tier ({@link ReportingDeadlineSet}) in the same transaction; versions set
 * before deadlines were published go out when the service is ready.
 */
@Service
class DeadlineService {

  private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);

  private final JdbcClient jdbc;
  private final CountyDirectory counties;
  private final CityCalendar calendar;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Outbox outbox;
  private final TransactionTemplate tx;

  DeadlineService(JdbcClient jdbc, CountyDirectory counties, CityCalendar calendar, ApplicationEventPublisher events, Clock clock,
      Outbox outbox, TransactionTemplate tx) {
    this.outbox = outbox;
    this.tx = tx;
    this.jdbc = jdbc;
    this.counties = counties;
    this.calendar = calendar;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Sets the deadline (201 new, 200 unchanged or changed). A change recomputes the county's
   * published rollups of the period in the same transaction.
   */
  @Transactional
  Upsert put(String countyId, String periodId, Instant requested) {
    // stored to the microsecond (timestamptz): compare what will be stored
    Instant deadline = requested.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    Period period = period(periodId);
    // The county row exclusively, like a registry change: concurrent recomputes see the new deadline or are seen.
    if (!counties.lockExclusively(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
    if (deadline.isBefore(calendar.startOf(period))) {
      throw ApiProblem.unprocessable(Msg.msg("district.deadline.before-start", deadline, period.id()),
          List.of(Msg.msg("district.deadline.on-or-after", calendar.startOf(period))));
    }
    Optional<DeadlineRow> existing = find(countyId, period.id());
    if (existing.isPresent() && existing.get().deadline().equals(deadline)) {
      return new Upsert(existing.get(), false);
    }
    DeadlineRow row = new DeadlineRow(countyId, period.id(), deadline, existing.map(d -> d.version() + 1).orElse(1L));
    jdbc.sql(
            """
            insert into county_deadline (county_id, period_id, deadline, version, updated_at) values (?, ?, ?, ?, ?)
            on conflict (county_id, period_id) do update set deadline = excluded.deadline, version = excluded.version,
              updated_at = excluded.updated_at
            """)
        .params(countyId, row.periodId(), Timestamp.from(deadline), row.version(), Timestamp.from(clock.instant()))
        .update();
    log.info("county {} deadline for {} is {} (version {})", countyId, row.periodId(), deadline, row.version());
    publish(row);
    events.publishEvent(new DeadlineChanged(countyId, row.periodId()));
    return new Upsert(row, existing.isEmpty());
  }

  /** Puts the version in the outbox for the school tier and marks it published. */
  private void publish(DeadlineRow row) {
    outbox.publish(Topics.DISTRICT_PERIOD_APPROVALS, row.countyId(),
        new ReportingDeadlineSet(row.countyId(), row.periodId(), row.deadline(), row.version(), clock.instant()));
    jdbc.sql("update county_deadline set published_version = ? where county_id = ? and period_id = ?")
        .params(row.version(), row.countyId(), row.periodId()).update();
  }

  /**
   * Publishes the deadlines whose current version was never published (set before deadlines were
   * published), each under its row lock so that a concurrent change publishes once. Harmless to run
   * again: a published version is skipped, and the school tier keeps the highest version.
   *
   * @return how many were published
   */
  int publishUnpublished() {
    List<String[]> keys = jdbc.sql("select county_id, period_id from county_deadline"
            + " where published_version is null or published_version < version order by 1, 2")
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    int published = 0;
    for (String[] k : keys) {
      Boolean done = tx.execute(status -> jdbc.sql("select county_id, period_id, deadline, version from county_deadline"
              + " where county_id = ? and period_id = ? and (published_version is null or published_version < version) for update")
          .params(k[0], k[1])
          .query((rs, i) -> new DeadlineRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)))
          .optional().map(row -> {
            publish(row);
            return true;
          }).orElse(false));
      published += Boolean.TRUE.equals(done) ? 1 : 0;
    }
    if (published > 0) {
      log.info("published {} reporting deadline(s) set before deadlines travelled to the schools", published);
    }
    return published;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    publishUnpublished();
  }

  @Transactional(readOnly = true)
  List<DeadlineRow> list(String countyId) {
    if (!counties.exists(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
    return jdbc.sql("select county_id, period_id, deadline, version from county_deadline where county_id = ? order by period_id")
        .param(countyId)
        .query((rs, i) -> new DeadlineRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)))
        .list();
  }

  private Optional<DeadlineRow> find(String countyId, String periodId) {
    return jdbc.sql("select county_id, period_id, deadline, version from county_deadline where county_id = ? and period_id = ?")
        .params(countyId, periodId)
        .query((rs, i) -> new DeadlineRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(4)))
        .optional();
  }

  private Period period(String periodId) {
    try {
      return calendar.parse(periodId);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("periodId", e));
    }
  }

  /** The stored deadline and whether this request created it. */
  record Upsert(DeadlineRow row, boolean created) {}
}
