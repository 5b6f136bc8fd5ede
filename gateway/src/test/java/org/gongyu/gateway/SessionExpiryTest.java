package org.gongyu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import org.gongyu.testing.BrowserSession;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A login session whose tokens Keycloak no longer refreshes (its SSO session was ended, as its idle
 * timeout or an administrator would). This gateway refreshes a session's access token at every use
 * ({@code refresh-ahead} longer than the token lives), so that each request asks Keycloak.
 *
 * <p>An API call answers the 401 problem, never a redirect; a page load goes to the login and
 * comes back to the page; and neither leaves a session the web app could loop on.
 */
@TestPropertySource(properties = "gongyu.security.refresh-ahead=1h")
class SessionExpiryTest extends GatewayTestBase {

  private static final JsonMapper JSON = new JsonMapper();

  @Test
  void anApiCallOfAnEndedSessionIs401AndTheNextPageLoadGoesToTheLogin() throws Exception {
    BrowserSession browser = new BrowserSession();
    LoginFlow.logIn(browser, gateway(), "/city", "city-admin");
    assertThat(browser.get(gateway() + "/api/reports/periods/2026-2027-1/scorecard", "application/json").statusCode())
        .as("while the session lives").isEqualTo(200);
    StubService.forgetAll();

    Keycloak.endSessions("city-admin");

    HttpResponse<String> api = browser.get(gateway() + "/api/reports/periods/2026-2027-1/scorecard", "application/json");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(JSON.readTree(api.body()).get("type").asString()).isEqualTo("urn:gongyu:problem:session-expired");
    Thread.sleep(200);
    assertThat(StubService.of("reporting").received).isEmpty();

    // what the web app does next: reload the page. Not served again: sent to the login.
    HttpResponse<String> reload = browser.get(gateway() + "/city", "text/html");
    assertThat(reload.statusCode()).isEqualTo(302);
    assertThat(LoginFlow.location(reload)).isEqualTo(URI.create(gateway() + "/oauth2/authorization/keycloak"));
    assertThat(browser.get(gateway() + "/me", "application/json").statusCode()).isEqualTo(401);
  }

  @Test
  void aPageLoadOfAnEndedSessionGoesToTheLoginAndBackToThatPage() {
    BrowserSession browser = new BrowserSession();
    LoginFlow.logIn(browser, gateway(), "/", "county-admin-990103");
    assertThat(browser.get(gateway() + "/counties/990103", "text/html").statusCode()).isEqualTo(200);

    Keycloak.endSessions("county-admin-990103");

    HttpResponse<String> page = browser.get(gateway() + "/counties/990103?period=2026-2027-1", "text/html");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(LoginFlow.location(page)).isEqualTo(URI.create(gateway() + "/oauth2/authorization/keycloak"));
    assertThat(browser.get(gateway() + "/me", "application/json").statusCode()).as("the session is over here too").isEqualTo(401);

    // Keycloak asks for the password again (its session ended) and the browser lands on the page
    URI back = LoginFlow.logIn(browser, gateway(), "/counties/990103?period=2026-2027-1", "county-admin-990103");
    assertThat(back).isEqualTo(URI.create(gateway() + "/counties/990103?period=2026-2027-1"));
    assertThat(browser.get(back.toString(), "text/html").statusCode()).isEqualTo(200);
  }
}
