package org.gongyu.chassis.audit;

import javax.sql.DataSource;
import org.gongyu.chassis.ChassisMigrations;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;

/** The append-only {@code audit_log} table ({@code db/gongyu-audit}), migrated by {@link ChassisMigrations}. */
public class AuditSchema implements InitializingBean {

  private final DataSource dataSource;
  private final ObjectProvider<FlywayMigrationInitializer> serviceMigrations;

  public AuditSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
    this.dataSource = dataSource;
    this.serviceMigrations = serviceMigrations;
  }

  @Override
  public void afterPropertiesSet() {
    ChassisMigrations.migrate(dataSource, serviceMigrations, "flyway_audit_history", "classpath:db/gongyu-audit");
  }
}
