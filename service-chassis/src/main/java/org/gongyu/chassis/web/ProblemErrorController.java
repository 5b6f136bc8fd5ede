package org.gongyu.chassis.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code /error} (a JSON map or the whitelabel HTML page, and a 500 when
 * {@code /error} itself is asked for): whatever reaches the error path answers
 * {@code application/problem+json} in the request's language. A direct request for {@code /error}
 * is a path like any other that does not exist: 404. An error the container raised before Spring
 * MVC saw the request (a malformed URL, a request the firewall rejected) keeps its status; its
 * detail never carries the exception or a stack trace. Not an operation of the API: hidden from
 * the API description.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

  private final MessageSource messages;

  public ProblemErrorController(MessageSource messages) {
    this.messages = messages;
  }

  @RequestMapping("${server.error.path:${error.path:/error}}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri != null ? uri.toString() : request.getRequestURI();
    HttpStatus status = HttpStatus.NOT_FOUND;
    if (code instanceof Integer c) {
      HttpStatus s = HttpStatus.resolve(c);
      status = s != null && s.isError() ? s : HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String slug;
    Msg detail;
    if (status == HttpStatus.NOT_FOUND) {
      slug = "not-found";
      detail = Msg.msg("problem.detail.nothing-at", path);
    } else if (status.is5xxServerError()) {
      slug = "internal";
      detail = Msg.msg("problem.detail.internal");
    } else if (status == HttpStatus.UNAUTHORIZED) {
      slug = "unauthenticated";
      detail = Msg.msg("problem.detail.token-missing");
    } else if (status == HttpStatus.FORBIDDEN) {
      slug = "forbidden";
      detail = Msg.msg("problem.detail.role-forbids");
    } else {
      slug = "bad-request";
      detail = Msg.msg("problem.detail.request-refused", status.value());
    }
    Locale locale = LocaleContextHolder.getLocale();
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, Texts.resolve(detail, messages, locale));
    pd.setType(URI.create("urn:gongyu:problem:" + slug));
    pd.setTitle(Texts.resolve(Msg.msg("problem.title." + slug), messages, locale));
    pd.setInstance(URI.create(path.startsWith("/") ? path : "/"));
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
  }
}
