package org.gongyu.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Users and tokens of realm {@code gongyu} on one Keycloak, over its HTTP APIs: access tokens by
 * the password grant (client {@code gongyu-cli}), and users created through the admin API for
 * tests and benchmarks that act for org units the demo realm does not have.
 */
public final class KeycloakAccounts {

  /** The password of every demo user of the realm, and of the users created here. */
  public static final String DEMO_PASSWORD = "gongyu-demo";
  /** The public client with the password grant, whose tokens carry the {@code gongyu-api} audience. */
  public static final String CLI_CLIENT = "gongyu-cli";

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern UNIT_ID = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final Pattern SCHOOL_PATH = Pattern.compile("/api/school/schools/([^/?]+)");
  private static final Pattern COUNTY_PATH = Pattern.compile("/api/(?:district|school)/counties/([^/?]+)");

  private final String baseUrl;
  private final String adminUser;
  private final String adminPassword;
  private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
  private final Map<String, Object> loginLocks = new ConcurrentHashMap<>();
  private final Map<String, Boolean> created = new ConcurrentHashMap<>();
  private final Map<String, Boolean> missing = new ConcurrentHashMap<>();
  private Cached admin;

  private record Cached(String token, long validUntilNanos) {}

  /** Admin credentials from {@code GONGYU_KEYCLOAK_ADMIN}/{@code GONGYU_KEYCLOAK_ADMIN_PASSWORD}, default admin/admin. */
  public KeycloakAccounts(String baseUrl) {
    this(baseUrl, System.getenv().getOrDefault("GONGYU_KEYCLOAK_ADMIN", "admin"),
        System.getenv().getOrDefault("GONGYU_KEYCLOAK_ADMIN_PASSWORD", "admin"));
  }

  public KeycloakAccounts(String baseUrl, String adminUser, String adminPassword) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * An access token of a user of the realm, reused until 30 s before it expires. One thread at a
   * time logs a user in: threads that find the token expired together would otherwise send
   * simultaneous password grants, which the realm's brute-force detection can answer by disabling
   * the user for a while ({@code user_temporarily_disabled}, seen by a parallel loader).
   */
  public String token(String username) {
    Cached cached = tokens.get(username);
    if (cached != null && System.nanoTime() < cached.validUntilNanos()) {
      return cached.token();
    }
    synchronized (loginLocks.computeIfAbsent(username, u -> new Object())) {
      cached = tokens.get(username);
      if (cached != null && System.nanoTime() < cached.validUntilNanos()) {
        return cached.token();
      }
      String body = tokenResponse(CLI_CLIENT, username);
      String token = field(ACCESS_TOKEN, body);
      long expiresIn = Long.parseLong(field(EXPIRES_IN, body));
      tokens.put(username, new Cached(token, System.nanoTime() + Duration.ofSeconds(Math.max(0, expiresIn - 30)).toNanos()));
      return token;
    }
  }

  /** A new access token by the password grant for any client of the realm, not cached. */
  public String freshToken(String clientId, String username) {
    return field(ACCESS_TOKEN, tokenResponse(clientId, username));
  }

  /**
   * A token of user {@code <prefix>-<role>-<unit>} who holds {@code realmRole} for one org unit
   * (school id for school roles, county id for county roles, city id for city roles), created
   * through the admin API the first time (creating an existing user is not an error).
   */
  public String tokenAs(String prefix, String realmRole, String unitId, String cityId) {
    String username = prefix + "-" + realmRole + "-" + unitId.toLowerCase();
    created.computeIfAbsent(username, u -> {
      ensureUser(u, realmRole, unitId, cityId);
      return true;
    });
    return token(username);
  }

  /**
   * The token to act with for an API path, by the path's org unit: the school's admin for {@code
   * /api/school/schools/<id>/...}, the county's admin for {@code /api/district/counties/<id>/...},
   * the city admin for {@code /api/city/...}, city staff for {@code /api/reports/...}; empty for
   * anything else (health, metrics, API docs). With {@code demoUsersFirst} the realm's demo user of
   * the unit ({@code admin-<school>}, {@code county-admin-<county>}) acts where there is one;
   * otherwise (and always without it) user {@code <prefix>-<role>-<unit>}, created on first use.
   * An id no user can hold (a test of input validation, which answers before any rule) gets the
   * city admin's token.
   */
  public java.util.Optional<String> tokenForPath(String path, String prefix, String cityId, boolean demoUsersFirst) {
    Matcher school = SCHOOL_PATH.matcher(path);
    if (school.lookingAt()) {
      return java.util.Optional.of(actFor("school-admin", "admin-", school.group(1), prefix, cityId, demoUsersFirst));
    }
    Matcher county = COUNTY_PATH.matcher(path);
    if (county.lookingAt()) {
      return java.util.Optional.of(actFor("county-admin", "county-admin-", county.group(1), prefix, cityId, demoUsersFirst));
    }
    if (path.startsWith("/api/city/")) {
      return java.util.Optional.of(token("city-admin"));
    }
    if (path.startsWith("/api/reports/")) {
      return java.util.Optional.of(token("city-staff"));
    }
    return java.util.Optional.empty();
  }

  private String actFor(String role, String demoPrefix, String unit, String prefix, String cityId, boolean demoUsersFirst) {
    if (!UNIT_ID.matcher(unit).matches()) {
      return token("city-admin");
    }
    if (demoUsersFirst) {
      String demo = demoPrefix + unit;
      if (!missing.containsKey(demo)) {
        try {
          return token(demo);
        } catch (IllegalStateException noSuchUser) {
          missing.put(demo, true);
        }
      }
    }
    return tokenAs(prefix, role, unit, cityId);
  }

  /**
   * A token of user {@code <prefix>-xuequ-<county>-<xuequ>} who holds {@code xuequ-staff} for 学区 {@code
   * xuequId} of county {@code countyId} (claims {@code county_id}, {@code xuequ_id}, {@code
   * city_id}), created through the admin API the first time.
   */
  public String tokenAsXuequStaff(String prefix, String countyId, String xuequId, String cityId) {
    String username = prefix + "-xuequ-" + countyId.toLowerCase() + "-" + xuequId.toLowerCase();
    created.computeIfAbsent(username, u -> {
      if (!UNIT_ID.matcher(countyId).matches() || !UNIT_ID.matcher(xuequId).matches()) {
        throw new IllegalArgumentException("not an org-unit id: " + countyId + " / " + xuequId);
      }
      createUser(u, "xuequ-staff", "\"county_id\":[\"" + countyId + "\"],\"xuequ_id\":[\"" + xuequId + "\"]", cityId);
      return true;
    });
    return token(username);
  }

  private void ensureUser(String username, String realmRole, String unitId, String cityId) {
    if (!UNIT_ID.matcher(unitId).matches() || !UNIT_ID.matcher(cityId).matches()) {
      throw new IllegalArgumentException("not an org-unit id: " + unitId + " / " + cityId);
    }
    String claim = realmRole.startsWith("school-") ? "school_id" : realmRole.startsWith("county-") ? "county_id" : "city_id";
    createUser(username, realmRole, "\"" + claim + "\":[\"" + unitId + "\"]", claim.equals("city_id") ? null : cityId);
  }

  /** Creates the user with these attributes (JSON members) and {@code city_id} unless null, and gives it the role. */
  private void createUser(String username, String realmRole, String unitAttributes, String cityId) {
    if (cityId != null && !UNIT_ID.matcher(cityId).matches()) {
      throw new IllegalArgumentException("not a city id: " + cityId);
    }
    String attributes = unitAttributes + (cityId == null ? "" : ",\"city_id\":[\"" + cityId + "\"]");
    String user = "{\"username\":\"" + username + "\",\"enabled\":true,\"emailVerified\":true,"
        + "\"firstName\":\"test\",\"lastName\":\"" + realmRole + "\",\"email\":\"" + username + "@test.gongyu.example\","
        + "\"attributes\":{" + attributes + "},"
        + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + DEMO_PASSWORD + "\",\"temporary\":false}]}";
    String admin = adminToken();
    HttpResponse<String> made = send(admin, "POST", "/admin/realms/gongyu/users", user);
    if (made.statusCode() != 201 && made.statusCode() != 409) {
      throw new IllegalStateException("Keycloak did not create " + username + ": " + made.statusCode() + " " + made.body());
    }
    String id = field(ID, send(admin, "GET", "/admin/realms/gongyu/users?exact=true&username=" + enc(username), null).body());
    String role = send(admin, "GET", "/admin/realms/gongyu/roles/" + enc(realmRole), null).body();
    HttpResponse<String> mapped = send(admin, "POST", "/admin/realms/gongyu/users/" + id + "/role-mappings/realm", "[" + role + "]");
    if (mapped.statusCode() != 204) {
      throw new IllegalStateException("Keycloak did not give " + username + " role " + realmRole + ": " + mapped.statusCode());
    }
  }

  private String tokenResponse(String clientId, String username) {
    String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username)
        + "&password=" + enc(DEMO_PASSWORD) + "&scope=openid";
    HttpResponse<String> response = exchange(form(baseUrl + "/realms/gongyu/protocol/openid-connect/token", form));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Keycloak refused a token for " + username + " (client " + clientId + "): HTTP "
          + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  /**
   * The admin API's token, reused while it has more than 20 s to live: every login is a password
   * hash in Keycloak, and a tool that creates thousands of users (the province simulation) would
   * otherwise spend a third of its setup logging the admin in again for each one.
   */
  private synchronized String adminToken() {
    if (admin != null && System.nanoTime() < admin.validUntilNanos()) {
      return admin.token();
    }
    String body = adminTokenResponse();
    long expiresIn = Long.parseLong(field(EXPIRES_IN, body));
    admin = new Cached(field(ACCESS_TOKEN, body), System.nanoTime() + Duration.ofSeconds(Math.max(0, expiresIn - 20)).toNanos());
    return admin.token();
  }

  private String adminTokenResponse() {
    String form = "grant_type=password&client_id=admin-cli&username=" + enc(adminUser) + "&password=" + enc(adminPassword);
    HttpResponse<String> response = exchange(form(baseUrl + "/realms/master/protocol/openid-connect/token", form));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Keycloak's admin login failed (HTTP " + response.statusCode()
          + "); set GONGYU_KEYCLOAK_ADMIN and GONGYU_KEYCLOAK_ADMIN_PASSWORD");
    }
    return response.body();
  }

  private static HttpRequest form(String url, String form) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private HttpResponse<String> send(String token, String method, String path, String json) {
    return exchange(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build());
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

  /** Whether the realm answers at this base URL. */
  public boolean answers() {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/gongyu/.well-known/openid-configuration"))
          .timeout(Duration.ofSeconds(5)).GET().build();
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String field(Pattern pattern, String body) {
    Matcher m = pattern.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("unexpected answer from Keycloak: " + body);
    }
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
