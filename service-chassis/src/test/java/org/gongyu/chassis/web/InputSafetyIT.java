package org.gongyu.chassis.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.chassis.security.OrgUnits;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12 item 8: a NUL or another control character in any text field of a body, or a number or
 * boolean where text is expected, is a 400 problem naming the field (nested and in lists too), in
 * zh-CN or en; tab, line feed and carriage return pass. Every unknown path and {@code /error} itself
 * answer problem+json 404, never HTML, whatever the {@code Accept} header says.
 */
@SpringBootTest(
    classes = InputSafetyIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=chassis-input-it",
      "gongyu.messaging.producer=chassis-input-it",
      "spring.flyway.enabled=false",
      "gongyu.city.id=990100"
    })
class InputSafetyIT {

  private static final JsonMapper JSON = new JsonMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final RSAKey KEY = key();
  static final String OWN = "9901010001";

  @SpringBootApplication
  @Import(Probe.class)
  static class App {
    @Bean
    OrgUnits orgUnits() {
      return schoolId -> OWN.equals(schoolId) ? Optional.of("990101") : Optional.empty();
    }

    @Bean
    JwtDecoder jwtDecoder() throws Exception {
      return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
    }
  }

  record Note(String title, String text, Integer count, List<Part> parts, List<String> tags, Map<String, String> extra) {}

  record Part(String label) {}

  @RestController
  static class Probe {
    @PreAuthorize("hasRole('SCHOOL_ADMIN') and @scope.school(#schoolId)")
    @PutMapping("/api/probe/schools/{schoolId}/notes/{noteId}")
    Note put(@PathVariable String schoolId, @PathVariable String noteId, @RequestBody Note note) {
      return note;
    }
  }

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "chassis_input");
  }

  @LocalServerPort int port;

  record Reply(int status, String contentType, String raw, JsonNode body) {}

  Reply call(String method, String path, String body, String language, String accept, boolean token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (language != null) {
      b.header("Accept-Language", language);
    }
    if (accept != null) {
      b.header("Accept", accept);
    }
    if (token) {
      b.header("Authorization", "Bearer " + token());
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    String ct = r.headers().firstValue("Content-Type").orElse("");
    return new Reply(r.statusCode(), ct, r.body(),
        ct.contains("json") && !r.body().isBlank() ? JSON.readTree(r.body()) : null);
  }

  Reply put(String body, String language) throws Exception {
    return call("PUT", "/api/probe/schools/" + OWN + "/notes/n1", body, language, null, true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\u009f", "\\ud800", "\\udc00x"})
  void aControlCharacterInAnyTextIsRefusedNamingTheField(String escaped) throws Exception {
    for (String[] c : new String[][] {
        {"{\"title\":\"a" + escaped + "b\"}", "title"},
        {"{\"title\":\"ok\",\"parts\":[{\"label\":\"x\"},{\"label\":\"" + escaped + "\"}]}", "parts[1].label"},
        {"{\"tags\":[\"ok\",\"x" + escaped + "\"]}", "tags[1]"},
        {"{\"extra\":{\"k\":\"" + escaped + "\"}}", "extra.k"}}) {
      Reply en = put(c[0], "en");
      assertThat(en.status()).as(c[0]).isEqualTo(400);
      assertThat(en.contentType()).startsWith("application/problem+json");
      assertThat(en.body().path("detail").asString()).as(c[0])
          .startsWith(c[1] + ": contains the control character U+")
          .endsWith("text may hold no control characters other than tab, line feed and carriage return");
      Reply zh = put(c[0], "zh-CN");
      assertThat(zh.status()).isEqualTo(400);
      assertThat(zh.body().path("detail").asString()).startsWith(c[1] + "：含有控制字符 U+");
      assertThat(zh.body().path("title").asString()).isEqualTo("请求有误");
    }
    assertThat(put("{\"title\":\"a\\u0000\"}", "en").body().path("detail").asString())
        .startsWith("title: contains the control character U+0000;");
  }

  @Test
  void tabLineFeedAndCarriageReturnAndOrdinaryTextPass() throws Exception {
    Reply ok = put("{\"title\":\"家长学校\\t讲座\",\"text\":\"第一行\\r\\n第二行 😀 ＠ é\",\"count\":3,"
        + "\"parts\":[{\"label\":\"x\"}],\"tags\":[\"a\"],\"extra\":{\"k\":\"v\"}}", "en");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body().path("text").asString()).isEqualTo("第一行\r\n第二行 😀 ＠ é");
    assertThat(put("{\"title\":null}", "en").status()).isEqualTo(200);
  }

  @Test
  void aNumberOrBooleanWhereTextIsExpectedIsRefusedNotCoerced() throws Exception {
    for (String[] c : new String[][] {
        {"{\"title\":12}", "title: must be text (a JSON string), not a number"},
        {"{\"title\":1.5}", "title: must be text (a JSON string), not a number"},
        {"{\"text\":true}", "text: must be text (a JSON string), not a boolean"},
        {"{\"parts\":[{\"label\":0}]}", "parts[0].label: must be text (a JSON string), not a number"},
        {"{\"tags\":[\"a\",false]}", "tags[1]: must be text (a JSON string), not a boolean"},
        {"{\"title\":{\"a\":1}}", "title: must be text (a JSON string), not an object"},
        {"{\"title\":[\"a\"]}", "title: must be text (a JSON string), not an array"}}) {
      Reply en = put(c[0], "en");
      assertThat(en.status()).as(c[0]).isEqualTo(400);
      assertThat(en.body().path("detail").asString()).as(c[0]).isEqualTo(c[1]);
    }
    assertThat(put("{\"title\":12}", "zh-CN").body().path("detail").asString())
        .isEqualTo("title：必须是文本（JSON 字符串），而不是数字");
    // other unreadable bodies are explained as before
    assertThat(put("{\"count\":\"many\"}", "en").body().path("detail").asString())
        .isEqualTo("the request body is not valid JSON of the expected shape (at 'count')");
  }

  @Test
  void unknownPathsAndTheErrorPathAreProblemJson404() throws Exception {
    for (String accept : new String[] {null, "text/html,application/xhtml+xml,*/*;q=0.8", "application/json"}) {
      for (String path : new String[] {"/error", "/nope", "/api/probe/unknown", "/api/probe/schools/" + OWN + "/notes",
          "/error/x", "/static/../../etc/passwd"}) {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
          Reply r = call(method, path, null, "en", accept, true);
          String what = method + " " + path + " Accept " + accept;
          if (r.status() == 405) {
            assertThat(r.contentType()).as(what).startsWith("application/problem+json");
            continue;
          }
          assertThat(r.status()).as(what).isIn(400, 404);
          assertThat(r.contentType()).as(what).startsWith("application/problem+json");
          assertThat(r.raw()).as(what).doesNotContain("<html", "Whitelabel", "Exception", "trace");
        }
      }
    }
    // a NUL or another control character in the path or the query: refused as a bad request, never a 500
    for (String path : new String[] {"/api/probe/schools/" + OWN + "/notes/n%00", "/api/probe/schools/" + OWN + "%0a/notes/n1",
        "/api/probe/schools/" + OWN + "/notes/n1?x=%00", "/nope%00"}) {
      Reply r = call("PUT", path, "{\"title\":\"x\"}", "en", null, true);
      if (path.contains("?")) {
        assertThat(r.status()).as("a query parameter the endpoint does not read is ignored").isEqualTo(200);
        continue;
      }
      assertThat(r.status()).as(path).isIn(400, 404);
      assertThat(r.contentType()).as(path).startsWith("application/problem+json");
    }
    Reply error = call("GET", "/error", null, "zh-CN", "text/html", false);
    assertThat(error.status()).isEqualTo(404);
    assertThat(error.contentType()).startsWith("application/problem+json");
    assertThat(error.body().path("title").asString()).isEqualTo("未找到");
    Reply en = call("GET", "/error", null, "en", null, true);
    assertThat(en.body().path("detail").asString()).isEqualTo("nothing found at /error");
    assertThat(call("GET", "/nope", null, "en", null, true).status()).isEqualTo(404);
    // anonymous: the security filters answer first, still problem+json
    Reply anonymous = call("GET", "/nope", null, "en", "text/html", false);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
  }

  private static String token() throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject("u-1").claim("preferred_username", "school-admin-1")
        .claim("realm_access", Map.of("roles", List.of("school-admin")))
        .claim("school_id", OWN).claim("county_id", "990101").claim("city_id", "990100")
        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000))
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(KEY));
    return jwt.serialize();
  }

  private static RSAKey key() {
    try {
      return new RSAKeyGenerator(2048).keyID("input-test").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
