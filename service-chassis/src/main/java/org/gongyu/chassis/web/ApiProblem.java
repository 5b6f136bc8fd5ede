package org.gongyu.chassis.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the service refuses, rendered as {@code application/problem+json} (RFC 9457). The
 * detail says what is wrong in words a client developer can act on; it never carries stack traces,
 * class names or personal data.
 *
 * <p>Title and detail are given as message codes ({@link Msg}) and follow the request's
 * {@code Accept-Language} (zh-CN or en, English by default): {@code ProblemHandling} resolves them
 * with the service's messages when it writes the answer. So do the entries of {@code errors}
 * (each a {@link Msg}, or a plain text that stays as it is).
 */
public class ApiProblem extends ErrorResponseException {

  private final String slug;
  private final List<?> errors;

  private ApiProblem(HttpStatus status, String slug, String title, Msg detail, String literalDetail, List<?> errors) {
    super(status, body(status, slug, title, detail != null ? detail.toString() : literalDetail, errors), null,
        detail != null ? detail.code() : null, detail != null ? detail.args() : null);
    this.slug = slug;
    this.errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** 404: the thing does not exist (or is not the caller's: the two look the same). */
  public static ApiProblem notFound(Msg detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", detail, null, null);
  }

  /** 409: the request contradicts what is already stored, or the state does not allow it. */
  public static ApiProblem conflict(Msg detail) {
    return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", detail, null, null);
  }

  /**
   * 422: well-formed, but breaks a rule of the domain; {@code errors} lists each broken rule, each a
   * {@link Msg} or a plain text.
   */
  public static ApiProblem unprocessable(Msg detail, List<?> errors) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", "Request breaks a rule", detail, null, errors);
  }

  /** 400: malformed input. */
  public static ApiProblem badRequest(Msg detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail, null, null);
  }

  /** 404 with a fixed English detail. Prefer {@link #notFound(Msg)}: this one is not translated. */
  public static ApiProblem notFound(String detail) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", null, detail, null);
  }

  /** 409 with a fixed English detail. Prefer {@link #conflict(Msg)}: this one is not translated. */
  public static ApiProblem conflict(String detail) {
    return new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", null, detail, null);
  }

  /** 422 with a fixed English detail. Prefer {@link #unprocessable(Msg, List)}: this one is not translated. */
  public static ApiProblem unprocessable(String detail, List<String> errors) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "rule-violated", "Request breaks a rule", null, detail, errors);
  }

  /** 400 with a fixed English detail. Prefer {@link #badRequest(Msg)}: this one is not translated. */
  public static ApiProblem badRequest(String detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", null, detail, null);
  }

  @Override
  public String getTitleMessageCode() {
    return "problem.title." + slug;
  }

  @Override
  public Object[] getDetailMessageArguments(MessageSource messageSource, Locale locale) {
    Object[] args = getDetailMessageArguments();
    if (args == null) {
      return null;
    }
    Object[] resolved = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      resolved[i] = Texts.resolve(args[i], messageSource, locale);
    }
    return resolved;
  }

  @Override
  public ProblemDetail updateAndGetBody(MessageSource messageSource, Locale locale) {
    ProblemDetail body = super.updateAndGetBody(messageSource, locale);
    if (messageSource != null && !errors.isEmpty()) {
      List<String> texts = new ArrayList<>();
      errors.forEach(e -> texts.add(Texts.resolve(e, messageSource, locale)));
      body.setProperty("errors", texts);
    }
    return body;
  }

  private static ProblemDetail body(HttpStatus status, String slug, String title, String detail, List<?> errors) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setType(URI.create("urn:gongyu:problem:" + slug));
    pd.setTitle(title);
    if (errors != null && !errors.isEmpty()) {
      pd.setProperty("errors", errors.stream().map(String::valueOf).toList());
    }
    return pd;
  }
}
