package org.gongyu.chassis.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves the service as {@code application/problem+json} that says what was wrong:
 * each invalid field by name, the place a body stopped being readable, never a stack trace or an
 * internal class name. Titles and details follow the request's {@code Accept-Language} (zh-CN or
 * en, see {@link RequestLanguage}); field messages come from Bean Validation in that language, after
 * the unchanged field path ({@code participations[0].externalId: ...}).
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<String> errors = new ArrayList<>();
    for (FieldError fe : ex.getBindingResult().getFieldErrors()) {
      errors.add(fe.getField() + ": " + fe.getDefaultMessage());
    }
    ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(ge.getDefaultMessage()));
    errors.sort(null);
    return problem(HttpStatus.BAD_REQUEST, "invalid-request",
        Msg.msg("problem.detail.invalid-request", errors.size(), Msg.joined(errors)), errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<String> errors = new ArrayList<>();
    for (var result : ex.getParameterValidationResults()) {
      if (result instanceof ParameterErrors body) {
        // a @Valid body validated together with path variables: name its fields, not the parameter
        body.getFieldErrors().forEach(fe -> errors.add(fe.getField() + ": " + fe.getDefaultMessage()));
        body.getGlobalErrors().forEach(ge -> errors.add(ge.getDefaultMessage()));
      } else {
        result.getResolvableErrors().forEach(e ->
            errors.add(result.getMethodParameter().getParameterName() + ": " + e.getDefaultMessage()));
      }
    }
    errors.sort(null);
    return problem(HttpStatus.BAD_REQUEST, "invalid-request",
        Msg.msg("problem.detail.invalid-request", errors.size(), Msg.joined(errors)), errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "malformed-body", where(ex), null);
  }

  /**
   * Anything unforeseen: logged here with its trace, answered without it. Refusals by the
   * authorization rules are not unforeseen: they go back to the security filters, which answer
   * 401, 403 or 404 and audit them.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception ex) throws Exception {
    if (ex instanceof org.springframework.security.access.AccessDeniedException
        || ex instanceof org.springframework.security.core.AuthenticationException) {
      throw ex;
    }
    log.error("unhandled error", ex);
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", Msg.msg("problem.detail.internal"), null);
  }

  private static Msg where(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (cause instanceof tools.jackson.databind.exc.UnrecognizedPropertyException unknown) {
      return Msg.msg("problem.detail.malformed-body.unknown-field", unknown.getPropertyName(),
          String.valueOf(unknown.getKnownPropertyIds()));
    }
    if (cause instanceof tools.jackson.databind.DatabindException de && !de.getPath().isEmpty()) {
      StringBuilder path = new StringBuilder();
      for (var ref : de.getPath()) {
        if (ref.getPropertyName() != null) {
          path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
        } else if (ref.getIndex() >= 0) {
          path.append('[').append(ref.getIndex()).append(']');
        }
      }
      return Msg.msg("problem.detail.malformed-body.at", path.toString());
    }
    return Msg.msg("problem.detail.malformed-body");
  }

  /** Title and detail in the request's language (English when no message source is there). */
  private ResponseEntity<Object> problem(HttpStatus status, String slug, Msg detail, List<String> errors) {
    Locale locale = LocaleContextHolder.getLocale();
    MessageSource messages = getMessageSource();
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, Texts.resolve(detail, messages, locale));
    pd.setType(URI.create("urn:gongyu:problem:" + slug));
    pd.setTitle(Texts.resolve(Msg.msg("problem.title." + slug), messages, locale));
    if (errors != null && !errors.isEmpty()) {
      pd.setProperty("errors", errors);
    }
    return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(pd);
  }
}
