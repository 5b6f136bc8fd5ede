package org.gongyu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gongyu.gateway.StubService.Received;
import org.gongyu.testing.BrowserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's way through the gateway, with the real Keycloak login page: a cookie-keeping HTTP
 * client that follows each redirect by hand so every hop can be checked. Login with PKCE, the
 * web app's page and {@code /me}, the access token relayed to the service, CSRF on the session's
 * writes, and logout at Keycloak too.
 */
class BrowserLoginTest extends GatewayTestBase {

  private static final JsonMapper JSON = new JsonMapper();
  private static final String SCHOOL_API = "/api/school/schools/9901010001/home-visits";

  private BrowserSession browser;

  @BeforeEach
  void newBrowser() {
    browser = new BrowserSession();
  }

  @Test
  void anAnonymousPageIsSentToTheLoginButTheApiAnswers401() throws Exception {
    HttpResponse<String> api = browser.get(gateway() + SCHOOL_API, "text/html");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));

    for (String page : List.of("/", "/login")) {
      HttpResponse<String> answer = browser.get(gateway() + page, "text/html");
      assertThat(answer.statusCode()).as(page).isEqualTo(302);
      assertThat(location(answer)).as(page).isEqualTo(URI.create(gateway() + "/oauth2/authorization/keycloak"));
    }

    HttpResponse<String> me = browser.get(gateway() + "/me", "application/json");
    assertThat(me.statusCode()).isEqualTo(401);
    Thread.sleep(200);
    StubService.ALL.values().forEach(s -> assertThat(s.received).isEmpty());
  }

  @Test
  void loginWithPkceThenTheSessionReachesTheServiceWithTheUsersAccessToken() throws Exception {
    logIn("staff-9901010001");

    HttpResponse<String> landing = browser.get(gateway() + "/", "text/html");
    assertThat(landing.statusCode()).isEqualTo(200);
    assertThat(landing.body()).as("the web app's page").contains("data-gateway-test=\"index\"");

    HttpResponse<String> meAnswer = browser.get(gateway() + "/me", "application/json");
    assertThat(meAnswer.statusCode()).isEqualTo(200);
    JsonNode me = JSON.readTree(meAnswer.body());
    assertThat(me.get("username").asString()).isEqualTo("staff-9901010001");
    assertThat(me.get("name").asString()).as("Keycloak's full name: first and last name").isEqualTo("学校9901010001 教师");
    assertThat(me.get("roles").toString()).isEqualTo("[\"school-staff\"]");
    assertThat(me.get("school_id").asString()).isEqualTo("9901010001");
    assertThat(me.get("county_id").asString()).isEqualTo("990101");
    assertThat(me.get("city_id").asString()).isEqualTo("990100");
    assertThat(me.propertyNames()).containsExactlyInAnyOrder("username", "name", "roles", "school_id", "county_id", "city_id", "xuequ_id");

    HttpResponse<String> read = browser.get(gateway() + SCHOOL_API, "application/json");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("X-RateLimit-Remaining")).as("session users are rate limited too").isPresent();
    Received received = StubService.of("school").received.poll(5, TimeUnit.SECONDS);
    assertThat(received).isNotNull();
    assertThat(received.authorization()).startsWith("Bearer ");
    JsonNode relayed = Keycloak.claims(received.authorization().substring("Bearer ".length()));
    assertThat(relayed.get("preferred_username").asString()).isEqualTo("staff-9901010001");
    assertThat(relayed.get("azp").asString()).isEqualTo("gongyu-web");
    assertThat(relayed.get("iss").asString()).isEqualTo(Keycloak.ISSUER);
    assertThat(relayed.get("aud").toString()).contains("gongyu-api");
  }

  @Test
  void aSessionWriteNeedsTheCsrfTokenFromTheCookie() throws Exception {
    logIn("admin-9901010002");

    HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(gateway() + SCHOOL_API))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"note\":\"forged\"}")));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(JSON.readTree(forged.body()).get("detail").asString()).contains("X-XSRF-TOKEN");
    Thread.sleep(200);
    assertThat(StubService.of("school").received).isEmpty();

    String csrf = browser.cookie("XSRF-TOKEN");
    assertThat(csrf).as("the XSRF-TOKEN cookie").isNotBlank();
    HttpResponse<String> write = browser.send(HttpRequest.newBuilder(URI.create(gateway() + SCHOOL_API))
        .header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", csrf)
        .PUT(HttpRequest.BodyPublishers.ofString("{\"note\":\"家访\"}")));
    assertThat(write.statusCode()).isEqualTo(200);
    Received received = StubService.of("school").received.poll(5, TimeUnit.SECONDS);
    assertThat(received).isNotNull();
    assertThat(received.method()).isEqualTo("PUT");
    assertThat(received.body()).isEqualTo("{\"note\":\"家访\"}");
    assertThat(Keycloak.claims(received.authorization().substring("Bearer ".length())).get("preferred_username").asString())
        .isEqualTo("admin-9901010002");
  }

  /** API clients have a chain without CSRF; a bearer token beside the session cookie does not lead a write into it. */
  @Test
  void aSessionWriteThatAlsoCarriesABearerTokenStillNeedsTheCsrfToken() throws Exception {
    logIn("admin-9901010002");
    String token = Keycloak.accessToken(Keycloak.CLI, "admin-9901010002");

    HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(URI.create(gateway() + SCHOOL_API))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .PUT(HttpRequest.BodyPublishers.ofString("{\"note\":\"forged\"}")));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(forged.body()).get("detail").asString()).contains("X-XSRF-TOKEN");
    Thread.sleep(200);
    assertThat(StubService.of("school").received).isEmpty();
  }

  @Test
  void logoutEndsTheSessionHereAndAtKeycloak() throws Exception {
    logIn("county-admin-990101");
    browser.get(gateway() + "/counties/990101", "text/html");
    String csrf = browser.cookie("XSRF-TOKEN");
    assertThat(csrf).as("the XSRF-TOKEN cookie the web app sends back").isNotBlank();

    HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create(gateway() + "/logout"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(refused.statusCode()).as("logout without the CSRF header").isEqualTo(403);

    HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(gateway() + "/logout"))
        .header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(logout.statusCode()).isEqualTo(302);
    URI endSession = location(logout);
    assertThat(endSession.toString()).startsWith(Keycloak.ISSUER + "/protocol/openid-connect/logout?");
    Map<String, String> query = query(endSession);
    assertThat(query).containsKey("id_token_hint");
    assertThat(query).containsEntry("post_logout_redirect_uri", gateway() + "/");

    HttpResponse<String> back = browser.get(endSession.toString(), "text/html");
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(location(back).toString()).startsWith(gateway() + "/");

    assertThat(browser.get(gateway() + "/me", "application/json").statusCode()).isEqualTo(401);
    HttpResponse<String> again = browser.get(gateway() + "/", "text/html");
    assertThat(location(again)).isEqualTo(URI.create(gateway() + "/oauth2/authorization/keycloak"));
    HttpResponse<String> keycloak = browser.get(location(browser.get(location(again).toString(), "text/html")).toString(), "text/html");
    assertThat(keycloak.statusCode()).as("Keycloak asks for the password again: its session ended too").isEqualTo(200);
    assertThat(keycloak.body()).contains("kc-form-login");
  }

  /** Opens {@code /}, logs in through Keycloak's form and checks the gateway sends the browser back to {@code /}. */
  private void logIn(String username) {
    assertThat(LoginFlow.logIn(browser, gateway(), "/", username)).isEqualTo(URI.create(gateway() + "/"));
  }

  private static URI location(HttpResponse<?> response) {
    return LoginFlow.location(response);
  }

  private static Map<String, String> query(URI uri) {
    return LoginFlow.query(uri);
  }
}
