package org.gongyu.district.demonstration.assessment;

import org.gongyu.chassis.notify.Notice;
import org.gongyu.chassis.notify.Notifier;
import org.gongyu.contracts.district.v1.AssessmentPanelChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells an assessor they were assigned to an application (ADR 0019), from the panel event the
 * assignment publishes, in its transaction: every member still {@code ASSIGNED} (not declared) gets
 * one notice per application, round and assessor (the dedup key), however often the panel is
 * published again (the next assignment, a replay of the event).
 */
@Component
public class AssignmentNotices {

  public static final String KIND = "assessment-assigned";

  private final Notifier notifier;
  private final JdbcClient jdbc;

  AssignmentNotices(Notifier notifier, JdbcClient jdbc) {
    this.notifier = notifier;
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void panelChanged(AssessmentPanelChanged e) {
    String school = jdbc.sql("select name from school where id = ?").param(e.schoolId()).query(String.class).optional()
        .orElse(e.schoolId());
    for (AssessmentPanelChanged.Member m : e.members()) {
      if ("ASSIGNED".equals(m.status())) {
        notifier.notify(Notice.toUser(m.assessor(), KIND, dedupKey(e, m),
            "/assessor/applications/" + e.applicationId() + "/declaration",
            "district.notice.assessment-assigned", school, e.schoolId(), m.round()));
      }
    }
  }

  static String dedupKey(AssessmentPanelChanged e, AssessmentPanelChanged.Member m) {
    return KIND + ":" + e.applicationId() + ":" + m.round() + ":" + m.assessor();
  }
}
