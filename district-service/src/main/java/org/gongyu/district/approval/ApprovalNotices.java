package org.gongyu.district.approval;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.notify.Notice;
import org.gongyu.chassis.notify.Notifier;
import org.gongyu.chassis.scheduling.ClusterScan;
import org.gongyu.chassis.security.Role;
import org.gongyu.contracts.city.v1.CountyPeriodDecided;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.school.v1.PeriodSignedOff;
import org.gongyu.district.deadline.Deadlines;
import org.gongyu.district.registry.SchoolDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the county's admins are told about the approval chain (ADR 0019, issue 15 item 5), each
 * notice idempotent by a dedup key built from what caused it: a school's sign-off awaits review
 * (school, period, sign-off version), the city accepted or returned the county's submission (county,
 * period, decision version), the county's reporting deadline of a period is 3 days away or has passed
 * with schools not signed off (county, period, deadline: a moved deadline is told again). The
 * deadline scan runs hourly under a ShedLock ({@value #SCAN_LOCK}) on the service's clock.
 */
@Component
public class ApprovalNotices {

  public static final String SIGNED_OFF = "school-signed-off";
  public static final String CITY_DECIDED = "city-decided";
  public static final String DEADLINE_APPROACHING = "deadline-approaching";
  public static final String DEADLINE_PASSED = "deadline-passed";
  static final String SCAN_LOCK = "district-deadline-notices";
  static final Duration BEFORE = Duration.ofDays(3);
  /** How long after a deadline the scan still looks at it (a service started later does not tell of old ones). */
  static final Duration PASSED_FOR = Duration.ofDays(30);
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Logger log = LoggerFactory.getLogger(ApprovalNotices.class);

  private final Notifier notifier;
  private final JdbcClient jdbc;
  private final Approvals approvals;
  private final Deadlines deadlines;
  private final SchoolDirectory schools;
  private final CityCalendar calendar;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final ClusterScan scans;

  ApprovalNotices(Notifier notifier, JdbcClient jdbc, Approvals approvals, Deadlines deadlines, SchoolDirectory schools,
      CityCalendar calendar, Clock clock, TransactionTemplate tx, ClusterScan scans) {
    this.notifier = notifier;
    this.jdbc = jdbc;
    this.approvals = approvals;
    this.deadlines = deadlines;
    this.schools = schools;
    this.calendar = calendar;
    this.clock = clock;
    this.tx = tx;
    this.scans = scans;
  }

  /** A school's sign-off, newly stored, awaits the county's review. */
  @Transactional(propagation = Propagation.MANDATORY)
  void signedOff(String countyId, PeriodSignedOff s) {
    String name = jdbc.sql("select name from school where id = ?").param(s.schoolId()).query(String.class).optional()
        .orElse(s.schoolId());
    notifier.notify(Notice.toAudience(Role.COUNTY_ADMIN, countyId, SIGNED_OFF,
        SIGNED_OFF + ":" + s.schoolId() + ":" + s.periodId() + ":" + s.version(),
        "/counties/" + countyId + "/approvals/" + s.periodId() + "/schools/" + s.schoolId(),
        "district.notice.school-signed-off", name, s.schoolId(), s.periodId()));
  }

  /** The city's decision, newly stored. */
  @Transactional(propagation = Propagation.MANDATORY)
  void cityDecided(CountyPeriodDecided d) {
    boolean accepted = d.decision() == CountyPeriodDecided.Decision.ACCEPTED;
    notifier.notify(Notice.toAudience(Role.COUNTY_ADMIN, d.countyId(), CITY_DECIDED,
        CITY_DECIDED + ":" + d.countyId() + ":" + d.periodId() + ":" + d.version(),
        "/counties/" + d.countyId() + "/approvals/" + d.periodId(),
        accepted ? "district.notice.city-accepted" : "district.notice.city-returned",
        d.periodId(), d.comment() == null ? "" : d.comment()));
  }

  @Scheduled(cron = "${gongyu.district.deadline-notice-cron:0 5 * * * *}", zone = "${gongyu.calendar.zone:Asia/Shanghai}")
  void hourly() {
    scans.once(SCAN_LOCK, ClusterScan.CRON_HOLD, this::scanLocked);
  }

  /**
   * Tells the county admins of every deadline that is at most 3 days away (and not passed), and of
   * every deadline passed in the last 30 days, while expected schools have no sign-off in force; holds the scan's lock (none
   * when another instance holds it). The number of notices made.
   */
  public int scan() {
    return scans.run(SCAN_LOCK, this::scanLocked);
  }

  private int scanLocked() {
    Instant now = clock.instant();
    int made = 0;
    for (Deadlines.Deadline d : deadlines.between(now.minus(PASSED_FOR), now.plus(BEFORE))) {
      try {
        Integer n = tx.execute(s -> deadline(d, now) ? 1 : 0);
        made += n == null ? 0 : n;
      } catch (RuntimeException e) {
        log.warn("deadline notice of county {} period {} failed: {}", d.countyId(), d.periodId(), e.getMessage());
      }
    }
    return made;
  }

  private boolean deadline(Deadlines.Deadline d, Instant now) {
    Period period;
    try {
      period = calendar.parse(d.periodId());
    } catch (IllegalArgumentException e) {
      return false;
    }
    String at = LocalDateTime.ofInstant(d.deadline(), calendar.zone()).format(AT);
    String link = "/counties/" + d.countyId() + "/approvals/" + period.id();
    String key = ":" + d.countyId() + ":" + period.id() + ":" + d.deadline().getEpochSecond();
    List<String> expected = schools.membersOn(d.countyId(), period.start(calendar.calendar())).stream()
        .map(SchoolDirectory.Member::schoolId).toList();
    Map<String, SchoolState> states = approvals.signOffs(period.id(), expected).stream()
        .collect(Collectors.toMap(Approvals.SignOff::schoolId, Approvals.SignOff::state));
    long missing = expected.stream()
        .filter(id -> !Set.of(SchoolState.SIGNED_OFF, SchoolState.APPROVED).contains(states.getOrDefault(id, SchoolState.NOT_SIGNED_OFF)))
        .count();
    if (missing == 0) {
      return false; // every expected school's sign-off is in force: nothing to remind of
    }
    if (d.deadline().isAfter(now)) {
      return notifier.notify(Notice.toAudience(Role.COUNTY_ADMIN, d.countyId(), DEADLINE_APPROACHING, DEADLINE_APPROACHING + key,
          link, "district.notice.deadline-approaching", period.id(), at, missing, expected.size())).isPresent();
    }
    return notifier.notify(Notice.toAudience(Role.COUNTY_ADMIN, d.countyId(), DEADLINE_PASSED, DEADLINE_PASSED + key,
        link, "district.notice.deadline-passed", period.id(), at, missing, expected.size())).isPresent();
  }
}
