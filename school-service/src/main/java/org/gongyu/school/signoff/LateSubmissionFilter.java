package org.gongyu.school.signoff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Keeps aside a write the period lock refused (ADR 0019 "late data"): the record writes of a school
 * (PUT, POST, DELETE below {@code /api/school/schools/{schoolId}/}) are read through a caching
 * wrapper; when one is answered 409 because {@code SnapshotService} refused a change dated in a
 * signed-off period (it tells {@link SignOffLocks#refused}), the request as received is stored in
 * {@code late_submission}, sealed, after the refused transaction has rolled back. A re-application
 * of a kept request ({@link LateSubmissions#apply}) is marked and not kept again.
 */
@Component
class LateSubmissionFilter extends OncePerRequestFilter {

  static final String REFUSAL = LateSubmissionFilter.class.getName() + ".refusal";
  /** Marks the internal re-application of a kept request. */
  static final String REAPPLIED = "X-Gongyu-Late-Submission";
  static final Pattern RECORD_WRITE = Pattern.compile("^/api/school/schools/([A-Za-z0-9-]{1,40})(/.+)$");
  private static final Set<String> NOT_RECORDS = Set.of("sign-offs", "late-submissions", "imports", "demonstration",
      "guardian-consents", "sensitive-reads", "attachments");
  private static final Set<String> WRITES = Set.of("PUT", "POST", "DELETE");
  private static final int MAX_KEPT = 10 * 1024 * 1024;

  /** A refusal by the lock while the request was served. */
  record Refusal(String schoolId, String periodId, long signOffVersion) {}

  private final LateSubmissions late;

  LateSubmissionFilter(LateSubmissions late) {
    this.late = late;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!WRITES.contains(request.getMethod()) || request.getHeader(REAPPLIED) != null) {
      return true;
    }
    Matcher m = RECORD_WRITE.matcher(request.getRequestURI());
    return !m.matches() || NOT_RECORDS.contains(m.group(2).substring(1).split("/")[0]);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingRequestWrapper cached = new ContentCachingRequestWrapper(request, MAX_KEPT);
    chain.doFilter(cached, response);
    if (response.getStatus() == HttpServletResponse.SC_CONFLICT && cached.getAttribute(REFUSAL) instanceof Refusal r) {
      Matcher m = RECORD_WRITE.matcher(request.getRequestURI());
      if (m.matches() && m.group(1).equals(r.schoolId())) {
        late.keep(r, request.getMethod(), m.group(2), request.getQueryString(), cached.getContentAsByteArray());
      }
    }
  }
}
