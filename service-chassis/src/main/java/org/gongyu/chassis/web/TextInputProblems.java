package org.gongyu.chassis.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * A body refused by {@link TextInput} answers 400 naming the field and what was wrong with it
 * ({@code plan: contains the control character U+0000 …}, {@code name: must be text (a JSON
 * string), not a number}); every other unreadable body goes on to {@link ProblemHandling} as before.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TextInputProblems {

  private final ProblemHandling problems;

  TextInputProblems(ProblemHandling problems) {
    this.problems = problems;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, WebRequest request) throws Exception {
    Throwable cause = ex.getCause();
    if (cause instanceof TextInput.Refused refused) {
      String field = path(refused);
      Msg detail = refused.codePoint() != null
          ? Msg.msg("problem.detail.text.control-character", field, String.format("U+%04X", refused.codePoint()))
          : Msg.msg("problem.detail.text.not-text", field, Msg.msg("problem.detail.text.kind." + refused.sentKind()));
      return problems.handleException(ApiProblem.badRequest(detail), request);
    }
    return problems.handleException(ex, request);
  }

  /** {@code items[2].title}, or {@code (body)} for a body that is itself one text. */
  static String path(tools.jackson.databind.DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(body)" : path.toString();
  }
}
