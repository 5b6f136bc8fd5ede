package org.gongyu.chassis.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the service refuses, rendered as {@code application/problem+json} (RFC 9457). The
 * detail says what is wrong in words a client developer can act on; it never carries stack traces,
 * class names or personal data.
 */
public class ApiProblem extends ErrorResponseException {

  private ApiProblem(HttpStatus status, String slug, String title, String detail, List<String> errors) {
    super(status, body(status, slug, title, detail, errors), null);
  }

  /** 404: the thing does not exist (or, later, is not the caller's: the two look the same). */
  public static ApiProblem notFound(String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, null);
  }

  /** 409: the request contradicts what is already stored, or the state does not allow it. */
  public static ApiProblem conflict(String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, null);
  }

  /** 422: well-formed, but breaks a rule of the domain; {@code errors} lists each broken rule. */
  public static ApiProblem unprocessable(String detail, List<String> errors) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", "Request breaks a rule", detail, errors);
  }

  /** 400: malformed input. */
  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail, null);
  }

  private static ProblemDetail body(HttpStatus status, String slug, String title, String detail, List<String> errors) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setType(URI.create("urn:gongyu:problem:" + slug));
    pd.setTitle(title);
    if (errors != null && !errors.isEmpty()) {
      pd.setProperty("errors", List.copyOf(errors));
    }
    return pd;
  }
}
