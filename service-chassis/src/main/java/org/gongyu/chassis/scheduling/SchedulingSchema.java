package org.gongyu.chassis.scheduling;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gongyu.chassis.ChassisSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.core.env.Environment;

/** ShedLock's table ({@code db/gongyu-scheduling}), for every service whose jobs run once across its instances. */
public class SchedulingSchema extends ChassisSchema {

  public SchedulingSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      ObjectProvider<Flyway> serviceFlyway, Environment environment) {
    super(dataSource, serviceMigrations, serviceFlyway, environment, "flyway_scheduling_history", "classpath:db/gongyu-scheduling");
  }
}
