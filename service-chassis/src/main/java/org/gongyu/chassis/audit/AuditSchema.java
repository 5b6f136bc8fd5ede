package org.gongyu.chassis.audit;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gongyu.chassis.ChassisSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.core.env.Environment;

/** The append-only {@code audit_log} table ({@code db/gongyu-audit}). */
public class AuditSchema extends ChassisSchema {

  public AuditSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      ObjectProvider<Flyway> serviceFlyway, Environment environment) {
    super(dataSource, serviceMigrations, serviceFlyway, environment, "flyway_audit_history", "classpath:db/gongyu-audit");
  }
}
