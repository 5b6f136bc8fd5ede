package org.gongyu.city;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gongyu.testing.OpenApiChecks;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The city's own problems answer in Chinese for {@code Accept-Language: zh-CN} and in English
 * otherwise (the same refusal, whole sentences in one language), and its API description is
 * complete for people who call it directly.
 */
class LanguageAndApiDocsIT extends CityApiItSupport {

  ResponseEntity<JsonNode> get(String path, String language) {
    RestClient.RequestHeadersSpec<?> request = http.get().uri(path);
    if (language != null) {
      request = request.header("Accept-Language", language);
    }
    return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> post(String path, String json, String language) {
    return http.post().uri(path).header("Accept-Language", language).contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  @Test
  void aMissingIndicatorIsExplainedInTheRequestsLanguage() {
    ResponseEntity<JsonNode> zh = get("/api/city/catalogue/NO_SUCH_CODE", "zh-CN");
    assertProblem(zh, 404, "指标目录中没有指标 NO_SUCH_CODE");
    assertThat(zh.getBody().get("title").asString()).isEqualTo("未找到");
    ResponseEntity<JsonNode> en = get("/api/city/catalogue/NO_SUCH_CODE", null);
    assertThat(en.getBody().get("detail").asString()).isEqualTo("the catalogue has no indicator NO_SUCH_CODE");
    assertThat(en.getBody().get("title").asString()).isEqualTo("Not found");
  }

  @Test
  void theRulesOfAStandardAreListedInTheRequestsLanguage() {
    String body = """
        {"titleZh":"标准","titleEn":"Standard","passMark":1,"areas":[]}""";
    ResponseEntity<JsonNode> zh = post("/api/city/standards/LANG-TEST/versions", body, "zh-CN");
    assertProblem(zh, 422, "该标准有 1 处问题：areas: 标准至少需要一个任务领域");
    assertThat(zh.getBody().get("errors").get(0).asString()).isEqualTo("areas: 标准至少需要一个任务领域");
    ResponseEntity<JsonNode> en = post("/api/city/standards/LANG-TEST/versions", body, "en");
    assertThat(en.getBody().get("detail").asString()).isEqualTo("the standard has 1 problem(s): areas: a standard needs at least one task area");
    assertThat(en.getBody().get("errors").get(0).asString()).isEqualTo("areas: a standard needs at least one task area");
  }

  /** Issue 12 item 8 in this service: a NUL in a text, a number for a text, unknown paths and /error. */
  @Test
  void controlCharactersNumbersForTextUnknownPathsAndTheErrorPathAreProblems() {
    assertProblem(put("/api/city/counties/990199", "{\"name\":\"县\\u0000\"}"), 400, "name: contains the control character U+0000");
    assertProblem(put("/api/city/counties/990199", "{\"name\":12}"), 400, "name: must be text (a JSON string), not a number");
    assertThat(get("/api/city/counties/990199").getStatusCode().value()).as("nothing stored").isEqualTo(404);
    for (String unknown : new String[] {"/error", "/api/city/nope", "/api/city/counties/990199/nope"}) {
      ResponseEntity<JsonNode> answer = get(unknown);
      assertThat(answer.getStatusCode().value()).as(unknown).isEqualTo(404);
      assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).as(unknown).isTrue();
    }
  }

  @Test
  void theApiDescriptionHasTheBearerSchemeASummaryPerOperationAndTheProblemAnswers() {
    Map<String, Object> doc = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs")
        .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(OpenApiChecks.shortcomings(doc)).isEmpty();
    assertThat(OpenApiChecks.apiOperations(doc)).isEqualTo(80); // + the three of county-owned surveys and the nomination edit; + the four of assessment adjustments, its PDF and a county's own rows (ADR 0028); + the 14 of training and certification (ADR 0025); + the nine of the management assessment (ADR 0028); + the eight of surveys and the seven of the problem list and topic bank (ADR 0026); + the six of the notification inbox, the four of period approval (ADR 0019), the 13 of the lecturer registry (ADR 0024)
  }

  @Test
  void everyOperationSaysWhoMayCallIt() {
    JsonNode doc = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
    JsonNode setTarget = doc.get("paths").get("/api/city/catalogue/{code}/targets/{periodId}").get("put");
    assertThat(setTarget.get("description").asString()).contains("`city-admin`", "@scope.city()");
    assertThat(List.of(setTarget.get("responses").propertyNames().toArray()))
        .contains("400", "401", "403", "404", "409", "422", "500");
  }
}
