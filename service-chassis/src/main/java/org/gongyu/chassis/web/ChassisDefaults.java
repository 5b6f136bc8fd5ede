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
 *   <li>Swagger UI keeps a pasted bearer token across reloads and opens with "Try it out" on.
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
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, defaults));
  }
}
