package org.gongyu.chassis.excel;

import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Excel imports as jobs, for a service that sets {@code gongyu.imports.enabled=true} and has Apache
 * POI ({@code poi-ooxml}) on its class path: the {@code import_job} table, its store and the runner.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
    "org.gongyu.chassis.clock.ClockAutoConfiguration"})
@ConditionalOnClass(name = "org.apache.poi.xssf.eventusermodel.XSSFReader")
@ConditionalOnProperty(prefix = "gongyu.imports", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(ImportProperties.class)
public class ImportAutoConfiguration {

  @Bean
  ImportSchema importSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      ObjectProvider<Flyway> serviceFlyway, Environment environment) {
    return new ImportSchema(dataSource, serviceMigrations, serviceFlyway, environment);
  }

  @Bean
  ImportJobs importJobs(ImportSchema schema, JdbcClient jdbc, Clock clock, ImportProperties properties) {
    return new ImportJobs(jdbc, clock, properties.retention());
  }

  @Bean
  ImportRunner importRunner(ImportJobs jobs, ImportProperties properties) {
    return new ImportRunner(jobs, properties);
  }
}
