package org.gongyu.district.demonstration.intake;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.notify.Notice;
import org.gongyu.chassis.notify.Notifier;
import org.gongyu.chassis.security.Role;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.contracts.school.v1.DemonstrationApplied;
import org.gongyu.contracts.school.v1.SelfEvaluationSubmitted;
import org.gongyu.district.county.CountyDirectory;
import org.gongyu.district.demonstration.Application;
import org.gongyu.district.demonstration.Applications;
import org.gongyu.district.demonstration.programme.Programme;
import org.gongyu.district.demonstration.programme.Programmes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies what school-service sends, in the listener's transaction. What can never be applied (an
 * unknown programme or application, a school this county has not registered) goes to the
 * dead-letter topic, where an operator can replay it once the cause is fixed; what the school may
 * correct and send again (a self-evaluation too early or incomplete) is refused in the trail; what
 * was already applied is ignored.
 */
@Service
class Intake {

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Logger log = LoggerFactory.getLogger(Intake.class);
  private static final Pattern PROGRAMME_ID = Pattern.compile("[A-Za-z0-9-]{1,60}");
  /** Notification kind: a school's application arrived (to the county's admins, ADR 0019). */
  static final String ARRIVED = "application-arrived";

  private final Applications applications;
  private final Programmes programmes;
  private final CountyDirectory counties;
  private final CityCalendar calendar;
  private final JdbcClient jdbc;
  private final Notifier notifier;

  Intake(Applications applications, Programmes programmes, CountyDirectory counties, CityCalendar calendar, JdbcClient jdbc,
      Notifier notifier) {
    this.applications = applications;
    this.programmes = programmes;
    this.counties = counties;
    this.calendar = calendar;
    this.jdbc = jdbc;
    this.notifier = notifier;
  }

  /**
   * A new application: APPLIED, or DECLINED when it was made (in the city's zone) outside the
   * programme's window. Its 学区 is the school's current one ({@code ""} for a county-direct school).
   * An application id already stored, or a second application of the school to the programme,
   * changes nothing. An APPLIED one is notified to the county's admins, once per application.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void applied(DemonstrationApplied e) {
    PayloadCheck.id("schoolId", e.schoolId());
    PayloadCheck.id("countyId", e.countyId());
    PayloadCheck.require(PROGRAMME_ID.matcher(e.programmeId()).matches(), "programmeId '" + e.programmeId() + "' is not a valid id");
    PayloadCheck.require(e.baseline().stream().allMatch(b -> b != null && b.areaCode() != null), "a baseline line has no areaCode");
    if (exists(e.applicationId())) {
      log.info("ignored application {}: already received", e.applicationId());
      return;
    }
    // Lock order: county row (the registry's 学区 of the school), then the programme row (its window and
    // standard), then the application.
    PayloadCheck.require(counties.lockShared(e.countyId()), "county " + e.countyId() + " is not registered");
    Programme p = programmes.lockShared(e.programmeId()).filter(x -> x.countyId().equals(e.countyId()))
        .orElseThrow(() -> refuse("programme " + e.programmeId() + " is not a programme of county " + e.countyId()));
    String xuequKey = jdbc.sql("select coalesce(xuequ_id, '') from school where id = ? and county_id = ?")
        .params(e.schoolId(), e.countyId()).query(String.class).optional()
        .orElseThrow(() -> refuse("school " + e.schoolId() + " is not registered in county " + e.countyId()));
    Optional<String> earlier = jdbc.sql("select id::text from demonstration_application where programme_id = ? and school_id = ?")
        .params(p.id(), e.schoolId()).query(String.class).optional();
    if (earlier.isPresent()) {
      log.warn("ignored application {}: school {} already applied to programme {} with application {}",
          e.applicationId(), e.schoolId(), p.id(), earlier.get());
      return;
    }
    LocalDate day = calendar.dayOf(e.appliedAt());
    String reason = day.isBefore(p.applicationOpensOn())
        ? "arrived before the window opened on " + p.applicationOpensOn()
        : day.isAfter(p.applicationDeadline()) ? "arrived after the application deadline " + p.applicationDeadline() : null;
    DemonstrationStatus status = reason == null ? DemonstrationStatus.APPLIED : DemonstrationStatus.DECLINED;
    applications.insertReceived(
        new Application(e.applicationId(), p.id(), e.countyId(), e.schoolId(), xuequKey, status, 1, e.appliedAt(), null, 0, null),
        JSON.writeValueAsString(e.baseline()), e.plan(), Applications.SCHOOL_SERVICE, reason);
    if (status == DemonstrationStatus.APPLIED) {
      String school = jdbc.sql("select name from school where id = ?").param(e.schoolId()).query(String.class).single();
      notifier.notify(Notice.toAudience(Role.COUNTY_ADMIN, e.countyId(), ARRIVED, ARRIVED + ":" + e.applicationId(),
          "/counties/" + e.countyId() + "/demonstration/applications/" + e.applicationId(),
          "district.notice.application-arrived", school, e.schoolId(), p.id()));
    }
    log.info("application {} of school {} to programme {}: {}", e.applicationId(), e.schoolId(), p.id(), status);
  }

  /**
   * A self-evaluation round: a round at or below the application's is a duplicate and ignored; the
   * next round is stored and moves the application to SELF_EVALUATED when it is CREATING and was
   * submitted on or after the creation end (city zone), or DEFERRED, and scores exactly the
   * programme's criteria within their points; otherwise it is refused in the trail and nothing else
   * changes.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  void selfEvaluated(SelfEvaluationSubmitted e) {
    PayloadCheck.id("schoolId", e.schoolId());
    Application a = applications.lock(e.applicationId())
        .orElseThrow(() -> refuse("no demonstration application " + e.applicationId()));
    PayloadCheck.require(a.schoolId().equals(e.schoolId()) && a.programmeId().equals(e.programmeId()),
        "application " + a.id() + " is not school " + e.schoolId() + "'s application to programme " + e.programmeId());
    if (e.round() <= a.round()) {
      log.info("ignored self-evaluation round {} of application {}: round {} was already received", e.round(), a.id(), a.round());
      return;
    }
    Programme p = programmes.find(a.programmeId()).orElseThrow();
    Optional<String> refusal = refusal(a, p, e);
    if (refusal.isPresent()) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("round", e.round());
      detail.put("submittedAt", e.submittedAt().toString());
      detail.put("reason", refusal.get());
      applications.record(a.id(), Applications.SCHOOL_SERVICE, "SELF_EVALUATION_REFUSED", detail);
      log.warn("refused self-evaluation round {} of application {}: {}", e.round(), a.id(), refusal.get());
      return;
    }
    BigDecimal total = e.selfTotal();
    jdbc.sql("""
            insert into demonstration_self_evaluation (application_id, round, submitted_at, standard_id, standard_version, items, self_total)
            values (?, ?, ?, ?, ?, cast(? as jsonb), ?)""")
        .params(a.id(), e.round(), Timestamp.from(e.submittedAt()), e.standardId(), e.standardVersion(),
            JSON.writeValueAsString(e.items()), total)
        .update();
    jdbc.sql("update demonstration_application set round = ? where id = ?").params(e.round(), a.id()).update();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("round", e.round());
    detail.put("submittedAt", e.submittedAt().toString());
    detail.put("selfTotal", total);
    applications.transition(a, DemonstrationStatus.SELF_EVALUATED, Applications.SCHOOL_SERVICE, "SUBMIT_SELF_EVALUATION", null, detail);
    log.info("application {} self-evaluated (round {})", a.id(), e.round());
  }

  /** Why the round cannot be accepted, if it cannot. */
  private Optional<String> refusal(Application a, Programme p, SelfEvaluationSubmitted e) {
    if (e.round() != a.round() + 1) {
      return Optional.of("round " + e.round() + " skips round " + (a.round() + 1));
    }
    LocalDate day = calendar.dayOf(e.submittedAt());
    if (a.status() == DemonstrationStatus.CREATING) {
      if (a.creationEndsOn() == null || day.isBefore(a.creationEndsOn())) {
        return Optional.of("submitted on " + day + ", before the creation period ends on " + a.creationEndsOn());
      }
    } else if (a.status() != DemonstrationStatus.DEFERRED) {
      return Optional.of("the application is " + a.status() + "; a self-evaluation needs CREATING (from the creation end) or DEFERRED");
    }
    if (!e.standardId().equals(p.standardId()) || e.standardVersion() != p.standardVersion()) {
      return Optional.of("scored against " + e.standardId() + " version " + e.standardVersion() + ", the programme keeps "
          + p.standardId() + " version " + p.standardVersion());
    }
    Rubric rubric = programmes.rubricOf(p);
    List<String> problems = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SelfEvaluationSubmitted.Item item : e.items()) {
      if (item == null || item.criterionCode() == null) {
        problems.add("an item has no criterion");
        continue;
      }
      String code = item.criterionCode();
      if (!seen.add(code)) {
        problems.add(code + " is scored twice");
        continue;
      }
      Optional<Rubric.Criterion> c = rubric.criterion(code);
      if (c.isEmpty()) {
        problems.add(code + " is not a criterion of the standard");
      } else if (item.selfScore() == null || item.selfScore().signum() < 0 || item.selfScore().compareTo(c.get().points()) > 0) {
        problems.add(code + " self-score " + item.selfScore() + " is not within 0.." + c.get().points());
      } else if (item.selfScore().stripTrailingZeros().scale() > 2) {
        problems.add(code + " self-score " + item.selfScore() + " has more than 2 decimals");
      }
    }
    rubric.criteria().stream().map(Rubric.Criterion::code).filter(code -> !seen.contains(code))
        .forEach(code -> problems.add(code + " is missing"));
    return problems.isEmpty() ? Optional.empty() : Optional.of("items: " + String.join("; ", problems));
  }

  private boolean exists(java.util.UUID applicationId) {
    return jdbc.sql("select exists (select 1 from demonstration_application where id = ?)").param(applicationId).query(Boolean.class).single();
  }

  /** A record that can never be applied: the error handler parks it on the dead-letter topic at once. */
  private static RuntimeException refuse(String why) {
    return new org.gongyu.contracts.EventCodec.MalformedEventException(why);
  }
}
