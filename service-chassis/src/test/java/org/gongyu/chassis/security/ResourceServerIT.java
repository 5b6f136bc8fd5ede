package org.gongyu.chassis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.chassis.audit.AuditLog;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chassis's resource server against the real Keycloak: tokens are checked by the service
 * itself (a token that is expired, from another issuer, for another audience, unsigned, signed by
 * another key or edited after signing is a 401 problem), the caller comes from the claims, "not
 * yours" answers like "not there", a role that may not act is a 403, and every refusal and every
 * change lands in an audit table that refuses updates and deletes.
 */
@SpringBootTest(
    classes = ResourceServerIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "gongyu.messaging.producer=chassis-security-it",
      "spring.flyway.enabled=false",
      "gongyu.security.clock-skew=0s",
      "gongyu.city.id=990100"
    })
class ResourceServerIT {

  private static final JsonMapper JSON = new JsonMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String OWN = "9901010001";
  static final String SIBLING = "9901010002";
  static final String OTHER_COUNTY = "9901020001";

  @SpringBootApplication
  @org.springframework.context.annotation.Import(Probe.class) // nested in a test class: not component-scanned
  static class App {
    @Bean
    OrgUnits orgUnits() {
      Map<String, String> counties = Map.of(OWN, "990101", SIBLING, "990101", OTHER_COUNTY, "990102");
      return schoolId -> Optional.ofNullable(counties.get(schoolId));
    }
  }

  @RestController
  static class Probe {
    @PreAuthorize("hasAnyRole('SCHOOL_STAFF','SCHOOL_ADMIN','COUNTY_ASSESSOR','COUNTY_ADMIN','CITY_STAFF','CITY_ADMIN')"
        + " and @scope.school(#schoolId)")
    @GetMapping("/api/probe/schools/{schoolId}")
    Map<String, Object> read(@PathVariable String schoolId, @AuthenticationPrincipal Jwt jwt) {
      Caller caller = Caller.of(jwt);
      return Map.of("schoolId", schoolId, "caller", caller.username(), "orgUnit", caller.orgUnit(),
          "roles", caller.roles().stream().map(Role::realmName).sorted().toList());
    }

    @PreAuthorize("hasRole('SCHOOL_ADMIN') and @scope.school(#schoolId)")
    @PutMapping("/api/probe/schools/{schoolId}")
    Map<String, String> write(@PathVariable String schoolId) {
      return Map.of("schoolId", schoolId, "written", "yes");
    }
  }

  @org.springframework.test.context.DynamicPropertySource
  static void infra(org.springframework.test.context.DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "chassis_security");
    Keycloak.register(r);
  }

  @LocalServerPort int port;
  @Autowired AuditLog audit;
  @Autowired JdbcTemplate jdbc;

  record Reply(int status, String contentType, JsonNode body, Optional<String> wwwAuthenticate) {}

  Reply call(String method, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
        .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    JsonNode body = r.body().isBlank() ? null : JSON.readTree(r.body());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), body,
        r.headers().firstValue("WWW-Authenticate"));
  }

  @Test
  void aValidTokenIsServedAndTheCallerComesFromItsClaims() throws Exception {
    Reply r = call("GET", "/api/probe/schools/" + OWN, Keycloak.token("staff-" + OWN));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("caller").asString()).isEqualTo("staff-" + OWN);
    assertThat(r.body().get("orgUnit").asString()).isEqualTo("school:" + OWN);
    assertThat(r.body().get("roles").toString()).isEqualTo("[\"school-staff\"]");
  }

  @Test
  void noTokenIs401ProblemAndAudited() throws Exception {
    Reply r = call("GET", "/api/probe/schools/" + OWN, null);
    assertUnauthorized(r);
    assertThat(r.body().get("detail").asString()).contains("needs a bearer access token");
    AuditLog.Entry e = lastAuditOf("/api/probe/schools/" + OWN);
    assertThat(e.outcome()).isEqualTo(AuditLog.Outcome.DENIED);
    assertThat(e.actor()).isEqualTo("anonymous");
    assertThat(e.status()).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIs401() throws Exception {
    String token = Keycloak.freshToken(Keycloak.baseUrl(), "gongyu-cli-short", "staff-" + OWN);
    assertThat(call("GET", "/api/probe/schools/" + OWN, token).status()).as("fresh").isEqualTo(200);
    long exp = claims(token).get("exp").asLong();
    while (System.currentTimeMillis() / 1000 <= exp) {
      Thread.sleep(250);
    }
    Reply r = call("GET", "/api/probe/schools/" + OWN, token);
    assertUnauthorized(r);
    assertThat(lastAuditOf("/api/probe/schools/" + OWN).reason()).contains("expired");
  }

  @Test
  void aTokenFromAnotherIssuerIs401EvenWithTheRightKey() throws Exception {
    // the same Keycloak and key, reached by another host name: another issuer
    String token = Keycloak.freshToken(Keycloak.baseUrl().replace("127.0.0.1", "localhost"), Keycloak.CLI_CLIENT, "staff-" + OWN);
    assertThat(claims(token).get("iss").asString()).doesNotContain("127.0.0.1");
    assertUnauthorized(call("GET", "/api/probe/schools/" + OWN, token));
    assertThat(lastAuditOf("/api/probe/schools/" + OWN).reason()).contains("iss");
  }

  @Test
  void aTokenForAnotherAudienceIs401() throws Exception {
    String token = Keycloak.freshToken(Keycloak.baseUrl(), "other-app", "staff-" + OWN);
    assertThat(claims(token).path("aud").toString()).doesNotContain("gongyu-api");
    assertUnauthorized(call("GET", "/api/probe/schools/" + OWN, token));
    assertThat(lastAuditOf("/api/probe/schools/" + OWN).reason()).contains("aud");
  }

  @Test
  void anUnsignedTokenIs401() throws Exception {
    String[] parts = Keycloak.token("staff-" + OWN).split("\\.");
    String none = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    assertUnauthorized(call("GET", "/api/probe/schools/" + OWN, none));
  }

  @Test
  void aTokenSignedByAnotherKeyWithTheRealmsKeyIdIs401() throws Exception {
    SignedJWT real = SignedJWT.parse(Keycloak.token("admin-" + OWN));
    RSAKey foreign = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
    SignedJWT forged = new SignedJWT(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(foreign.getKeyID()).type(JOSEObjectType.JWT).build(),
        real.getJWTClaimsSet());
    forged.sign(new RSASSASigner(foreign));
    assertUnauthorized(call("PUT", "/api/probe/schools/" + OWN, forged.serialize()));
    assertThat(lastAuditOf("/api/probe/schools/" + OWN).status()).isEqualTo(401);
  }

  @Test
  void aTokenWhoseClaimsWereEditedIs401() throws Exception {
    String[] parts = Keycloak.token("admin-" + OWN).split("\\.");
    JWTClaimsSet claims = JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    JWTClaimsSet edited = new JWTClaimsSet.Builder(claims).claim("school_id", OTHER_COUNTY).build();
    String token = parts[0] + "." + b64(edited.toString()) + "." + parts[2];
    assertUnauthorized(call("PUT", "/api/probe/schools/" + OTHER_COUNTY, token));
  }

  @Test
  void anotherUnitsResourceLooksLikeOneThatDoesNotExist() throws Exception {
    String token = Keycloak.token("staff-" + OWN);
    Reply sibling = call("GET", "/api/probe/schools/" + SIBLING, token);
    Reply missing = call("GET", "/api/probe/schools/0000000000", token);
    assertThat(sibling.status()).isEqualTo(404);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(sibling.contentType()).startsWith("application/problem+json");
    assertThat(sibling.body().propertyNames()).containsExactlyInAnyOrder("type", "title", "status", "detail", "instance");
    assertThat(sibling.body().get("title")).isEqualTo(missing.body().get("title"));
    assertThat(sibling.body().get("type")).isEqualTo(missing.body().get("type"));
    AuditLog.Entry e = lastAuditOf("/api/probe/schools/" + SIBLING);
    assertThat(e.outcome()).isEqualTo(AuditLog.Outcome.DENIED);
    assertThat(e.orgUnit()).isEqualTo("school:" + OWN);
    assertThat(e.username()).isEqualTo("staff-" + OWN);
    assertThat(e.reason()).contains("outside the caller's org unit");
  }

  @Test
  void countyStaffSeeTheirCountysSchoolsOnlyAndCityStaffSeeAll() throws Exception {
    String assessor = Keycloak.token("assessor-990101");
    assertThat(call("GET", "/api/probe/schools/" + SIBLING, assessor).status()).isEqualTo(200);
    assertThat(call("GET", "/api/probe/schools/" + OTHER_COUNTY, assessor).status()).isEqualTo(404);
    String city = Keycloak.token("city-staff");
    assertThat(call("GET", "/api/probe/schools/" + OTHER_COUNTY, city).status()).isEqualTo(200);
    assertThat(call("GET", "/api/probe/schools/0000000000", city).status()).isEqualTo(404);
  }

  @Test
  void cityStaffOfAnotherCitySeeNothingOfThisOne() throws Exception {
    // a real user of the realm whose city_id claim names another city than this deployment's 990100
    String elsewhere = Keycloak.accounts().tokenAs("it-990200", "city-staff", "990200", "990200");
    assertThat(claims(elsewhere).get("city_id").asString()).isEqualTo("990200");
    Reply r = call("GET", "/api/probe/schools/" + OWN, elsewhere);
    assertThat(r.status()).isEqualTo(404);
    assertThat(lastAuditOf("/api/probe/schools/" + OWN).orgUnit()).isEqualTo("city:990200");
  }

  @Test
  void aRoleThatMayNotWriteIs403AndASuccessfulWriteIsAudited() throws Exception {
    Reply staff = call("PUT", "/api/probe/schools/" + OWN, Keycloak.token("staff-" + OWN));
    assertThat(staff.status()).isEqualTo(403);
    assertThat(staff.contentType()).startsWith("application/problem+json");
    assertThat(staff.body().get("detail").asString()).doesNotContain("Exception").doesNotContain("org.");
    assertThat(lastAuditOf("/api/probe/schools/" + OWN).outcome()).isEqualTo(AuditLog.Outcome.DENIED);

    Reply admin = call("PUT", "/api/probe/schools/" + OWN, Keycloak.token("admin-" + OWN));
    assertThat(admin.status()).isEqualTo(200);
    AuditLog.Entry e = lastAuditOf("/api/probe/schools/" + OWN);
    assertThat(e.outcome()).isEqualTo(AuditLog.Outcome.SUCCEEDED);
    assertThat(e.action()).isEqualTo("PUT /api/probe/schools/{schoolId}");
    assertThat(e.roles()).isEqualTo("school-admin");
    assertThat(e.username()).isEqualTo("admin-" + OWN);
  }

  @Test
  void readsThatSucceedAreNotAuditedButTheAuditTableRefusesUpdatesAndDeletes() throws Exception {
    long before = jdbc.queryForObject("select count(*) from audit_log", Long.class);
    assertThat(call("GET", "/api/probe/schools/" + OWN, Keycloak.token("admin-" + OWN)).status()).isEqualTo(200);
    assertThat(jdbc.queryForObject("select count(*) from audit_log", Long.class)).isEqualTo(before);
    call("GET", "/api/probe/schools/" + OWN, null); // one denial, so there is a row to tamper with
    // the service's runtime role lacks the privileges (ADR 0013) ...
    assertThatThrownBy(() -> jdbc.update("update audit_log set outcome = 'SUCCEEDED'"))
        .rootCause().hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbc.update("delete from audit_log")).rootCause().hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbc.execute("truncate audit_log")).rootCause().hasMessageContaining("permission denied");
    // ... and the triggers stop even the owner
    var db = RealInfrastructure.database("chassis_security");
    try (var owner = java.sql.DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
        var s = owner.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("update audit_log set outcome = 'SUCCEEDED'")).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.executeUpdate("delete from audit_log")).hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.execute("truncate audit_log")).hasMessageContaining("append-only");
    }
    assertThat(jdbc.queryForObject("select count(*) from audit_log", Long.class)).isEqualTo(before + 1);
  }

  @Test
  void healthNeedsNoToken() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
  }

  private void assertUnauthorized(Reply r) {
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.wwwAuthenticate()).hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    assertThat(r.body().get("status").asInt()).isEqualTo(401);
    assertThat(r.body().toString()).doesNotContain("Exception").doesNotContain("127.0.0.1:8180");
  }

  private AuditLog.Entry lastAuditOf(String path) {
    List<AuditLog.Entry> latest = audit.latest(20);
    return latest.stream().filter(e -> e.target().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no audit record for " + path + " among " + latest));
  }

  private static JsonNode claims(String token) {
    return JSON.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
