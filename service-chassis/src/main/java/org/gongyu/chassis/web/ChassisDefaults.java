package org.gongyu.chassis.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service shares unless its own configuration says otherwise (added last, so any
 * {@code application.yml}, profile or environment variable wins):
 *
 * <ul>
 *   <li>messages: the service's {@code messages*.properties} plus the chassis'
 *       {@code chassis-messages*.properties}, UTF-8, every message a {@code MessageFormat} (a
 *       literal apostrophe is {@code ''}), no fallback to the machine's locale (English is the base
 *       file);
 *   <li>{@code server.forward-headers-strategy=framework}: behind the gateway, links the service
 *       writes (the OpenAPI document's server URL) follow {@code X-Forwarded-*};
 *   <li>Swagger UI keeps a pasted bearer token across reloads and opens with "Try it out" on;
 *   <li>traces (ADR 0030): every request sampled, and exported by OTLP only when
 *       {@code OTEL_EXPORTER_OTLP_ENDPOINT} names a collector (e.g. {@code http://127.0.0.1:4318});
 *       without it spans are made (their ids are in the logs and on the exemplars) but not sent;
 *   <li>Kafka consumers (issue 18 item 2, ADR 0031): a 10 s session with a heartbeat every 2 s, so the
 *       partitions of a crashed instance go to the others (or to its restarted self) about 10 s after
 *       the crash rather than the client's default 45 s; and cooperative-sticky assignment, so a
 *       rebalance moves only the partitions that change owner and the others keep being consumed.
 * </ul>
 */
public class ChassisDefaults implements EnvironmentPostProcessor {

  static final String SOURCE = "gongyuChassisDefaults";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("spring.messages.basename", "messages,chassis-messages");
    defaults.put("spring.messages.encoding", "UTF-8");
    defaults.put("spring.messages.fallback-to-system-locale", "false");
    defaults.put("spring.messages.always-use-message-format", "true");
    defaults.put("server.forward-headers-strategy", "framework");
    defaults.put("springdoc.swagger-ui.persist-authorization", "true");
    defaults.put("springdoc.swagger-ui.try-it-out-enabled", "true");
    defaults.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
    defaults.put("spring.kafka.consumer.heartbeat-interval", "2s");
    defaults.put("spring.kafka.consumer.properties.partition.assignment.strategy",
        "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    tracing(environment, defaults);
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
  }

  /** Also used by services without the chassis's web stack (the gateway keeps a copy of these lines). */
  static void tracing(ConfigurableEnvironment environment, Map<String, Object> defaults) {
    defaults.put("management.tracing.sampling.probability", "1.0");
    String collector = environment.getProperty(OTLP_ENDPOINT);
    if (collector != null && !collector.isBlank()) {
      // Boot creates the OTLP exporter only when this property exists at all, so it is set only here
      defaults.put("management.opentelemetry.tracing.export.otlp.endpoint", collector.replaceAll("/+$", "") + "/v1/traces");
    }
  }

  /** The OpenTelemetry SDK's own variable for the collector's base URL (OTLP over HTTP). */
  public static final String OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";
}
