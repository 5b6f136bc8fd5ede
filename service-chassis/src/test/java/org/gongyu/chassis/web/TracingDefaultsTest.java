package org.gongyu.chassis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * ADR 0030: spans are exported only when {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a collector.
 * Boot creates its OTLP span exporter only when the endpoint property exists, so without the
 * variable the property must be absent (not empty); every request is sampled either way.
 */
class TracingDefaultsTest {

  private static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

  @Test
  void withoutACollectorNoEndpointIsSetAndEveryRequestIsSampled() {
    StandardEnvironment env = environment(Map.of());
    assertThat(env.containsProperty(ENDPOINT)).isFalse();
    assertThat(env.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
  }

  @Test
  void theCollectorsBaseUrlBecomesItsTracesEndpoint() {
    StandardEnvironment env = environment(Map.of(ChassisDefaults.OTLP_ENDPOINT, "http://collector:4318/"));
    assertThat(env.getProperty(ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
  }

  @Test
  void aServicesOwnSettingWins() {
    StandardEnvironment env = environment(Map.of("management.tracing.sampling.probability", "0.1"));
    assertThat(env.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
  }

  @Test
  void consumersGiveUpACrashedMemberAfterTenSecondsAndRebalanceCooperatively() {
    StandardEnvironment env = environment(Map.of());
    assertThat(env.getProperty("spring.kafka.consumer.properties.session.timeout.ms")).isEqualTo("10000");
    assertThat(env.getProperty("spring.kafka.consumer.heartbeat-interval")).isEqualTo("2s");
    assertThat(env.getProperty("spring.kafka.consumer.properties.partition.assignment.strategy"))
        .isEqualTo("org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
  }

  private static StandardEnvironment environment(Map<String, Object> given) {
    StandardEnvironment env = new StandardEnvironment();
    // this machine's own variables (a CI runner may name a collector) take no part
    env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    env.getPropertySources().addFirst(new MapPropertySource("given", given));
    new ChassisDefaults().postProcessEnvironment(env, new SpringApplication());
    return env;
  }
}
