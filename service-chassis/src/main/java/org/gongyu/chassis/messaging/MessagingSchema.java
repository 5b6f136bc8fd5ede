package org.gongyu.chassis.messaging;

import javax.sql.DataSource;
import org.gongyu.chassis.ChassisMigrations;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;

/** The outbox and inbox tables ({@code db/gongyu-messaging}), migrated by {@link ChassisMigrations}. */
public class MessagingSchema implements InitializingBean {

  private final DataSource dataSource;
  private final ObjectProvider<FlywayMigrationInitializer> serviceMigrations;

  public MessagingSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
    this.dataSource = dataSource;
    this.serviceMigrations = serviceMigrations;
  }

  @Override
  public void afterPropertiesSet() {
    ChassisMigrations.migrate(dataSource, serviceMigrations, "flyway_messaging_history", "classpath:db/gongyu-messaging");
  }
}
