package org.gongyu.chassis.web;

import org.apache.catalina.Context;
import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Robust input for every servlet service: text fields are read by {@link TextInput} (only JSON
 * strings, no control characters), refusals name the field ({@link TextInputProblems}), and the
 * error path answers problem+json ({@link ProblemErrorController}), so no unknown path, no
 * {@code /error} and no odd byte in a body ends as a 500 or an HTML page.
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
    "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
    "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(TextInputProblems.class)
public class InputSafetyAutoConfiguration {

  @Bean
  JsonMapperBuilderCustomizer textInputOnlyFromStrings() {
    return builder -> builder.addModule(TextInput.module());
  }

  /** Tomcat's own error pages (requests Spring never sees) as problem+json too. */
  @Bean
  @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
    return factory -> factory.addContextLifecycleListeners(event -> {
      if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())
          && event.getLifecycle() instanceof Context context && context.getParent() instanceof Host host) {
        ProblemErrorReportValve.install(host);
      }
    });
  }

  @Bean
  ProblemErrorController problemErrorController(MessageSource messages) {
    return new ProblemErrorController(messages);
  }
}
