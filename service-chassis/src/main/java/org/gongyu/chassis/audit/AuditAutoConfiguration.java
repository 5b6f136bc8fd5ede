package org.gongyu.chassis.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail of every servlet service: its table ({@link AuditSchema}), the append-only log
 * and the filter that records state changes and refusals. It sits beside the resource-server set-up
 * rather than inside it, so that audit depends on security and not the other way round.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.gongyu.chassis.security.ResourceServerAutoConfiguration"
})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class AuditAutoConfiguration {

  @Bean
  AuditSchema auditSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      ObjectProvider<Flyway> serviceFlyway, Environment environment) {
    return new AuditSchema(dataSource, serviceMigrations, serviceFlyway, environment);
  }

  @Bean
  AuditLog auditLog(AuditSchema schema, JdbcClient jdbc) {
    return new AuditLog(jdbc);
  }

  /** Outside the security filters, so that it also sees the requests they refuse. */
  @Bean
  FilterRegistrationBean<AuditFilter> auditFilter(AuditLog audit, ObjectProvider<Clock> clock) {
    FilterRegistrationBean<AuditFilter> registration =
        new FilterRegistrationBean<>(new AuditFilter(audit, clock.getIfAvailable(Clock::systemUTC)));
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
    registration.addUrlPatterns("/*");
    return registration;
  }
}
