package org.gongyu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's OpenAPI document, committed as {@code web/openapi/reporting.json} (the web app
 * generates its TypeScript types from it). With {@code -Dgongyu.openapi.write=true} this test
 * writes the live document there (pretty, keys sorted, without the test server's address);
 * otherwise it fails when the committed file and the live document differ, so an API change
 * cannot go unnoticed by the web app.
 */
class OpenApiDocumentIT extends ReportingITSupport {

  static final Path COMMITTED = Path.of("..", "web", "openapi", "reporting.json");
  private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  @LocalServerPort int port;

  @Test
  void committedOpenApiDocumentIsTheLiveOne() throws Exception {
    String live = stable(RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve()
        .body(String.class));

    if (Boolean.getBoolean("gongyu.openapi.write")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, live, StandardCharsets.UTF_8);
      System.out.println("wrote " + COMMITTED.toAbsolutePath().normalize());
    }
    assertThat(Files.exists(COMMITTED))
        .as(COMMITTED + " is missing: run ./mvnw -pl reporting-service verify -Dit.test=OpenApiDocumentIT "
            + "-Dgongyu.openapi.write=true")
        .isTrue();
    assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
        .as(COMMITTED + " differs from the live document: regenerate it with -Dgongyu.openapi.write=true and commit it")
        .isEqualTo(live);
  }

  @Test
  void everyOperationHasASummaryADescriptionAndATag() throws Exception {
    Map<?, ?> doc = JSON.readValue(RestClient.create("http://localhost:" + port).get().uri("/v3/api-docs").retrieve()
        .body(String.class), Map.class);
    List<String> lacking = new ArrayList<>();
    ((Map<?, ?>) doc.get("paths")).forEach((path, item) -> ((Map<?, ?>) item).forEach((method, op) -> {
      Map<?, ?> operation = (Map<?, ?>) op;
      if (isBlank(operation.get("summary")) || isBlank(operation.get("description")) || operation.get("tags") == null) {
        lacking.add(method + " " + path);
      }
    }));
    assertThat(lacking).isEmpty();
  }

  private static boolean isBlank(Object text) {
    return text == null || text.toString().isBlank();
  }

  /** Keys sorted at every level, the test server's address left out, pretty-printed, one newline at the end. */
  static String stable(String document) {
    Object tree = JSON.readValue(document, Object.class);
    if (tree instanceof Map<?, ?> map) {
      map.remove("servers");
    }
    return JSON.writeValueAsString(sorted(tree)).replace("\r\n", "\n") + "\n";
  }

  private static Object sorted(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new TreeMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
      return out;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(OpenApiDocumentIT::sorted).toList();
    }
    return node;
  }
}
