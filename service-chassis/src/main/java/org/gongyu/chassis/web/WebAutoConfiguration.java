package org.gongyu.chassis.web;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
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

  /**
   * Every meter tagged {@code application} with the service's name, which the dashboard and the
   * alert rules group by (deploy/observability): Prometheus' {@code job} label depends on how it
   * finds the targets (named jobs locally, one job for all annotated pods in Kubernetes).
   */
  @Bean
  MeterFilter applicationTag(Environment environment) {
    return MeterFilter.commonTags(Tags.of("application", environment.getProperty("spring.application.name", "unknown")));
  }

  /**
   * Latency buckets for {@code http.server.requests}, so that dashboards can take p95 per service
   * ({@code histogram_quantile} over {@code http_server_requests_seconds_bucket}). Ten fixed
   * boundaries rather than Micrometer's full percentile histogram: a service has a hundred routes,
   * and each route and status multiplies the buckets.
   */
  @Bean
  MeterFilter requestLatencyBuckets() {
    double[] bounds = Stream.of(10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000)
        .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
        .toArray();
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!"http.server.requests".equals(id.getName())) {
          return config;
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(bounds).build().merge(config);
      }
    };
  }

  @Bean
  JsonMapperBuilderCustomizer strictRequestBodies() {
    return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }
}
