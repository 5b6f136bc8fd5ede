package org.gongyu.chassis.scheduling;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Jobs that run once across a service's instances (ADR 0031), for every service with a database
 * and ShedLock (shedlock-spring, shedlock-provider-jdbc-template) on its class path: the
 * {@code shedlock} table ({@code db/gongyu-scheduling}), a {@link LockProvider} over it by the
 * database's clock (a service's own provider wins) and the {@link ClusterScan} its jobs run through.
 * Also without a web server: a service's command-line modes (e.g. the key rotation) build the same
 * job beans.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnClass(name = {"net.javacrumbs.shedlock.core.LockProvider",
    "net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider"})
@ConditionalOnBean(DataSource.class)
public class SchedulingAutoConfiguration {

  @Bean
  SchedulingSchema schedulingSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      ObjectProvider<Flyway> serviceFlyway, Environment environment) {
    return new SchedulingSchema(dataSource, serviceMigrations, serviceFlyway, environment);
  }

  /** ShedLock over this database's {@code shedlock} table, by the database's clock; a service's own provider wins. */
  @Bean
  @ConditionalOnMissingBean(LockProvider.class)
  LockProvider clusterLockProvider(SchedulingSchema schema, DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .usingDbTime()
        .build());
  }

  @Bean
  @ConditionalOnMissingBean
  ClusterScan clusterScan(LockProvider locks) {
    return new ClusterScan(locks);
  }
}
