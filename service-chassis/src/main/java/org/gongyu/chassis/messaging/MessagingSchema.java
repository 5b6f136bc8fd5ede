package org.gongyu.chassis.messaging;

import javax.sql.DataSource;
import org.gongyu.chassis.ChassisSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;

/** The outbox and inbox tables ({@code db/gongyu-messaging}). */
public class MessagingSchema extends ChassisSchema {

  public MessagingSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
    super(dataSource, serviceMigrations, "flyway_messaging_history", "classpath:db/gongyu-messaging");
  }
}
