package org.gongyu.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * One real PostgreSQL server and one real Kafka broker per test JVM.
 *
 * <ul>
 *   <li>Where a Docker engine answers: Testcontainers ({@code postgres:16-alpine}, {@code
 *       apache/kafka}).
 *   <li>Where it does not (the project's machines): the local PostgreSQL at {@code
 *       GONGYU_TEST_PG_HOST:GONGYU_TEST_PG_PORT} (default 127.0.0.1:5432, user postgres, trust
 *       auth) and a KRaft Kafka broker started inside the test JVM, or the broker at {@code
 *       GONGYU_TEST_KAFKA_BOOTSTRAP} when that is set.
 * </ul>
 *
 * Each test database has the two roles of a deployed one (ADR 0013): an owner that runs the
 * migrations and the runtime role the service connects as ({@link #register}); {@link
 * LeastPrivilege} checks what the latter may do.
 *
 * <p>Nothing is mocked and nothing is skipped: if no PostgreSQL can be reached the test fails and
 * says how to start one.
 */
public final class RealInfrastructure {

  private static final Map<String, String> databases = new HashMap<>();
  private static Boolean docker;
  private static PostgreSQLContainer postgresContainer;
  private static String kafkaBootstrap;

  private RealInfrastructure() {}

  /**
   * Registers datasource and Kafka properties for a fresh database named {@code gongyu_it_<name>}
   * (the prefix can be changed with {@code GONGYU_TEST_DB_PREFIX}). The service connects as the
   * database's runtime role and its migrations run as the owner role, as deployed (ADR 0013), so
   * every IT runs under the privileges the service has in production.
   */
  public static void register(DynamicPropertyRegistry registry, String name) {
    Database db = database(name);
    registry.add("spring.datasource.url", db::url);
    registry.add("spring.datasource.username", db::user);
    registry.add("spring.datasource.password", db::password);
    registry.add("spring.flyway.user", db::owner);
    registry.add("spring.flyway.password", db::ownerPassword);
    registry.add("spring.flyway.placeholders[runtime_role]", db::user);
    registry.add("spring.kafka.bootstrap-servers", RealInfrastructure::kafkaBootstrap);
  }

  /**
   * A test database and its two roles (ADR 0013), named after it: the runtime role {@code user}
   * (the database's name; what the service connects as: CONNECT, USAGE on schema public and
   * SELECT/INSERT/UPDATE/DELETE on the tables and USAGE/SELECT on the sequences the owner creates)
   * and the owner {@code owner} ({@code <name>_owner}; owns the database and schema public, runs
   * the migrations). Passwords are the role names.
   */
  public record Database(String url, String user, String password, String owner, String ownerPassword) {

    /** A database whose service connects as the role that also owns it (before ADR 0013). */
    public Database(String url, String user, String password) {
      this(url, user, password, user, password);
    }
  }

  /** A database dropped and created afresh, with its roles, the first time it is asked for in this JVM. */
  public static synchronized Database database(String name) {
    // GONGYU_TEST_DB_PREFIX lets two checkouts run the same module's tests on one server at once.
    String dbName = env("GONGYU_TEST_DB_PREFIX", "gongyu_it_") + name.replaceAll("[^a-z0-9_]", "_");
    String owner = dbName + "_owner";
    if (!databases.containsKey(dbName)) {
      Server server = server();
      try (Connection c = DriverManager.getConnection(server.url() + "postgres", server.user(), server.password());
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + dbName + " with (force)");
        createRole(s, owner);
        createRole(s, dbName);
        s.execute("create database " + dbName + " owner " + owner);
        // nobody else may connect (other services' roles included), nobody may create temp tables
        s.execute("revoke all on database " + dbName + " from public");
        s.execute("grant connect on database " + dbName + " to " + dbName);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "integration tests need a real PostgreSQL at " + server.url()
                + " (start it: pg_ctlcluster --skip-systemctl-redirect 15 main start, or deploy/local/lib.sh ensure_postgres): "
                + e.getMessage(),
            e);
      }
      try (Connection c = DriverManager.getConnection(server.url() + dbName, server.user(), server.password());
          Statement s = c.createStatement()) {
        s.execute("alter schema public owner to " + owner);
        s.execute("revoke all on schema public from public");
        s.execute("grant usage on schema public to " + dbName);
        s.execute("alter default privileges for role " + owner
            + " in schema public grant select, insert, update, delete on tables to " + dbName);
        s.execute("alter default privileges for role " + owner
            + " in schema public grant usage, select on sequences to " + dbName);
      } catch (SQLException e) {
        throw new IllegalStateException("could not grant the roles of " + dbName + ": " + e.getMessage(), e);
      }
      databases.put(dbName, server.url() + dbName);
    }
    return new Database(databases.get(dbName), dbName, dbName, owner, owner);
  }

  /** A login role without any attribute but LOGIN; kept when it exists (roles outlive databases). */
  private static void createRole(Statement s, String role) throws SQLException {
    // a DO block, so that two JVMs creating the same role do not fail on the race
    s.execute("do $$ begin create role " + role + " login password '" + role + "'; "
        + "exception when duplicate_object or unique_violation then null; end $$");
  }

  private record Server(String url, String user, String password) {}

  /** The server and its superuser: a Testcontainers PostgreSQL, or the local one. */
  private static Server server() {
    if (dockerAvailable()) {
      if (postgresContainer == null) {
        postgresContainer = new PostgreSQLContainer("postgres:16-alpine");
        postgresContainer.start();
      }
      return new Server(
          "jdbc:postgresql://" + postgresContainer.getHost() + ":" + postgresContainer.getFirstMappedPort() + "/",
          postgresContainer.getUsername(),
          postgresContainer.getPassword());
    }
    String host = env("GONGYU_TEST_PG_HOST", "127.0.0.1");
    String port = env("GONGYU_TEST_PG_PORT", "5432");
    return new Server("jdbc:postgresql://" + host + ":" + port + "/",
        env("GONGYU_TEST_PG_USER", "postgres"), env("GONGYU_TEST_PG_PASSWORD", ""));
  }

  /** Bootstrap servers of the one broker of this JVM, started on first use. */
  public static synchronized String kafkaBootstrap() {
    if (kafkaBootstrap != null) {
      return kafkaBootstrap;
    }
    String external = System.getenv("GONGYU_TEST_KAFKA_BOOTSTRAP");
    if (external != null && !external.isBlank()) {
      kafkaBootstrap = external;
    } else if (dockerAvailable()) {
      KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
      kafka.start();
      kafkaBootstrap = kafka.getBootstrapServers();
    } else {
      EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
      broker.brokerProperty("auto.create.topics.enable", "true");
      broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
      broker.afterPropertiesSet();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
      kafkaBootstrap = broker.getBrokersAsString();
    }
    return kafkaBootstrap;
  }

  private static boolean dockerAvailable() {
    if (docker == null) {
      boolean forcedLocal = "local".equalsIgnoreCase(System.getenv("GONGYU_TEST_INFRA"));
      docker = !forcedLocal && DockerClientFactory.instance().isDockerAvailable();
    }
    return docker;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
