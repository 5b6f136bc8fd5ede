package org.gongyu.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The gateway's trace settings, the same as the services' (service-chassis {@code ChassisDefaults},
 * ADR 0030), added last so that {@code application.yml} or the environment wins: every request
 * sampled, its {@code traceparent} passed on to the service it is routed to, and spans exported
 * by OTLP only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a collector (Boot creates the exporter
 * only when the endpoint property exists, so it is set only then).
 */
public class TracingDefaults implements EnvironmentPostProcessor {

  static final String OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("management.tracing.sampling.probability", "1.0");
    String collector = environment.getProperty(OTLP_ENDPOINT);
    if (collector != null && !collector.isBlank()) {
      defaults.put("management.opentelemetry.tracing.export.otlp.endpoint", collector.replaceAll("/+$", "") + "/v1/traces");
    }
    environment.getPropertySources().addLast(new MapPropertySource("gongyuTracingDefaults", defaults));
  }
}
