package org.gongyu.chassis.clock;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With {@code gongyu.clock.controllable=true} (system-test deployments only; never in production),
 * the service's {@link Clock} is a {@link ShiftableClock} moved through {@link ClockEndpoint}.
 * Otherwise nothing here applies and the messaging configuration supplies the system clock.
 */
@AutoConfiguration(beforeName = "org.gongyu.chassis.messaging.MessagingAutoConfiguration")
@ConditionalOnProperty(name = "gongyu.clock.controllable", havingValue = "true")
public class ClockAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(Clock.class)
  ShiftableClock shiftableClock() {
    return new ShiftableClock(Clock.systemUTC());
  }

  @Bean
  ClockEndpoint clockEndpoint(ShiftableClock clock) {
    return new ClockEndpoint(clock);
  }
}
