package org.gongyu.school.indicators;

import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.scheduling.ClusterScan;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.registry.SchoolRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-derives every active school's indicators for the periods containing today, once a day. Figures
 * otherwise change only when records do, so a period that starts without any write (a new
 * semester in which the committee, the instructors and the special-student register still stand)
 * would have no figure until the school's next write. Unchanged figures publish nothing, so the
 * job is idempotent; each school is refreshed in its own transaction under its lock.
 */
@Configuration
@EnableScheduling
public class PeriodRollover {

  private static final Logger log = LoggerFactory.getLogger(PeriodRollover.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final SchoolRegistry registry;
  private final SnapshotService snapshots;
  private final CityCalendar calendar;
  private final ClusterScan scans;

  static final String LOCK = "school-period-rollover";

  PeriodRollover(JdbcClient jdbc, TransactionTemplate tx, SchoolRegistry registry, SnapshotService snapshots, CityCalendar calendar,
      ClusterScan scans) {
    this.scans = scans;
    this.jdbc = jdbc;
    this.tx = tx;
    this.registry = registry;
    this.snapshots = snapshots;
    this.calendar = calendar;
  }

  @Scheduled(cron = "${gongyu.school.rollover-cron:0 15 0 * * *}", zone = "${gongyu.calendar.zone:Asia/Shanghai}")
  void daily() {
    scans.once(LOCK, ClusterScan.CRON_HOLD, this::rollOver);
  }

  /**
   * Re-derives, for every school with classes in the current school year, every indicator for its
   * period containing today.
   *
   * @return how many new snapshot versions were made
   */
  public int rollOver() {
    LocalDate today = calendar.today();
    String schoolYear = Period.containing(PeriodType.SCHOOL_YEAR, today, calendar.calendar()).id();
    List<String> schools = jdbc.sql("select distinct school_id from school_class where school_year = ? order by 1")
        .param(schoolYear)
        .query(String.class)
        .list();
    int made = 0;
    for (String schoolId : schools) {
      Integer n = tx.execute(status -> {
        registry.lockForUpdate(schoolId);
        long before = versions(schoolId);
        snapshots.refresh(RecordsChanged.of(schoolId, today).recount());
        return (int) (versions(schoolId) - before);
      });
      made += n == null ? 0 : n;
    }
    log.info("period roll-over on {}: {} schools, {} new snapshot versions", today, schools.size(), made);
    return made;
  }

  private long versions(String schoolId) {
    return jdbc.sql("select count(*) from indicator_snapshot where school_id = ?").param(schoolId).query(Long.class).single();
  }
}
