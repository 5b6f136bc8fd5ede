package org.gongyu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gongyu.gateway.StubService.Received;
import org.gongyu.testing.BrowserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app as the gateway serves it: the history-mode fallback to {@code index.html} for the
 * app's deep links, the login that comes back to the deep link, cache headers of the hashed
 * bundles, the CSRF cookie on the page load, and Swagger UI over the services' specs. The app
 * itself is a stand-in {@code static/index.html} of the test resources (ahead of the {@code web}
 * jar on the class path).
 */
class WebAppTest extends GatewayTestBase {

  private static final JsonMapper JSON = new JsonMapper();
  private static final String INDEX_MARK = "data-gateway-test=\"index\"";

  private BrowserSession browser;

  @BeforeEach
  void newBrowser() {
    browser = new BrowserSession();
  }

  @Test
  void anAnonymousDeepLinkLogsInThroughKeycloakAndLandsBackOnTheDeepLink() {
    String deepLink = "/counties/990101?period=2026-2027-1";
    URI landing = LoginFlow.logIn(browser, gateway(), deepLink, "county-admin-990101");
    assertThat(landing).isEqualTo(URI.create(gateway() + deepLink));

    HttpResponse<String> page = browser.get(landing.toString(), "text/html,application/xhtml+xml,*/*;q=0.8");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(INDEX_MARK);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
  }

  @Test
  void everyPageOfTheAppIsItsIndexButTheGatewaysOwnPathsAndFilesAreNot() {
    URI home = LoginFlow.logIn(browser, gateway(), "/", "city-staff");
    assertThat(home).isEqualTo(URI.create(gateway() + "/"));

    for (String page : List.of("/", "/city", "/city?period=2026-2027-1", "/counties/990101", "/schools/9901010001",
        "/indicators/PLATFORM_REGISTRATION?county=990101", "/attention", "/counties/990101/attention", "/no/such/page")) {
      HttpResponse<String> answer = browser.get(gateway() + page, "text/html");
      assertThat(answer.statusCode()).as(page).isEqualTo(200);
      assertThat(answer.body()).as(page).contains(INDEX_MARK);
    }
    // not an HTML request: no page (a script asking for JSON gets a problem, not the app)
    HttpResponse<String> json = browser.get(gateway() + "/city", "application/json");
    assertThat(json.statusCode()).isEqualTo(404);
    // the gateway's own paths keep their meaning for a browser
    HttpResponse<String> me = browser.get(gateway() + "/me", "text/html");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"username\":\"city-staff\"");
    HttpResponse<String> api = browser.get(gateway() + "/api/reports/periods/2026-2027-1/scorecard", "text/html");
    assertThat(api.body()).contains("\"servedBy\":\"reporting\"");
    assertThat(browser.get(gateway() + "/login", "text/html").statusCode()).isEqualTo(303);
    // a bundle that is not there is a 404, never the page (a browser would run HTML as script)
    assertThat(browser.get(gateway() + "/assets/gone-0000.js", "text/html").statusCode()).isEqualTo(404);
  }

  @Test
  void hashedBundlesAreCachedForAYearAndPublicTheIndexIsRevalidated() {
    HttpResponse<String> bundle = browser.get(gateway() + "/assets/app-3f2a9c1d.js", "*/*");
    assertThat(bundle.statusCode()).as("bundles need no login: code, no data").isEqualTo(200);
    assertThat(bundle.body()).contains("gateway test bundle");
    assertThat(bundle.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("javascript"));
    assertThat(bundle.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v)
        .contains("max-age=31536000").contains("public").contains("immutable").doesNotContain("no-store"));

    HttpResponse<String> anonymousIndex = browser.get(gateway() + "/index.html", "text/html");
    assertThat(anonymousIndex.statusCode()).as("the page itself needs a login").isEqualTo(302);
  }

  @Test
  void thePageLoadSetsTheCsrfCookieTheAppSendsOnItsFirstWrite() throws Exception {
    LoginFlow.logIn(browser, gateway(), "/schools/9901010001", "admin-9901010001");
    String session = browser.cookie("SESSION");
    assertThat(session).isNotBlank();

    // a browser that holds only its session cookie (no XSRF-TOKEN yet) loads a page of the app
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(gateway() + "/schools/9901010001"))
          .header("Accept", "text/html").header("Cookie", "SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      String csrf = page.headers().allValues("Set-Cookie").stream()
          .filter(c -> c.startsWith("XSRF-TOKEN="))
          .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';')))
          .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie on the page load: " + page.headers()));
      assertThat(page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow())
          .as("readable by the app's script").doesNotContainIgnoringCase("HttpOnly");

      HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create(gateway() + "/api/school/schools/9901010001/home-visits"))
          .header("Cookie", "SESSION=" + session + "; XSRF-TOKEN=" + csrf)
          .header("X-XSRF-TOKEN", csrf)
          .header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
      assertThat(StubService.of("school").received.poll(5, TimeUnit.SECONDS)).isNotNull();
    }
  }

  @Test
  void eachServicesSpecIsReachableForALoggedInUserWithTheGatewayAsItsOrigin() throws Exception {
    for (String service : List.of("school", "district", "city", "reporting")) {
      HttpResponse<String> anonymous = browser.get(gateway() + "/api-docs/" + service, "text/html");
      assertThat(anonymous.statusCode()).as("anonymous /api-docs/%s", service).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }
    Thread.sleep(200);
    StubService.ALL.values().forEach(s -> assertThat(s.received).isEmpty());

    LoginFlow.logIn(browser, gateway(), "/", "county-admin-990102");
    for (String service : List.of("school", "district", "city", "reporting")) {
      HttpResponse<String> spec = browser.get(gateway() + "/api-docs/" + service, "application/json");
      assertThat(spec.statusCode()).isEqualTo(200);
      assertThat(spec.body()).contains("\"servedBy\":\"" + service + "\"");
      Received received = StubService.of(service).received.poll(5, TimeUnit.SECONDS);
      assertThat(received).isNotNull();
      assertThat(received.rawPath()).isEqualTo("/v3/api-docs");
      assertThat(received.forwarded()).as("what the service builds its servers URL from")
          .containsEntry("x-forwarded-host", "127.0.0.1:" + port)
          .containsEntry("x-forwarded-proto", "http")
          .doesNotContainKey("x-forwarded-prefix")
          .as("the RFC 7239 header would only repeat X-Forwarded-* (switched off, issue 16)")
          .doesNotContainKey("forwarded");
    }
    HttpResponse<String> bearer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway() + "/api-docs/city"))
        .header("Authorization", "Bearer " + Keycloak.accessToken(Keycloak.CLI, "city-admin")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(bearer.statusCode()).as("with a bearer token too").isEqualTo(200);
  }

  @Test
  void swaggerUiAtTheGatewayListsTheFourSpecsAndSendsTheCsrfHeader() {
    HttpResponse<String> anonymous = browser.get(gateway() + "/swagger-ui.html", "text/html");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(LoginFlow.location(anonymous)).isEqualTo(URI.create(gateway() + "/oauth2/authorization/keycloak"));

    URI back = LoginFlow.logIn(browser, gateway(), "/swagger-ui.html", "city-admin");
    assertThat(back).isEqualTo(URI.create(gateway() + "/swagger-ui.html"));
    HttpResponse<String> ui = browser.follow(browser.get(back.toString(), "text/html"));
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger-ui").doesNotContain(INDEX_MARK);

    HttpResponse<String> config = browser.get(gateway() + "/v3/api-docs/swagger-config", "application/json");
    assertThat(config.statusCode()).isEqualTo(200);
    JsonNode json = JSON.readTree(config.body());
    List<String> urls = json.path("urls").valueStream().map(u -> u.path("url").asString()).toList();
    assertThat(urls).containsExactlyInAnyOrder("/api-docs/school", "/api-docs/district", "/api-docs/city", "/api-docs/reporting");
    assertThat(json.path("urls.primaryName").asString()).isEqualTo("reporting");
  }
}
