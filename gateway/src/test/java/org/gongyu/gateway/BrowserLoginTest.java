package org.gongyu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongyu.gateway.StubService.Received;
import org.gongyu.testing.BrowserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser's way through the gateway, with the real Keycloak login page: a cookie-keeping HTTP
 * client that follows each redirect by hand so every hop can be checked. Login with PKCE, the
 * landing page and {@code /me}, the access token relayed to the service, CSRF on the session's
 * writes, and logout at Keycloak too.
 */
class BrowserLoginTest extends GatewayTestBase {

  private static final JsonMapper JSON = new JsonMapper();
  private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
  private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
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
    assertThat(landing.body()).contains("staff-9901010001", "school-staff", "9901010001", "action=\"/logout\"");

    HttpResponse<String> meAnswer = browser.get(gateway() + "/me", "application/json");
    assertThat(meAnswer.statusCode()).isEqualTo(200);
    JsonNode me = JSON.readTree(meAnswer.body());
    assertThat(me.get("username").asString()).isEqualTo("staff-9901010001");
    assertThat(me.get("roles").toString()).isEqualTo("[\"school-staff\"]");
    assertThat(me.get("school_id").asString()).isEqualTo("9901010001");
    assertThat(me.get("county_id").asString()).isEqualTo("990101");
    assertThat(me.get("city_id").asString()).isEqualTo("990100");
    assertThat(me.propertyNames()).containsExactlyInAnyOrder("username", "roles", "school_id", "county_id", "city_id");

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

  @Test
  void logoutEndsTheSessionHereAndAtKeycloak() throws Exception {
    logIn("county-admin-990101");
    HttpResponse<String> landing = browser.get(gateway() + "/", "text/html");
    Matcher field = CSRF_FIELD.matcher(landing.body());
    assertThat(field.find()).as("the logout form's CSRF field").isTrue();

    HttpResponse<String> logout = browser.send(HttpRequest.newBuilder(URI.create(gateway() + "/logout"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(HtmlUtils.htmlUnescape(field.group(1)), StandardCharsets.UTF_8))));
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

  /** Opens {@code /}, follows the redirects to Keycloak's login form, submits it and follows back. */
  private void logIn(String username) throws Exception {
    HttpResponse<String> start = browser.get(gateway() + "/", "text/html");
    assertThat(location(start)).isEqualTo(URI.create(gateway() + "/oauth2/authorization/keycloak"));

    HttpResponse<String> toKeycloak = browser.get(location(start).toString(), "text/html");
    assertThat(toKeycloak.statusCode()).isEqualTo(302);
    URI authorize = location(toKeycloak);
    assertThat(authorize.toString()).startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth?");
    Map<String, String> query = query(authorize);
    assertThat(query).containsEntry("client_id", "gongyu-web")
        .containsEntry("response_type", "code")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("redirect_uri", gateway() + "/login/oauth2/code/keycloak")
        .containsKey("code_challenge")
        .containsKey("state");
    assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(query.get("scope")).contains("openid");

    HttpResponse<String> loginPage = browser.get(authorize.toString(), "text/html");
    assertThat(loginPage.statusCode()).isEqualTo(200);
    Matcher form = LOGIN_FORM.matcher(loginPage.body());
    assertThat(form.find()).as("Keycloak's login form").isTrue();
    Matcher action = ACTION.matcher(form.group());
    assertThat(action.find()).isTrue();
    String postTo = HtmlUtils.htmlUnescape(action.group(1));

    HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(postTo))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(Keycloak.PASSWORD, StandardCharsets.UTF_8))));
    assertThat(loggedIn.statusCode()).as("Keycloak accepts the password").isEqualTo(302);
    URI callback = location(loggedIn);
    assertThat(callback.toString()).startsWith(gateway() + "/login/oauth2/code/keycloak?");
    assertThat(query(callback)).containsKey("code");

    HttpResponse<String> home = browser.get(callback.toString(), "text/html");
    assertThat(home.statusCode()).as("the gateway takes the code: %s", home.body()).isEqualTo(302);
    assertThat(location(home)).isEqualTo(URI.create(gateway() + "/"));
  }

  private static URI location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location").orElseThrow(
        () -> new AssertionError("no redirect: HTTP " + response.statusCode() + " " + response.body()));
    return response.uri().resolve(location);
  }

  private static Map<String, String> query(URI uri) {
    return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap().entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
            e -> URLDecoder.decode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8)));
  }
}
