package org.gongyu.chassis.calendar;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The {@link CityCalendar} from {@code gongyu.calendar.*}. */
@AutoConfiguration
@EnableConfigurationProperties(CalendarProperties.class)
public class CalendarAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CityCalendar cityCalendar(CalendarProperties props, ObjectProvider<Clock> clock) {
    return new CityCalendar(props.toCalendar(), props.zone(), clock.getIfAvailable(Clock::systemUTC));
  }
}
