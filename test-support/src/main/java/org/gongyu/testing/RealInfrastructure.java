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
 * Nothing is mocked and nothing is skipped: if no PostgreSQL can be reached the test fails and
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
   * (the prefix can be changed with {@code GONGYU_TEST_DB_PREFIX}).
   */
  public static void register(DynamicPropertyRegistry registry, String name) {
    Database db = database(name);
    registry.add("spring.datasource.url", db::url);
    registry.add("spring.datasource.username", db::user);
    registry.add("spring.datasource.password", db::password);
    registry.add("spring.kafka.bootstrap-servers", RealInfrastructure::kafkaBootstrap);
  }

  public record Database(String url, String user, String password) {}

  /** A database dropped and created afresh the first time it is asked for in this JVM. */
  public static synchronized Database database(String name) {
    // GONGYU_TEST_DB_PREFIX lets two checkouts run the same module's tests on one server at once.
    String dbName = env("GONGYU_TEST_DB_PREFIX", "gongyu_it_") + name.replaceAll("[^a-z0-9_]", "_");
    String serverUrl;
    String user;
    String password;
    if (dockerAvailable()) {
      if (postgresContainer == null) {
        postgresContainer = new PostgreSQLContainer("postgres:16-alpine");
        postgresContainer.start();
      }
      serverUrl = "jdbc:postgresql://" + postgresContainer.getHost() + ":" + postgresContainer.getFirstMappedPort() + "/";
      user = postgresContainer.getUsername();
      password = postgresContainer.getPassword();
    } else {
      String host = env("GONGYU_TEST_PG_HOST", "127.0.0.1");
      String port = env("GONGYU_TEST_PG_PORT", "5432");
      serverUrl = "jdbc:postgresql://" + host + ":" + port + "/";
      user = env("GONGYU_TEST_PG_USER", "postgres");
      password = env("GONGYU_TEST_PG_PASSWORD", "");
    }
    if (!databases.containsKey(dbName)) {
      try (Connection c = DriverManager.getConnection(serverUrl + "postgres", user, password);
          Statement s = c.createStatement()) {
        s.execute("drop database if exists " + dbName + " with (force)");
        s.execute("create database " + dbName);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "integration tests need a real PostgreSQL at " + serverUrl
                + " (start it: pg_ctlcluster --skip-systemctl-redirect 15 main start, or deploy/local/lib.sh ensure_postgres): "
                + e.getMessage(),
            e);
      }
      databases.put(dbName, serverUrl + dbName);
    }
    return new Database(databases.get(dbName), user, password);
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
