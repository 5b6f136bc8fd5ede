package org.gongyu.city.approval;

import java.util.List;
import org.gongyu.chassis.notify.Notice;
import org.gongyu.chassis.notify.Notifier;
import org.gongyu.chassis.security.Role;
import org.gongyu.city.CityProperties;
import org.gongyu.contracts.district.v1.CountyPeriodSubmission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the city's staff and admins (audiences {@code CITY_STAFF@city} and {@code CITY_ADMIN@city},
 * one notification each, as their tokens place them) that a county submitted or withdrew a period
 * (ADR 0019, issue 15 item 5), once per county, period, submission version and audience (the dedup
 * key), however often the event arrives.
 */
@Component
class SubmissionNotices {

  static final String KIND = "county-submission";
  static final List<Role> AUDIENCES = List.of(Role.CITY_STAFF, Role.CITY_ADMIN);

  private final Notifier notifier;
  private final CityProperties city;
  private final JdbcClient jdbc;

  SubmissionNotices(Notifier notifier, CityProperties city, JdbcClient jdbc) {
    this.notifier = notifier;
    this.city = city;
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void submission(CountyPeriodSubmission s) {
    String name = jdbc.sql("select name from county where id = ?").param(s.countyId()).query(String.class).optional()
        .orElse(s.countyId());
    boolean submitted = s.status() == CountyPeriodSubmission.Status.SUBMITTED;
    for (Role role : AUDIENCES) {
      notifier.notify(Notice.toAudience(role, city.id(), KIND,
          KIND + ":" + s.countyId() + ":" + s.periodId() + ":" + s.version() + ":" + role.name(),
          "/city/approvals/" + s.periodId() + "/counties/" + s.countyId(),
          submitted ? "city.notice.county-submitted" : "city.notice.county-withdrew",
          name, s.countyId(), s.periodId(), s.reason() == null ? "" : s.reason()));
    }
  }
}
