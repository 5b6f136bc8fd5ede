package org.gongyu.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.MountableFile;

/**
 * The real Keycloak with realm {@code gongyu} (from {@code deploy/keycloak/gongyu-realm.json}) and
 * real tokens for its demo users, for every test that calls an endpoint.
 *
 * <ul>
 *   <li>The Keycloak at {@code GONGYU_TEST_KEYCLOAK_URL} (default {@code http://127.0.0.1:8180},
 *       what {@code deploy/local/keycloak.sh start} runs and the test command starts);
 *   <li>else, where a Docker engine answers, a Keycloak container importing the same realm file;
 *   <li>else the test fails and says how to start one. Nothing is mocked and nothing is skipped.
 * </ul>
 */
public final class Keycloak {

  /** The password of every demo user of the realm. */
  public static final String DEMO_PASSWORD = "gongyu-demo";
  /** The public client with the password grant, whose tokens carry the {@code gongyu-api} audience. */
  public static final String CLI_CLIENT = "gongyu-cli";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
  private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();
  private static String baseUrl;
  private static GenericContainer<?> container;

  private record Cached(String token, long validUntilNanos) {}

  private Keycloak() {}

  /** Points the service under test at this Keycloak ({@code gongyu.security.issuer}). */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("gongyu.security.issuer", Keycloak::issuer);
  }

  /** The realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/gongyu}. */
  public static String issuer() {
    return baseUrl() + "/realms/gongyu";
  }

  public static synchronized String baseUrl() {
    if (baseUrl != null) {
      return baseUrl;
    }
    String local = System.getenv().getOrDefault("GONGYU_TEST_KEYCLOAK_URL", "http://127.0.0.1:8180");
    if (answers(local)) {
      baseUrl = local;
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
      baseUrl = "http://" + container.getHost() + ":" + container.getMappedPort(8080);
    } else {
      throw new IllegalStateException("tests need the real Keycloak with realm gongyu at " + local
          + " and there is no Docker engine to start one: run deploy/local/keycloak.sh start"
          + " (deploy/local/test.sh does), or set GONGYU_TEST_KEYCLOAK_URL");
    }
    return baseUrl;
  }

  /** An access token of a demo user (client {@code gongyu-cli}), reused until shortly before it expires. */
  public static String token(String username) {
    Cached cached = TOKENS.get(username);
    if (cached != null && System.nanoTime() < cached.validUntilNanos()) {
      return cached.token();
    }
    String body = tokenResponse(baseUrl(), CLI_CLIENT, username, DEMO_PASSWORD);
    String token = field(ACCESS_TOKEN, body);
    long expiresIn = Long.parseLong(field(EXPIRES_IN, body));
    TOKENS.put(username, new Cached(token, System.nanoTime() + Duration.ofSeconds(Math.max(0, expiresIn - 30)).toNanos()));
    return token;
  }

  /**
   * A fresh access token by the password grant against any base URL and client of the realm
   * (another host name gives another issuer; client {@code other-app} gives another audience;
   * {@code gongyu-cli-short} tokens expire after 2 seconds).
   */
  public static String freshToken(String keycloakBaseUrl, String clientId, String username) {
    return field(ACCESS_TOKEN, tokenResponse(keycloakBaseUrl, clientId, username, DEMO_PASSWORD));
  }

  private static String tokenResponse(String base, String clientId, String username, String password) {
    String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username)
        + "&password=" + enc(password) + "&scope=openid";
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/realms/gongyu/protocol/openid-connect/token"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("Keycloak refused a token for " + username + " (client " + clientId + "): HTTP "
            + response.statusCode() + " " + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak at " + base + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String field(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("unexpected token response from Keycloak: " + body);
    }
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static boolean answers(String base) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/realms/gongyu/.well-known/openid-configuration"))
          .timeout(Duration.ofSeconds(5)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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
