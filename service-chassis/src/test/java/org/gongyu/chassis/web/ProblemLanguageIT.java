package org.gongyu.chassis.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.chassis.security.OrgUnits;
import org.gongyu.testing.OpenApiChecks;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same refused request answers in Chinese with {@code Accept-Language: zh-CN} (or zh, zh-Hans)
 * and in English with {@code en} or no header, never a mix: Bean Validation field messages (after
 * the unchanged field path), a malformed body, the service's own 404 and 409, and the 401, 403 and
 * scope 404 of the security filters. And the API description has the bearer scheme and the problem
 * answers.
 */
@SpringBootTest(
    classes = ProblemLanguageIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=chassis-i18n-it",
      "gongyu.messaging.producer=chassis-i18n-it",
      "spring.flyway.enabled=false",
      "gongyu.city.id=990100"
    })
class ProblemLanguageIT {

  private static final JsonMapper JSON = new JsonMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final RSAKey KEY = key();
  static final String OWN = "9901010001";
  static final String OTHER = "9901020001";

  @SpringBootApplication
  @Import(Probe.class)
  static class App {
    @Bean
    OrgUnits orgUnits() {
      Map<String, String> counties = Map.of(OWN, "990101", OTHER, "990102");
      return schoolId -> Optional.ofNullable(counties.get(schoolId));
    }

    @Bean
    JwtDecoder jwtDecoder() throws Exception {
      return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
    }
  }

  record Thing(@NotBlank String name, @NotNull @Min(0) Integer count, @Valid List<@Valid Part> parts) {}

  record Part(@NotBlank String label) {}

  @RestController
  static class Probe {
    @PreAuthorize("hasRole('SCHOOL_ADMIN') and @scope.school(#schoolId)")
    @PutMapping("/api/probe/schools/{schoolId}/things/{thingId}")
    Thing put(@PathVariable String schoolId, @PathVariable String thingId, @Valid @RequestBody Thing thing) {
      if (thingId.equals("missing")) {
        throw ApiProblem.notFound(Msg.msg("probe.thing-missing", thingId, schoolId));
      }
      if (thingId.equals("taken")) {
        throw ApiProblem.conflict(Msg.msg("probe.thing-taken", thingId, Msg.msg("probe.state.closed")));
      }
      if (thingId.equals("rules")) {
        throw ApiProblem.unprocessable(Msg.msg("probe.not-stored", Msg.joined(List.of(
            Msg.msg("probe.rule.too-many", "count", 12345), Msg.verbatim("name: kept as written")))),
            List.of(Msg.msg("probe.rule.too-many", "count", 12345), "name: kept as written"));
      }
      return thing;
    }

    @PreAuthorize("hasRole('SCHOOL_ADMIN') and @scope.school(#schoolId)")
    @GetMapping("/api/probe/schools/{schoolId}")
    Map<String, String> get(@PathVariable String schoolId) {
      return Map.of("schoolId", schoolId);
    }

    @PreAuthorize("hasRole('SCHOOL_ADMIN')")
    @GetMapping("/api/probe/count")
    Map<String, Integer> count(@org.springframework.web.bind.annotation.RequestParam int n) {
      return Map.of("n", n);
    }

    @PreAuthorize("hasRole('CITY_ADMIN')")
    @GetMapping("/api/probe/city")
    Map<String, String> city() {
      return Map.of("city", "990100");
    }
  }

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "chassis_i18n");
  }

  @LocalServerPort int port;

  record Reply(int status, String contentType, JsonNode body) {}

  Reply call(String method, String path, String body, String language, boolean token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (language != null) {
      b.header("Accept-Language", language);
    }
    if (token) {
      b.header("Authorization", "Bearer " + token());
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
        r.body().isBlank() ? null : JSON.readTree(r.body()));
  }

  Reply put(String thingId, String body, String language) throws Exception {
    return call("PUT", "/api/probe/schools/" + OWN + "/things/" + thingId, body, language, true);
  }

  static final String INVALID = "{\"name\":\" \",\"count\":-1,\"parts\":[{\"label\":\"\"}]}";
  static final String VALID = "{\"name\":\"x\",\"count\":1}";

  @Test
  void validationErrorsFollowTheLanguageAndKeepTheFieldPath() throws Exception {
    Reply zh = put("t1", INVALID, "zh-CN,zh;q=0.9,en;q=0.8");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.contentType()).startsWith("application/problem+json");
    assertThat(zh.body().path("title").asString()).isEqualTo("请求无效");
    assertThat(zh.body().path("detail").asString()).startsWith("请求中有 3 个字段无效：");
    assertThat(texts(zh.body().path("errors")))
        .containsExactly("count: 最小不能小于0", "name: 不能为空白", "parts[0].label: 不能为空白");
    assertNoLatinWords(zh.body().path("detail").asString().replaceAll("[a-z\\[\\]0-9.]+: ", ""));

    for (String english : new String[] {"en", "en-US", null, "fr-FR"}) {
      Reply en = put("t1", INVALID, english);
      assertThat(en.body().path("title").asString()).isEqualTo("Invalid request");
      assertThat(en.body().path("detail").asString()).isEqualTo("the request has 3 invalid field(s): "
          + "count: must be greater than or equal to 0; name: must not be blank; parts[0].label: must not be blank");
      assertThat(texts(en.body().path("errors")))
          .containsExactly("count: must be greater than or equal to 0", "name: must not be blank", "parts[0].label: must not be blank");
    }
    for (String chinese : new String[] {"zh", "zh-Hans", "zh-Hans-CN", "fr;q=0.9, zh-CN;q=0.5"}) {
      assertThat(put("t1", INVALID, chinese).body().path("title").asString()).isEqualTo("请求无效");
    }
  }

  @Test
  void aMalformedBodyIsExplainedInTheLanguage() throws Exception {
    Reply zh = put("t1", "{\"name\":\"x\",\"count\":1,\"schoolId\":\"9901020001\"}", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("title").asString()).isEqualTo("请求体格式错误");
    assertThat(zh.body().path("detail").asString())
        .startsWith("请求体不是符合要求结构的有效 JSON：其中的字段 'schoolId' 不属于此请求（此请求接受的字段：")
        .contains("count", "name", "parts");
    Reply en = put("t1", "{\"name\":\"x\",\"count\":1,\"schoolId\":\"9901020001\"}", "en");
    assertThat(en.body().path("title").asString()).isEqualTo("Malformed request body");
    assertThat(en.body().path("detail").asString()).startsWith(
        "the request body is not valid JSON of the expected shape: it has a field 'schoolId' that this request does not take (fields it takes: [");

    Reply zhType = put("t1", "{\"name\":\"x\",\"count\":\"many\"}", "zh-CN");
    assertThat(zhType.body().path("detail").asString()).isEqualTo("请求体不是符合要求结构的有效 JSON（位置：'count'）");
    assertThat(put("t1", "{\"name\":\"x\",\"count\":\"many\"}", null).body().path("detail").asString())
        .isEqualTo("the request body is not valid JSON of the expected shape (at 'count')");
    assertThat(put("t1", "{not json", "zh-CN").body().path("detail").asString()).isEqualTo("请求体不是符合要求结构的有效 JSON");
  }

  @Test
  void theServicesOwnProblemsFollowTheLanguage() throws Exception {
    Reply zh404 = put("missing", VALID, "zh-CN");
    assertThat(zh404.status()).isEqualTo(404);
    assertThat(zh404.body().path("title").asString()).isEqualTo("未找到");
    assertThat(zh404.body().path("detail").asString()).isEqualTo("学校 9901010001 没有编号为 missing 的事项");
    Reply en404 = put("missing", VALID, null);
    assertThat(en404.body().path("title").asString()).isEqualTo("Not found");
    assertThat(en404.body().path("detail").asString()).isEqualTo("thing missing is not recorded at school 9901010001");

    Reply zh409 = put("taken", VALID, "zh-CN");
    assertThat(zh409.status()).isEqualTo(409);
    assertThat(zh409.body().path("title").asString()).isEqualTo("冲突");
    assertThat(zh409.body().path("detail").asString()).isEqualTo("事项 taken 已关闭，未做任何更改");
    assertThat(put("taken", VALID, "en").body().path("detail").asString())
        .isEqualTo("thing taken is closed; nothing was changed");

    Reply zh422 = put("rules", VALID, "zh-CN");
    assertThat(zh422.status()).isEqualTo(422);
    assertThat(zh422.body().path("title").asString()).isEqualTo("请求不符合业务规则");
    assertThat(zh422.body().path("detail").asString()).isEqualTo("未保存任何内容：count 最多为 12345；name: kept as written");
    assertThat(texts(zh422.body().path("errors"))).containsExactly("count 最多为 12345", "name: kept as written");
    Reply en422 = put("rules", VALID, "en");
    assertThat(en422.body().path("detail").asString()).isEqualTo("nothing was stored: count may be at most 12345; name: kept as written");
    assertThat(texts(en422.body().path("errors"))).containsExactly("count may be at most 12345", "name: kept as written");
  }

  @Test
  void theSecurityProblemsFollowTheLanguage() throws Exception {
    Reply zh401 = call("GET", "/api/probe/schools/" + OWN, null, "zh-CN", false);
    assertThat(zh401.status()).isEqualTo(401);
    assertThat(zh401.contentType()).startsWith("application/problem+json");
    assertThat(zh401.body().path("title").asString()).isEqualTo("需要身份认证");
    assertThat(zh401.body().path("detail").asString()).isEqualTo("调用此接口需要持有者访问令牌（Bearer Token）");
    Reply en401 = call("GET", "/api/probe/schools/" + OWN, null, null, false);
    assertThat(en401.body().path("title").asString()).isEqualTo("Authentication required");
    assertThat(en401.body().path("detail").asString()).isEqualTo("this API needs a bearer access token");

    Reply zh403 = call("GET", "/api/probe/city", null, "zh-Hans", true);
    assertThat(zh403.status()).isEqualTo(403);
    assertThat(zh403.body().path("title").asString()).isEqualTo("无权访问");
    assertThat(zh403.body().path("detail").asString()).isEqualTo("您的角色无权执行此请求");
    Reply en403 = call("GET", "/api/probe/city", null, "en", true);
    assertThat(en403.body().path("title").asString()).isEqualTo("Forbidden");
    assertThat(en403.body().path("detail").asString()).isEqualTo("your role does not allow this request");

    Reply zhScope = call("GET", "/api/probe/schools/" + OTHER, null, "zh-CN", true);
    assertThat(zhScope.status()).isEqualTo(404);
    assertThat(zhScope.body().path("title").asString()).isEqualTo("未找到");
    assertThat(zhScope.body().path("detail").asString()).isEqualTo("/api/probe/schools/" + OTHER + " 处未找到任何内容");
    assertThat(call("GET", "/api/probe/schools/" + OTHER, null, "en", true).body().path("detail").asString())
        .isEqualTo("nothing found at /api/probe/schools/" + OTHER);

    assertThat(call("GET", "/api/probe/schools/" + OWN, null, "zh-CN", true).status()).isEqualTo(200);
  }

  @Test
  void theApiDescriptionDeclaresTheBearerSchemeAndTheProblems() throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
        .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "gongyu.example").header("X-Forwarded-Port", "443")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    Map<String, Object> doc = JSON.readValue(r.body(), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
    JsonNode tree = JSON.readTree(r.body());
    assertThat(tree.path("components").path("securitySchemes").path("bearer-jwt").path("description").asString())
        .contains("gongyu-cli", "/protocol/openid-connect/token");
    JsonNode put = tree.path("paths").path("/api/probe/schools/{schoolId}/things/{thingId}").path("put");
    for (String status : List.of("400", "401", "403", "404", "409", "422", "500")) {
      assertThat(put.path("responses").path(status).path("content").path("application/problem+json").path("schema").path("$ref").asString())
          .as(status).isEqualTo("#/components/schemas/ProblemDetail");
    }
    JsonNode get = tree.path("paths").path("/api/probe/city").path("get");
    assertThat(get.path("responses").has("409")).isFalse();
    assertThat(tree.path("components").path("schemas").path("ProblemDetail").path("properties").has("detail")).isTrue();
    // behind the gateway, the server URL follows X-Forwarded-*
    assertThat(tree.path("servers").path(0).path("url").asString()).isEqualTo("https://gongyu.example");
    // the probe has no @Operation: only the scheme and the problem answers are checked here
    assertThat(OpenApiChecks.shortcomings(doc)).allMatch(s -> s.endsWith("no summary") || s.endsWith("no description"));

    HttpResponse<String> ui = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs/swagger-config")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(ui.body()).path("persistAuthorization").asBoolean()).isTrue();
    assertThat(JSON.readTree(ui.body()).path("tryItOutEnabled").asBoolean()).isTrue();
  }

  @Test
  void springsOwnRefusalsFollowTheLanguage() throws Exception {
    Reply zhMissing = call("GET", "/api/probe/count", null, "zh-CN", true);
    assertThat(zhMissing.status()).isEqualTo(400);
    assertThat(zhMissing.body().path("title").asString()).isEqualTo("请求有误");
    assertThat(zhMissing.body().path("detail").asString()).isEqualTo("缺少必需的参数 'n'。");
    assertThat(call("GET", "/api/probe/count", null, "en", true).body().path("detail").asString())
        .isEqualTo("Required parameter 'n' is not present.");

    Reply zhType = call("GET", "/api/probe/count?n=many", null, "zh-CN", true);
    assertThat(zhType.status()).isEqualTo(400);
    assertThat(zhType.body().path("detail").asString()).isEqualTo("参数 'n' 的值 'many' 无法转换为所需类型");
    assertThat(call("GET", "/api/probe/count?n=many", null, null, true).body().path("detail").asString())
        .isEqualTo("Failed to convert 'n' with value: 'many'");

    Reply zhMethod = call("DELETE", "/api/probe/count", null, "zh-CN", true);
    assertThat(zhMethod.status()).isEqualTo(405);
    assertThat(zhMethod.body().path("title").asString()).isEqualTo("不支持的请求方法");
    assertThat(zhMethod.body().path("detail").asString()).isEqualTo("不支持请求方法 'DELETE'。");
    Reply enMethod = call("DELETE", "/api/probe/count", null, "en", true);
    assertThat(enMethod.body().path("title").asString()).isEqualTo("Method Not Allowed");
    assertThat(enMethod.body().path("detail").asString()).isEqualTo("Method 'DELETE' is not supported.");
  }

  private static List<String> texts(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  private static void assertNoLatinWords(String text) {
    assertThat(text).doesNotContainPattern("[A-Za-z]{3,}");
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
      return new RSAKeyGenerator(2048).keyID("i18n-test").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
