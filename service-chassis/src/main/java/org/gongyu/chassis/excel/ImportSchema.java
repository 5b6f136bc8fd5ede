package org.gongyu.chassis.excel;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gongyu.chassis.ChassisSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.core.env.Environment;

/** The {@code import_job} table ({@code db/gongyu-imports}), for every service that imports Excel files. */
public class ImportSchema extends ChassisSchema {

  public ImportSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      ObjectProvider<Flyway> serviceFlyway, Environment environment) {
    super(dataSource, serviceMigrations, serviceFlyway, environment, "flyway_imports_history", "classpath:db/gongyu-imports");
  }
}
