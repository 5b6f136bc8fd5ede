package org.gongyu.chassis.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
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

  private static final ResourceBundleMessageSource ENGLISH = new ResourceBundleMessageSource();

  static {
    // as ChassisDefaults configures the service's message source
    ENGLISH.setBasenames("messages", "chassis-messages");
    ENGLISH.setDefaultEncoding("UTF-8");
    ENGLISH.setFallbackToSystemLocale(false);
    ENGLISH.setAlwaysUseMessageFormat(true);
  }

  private final String slug;
  private final List<?> errors;

  private ApiProblem(HttpStatus status, String slug, String title, Msg detail, String literalDetail, List<?> errors) {
    super(status, body(status, slug, title, detail != null ? english(detail) : literalDetail, errors), null,
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

  /**
   * 403: the caller's role and unit fit the endpoint, but not this record (e.g. another assessor's
   * declaration). Refusals by role alone come from the security filters.
   */
  public static ApiProblem forbidden(Msg detail) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null, null);
  }

  /** 413: the body (e.g. an uploaded file) is larger than the endpoint takes. */
  public static ApiProblem payloadTooLarge(Msg detail) {
    return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content too large", detail, null, null);
  }

  /** 415: the content is of a type the endpoint does not take (judged by the content, not its name). */
  public static ApiProblem unsupportedMediaType(Msg detail) {
    return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-type", "Unsupported media type", detail, null, null);
  }

  /** 503: the service cannot take the request now (e.g. its import queue is full); try again later. */
  public static ApiProblem serviceUnavailable(Msg detail) {
    return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Service busy", detail, null, null);
  }

  /** 400: malformed input. */
  public static ApiProblem badRequest(Msg detail) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail, null, null);
  }

  /**
   * 400: a field the service can judge only against what is stored (e.g. a reason required for a
   * correction); {@code errors} name each field ({@code "reason: ..."}), as Bean Validation's do.
   */
  public static ApiProblem invalid(Msg detail, List<?> errors) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, null, errors);
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

  /**
   * The English text, as the body holds it until the answer is written in the request's language
   * (and as logs and tests that look at the exception see it).
   */
  private static String english(Object text) {
    return Texts.resolve(text, ENGLISH, Locale.ENGLISH);
  }

  private static ProblemDetail body(HttpStatus status, String slug, String title, String detail, List<?> errors) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
    pd.setType(URI.create("urn:gongyu:problem:" + slug));
    pd.setTitle(title);
    if (errors != null && !errors.isEmpty()) {
      pd.setProperty("errors", errors.stream().map(ApiProblem::english).toList());
    }
    return pd;
  }
}
