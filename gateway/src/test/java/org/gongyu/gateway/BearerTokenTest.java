package org.gongyu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.gongyu.gateway.StubService.Received;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API clients with {@code Authorization: Bearer}: tokens from the real Keycloak are checked at the
 * gateway (signature, issuer, audience, expiry) and passed on unchanged; everything else is a 401
 * problem that never reaches a service.
 */
class BearerTokenTest extends GatewayTestBase {

  private static final JsonMapper JSON = new JsonMapper();
  private static final String SCHOOL_API = "/api/school/schools/9901010001/home-visits";

  private WebTestClient client;

  @BeforeEach
  void client() {
    client = WebTestClient.bindToServer().baseUrl(gateway()).build();
  }

  @Test
  void aValidTokenIsRoutedAndTheServiceGetsTheSameAuthorizationHeader() throws Exception {
    String token = Keycloak.accessToken(Keycloak.CLI, "staff-9901010001");

    client.post().uri(SCHOOL_API)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"note\":\"家访\"}")
        .exchange()
        .expectStatus().isOk()
        .expectHeader().exists("X-RateLimit-Remaining");

    Received received = StubService.of("school").received.poll(5, TimeUnit.SECONDS);
    assertThat(received).isNotNull();
    assertThat(received.authorization()).isEqualTo("Bearer " + token);
    assertThat(received.body()).isEqualTo("{\"note\":\"家访\"}");
  }

  @Test
  void withoutATokenTheApiIsA401ProblemEvenForABrowser() throws Exception {
    JsonNode problem = refused(client.get().uri(SCHOOL_API).accept(MediaType.TEXT_HTML).exchange(), "Bearer");
    assertThat(problem.get("type").asString()).isEqualTo("urn:gongyu:problem:unauthenticated");
    assertThat(problem.get("detail").asString()).contains("Authorization: Bearer");
  }

  @Test
  void garbageIsRefused() throws Exception {
    JsonNode problem = refusedBearer("not-a-jwt");
    assertThat(problem.get("detail").asString()).isEqualTo("the bearer token is malformed or not signed by the Gongyu sign-in service");
  }

  @Test
  void aTokenWithAForgedSignatureIsRefused() throws Exception {
    String token = Keycloak.accessToken(Keycloak.CLI, "staff-9901010001");
    String[] parts = token.split("\\.");
    String signature = parts[2];
    char flipped = signature.charAt(10) == 'A' ? 'B' : 'A';
    String forged = parts[0] + "." + parts[1] + "." + signature.substring(0, 10) + flipped + signature.substring(11);

    JsonNode problem = refusedBearer(forged);
    assertThat(problem.get("detail").asString()).isEqualTo("the bearer token is malformed or not signed by the Gongyu sign-in service");
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    String token = Keycloak.accessToken(Keycloak.CLI_SHORT, "staff-9901010001");
    Instant expires = Instant.ofEpochSecond(Keycloak.claims(token).get("exp").longValue());
    // The test context accepts 1 s of clock skew; wait until the token is well past that.
    long wait = expires.plusMillis(2500).toEpochMilli() - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }

    JsonNode problem = refusedBearer(token);
    assertThat(problem.get("detail").asString()).isEqualTo("the bearer token has expired or is not yet valid");
  }

  @Test
  void aTokenForAnotherClientOfTheRealmIsRefused() throws Exception {
    String token = Keycloak.accessToken(Keycloak.OTHER_APP, "staff-9901010001");
    assertThat(Keycloak.claims(token).path("aud").toString()).doesNotContain("gongyu-api");

    JsonNode problem = refusedBearer(token);
    assertThat(problem.get("detail").asString()).isEqualTo("the bearer token is not meant for the Gongyu API");
  }

  @Test
  void aTokenWithAnotherIssuerIsRefusedThoughKeycloakSignedIt() throws Exception {
    String otherSpelling = Keycloak.ISSUER.replace("127.0.0.1", "localhost");
    String token = Keycloak.accessToken(otherSpelling, Keycloak.CLI, "staff-9901010001");
    assertThat(Keycloak.claims(token).get("iss").asString()).isEqualTo(otherSpelling);

    JsonNode problem = refusedBearer(token);
    assertThat(problem.get("detail").asString()).isEqualTo("the bearer token was not issued by the Gongyu sign-in service");
  }

  @Test
  void aBearerClientNeedsNoCsrfTokenAndGetsNoCsrfCookie() {
    String token = Keycloak.accessToken(Keycloak.CLI, "staff-9901010001");

    client.put().uri(SCHOOL_API)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{}")
        .exchange()
        .expectStatus().isOk()
        .expectCookie().doesNotExist("XSRF-TOKEN");
  }

  @Test
  void meShowsTheBearerUsersNameRolesAndOrgUnitsAndNothingMore() throws Exception {
    String token = Keycloak.accessToken(Keycloak.CLI, "assessor-990102");

    EntityExchangeResult<String> result = client.get().uri("/me")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus().isOk()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
        .expectBody(String.class).returnResult();

    JsonNode me = JSON.readTree(result.getResponseBody());
    assertThat(me.get("username").asString()).isEqualTo("assessor-990102");
    assertThat(me.get("roles").toString()).isEqualTo("[\"county-assessor\"]");
    assertThat(me.get("county_id").asString()).isEqualTo("990102");
    assertThat(me.get("name").asString()).as("the token's name claim, for the web app's top bar").isEqualTo("西山县教育局 评估员");
    assertThat(me.propertyNames()).containsExactlyInAnyOrder("username", "name", "roles", "school_id", "county_id", "city_id", "xuequ_id");
  }

  @Test
  void meShowsTheXuequUsersXuequAndCounty() throws Exception {
    String token = Keycloak.accessToken(Keycloak.CLI, "xuequ-990101-xq1");

    EntityExchangeResult<String> result = client.get().uri("/me")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus().isOk()
        .expectBody(String.class).returnResult();

    JsonNode me = JSON.readTree(result.getResponseBody());
    assertThat(me.get("roles").toString()).isEqualTo("[\"xuequ-staff\"]");
    assertThat(me.get("county_id").asString()).isEqualTo("990101");
    assertThat(me.get("xuequ_id").asString()).isEqualTo("990101-XQ1");
  }

  private JsonNode refusedBearer(String token) throws Exception {
    JsonNode problem = refused(client.get().uri(SCHOOL_API).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange(), "Bearer error=\"invalid_token\"");
    assertThat(problem.get("type").asString()).isEqualTo("urn:gongyu:problem:invalid-token");
    return problem;
  }

  /** Asserts a 401 problem with the given challenge, and that no service saw the request. */
  private JsonNode refused(WebTestClient.ResponseSpec response, String challenge) throws Exception {
    EntityExchangeResult<String> result = response
        .expectStatus().isUnauthorized()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, challenge)
        .expectBody(String.class).returnResult();
    JsonNode problem = JSON.readTree(result.getResponseBody());
    assertThat(problem.get("status").intValue()).isEqualTo(401);
    assertThat(problem.get("instance").asString()).isEqualTo(SCHOOL_API);
    Thread.sleep(200); // a request that got through would have arrived by now
    StubService.ALL.values().forEach(s -> assertThat(s.received).as(s.name + " must see nothing").isEmpty());
    return problem;
  }
}
