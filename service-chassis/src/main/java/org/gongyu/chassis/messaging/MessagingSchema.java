package org.gongyu.chassis.messaging;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gongyu.chassis.ChassisSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.core.env.Environment;

/** The outbox and inbox tables ({@code db/gongyu-messaging}). */
public class MessagingSchema extends ChassisSchema {

  public MessagingSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      ObjectProvider<Flyway> serviceFlyway, Environment environment) {
    super(dataSource, serviceMigrations, serviceFlyway, environment, "flyway_messaging_history", "classpath:db/gongyu-messaging");
  }
}
