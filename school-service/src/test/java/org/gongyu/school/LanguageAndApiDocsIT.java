package org.gongyu.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.OpenApiChecks;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The school's own problems and its field validation answer in Chinese for
 * {@code Accept-Language: zh-CN} and in English otherwise, whole sentences in one language; and its
 * API description is complete for people who call it directly.
 */
class LanguageAndApiDocsIT extends HttpItSupport {

  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final String SCHOOL = "9901017701";
  static final JsonMapper JSON = new JsonMapper();

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_i18n");
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-i18n");
    Keycloak.register(registry);
  }

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Override
  protected Instant now() {
    return NOW;
  }

  record Answer(int status, String contentType, JsonNode body) {}

  Answer call(String method, String path, String json, String language) {
    var request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (json != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()), JSON.readTree(res.getBody().readAllBytes())), true);
  }

  @Test
  void anUnregisteredSchoolIsExplainedInTheRequestsLanguage() {
    Answer zh = call("GET", "/api/school/schools/9901017799/classes", null, "zh-CN");
    assertThat(zh.status()).isEqualTo(404);
    assertThat(zh.contentType()).startsWith("application/problem+json");
    assertThat(zh.body().path("title").asString()).isEqualTo("未找到");
    assertThat(zh.body().path("detail").asString()).isEqualTo("学校 9901017799 未登记");
    Answer en = call("GET", "/api/school/schools/9901017799/classes", null, null);
    assertThat(en.body().path("title").asString()).isEqualTo("Not found");
    assertThat(en.body().path("detail").asString()).isEqualTo("school 9901017799 is not registered");
  }

  @Test
  void aPeriodOfTheWrongTypeIsExplainedInTheRequestsLanguage() {
    registerSchool(SCHOOL);
    String path = "/api/school/schools/" + SCHOOL + "/suggestions?schoolYear=2026-2027-1";
    Answer zh = call("GET", path, null, "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("title").asString()).isEqualTo("请求有误");
    assertThat(zh.body().path("detail").asString())
        .isEqualTo("schoolYear: 期间 '2026-2027-1' 是学期，但该指标按学年评价，例如 2025-2026");
    assertThat(call("GET", path, null, "en").body().path("detail").asString())
        .isEqualTo("schoolYear: '2026-2027-1' is a semester, but this indicator is evaluated per school year, e.g. 2025-2026");
  }

  @Test
  void fieldValidationAndMalformedBodiesAreInTheRequestsLanguage() {
    registerSchool(SCHOOL);
    String path = "/api/school/schools/" + SCHOOL + "/platform-learning";
    Answer zh = call("POST", path, "{\"activities\":[]}", "zh-CN");
    assertThat(zh.status()).isEqualTo(400);
    assertThat(zh.body().path("title").asString()).isEqualTo("请求无效");
    assertThat(zh.body().path("errors").get(0).asString()).isEqualTo("activities: 不能为空");
    assertThat(zh.body().path("detail").asString()).isEqualTo("请求中有 1 个字段无效：activities: 不能为空");
    Answer en = call("POST", path, "{\"activities\":[]}", "en");
    assertThat(en.body().path("errors").get(0).asString()).isEqualTo("activities: must not be empty");

    Answer unknown = call("POST", path, "{\"activities\":[],\"schoolId\":\"9901020001\"}", "zh-CN");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().path("detail").asString()).startsWith("请求体不是符合要求结构的有效 JSON：其中的字段 'schoolId' 不属于此请求");
  }

  /** Issue 12 item 8 in this service: a NUL in a text, a number for a text, an unknown path and /error. */
  @Test
  void controlCharactersNumbersForTextUnknownPathsAndTheErrorPathAreProblems() {
    registerSchool(SCHOOL);
    String path = "/api/school/schools/" + SCHOOL + "/parent-school";
    Answer nul = call("PUT", path,
        "{\"headName\":\"王芳\",\"establishedOn\":\"2025-09-01\",\"structure\":\"a\\u0000b\",\"rules\":\"r\"}", "en");
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.contentType()).startsWith("application/problem+json");
    assertThat(nul.body().path("detail").asString()).startsWith("structure: contains the control character U+0000");
    Answer number = call("PUT", path, "{\"headName\":12,\"establishedOn\":\"2025-09-01\",\"structure\":\"s\",\"rules\":\"r\"}", "zh-CN");
    assertThat(number.status()).isEqualTo(400);
    assertThat(number.body().path("detail").asString()).isEqualTo("headName：必须是文本（JSON 字符串），而不是数字");
    assertThat(call("GET", path, null, "en").status()).as("nothing stored").isEqualTo(404);

    for (String unknown : new String[] {"/error", "/nope", "/api/school/nope", "/api/school/schools/" + SCHOOL + "/nope"}) {
      Answer a = call("GET", unknown, null, "en");
      // the test client sends a token only on paths of a school: elsewhere the answer is the 401 problem
      assertThat(a.status()).as(unknown).isEqualTo(unknown.contains(SCHOOL) || unknown.equals("/error") ? 404 : 401);
      assertThat(a.contentType()).as(unknown).startsWith("application/problem+json");
    }
  }

  @Test
  void theFindingsOfARuleCheckAreListedInTheRequestsLanguage() {
    registerSchool(SCHOOL);
    String path = "/api/school/schools/" + SCHOOL + "/suggestions/s-lang-1";
    // the clock stands at 2026-11-23
    String body = "{\"receivedOn\":\"2027-01-05\",\"category\":\"SAFETY\",\"channel\":\"MAILBOX\",\"status\":\"OPEN\"}";
    Answer zh = call("PUT", path, body, "zh-CN");
    assertThat(zh.status()).isEqualTo(422);
    assertThat(zh.body().path("title").asString()).isEqualTo("请求不符合业务规则");
    assertThat(zh.body().path("errors").get(0).asString()).isEqualTo("receivedOn: 2027-01-05 是将来的日期");
    assertThat(zh.body().path("detail").asString()).isEqualTo("家长意见建议未记录：receivedOn: 2027-01-05 是将来的日期");
    Answer en = call("PUT", path, body, "en");
    assertThat(en.body().path("errors").get(0).asString()).isEqualTo("receivedOn: 2027-01-05 is in the future");
    assertThat(en.body().path("detail").asString()).isEqualTo("the suggestion was not recorded: receivedOn: 2027-01-05 is in the future");
  }

  @Test
  void theApiDescriptionHasTheBearerSchemeASummaryPerOperationAndTheProblemAnswers() {
    Map<String, Object> doc = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs")
        .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(OpenApiChecks.shortcomings(doc)).isEmpty();
    assertThat(OpenApiChecks.apiOperations(doc)).isEqualTo(171); // + the five of surveys and the four of topic claims (ADR 0026); + the parent-school lecturers list (issue 17 item 2); + the ten of committee members, elections, activities and declarations (issue 17 item 1); + the five of open-school events, the seven of reading campaigns, the nine of guard duty and the five of practice bases (issue 17 item 4); + the three of period sign-off, the three of late submissions and the six of the notification inbox (issue 15); + the seven of Excel import (issue 14) and the seven of the county's import of school records; + the five of six-ones items, of home-contact items, of platform-registration, platform-learning, platform-recommendation and consultation-outreach items, and of home-visit files (issue 13 item 1)
  }
}
