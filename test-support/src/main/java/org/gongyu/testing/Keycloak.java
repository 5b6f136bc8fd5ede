package org.gongyu.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * The real Keycloak with realm {@code gongyu} (from {@code deploy/keycloak/gongyu-realm.json}) and
 * real tokens for its users, for every test that calls an endpoint.
 *
 * <ul>
 *   <li>The Keycloak at {@code GONGYU_TEST_KEYCLOAK_URL} (default {@code http://127.0.0.1:8180},
 *       what {@code deploy/local/keycloak.sh start} runs and the test command starts);
 *   <li>else, where a Docker engine answers, a Keycloak container importing the same realm file;
 *   <li>else the test fails and says how to start one. Nothing is mocked and nothing is skipped.
 * </ul>
 */
public final class Keycloak {

  public static final String DEMO_PASSWORD = KeycloakAccounts.DEMO_PASSWORD;
  public static final String CLI_CLIENT = KeycloakAccounts.CLI_CLIENT;
  /** The city of the demo realm. */
  public static final String CITY = "990100";

  private static KeycloakAccounts accounts;
  private static GenericContainer<?> container;

  private Keycloak() {}

  /** Points the service under test at this Keycloak ({@code gongyu.security.issuer}). */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("gongyu.security.issuer", Keycloak::issuer);
  }

  /** The realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/gongyu}. */
  public static String issuer() {
    return baseUrl() + "/realms/gongyu";
  }

  public static String baseUrl() {
    return accounts().baseUrl();
  }

  public static synchronized KeycloakAccounts accounts() {
    if (accounts != null) {
      return accounts;
    }
    String local = System.getenv().getOrDefault("GONGYU_TEST_KEYCLOAK_URL", "http://127.0.0.1:8180");
    KeycloakAccounts candidate = new KeycloakAccounts(local);
    // the test command starts Keycloak beside the build and says how long to wait for it
    long waitSeconds = Long.parseLong(System.getenv().getOrDefault("GONGYU_TEST_KEYCLOAK_WAIT", "0"));
    long deadline = System.nanoTime() + Duration.ofSeconds(waitSeconds).toNanos();
    while (!candidate.answers() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (candidate.answers()) {
      accounts = candidate;
    } else if (dockerAvailable()) {
      container = new GenericContainer<>("quay.io/keycloak/keycloak:26.4")
          .withExposedPorts(8080)
          .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
          .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
          .withCopyFileToContainer(MountableFile.forHostPath(realmFile()), "/opt/keycloak/data/import/gongyu-realm.json")
          .withCommand("start-dev", "--import-realm")
          .waitingFor(Wait.forHttp("/realms/gongyu/.well-known/openid-configuration").forStatusCode(200)
              .withStartupTimeout(Duration.ofMinutes(3)));
      container.start();
      accounts = new KeycloakAccounts("http://" + container.getHost() + ":" + container.getMappedPort(8080), "admin", "admin");
    } else {
      throw new IllegalStateException("tests need the real Keycloak with realm gongyu at " + local
          + " and there is no Docker engine to start one: run deploy/local/keycloak.sh start"
          + " (deploy/local/test.sh does), or set GONGYU_TEST_KEYCLOAK_URL");
    }
    return accounts;
  }

  /** An access token of a user of the realm (client {@code gongyu-cli}), reused until shortly before it expires. */
  public static String token(String username) {
    return accounts().token(username);
  }

  /**
   * A fresh access token by the password grant against any base URL and client of the realm
   * (another host name gives another issuer; client {@code other-app} gives another audience;
   * {@code gongyu-cli-short} tokens expire after 2 seconds).
   */
  public static String freshToken(String keycloakBaseUrl, String clientId, String username) {
    return new KeycloakAccounts(keycloakBaseUrl).freshToken(clientId, username);
  }

  /**
   * A token of test user {@code it-<role>-<unit>} holding {@code realmRole} for one org unit of the
   * demo city, created through the admin API the first time. Functional tests use it to act for
   * the units they make up; the access matrix uses the realm's own demo users.
   */
  public static String tokenAs(String realmRole, String unitId) {
    return accounts().tokenAs("it", realmRole, unitId, CITY);
  }

  /** A token of test user {@code it-xuequ-<county>-<xuequ>}, 学区 staff of that 学区 of that county in the demo city. */
  public static String tokenAsXuequStaff(String countyId, String xuequId) {
    return accounts().tokenAsXuequStaff("it", countyId, xuequId, CITY);
  }

  /** The token a functional test acts with for a path: see {@link KeycloakAccounts#tokenForPath}, users {@code it-*}. */
  public static Optional<String> tokenForPath(String path) {
    return accounts().tokenForPath(path, "it", CITY, false);
  }

  /** For a {@code RestClient}: adds the bearer token {@link #tokenForPath} picks, unless the request has one. */
  public static ClientHttpRequestInterceptor actingByPath() {
    return (request, body, execution) -> {
      if (!request.getHeaders().containsHeader("Authorization")) {
        tokenForPath(request.getURI().getRawPath()).ifPresent(t -> request.getHeaders().setBearerAuth(t));
      }
      return execution.execute(request, body);
    };
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** deploy/keycloak/gongyu-realm.json, found from the working directory upwards. */
  private static Path realmFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("deploy/keycloak/gongyu-realm.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("deploy/keycloak/gongyu-realm.json not found above " + Path.of("").toAbsolutePath());
  }
}
