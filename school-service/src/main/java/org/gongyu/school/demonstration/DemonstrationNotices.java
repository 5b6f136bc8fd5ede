package org.gongyu.school.demonstration;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.notify.Notice;
import org.gongyu.chassis.notify.Notifier;
import org.gongyu.chassis.scheduling.ClusterScan;
import org.gongyu.chassis.security.Role;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.district.v1.DemonstrationStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the school's admins ({@code SCHOOL_ADMIN@school}) are told of their demonstration
 * applications (ADR 0019, issue 15 item 5), each once by a dedup key built from its cause:
 * <ul>
 *   <li>a status the county set, as mirrored (application, status version): accepted (creation
 *   starts), declined, decided (titled, rejected, deferred; titled again after a re-inspection: the
 *   title is kept), re-inspection scheduled, rectification deadline set;</li>
 *   <li>a daily scan (ShedLock {@value #SCAN_LOCK}, the service's clock, the city's day): the
 *   self-evaluation is due once the creation period has ended (application, creation end), the
 *   rectification deadline is 7 days away or less (application, deadline) or has passed
 *   (application, deadline) while the application is still rectifying.</li>
 * </ul>
 */
@Component
class DemonstrationNotices {

  static final String ACCEPTED = "application-accepted";
  static final String DECLINED = "application-declined";
  static final String DECIDED = "demonstration-decided";
  static final String REINSPECTION = "reinspection-scheduled";
  static final String RECTIFICATION = "rectification-deadline-set";
  static final String SELF_EVALUATION_DUE = "self-evaluation-due";
  static final String RECTIFICATION_APPROACHING = "rectification-approaching";
  static final String RECTIFICATION_OVERDUE = "rectification-overdue";
  static final String SCAN_LOCK = "school-demonstration-notices";
  static final int DAYS_BEFORE = 7;
  private static final Logger log = LoggerFactory.getLogger(DemonstrationNotices.class);

  private final Notifier notifier;
  private final JdbcClient jdbc;
  private final CityCalendar calendar;
  private final TransactionTemplate tx;
  private final ClusterScan scans;

  DemonstrationNotices(Notifier notifier, JdbcClient jdbc, CityCalendar calendar, TransactionTemplate tx, ClusterScan scans) {
    this.notifier = notifier;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.tx = tx;
    this.scans = scans;
  }

  /** A status newly mirrored (the highest version so far). */
  @Transactional(propagation = Propagation.MANDATORY)
  void statusChanged(DemonstrationStatusChanged e) {
    String kind;
    String key;
    Object detail;
    switch (e.status()) {
      case CREATING -> {
        if (e.previousStatus() != null && e.previousStatus() != DemonstrationStatus.APPLIED) {
          return; // a creation resumed otherwise is not an acceptance
        }
        kind = ACCEPTED;
        key = "school.notice.application-accepted";
        detail = e.creationEndsOn() == null ? "" : e.creationEndsOn();
      }
      case DECLINED -> {
        kind = DECLINED;
        key = "school.notice.application-declined";
        detail = e.reason() == null ? "" : e.reason();
      }
      case TITLED, REJECTED, DEFERRED -> {
        kind = DECIDED;
        boolean kept = e.status() == DemonstrationStatus.TITLED
            && (e.previousStatus() == DemonstrationStatus.REINSPECTING || e.previousStatus() == DemonstrationStatus.RECTIFYING);
        key = kept ? "school.notice.title-kept" : "school.notice.decided-" + e.status().name().toLowerCase(java.util.Locale.ROOT);
        detail = e.status() == DemonstrationStatus.TITLED
            ? (e.titleValidUntil() == null ? "" : e.titleValidUntil())
            : (e.reason() == null ? "" : e.reason());
      }
      case REINSPECTING -> {
        kind = REINSPECTION;
        key = "school.notice.reinspection-scheduled";
        detail = e.reason() == null ? "" : e.reason();
      }
      case RECTIFYING -> {
        kind = RECTIFICATION;
        key = "school.notice.rectification-deadline-set";
        detail = e.rectificationDeadline() == null ? "" : e.rectificationDeadline();
      }
      default -> {
        return;
      }
    }
    notifier.notify(Notice.toAudience(Role.SCHOOL_ADMIN, e.schoolId(), kind,
        "demonstration-status:" + e.applicationId() + ":" + e.version(), link(e.schoolId(), e.applicationId()), key,
        e.programmeId(), detail));
  }

  @Scheduled(cron = "${gongyu.school.demonstration.notice-cron:0 0 8 * * *}", zone = "${gongyu.calendar.zone:Asia/Shanghai}")
  void daily() {
    scans.once(SCAN_LOCK, ClusterScan.CRON_HOLD, this::scanLocked);
  }

  /** The day's reminders, holding the scan's lock (none when another instance holds it). The number of notices made. */
  int scan() {
    return scans.run(SCAN_LOCK, this::scanLocked);
  }

  private record Due(UUID id, String schoolId, String programmeId, LocalDate day) {}

  private int scanLocked() {
    LocalDate today = calendar.today();
    int made = 0;
    for (Due d : due("""
        select id, school_id, programme_id, creation_ends_on from demonstration_application
        where status = 'CREATING' and creation_ends_on <= ?""", today)) {
      made += remind(d, SELF_EVALUATION_DUE, "school.notice.self-evaluation-due");
    }
    for (Due d : due("""
        select id, school_id, programme_id, rectification_deadline from demonstration_application
        where status = 'RECTIFYING' and rectification_deadline <= ?""", today.plusDays(DAYS_BEFORE))) {
      boolean overdue = d.day().isBefore(today);
      made += overdue
          ? remind(d, RECTIFICATION_OVERDUE, "school.notice.rectification-overdue")
          : remind(d, RECTIFICATION_APPROACHING, "school.notice.rectification-approaching");
    }
    return made;
  }

  private List<Due> due(String sql, LocalDate until) {
    return jdbc.sql(sql).param(Date.valueOf(until))
        .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate()))
        .list();
  }

  private int remind(Due d, String kind, String key) {
    try {
      Boolean made = tx.execute(s -> notifier.notify(Notice.toAudience(Role.SCHOOL_ADMIN, d.schoolId(), kind,
          kind + ":" + d.id() + ":" + d.day(), link(d.schoolId(), d.id()), key, d.programmeId(), d.day())).isPresent());
      return Boolean.TRUE.equals(made) ? 1 : 0;
    } catch (RuntimeException e) {
      log.warn("{} notice of application {} failed: {}", kind, d.id(), e.getMessage());
      return 0;
    }
  }

  static String link(String schoolId, UUID applicationId) {
    return "/schools/" + schoolId + "/demonstration/applications/" + applicationId;
  }
}
