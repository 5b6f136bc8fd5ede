package org.gongyu.chassis.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.DeserializationFeature;

/**
 * Problem responses for every servlet service, and strict request bodies: a field a request does
 * not take is refused with 400 rather than silently dropped, so that a client who sends, say,
 * another school's id in a body learns at once that it has no effect (mass assignment).
 *
 * <p>Answers are in the language the request asks for ({@link RequestLanguage}); the messages come
 * from the service's {@code messages*.properties} and the chassis' {@code chassis-messages*.properties}
 * (see {@link ChassisDefaults}).
 */
@AutoConfiguration(beforeName = {
    "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
    "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
    "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemHandling.class)
public class WebAutoConfiguration {

  /** Replaces Spring Boot's locale resolver (same bean name), which knows no Chinese variants. */
  @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  LocaleResolver localeResolver() {
    return new RequestLanguage();
  }

  @Bean
  JsonMapperBuilderCustomizer strictRequestBodies() {
    return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
