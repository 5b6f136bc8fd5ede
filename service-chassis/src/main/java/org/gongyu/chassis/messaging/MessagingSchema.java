package org.gongyu.chassis.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;

/**
 * Migrates the outbox and inbox tables with a Flyway history of their own, so the service's own
 * migrations and these never compete for version numbers. Runs after the service's own
 * migrations, which therefore always meet an empty schema on a new database.
 */
public class MessagingSchema implements InitializingBean {

  private final DataSource dataSource;
  private final ObjectProvider<FlywayMigrationInitializer> serviceMigrations;

  public MessagingSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
    this.dataSource = dataSource;
    this.serviceMigrations = serviceMigrations;
  }

  @Override
  public void afterPropertiesSet() {
    serviceMigrations.ifAvailable(initializer -> {}); // getting the bean runs the service's migrations
    Flyway.configure()
        .dataSource(dataSource)
        .table("flyway_messaging_history")
        .locations("classpath:db/gongyu-messaging")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
