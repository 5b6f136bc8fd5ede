package org.gongyu.chassis.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.OrgScope;
import org.gongyu.chassis.security.RefusalReason;
import org.gongyu.chassis.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Runs outside the security filters and records, after the response is decided, every
 * state-changing request (POST, PUT, PATCH, DELETE) whatever its outcome, and every refused
 * request of any method: 401, 403, and the 404 of a scope check. The caller is the one the bearer
 * token filter authenticated (it leaves the security context in a request attribute).
 *
 * <p>A failure to write the record is logged and counted in the log, not answered: the response
 * has been decided by then.
 */
public class AuditFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
  private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final AuditLog audit;
  private final Clock clock;

  public AuditFilter(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      record(request, response.getStatus());
    }
  }

  private void record(HttpServletRequest request, int status) {
    boolean scopeDenied = request.getAttribute(OrgScope.OUT_OF_SCOPE) != null;
    boolean denied = status == 401 || status == 403 || scopeDenied;
    if (!denied && !CHANGES.contains(request.getMethod())) {
      return;
    }
    Optional<Caller> caller = caller(request);
    AuditLog.Outcome outcome = denied ? AuditLog.Outcome.DENIED
        : status >= 500 ? AuditLog.Outcome.FAILED
        : status >= 400 ? AuditLog.Outcome.REJECTED
        : AuditLog.Outcome.SUCCEEDED;
    Object route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    Object reason = request.getAttribute(RefusalReason.ATTRIBUTE);
    try {
      audit.append(new AuditLog.Entry(
          clock.instant(),
          caller.map(Caller::subject).orElse("anonymous"),
          caller.map(Caller::username).orElse(null),
          caller.map(c -> c.roles().stream().map(Role::realmName).sorted().collect(Collectors.joining(","))).orElse(""),
          caller.map(Caller::orgUnit).orElse("none"),
          request.getMethod() + " " + (route != null ? route : request.getRequestURI()),
          request.getRequestURI(),
          outcome,
          status,
          reason == null ? null : reason.toString()));
    } catch (RuntimeException e) {
      log.error("could not write the audit record of {} {} ({}): {}", request.getMethod(), request.getRequestURI(), status,
          e.getMessage());
    }
  }

  private static Optional<Caller> caller(HttpServletRequest request) {
    Object context = request.getAttribute(RequestAttributeSecurityContextRepository.DEFAULT_REQUEST_ATTR_NAME);
    if (context instanceof SecurityContext sc) {
      return Caller.of(sc.getAuthentication());
    }
    return Optional.empty();
  }
}
