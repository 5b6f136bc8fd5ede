package org.gongyu.school.signoff;

import org.gongyu.chassis.notify.Notice;
import org.gongyu.chassis.notify.Notifier;
import org.gongyu.chassis.security.Role;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the school's admins ({@code SCHOOL_ADMIN@school}) of the county's review of their sign-off
 * (ADR 0019, issue 15 item 5): returned (with the comment), reopened (with the reason) or approved;
 * once per school, period and review version (the dedup key), however often the review arrives.
 */
@Component
class ReviewNotices {

  static final String RETURNED = "report-returned";
  static final String REOPENED = "report-reopened";
  static final String APPROVED = "report-approved";

  private final Notifier notifier;

  ReviewNotices(Notifier notifier) {
    this.notifier = notifier;
  }

  /** A review applied to the sign-off in force. */
  @Transactional(propagation = Propagation.MANDATORY)
  void reviewed(SchoolPeriodReviewed r) {
    String kind = switch (r.action()) {
      case APPROVED -> APPROVED;
      case RETURNED -> RETURNED;
      case REOPENED -> REOPENED;
    };
    notifier.notify(Notice.toAudience(Role.SCHOOL_ADMIN, r.schoolId(), kind,
        "report-reviewed:" + r.schoolId() + ":" + r.periodId() + ":" + r.version(),
        "/schools/" + r.schoolId() + "/sign-offs/" + r.periodId(),
        "school.notice." + kind, r.periodId(), r.comment() == null ? "" : r.comment()));
  }
}
