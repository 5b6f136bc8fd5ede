package org.gongyu.chassis.audit;

import javax.sql.DataSource;
import org.gongyu.chassis.ChassisSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;

/** The append-only {@code audit_log} table ({@code db/gongyu-audit}). */
public class AuditSchema extends ChassisSchema {

  public AuditSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
    super(dataSource, serviceMigrations, "flyway_audit_history", "classpath:db/gongyu-audit");
  }
}
