package org.gongyu.chassis;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;

/**
 * Migrates one of the chassis's own schemas (outbox and inbox, audit log) with a Flyway history
 * table of its own, so the service's migrations and the chassis's never compete for version
 * numbers. Runs after the service's own migrations, which therefore always meet an empty schema
 * on a new database.
 */
public final class ChassisMigrations {

  private ChassisMigrations() {}

  public static void migrate(
      DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations, String historyTable, String location) {
    serviceMigrations.ifAvailable(initializer -> {}); // getting the bean runs the service's migrations
    Flyway.configure()
        .dataSource(dataSource)
        .table(historyTable)
        .locations(location)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
