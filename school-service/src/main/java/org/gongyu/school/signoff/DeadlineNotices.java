package org.gongyu.school.signoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.notify.Notice;
import org.gongyu.chassis.notify.Notifier;
import org.gongyu.chassis.scheduling.ClusterScan;
import org.gongyu.chassis.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds the school's admins ({@code SCHOOL_ADMIN@school}) of their county's reporting deadline
 * (ADR 0019, issue 15 item 5): when it is {@value #DAYS_BEFORE} days away or less, and when it has
 * passed (within {@value #DAYS_AFTER} days), while the school has no sign-off of the period in force.
 * Once per school, period and deadline (a moved deadline is told again). An hourly scan under a
 * ShedLock ({@value #SCAN_LOCK}) on the service's clock. The county is the school's current one.
 */
@Component
class DeadlineNotices {

  static final String APPROACHING = "deadline-approaching";
  static final String PASSED = "deadline-passed";
  static final String SCAN_LOCK = "school-deadline-notices";
  static final int DAYS_BEFORE = 3;
  static final int DAYS_AFTER = 30;
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Logger log = LoggerFactory.getLogger(DeadlineNotices.class);

  private final CountyDeadlines deadlines;
  private final Notifier notifier;
  private final CityCalendar calendar;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final ClusterScan scans;

  DeadlineNotices(CountyDeadlines deadlines, Notifier notifier, CityCalendar calendar, Clock clock, TransactionTemplate tx,
      ClusterScan scans) {
    this.deadlines = deadlines;
    this.notifier = notifier;
    this.calendar = calendar;
    this.clock = clock;
    this.tx = tx;
    this.scans = scans;
  }

  @Scheduled(cron = "${gongyu.school.deadline-notice-cron:0 10 * * * *}", zone = "${gongyu.calendar.zone:Asia/Shanghai}")
  void hourly() {
    scans.once(SCAN_LOCK, ClusterScan.CRON_HOLD, this::scanLocked);
  }

  /** The reminders due now, holding the scan's lock (none when another instance holds it). The number of notices made. */
  int scan() {
    return scans.run(SCAN_LOCK, this::scanLocked);
  }

  private int scanLocked() {
    Instant now = clock.instant();
    int made = 0;
    for (CountyDeadlines.Due d : deadlines.between(now.minus(Duration.ofDays(DAYS_AFTER)), now.plus(Duration.ofDays(DAYS_BEFORE)))) {
      boolean passed = d.deadline().isBefore(now);
      String kind = passed ? PASSED : APPROACHING;
      String at = LocalDateTime.ofInstant(d.deadline(), calendar.zone()).format(AT);
      for (String school : d.schoolsNotSignedOff()) {
        try {
          Boolean notified = tx.execute(s -> notifier.notify(Notice.toAudience(Role.SCHOOL_ADMIN, school, kind,
              kind + ":" + school + ":" + d.periodId() + ":" + d.deadline().getEpochSecond(),
              "/schools/" + school + "/sign-offs/" + d.periodId(), "school.notice." + kind, d.periodId(), at)).isPresent());
          made += Boolean.TRUE.equals(notified) ? 1 : 0;
        } catch (RuntimeException e) {
          log.warn("{} notice of school {} period {} failed: {}", kind, school, d.periodId(), e.getMessage());
        }
      }
    }
    return made;
  }
}
