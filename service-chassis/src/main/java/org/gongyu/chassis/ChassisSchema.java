package org.gongyu.chassis;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * One of the chassis's own schemas (outbox and inbox, audit log), migrated with a Flyway history
 * table of its own, so the service's migrations and the chassis's never compete for version
 * numbers. Runs after the service's own migrations, which therefore always meet an empty schema
 * on a new database. Each schema is its own bean type, so beans that need its tables can depend
 * on it.
 *
 * <p>Migrates as the role the service's migrations run as (ADR 0013): the service's Flyway
 * connection when there is one, else {@code spring.flyway.user}/{@code password} over the
 * service's database, else the service's own connection. The placeholder {@value #RUNTIME_ROLE}
 * names the role the service connects as: the service's Flyway placeholder of that name, else
 * the user of the service's connection.
 */
public abstract class ChassisSchema implements InitializingBean {

  /** Flyway placeholder: the role the service connects as, from which migrations take privileges. */
  public static final String RUNTIME_ROLE = "runtime_role";

  private final DataSource dataSource;
  private final ObjectProvider<FlywayMigrationInitializer> serviceMigrations;
  private final ObjectProvider<Flyway> serviceFlyway;
  private final Environment environment;
  private final String historyTable;
  private final String location;

  protected ChassisSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      ObjectProvider<Flyway> serviceFlyway, Environment environment, String historyTable, String location) {
    this.dataSource = dataSource;
    this.serviceMigrations = serviceMigrations;
    this.serviceFlyway = serviceFlyway;
    this.environment = environment;
    this.historyTable = historyTable;
    this.location = location;
  }

  @Override
  public void afterPropertiesSet() {
    serviceMigrations.ifAvailable(initializer -> {}); // getting the bean runs the service's migrations
    Flyway service = serviceFlyway.getIfAvailable();
    Map<String, String> placeholders = new HashMap<>();
    if (service != null) {
      placeholders.putAll(service.getConfiguration().getPlaceholders());
    }
    placeholders.computeIfAbsent(RUNTIME_ROLE,
        k -> new JdbcTemplate(dataSource).queryForObject("select current_user", String.class));
    Flyway.configure()
        .dataSource(service != null ? service.getConfiguration().getDataSource() : migrationDataSource())
        .placeholders(placeholders)
        .table(historyTable)
        .locations(location)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  /** Without a service Flyway (spring.flyway.enabled=false): the owner's login if one is configured. */
  private DataSource migrationDataSource() {
    String user = environment.getProperty("spring.flyway.user");
    if (user == null || user.isBlank()) {
      return dataSource;
    }
    return DataSourceBuilder.derivedFrom(dataSource)
        .type(SimpleDriverDataSource.class)
        .username(user)
        .password(environment.getProperty("spring.flyway.password", ""))
        .build();
  }
}
