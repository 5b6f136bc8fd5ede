package org.gongyu.chassis.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last word on a request Spring never saw (a path that escapes the root, a malformed
 * URL, a header the connector refused): instead of Tomcat's HTML status page, a problem+json body
 * with the status, in zh-CN when the request asks for Chinese, else English. Requests that reached
 * Spring MVC are answered there ({@link ProblemHandling}, {@link ProblemErrorController}); this
 * valve writes nothing when a body was already written.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  /** Replaces the host's error report valve (Tomcat adds its own when the host starts). */
  static void install(Host host) {
    for (Valve v : host.getPipeline().getValves()) {
      if (v instanceof ProblemErrorReportValve) {
        return;
      }
      if (v instanceof ErrorReportValve) {
        host.getPipeline().removeValve(v);
      }
    }
    host.getPipeline().addValve(new ProblemErrorReportValve());
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    String language = request.getHeader("Accept-Language");
    Locale locale = language != null && language.toLowerCase(Locale.ROOT).matches("(?s).*\\bzh\\b.*|^zh.*")
        ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    String slug = status == 404 ? "not-found" : status >= 500 ? "internal" : "bad-request";
    String detail = status == 404 ? text(locale, "problem.detail.nothing-at").replace("{0}", "this path")
        : status >= 500 ? text(locale, "problem.detail.internal")
        : text(locale, "problem.detail.request-refused").replace("{0}", String.valueOf(status));
    String body = "{\"type\":\"urn:gongyu:problem:" + slug + "\",\"title\":\"" + escape(text(locale, "problem.title." + slug))
        + "\",\"status\":" + status + ",\"detail\":\"" + escape(detail) + "\"}";
    try {
      response.resetBuffer();
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer w = response.getReporter();
      if (w != null) {
        w.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away or the response was committed: nothing more to say
    }
  }

  private static String text(Locale locale, String key) {
    try {
      ResourceBundle bundle = ResourceBundle.getBundle("chassis-messages",
          locale.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
      return bundle.getString(key).replace("''", "'");
    } catch (MissingResourceException e) {
      return key;
    }
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
