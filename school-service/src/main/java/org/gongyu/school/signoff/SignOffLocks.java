package org.gongyu.school.signoff;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gongyu.school.indicators.PeriodLocks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The periods of a school whose sign-off is in force: signed off or approved, not returned or reopened. */
@Component
class SignOffLocks implements PeriodLocks {

  private final JdbcClient jdbc;

  SignOffLocks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Long> inForce(String schoolId) {
    Map<String, Long> locked = new LinkedHashMap<>();
    jdbc.sql("""
            select period_id, sign_off_version from sign_off_state
            where school_id = ? and state in ('SIGNED_OFF', 'APPROVED') order by period_id""")
        .param(schoolId)
        .query(rs -> {
          locked.put(rs.getString(1), rs.getLong(2));
        });
    return locked;
  }

  /** Notes the refusal on the web request being served (if any) for {@link LateSubmissionFilter}. */
  @Override
  public void refused(String schoolId, String periodId, long signOffVersion) {
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request != null && request.getAttribute(LateSubmissionFilter.REFUSAL, RequestAttributes.SCOPE_REQUEST) == null) {
      request.setAttribute(LateSubmissionFilter.REFUSAL, new LateSubmissionFilter.Refusal(schoolId, periodId, signOffVersion),
          RequestAttributes.SCOPE_REQUEST);
    }
  }
}
