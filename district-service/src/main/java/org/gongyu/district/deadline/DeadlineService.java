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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sets and lists a county's reporting deadlines; one transaction per command. */
@Service
class DeadlineService {

  private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);

  private final JdbcClient jdbc;
  private final CountyDirectory counties;
  private final CityCalendar calendar;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  DeadlineService(JdbcClient jdbc, CountyDirectory counties, CityCalendar calendar, ApplicationEventPublisher events, Clock clock) {
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
    events.publishEvent(new DeadlineChanged(countyId, row.periodId()));
    return new Upsert(row, existing.isEmpty());
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
