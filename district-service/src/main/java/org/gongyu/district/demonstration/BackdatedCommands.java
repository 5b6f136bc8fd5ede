package org.gongyu.district.demonstration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.gongyu.chassis.web.Msg;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Backdated commands of a past cycle (ADR 0015): a write to a county's demonstration applications
 * that carries {@value #HEADER} runs with that instant as {@link EffectiveTime}, through the same
 * controller, service and rules as a write made now. Only a county admin may send it (403), only on
 * {@code POST}/{@code PUT} under {@code …/demonstration/applications} (400 elsewhere), only for an
 * instant before now (422); the trail then refuses a step dated before the application's last step
 * or on an application with a step recorded live (409) and marks every step it writes as backdated.
 */
@Component
class BackdatedCommands implements HandlerInterceptor, WebMvcConfigurer {

  static final String HEADER = "Gongyu-Effective-At";
  private static final Pattern BACKDATABLE = Pattern.compile("/api/district/counties/[^/]+/demonstration/applications(/.*)?");

  private final EffectiveTime time;

  BackdatedCommands(EffectiveTime time) {
    this.time = time;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/district/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    String header = request.getHeader(HEADER);
    if (header == null) {
      return true;
    }
    String method = request.getMethod();
    if (!("POST".equals(method) || "PUT".equals(method)) || !BACKDATABLE.matcher(request.getRequestURI()).matches()) {
      throw ApiProblem.badRequest(Msg.msg("district.backdated.not-here", HEADER));
    }
    Caller caller = Caller.of(SecurityContextHolder.getContext().getAuthentication()).orElse(null);
    if (caller == null || !caller.roles().contains(Role.COUNTY_ADMIN)) {
      throw ApiProblem.forbidden(Msg.msg("district.backdated.county-admin-only", HEADER));
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(header.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(Msg.msg("district.backdated.bad-instant", HEADER, header));
    }
    try {
      time.begin(at, caller.username());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.unprocessable(Msg.msg("district.backdated.not-past", at, time.wallInstant()),
          java.util.List.of(Msg.msg("district.backdated.not-past", at, time.wallInstant())));
    }
    return true;
  }

  @Override
  public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    time.end();
  }
}
