package org.gongyu.chassis.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes the problem responses of the security filters, which run before any controller advice. */
final class ProblemWriter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemWriter() {}

  static void write(HttpServletResponse response, HttpStatus status, String slug, String title, String detail, String instance)
      throws IOException {
    // the members Spring MVC writes for a ProblemDetail, in the same order
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("detail", detail);
    problem.put("instance", instance);
    problem.put("status", status.value());
    problem.put("title", title);
    problem.put("type", "urn:gongyu:problem:" + slug);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JSON.writeValueAsString(problem));
  }
}
