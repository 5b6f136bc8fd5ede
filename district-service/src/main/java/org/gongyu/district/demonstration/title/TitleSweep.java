package org.gongyu.district.demonstration.title;

import static org.gongyu.contracts.demonstration.DemonstrationStatus.EXPIRED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.RECTIFYING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.REVOKED;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.scheduling.ClusterScan;
import org.gongyu.district.demonstration.Application;
import org.gongyu.district.demonstration.Applications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nightly end of titles nobody ends by hand: a RECTIFYING title whose deadline has passed is
 * revoked (it ended the day after the deadline), a held title whose validity has passed expires (it
 * ended the day after {@code valid_until}). Each application is moved in its own transaction under
 * its row lock and re-checked there, so a concurrent decision wins, one failure does not stop the
 * rest, and running the sweep again changes nothing. The end day depends on the stored dates, not on
 * the night the sweep ran.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TitleSweep {

  private static final Logger log = LoggerFactory.getLogger(TitleSweep.class);

  private final TitleRepository titles;
  private final Applications applications;
  private final TransactionTemplate tx;
  private final CityCalendar calendar;
  private final Clock clock;
  private final ClusterScan scans;

  static final String LOCK = "district-title-sweep";

  TitleSweep(TitleRepository titles, Applications applications, TransactionTemplate tx, CityCalendar calendar, Clock clock,
      ClusterScan scans) {
    this.scans = scans;
    this.titles = titles;
    this.applications = applications;
    this.tx = tx;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Scheduled(cron = "${gongyu.district.demonstration.sweep-cron:0 30 0 * * *}", zone = "${gongyu.calendar.zone:Asia/Shanghai}")
  void nightly() {
    scans.once(LOCK, ClusterScan.CRON_HOLD, this::sweep);
  }

  /** What one sweep did on {@code day} (today in the city). */
  public record Result(LocalDate day, int revoked, int expired, int failed) {}

  /** Revokes overdue rectifications, then expires titles whose validity ended; callable any time. */
  public Result sweep() {
    LocalDate today = calendar.today();
    int revoked = 0;
    int expired = 0;
    int failed = 0;
    for (UUID id : titles.rectificationsOverdue(today)) {
      Optional<Boolean> moved = inOwnTransaction(id, () -> revokeOverdue(id, today));
      revoked += moved.orElse(false) ? 1 : 0;
      failed += moved.isEmpty() ? 1 : 0;
    }
    for (UUID id : titles.validityEnded(today)) {
      Optional<Boolean> moved = inOwnTransaction(id, () -> expire(id, today));
      expired += moved.orElse(false) ? 1 : 0;
      failed += moved.isEmpty() ? 1 : 0;
    }
    if (revoked + expired + failed > 0) {
      log.info("title sweep on {}: {} revoked (rectification overdue), {} expired, {} failed", today, revoked, expired, failed);
    }
    return new Result(today, revoked, expired, failed);
  }

  private boolean revokeOverdue(UUID id, LocalDate today) {
    Optional<Application> a = applications.lock(id);
    if (a.isEmpty() || a.get().status() != RECTIFYING) {
      return false;
    }
    LocalDate deadline = titles.find(id).map(TitleRow::rectificationDeadline).orElse(null);
    if (deadline == null || !deadline.isBefore(today)) {
      return false;
    }
    LocalDate ended = deadline.plusDays(1);
    titles.setEndedOn(id, ended, clock.instant());
    applications.transition(a.get(), REVOKED, Applications.SYSTEM, "SWEEP_REVOKE", "rectification deadline " + deadline + " passed",
        Map.of("rectificationDeadline", deadline.toString(), "endedOn", ended.toString()));
    return true;
  }

  private boolean expire(UUID id, LocalDate today) {
    Optional<Application> a = applications.lock(id);
    if (a.isEmpty() || !a.get().status().holdsTitle()) {
      return false;
    }
    LocalDate validUntil = titles.find(id).map(TitleRow::validUntil).orElse(null);
    if (validUntil == null || !validUntil.isBefore(today)) {
      return false;
    }
    LocalDate ended = validUntil.plusDays(1);
    titles.setEndedOn(id, ended, clock.instant());
    applications.transition(a.get(), EXPIRED, Applications.SYSTEM, "SWEEP_EXPIRE", "title valid until " + validUntil,
        Map.of("validUntil", validUntil.toString(), "endedOn", ended.toString()));
    return true;
  }

  /** Empty when the move failed (logged with the application id only); the sweep goes on. */
  private Optional<Boolean> inOwnTransaction(UUID id, Supplier<Boolean> move) {
    try {
      return Optional.ofNullable(tx.execute(status -> move.get()));
    } catch (RuntimeException e) {
      log.warn("title sweep could not move application {}: {}", id, e.toString());
      return Optional.empty();
    }
  }
}
