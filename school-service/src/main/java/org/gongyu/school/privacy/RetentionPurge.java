package org.gongyu.school.privacy;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.HexFormat;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.scheduling.ClusterScan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The retention purge (issue 12 item 7): once a sensitive record's retention period has passed, its
 * personal data goes — the free-text notes are deleted and the student's pseudonym is replaced by a
 * value no key can link back (a hash with a random salt that is used for this run and then
 * forgotten) — while the row, its class, category, status and dates stay, so that every count a
 * published figure rests on stays and no snapshot changes. Runs daily; a PostgreSQL advisory lock
 * keeps two instances from running it at once (and the nightly run goes through the cluster lock, ADR
 * 0031, so one instance runs it).
 */
@Service
public class RetentionPurge {

  private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * What one run anonymised (and, of withdrawn home-visit files, deleted); {@code ran} false when
   * another instance held the lock.
   */
  public record Outcome(boolean ran, int specialStudents, int consultations, int homeVisitFiles, int withdrawnHomeVisitFiles) {}

  private final JdbcClient jdbc;
  private final CityCalendar calendar;
  private final Clock clock;
  private final Period specialCare;
  private final Period consultation;
  private final Period homeVisitFile;
  private final ClusterScan scans;

  static final String LOCK = "school-retention-purge";

  RetentionPurge(JdbcClient jdbc, CityCalendar calendar, Clock clock,
      @Value("${gongyu.school.retention.special-care:P1Y}") String specialCare,
      @Value("${gongyu.school.retention.consultation:P3Y}") String consultation,
      @Value("${gongyu.school.retention.home-visit-file:P3Y}") String homeVisitFile, ClusterScan scans) {
    this.scans = scans;
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.clock = clock;
    this.specialCare = Period.parse(specialCare);
    this.consultation = Period.parse(consultation);
    this.homeVisitFile = Period.parse(homeVisitFile);
  }

  @Scheduled(cron = "${gongyu.school.retention.purge-cron:0 30 2 * * *}", zone = "${gongyu.calendar.zone:Asia/Shanghai}")
  void daily() {
    scans.once(LOCK, ClusterScan.CRON_HOLD, this::purgeAndLog);
  }

  private void purgeAndLog() {
    Outcome o = purge();
    log.info("retention purge: ran={} special-students={} consultations={} home-visit-files={} withdrawn-home-visit-files={}",
        o.ran(), o.specialStudents(), o.consultations(), o.homeVisitFiles(), o.withdrawnHomeVisitFiles());
  }

  /** Anonymises every record whose retention period ended on or before today (the city's day). */
  @Transactional
  public Outcome purge() {
    boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('gongyu-school-retention-purge'))")
        .query(Boolean.class).single();
    if (!locked) {
      return new Outcome(false, 0, 0, 0, 0);
    }
    LocalDate today = calendar.today();
    byte[] saltBytes = new byte[32];
    RANDOM.nextBytes(saltBytes);
    String salt = HexFormat.of().formatHex(saltBytes);
    Timestamp now = Timestamp.from(clock.instant());
    // special-student register: 1 year (default) after the entry was closed; open entries stay
    int special = jdbc.sql("""
            update special_student set notes = null, purged_at = :now,
              student_key = encode(sha256(convert_to(student_key || :salt, 'UTF8')), 'hex')
            where purged_at is null and closed_on is not null and closed_on <= :cutoff""")
        .param("now", now).param("salt", salt).param("cutoff", Date.valueOf(today.minus(specialCare)))
        .update();
    // consultation cases: 3 years (default) after closure (resolved on; a referred case from its opening)
    int cases = jdbc.sql("""
            update consultation_case set notes = null, purged_at = :now,
              student_key = encode(sha256(convert_to(student_key || :salt, 'UTF8')), 'hex')
            where purged_at is null and status <> 'OPEN' and coalesce(resolved_on, opened_on) <= :cutoff""")
        .param("now", now).param("salt", salt).param("cutoff", Date.valueOf(today.minus(consultation)))
        .update();
    // home-visit files: 3 years (default) after the file was opened
    int files = jdbc.sql("""
            update home_visit_file set purged_at = :now,
              student_key = encode(sha256(convert_to(student_key || :salt, 'UTF8')), 'hex')
            where purged_at is null and opened_on <= :cutoff""")
        .param("now", now).param("salt", salt).param("cutoff", Date.valueOf(today.minus(homeVisitFile)))
        .update();
    // withdrawn home-visit files: the row that says whose file it was (so that a re-sent batch does not
    // bring it back, V12) goes when the file's retention ends; nothing else of it holds the student
    // (its trail in record_version keeps the file id, class and opening day only)
    int withdrawnFiles = jdbc.sql("delete from home_visit_file_withdrawn where opened_on <= :cutoff")
        .param("cutoff", Date.valueOf(today.minus(homeVisitFile)))
        .update();
    jdbc.sql("""
            insert into retention_purge (ran_at, special_students, consultations, home_visit_files, withdrawn_home_visit_files)
            values (?, ?, ?, ?, ?)""")
        .params(now, special, cases, files, withdrawnFiles).update();
    return new Outcome(true, special, cases, files, withdrawnFiles);
  }
}
