package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gongyu.testing.OpenApiChecks;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The county's own problems answer in Chinese for {@code Accept-Language: zh-CN} and in English
 * otherwise, whole sentences in one language; and the API description is complete for people who
 * call it directly.
 */
class LanguageAndApiDocsIT extends DistrictITSupport {

  ResponseEntity<JsonNode> get(String path, String language) {
    RestClient.RequestHeadersSpec<?> request = http.get().uri(path);
    if (language != null) {
      request = request.header("Accept-Language", language);
    }
    return request.retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  @Test
  void anUnregisteredCountyIsExplainedInTheRequestsLanguage() {
    ResponseEntity<JsonNode> zh = get("/api/district/counties/990199/deadlines", "zh-CN");
    assertThat(zh.getStatusCode().value()).isEqualTo(404);
    assertThat(zh.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(zh.getBody().get("title").asString()).isEqualTo("未找到");
    assertThat(zh.getBody().get("detail").asString()).isEqualTo("区县 990199 未登记");
    ResponseEntity<JsonNode> en = get("/api/district/counties/990199/deadlines", null);
    assertThat(en.getBody().get("title").asString()).isEqualTo("Not found");
    assertThat(en.getBody().get("detail").asString()).isEqualTo("county 990199 is not registered");
  }

  @Test
  void aPeriodOfTheWrongTypeIsExplainedInTheRequestsLanguage() {
    String path = "/api/district/counties/990102/rollups/" + PLATFORM + "/2026";
    ResponseEntity<JsonNode> zh = get(path, "zh-CN");
    assertThat(zh.getStatusCode().value()).isEqualTo(400);
    assertThat(zh.getBody().get("title").asString()).isEqualTo("请求有误");
    assertThat(zh.getBody().get("detail").asString()).startsWith("periodId: 期间 '2026' 是自然年，但该指标按学期评价，例如 ");
    assertThat(get(path, "en").getBody().get("detail").asString())
        .startsWith("periodId: '2026' is a calendar year, but this indicator is evaluated per semester, e.g. ");
  }

  /** Issue 12 item 8 in this service: a NUL in a text, a number for a text, unknown paths and /error. */
  @Test
  void controlCharactersNumbersForTextUnknownPathsAndTheErrorPathAreProblems() {
    ResponseEntity<JsonNode> nul = putXuequRaw("990102", "XQ-NUL", "{\"name\":\"学区\\u0000\"}");
    assertThat(nul.getStatusCode().value()).isEqualTo(400);
    assertThat(nul.getBody().get("detail").asString()).startsWith("name: contains the control character U+0000");
    ResponseEntity<JsonNode> number = putXuequRaw("990102", "XQ-NUL", "{\"name\":12}");
    assertThat(number.getStatusCode().value()).isEqualTo(400);
    assertThat(number.getBody().get("detail").asString()).isEqualTo("name: must be text (a JSON string), not a number");
    assertThat(get("/api/district/counties/990102/xuequ", null).getBody().toString()).as("nothing stored").doesNotContain("XQ-NUL");
    for (String unknown : new String[] {"/error", "/api/district/counties/990102/nope"}) {
      ResponseEntity<JsonNode> answer = get(unknown, "en");
      assertThat(answer.getStatusCode().value()).as(unknown).isEqualTo(404);
      assertThat(answer.getHeaders().getContentType().toString()).as(unknown).startsWith("application/problem+json");
    }
  }

  @Test
  void theApiDescriptionHasTheBearerSchemeASummaryPerOperationAndTheProblemAnswers() {
    Map<String, Object> doc = RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs")
        .retrieve().body(new ParameterizedTypeReference<Map<String, Object>>() {});
    assertThat(OpenApiChecks.shortcomings(doc)).isEmpty();
    // 40, the two PDFs (scoresheet, application form), the three steps of a past cycle (ADR 0015)
    // and the removal of an assessor from the panel (issue 13 item 3)
    // and the registry's Excel import (issue 14: templates, template, upload, jobs, job, cancellation, errors: 7)
    // and the inbox (ADR 0019: list, unread count, mark read, mark all read, get and put preferences: 6), and period approval (overview, one school, approve, return, reopen, submit: 6)
    // and a 学区's figures (issue 17 item 6: one indicator, the scorecard: 2)
    // and closing or merging a school (issue 17 item 6: 1)
    assertThat(OpenApiChecks.apiOperations(doc)).isEqualTo(81); // + the two of the 学区 arrangement; + the eight of the 学区 assessment (ADR 0028), + its two adjustment endpoints and its PDF
  }
}
