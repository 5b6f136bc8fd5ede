package org.gongyu.chassis.notify;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gongyu.chassis.ChassisSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.core.env.Environment;

/** The notification tables and ShedLock's ({@code db/gongyu-notify}), for every service that notifies. */
public class NotifySchema extends ChassisSchema {

  public NotifySchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      ObjectProvider<Flyway> serviceFlyway, Environment environment) {
    super(dataSource, serviceMigrations, serviceFlyway, environment, "flyway_notify_history", "classpath:db/gongyu-notify");
  }
}
