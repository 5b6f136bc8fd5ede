package org.gongyu.chassis.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.gongyu.chassis.web.Msg;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The answers to a refused request, as problem+json that names no internal class:
 *
 * <ul>
 *   <li>401: no token, or one that fails signature, issuer, audience or expiry checks (with the
 *       standard {@code WWW-Authenticate} header; why exactly goes to the audit trail only);
 *   <li>404: the caller's role may do this, but not for that school or county: the same answer
 *       as for a resource that does not exist;
 *   <li>403: the caller's role may not do this at all.
 * </ul>
 *
 * <p>Title and detail are in the language of the request's {@code Accept-Language} (zh-CN or en).
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
  private final ProblemWriter writer;

  SecurityProblems(ProblemWriter writer) {
    this.writer = writer;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    bearer.commence(request, response, e); // sets WWW-Authenticate: Bearer error="invalid_token", ...
    boolean presented = request.getHeader("Authorization") != null;
    request.setAttribute(RefusalReason.ATTRIBUTE, presented ? "token rejected: " + e.getMessage() : "no bearer token");
    writer.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
        Msg.msg(presented ? "problem.detail.token-rejected" : "problem.detail.token-missing"));
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    Object unit = request.getAttribute(OrgScope.OUT_OF_SCOPE);
    if (unit != null) {
      request.setAttribute(RefusalReason.ATTRIBUTE, "outside the caller's org unit: " + unit);
      writer.write(request, response, HttpStatus.NOT_FOUND, "not-found",
          Msg.msg("problem.detail.nothing-at", request.getRequestURI()));
      return;
    }
    request.setAttribute(RefusalReason.ATTRIBUTE, "role does not allow " + request.getMethod());
    writer.write(request, response, HttpStatus.FORBIDDEN, "forbidden", Msg.msg("problem.detail.role-forbids"));
  }
}
