package org.gongyu.chassis.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.gongyu.chassis.web.Msg;
import org.gongyu.chassis.web.Texts;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the problem responses of the security filters, which run before any controller advice and
 * before Spring MVC has set the request's locale: the language comes from the {@link LocaleResolver}
 * here.
 */
final class ProblemWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MessageSource messages;
  private final LocaleResolver locales;

  ProblemWriter(MessageSource messages, LocaleResolver locales) {
    this.messages = messages;
    this.locales = locales;
  }

  void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug, Msg detail)
      throws IOException {
    Locale locale = locales.resolveLocale(request);
    // the members Spring MVC writes for a ProblemDetail, in the same order
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("detail", Texts.resolve(detail, messages, locale));
    problem.put("instance", request.getRequestURI());
    problem.put("status", status.value());
    problem.put("title", Texts.resolve(Msg.msg("problem.title." + slug), messages, locale));
    problem.put("type", "urn:gongyu:problem:" + slug);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.setHeader("Content-Language", locale.toLanguageTag());
    response.getWriter().write(JSON.writeValueAsString(problem));
  }
}
