package org.gongyu.chassis;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;

/**
 * One of the chassis's own schemas (outbox and inbox, audit log), migrated with a Flyway history
 * table of its own, so the service's migrations and the chassis's never compete for version
 * numbers. Runs after the service's own migrations, which therefore always meet an empty schema
 * on a new database. Each schema is its own bean type, so beans that need its tables can depend
 * on it.
 */
public abstract class ChassisSchema implements InitializingBean {

  private final DataSource dataSource;
  private final ObjectProvider<FlywayMigrationInitializer> serviceMigrations;
  private final String historyTable;
  private final String location;

  protected ChassisSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      String historyTable, String location) {
    this.dataSource = dataSource;
    this.serviceMigrations = serviceMigrations;
    this.historyTable = historyTable;
    this.location = location;
  }

  @Override
  public void afterPropertiesSet() {
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
