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
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SCHOOL_PATH = Pattern.compile("/api/school/schools/([^/?]+)");
  private static final Pattern COUNTY_PATH = Pattern.compile("/api/district/counties/([^/?]+)");
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
   * An access token of a test user holding {@code realmRole} for one org unit (school id for
   * school roles, county id for county roles, city id for city roles), created in the realm
   * through Keycloak's admin API the first time it is asked for (user {@code it-<role>-<unit>}).
   * Functional tests use it to act for the arbitrary units they make up; the access matrix uses
   * the realm's own demo users.
   */
  public static String tokenAs(String realmRole, String unitId) {
    String username = "it-" + realmRole + "-" + unitId.toLowerCase();
    if (!TOKENS.containsKey(username)) {
      ensureUser(username, realmRole, unitId);
    }
    return token(username);
  }

  /**
   * The token a functional test acts with for a request, chosen by the path: the school's admin
   * for {@code /api/school/schools/<id>/...}, the county's admin for {@code
   * /api/district/counties/<id>/...}, the city admin for {@code /api/city/...}, city staff for
   * {@code /api/reports/...}; none for anything else (health, metrics, API docs).
   */
  public static java.util.Optional<String> tokenForPath(String path) {
    // an id no user can hold (the test checks input validation, which answers before any rule): any valid token
    Matcher school = SCHOOL_PATH.matcher(path);
    if (school.lookingAt()) {
      return java.util.Optional.of(validId(school.group(1)) ? tokenAs("school-admin", school.group(1)) : token("city-admin"));
    }
    Matcher county = COUNTY_PATH.matcher(path);
    if (county.lookingAt()) {
      return java.util.Optional.of(validId(county.group(1)) ? tokenAs("county-admin", county.group(1)) : token("city-admin"));
    }
    if (path.startsWith("/api/city/")) {
      return java.util.Optional.of(token("city-admin"));
    }
    if (path.startsWith("/api/reports/")) {
      return java.util.Optional.of(token("city-staff"));
    }
    return java.util.Optional.empty();
  }

  /** For a {@code RestClient}: adds the bearer token {@link #tokenForPath} picks. */
  public static org.springframework.http.client.ClientHttpRequestInterceptor actingByPath() {
    return (request, body, execution) -> {
      if (!request.getHeaders().containsHeader("Authorization")) {
        tokenForPath(request.getURI().getRawPath()).ifPresent(t -> request.getHeaders().setBearerAuth(t));
      }
      return execution.execute(request, body);
    };
  }

  private static boolean validId(String id) {
    return id.matches("[A-Za-z0-9-]{1,40}");
  }

  private static synchronized void ensureUser(String username, String realmRole, String unitId) {
    String claim = realmRole.startsWith("school-") ? "school_id" : realmRole.startsWith("county-") ? "county_id" : "city_id";
    if (!unitId.matches("[A-Za-z0-9-]{1,40}")) {
      throw new IllegalArgumentException("not an org-unit id: " + unitId);
    }
    String attributes = "\"" + claim + "\":[\"" + unitId + "\"]" + (claim.equals("city_id") ? "" : ",\"city_id\":[\"990100\"]");
    String user = "{\"username\":\"" + username + "\",\"enabled\":true,\"emailVerified\":true,"
        + "\"firstName\":\"it\",\"lastName\":\"" + realmRole + "\",\"email\":\"" + username + "@it.gongyu.example\","
        + "\"attributes\":{" + attributes + "},"
        + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + DEMO_PASSWORD + "\",\"temporary\":false}]}";
    String admin = adminToken();
    HttpResponse<String> created = send(admin, "POST", "/admin/realms/gongyu/users", user);
    if (created.statusCode() != 201 && created.statusCode() != 409) {
      throw new IllegalStateException("Keycloak did not create " + username + ": " + created.statusCode() + " " + created.body());
    }
    String id = field(ID, send(admin, "GET", "/admin/realms/gongyu/users?exact=true&username=" + enc(username), null).body());
    String role = send(admin, "GET", "/admin/realms/gongyu/roles/" + enc(realmRole), null).body();
    HttpResponse<String> mapped = send(admin, "POST", "/admin/realms/gongyu/users/" + id + "/role-mappings/realm", "[" + role + "]");
    if (mapped.statusCode() != 204) {
      throw new IllegalStateException("Keycloak did not give " + username + " role " + realmRole + ": " + mapped.statusCode());
    }
  }

  private static String adminToken() {
    String form = "grant_type=password&client_id=admin-cli&username="
        + enc(System.getenv().getOrDefault("GONGYU_TEST_KEYCLOAK_ADMIN", "admin"))
        + "&password=" + enc(System.getenv().getOrDefault("GONGYU_TEST_KEYCLOAK_ADMIN_PASSWORD", "admin"));
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/realms/master/protocol/openid-connect/token"))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    return field(ACCESS_TOKEN, exchange(request).body());
  }

  private static HttpResponse<String> send(String token, String method, String path, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return exchange(b.build());
  }

  private static HttpResponse<String> exchange(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak did not answer " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
