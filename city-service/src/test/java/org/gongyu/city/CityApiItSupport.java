package org.gongyu.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * What the ITs of the city's own API (catalogue, demonstration standards) share: one application
 * context over one database ({@code city_api}) and the JVM's broker, HTTP with Keycloak tokens, the
 * access matrix, problem assertions. Its county-rollup listener does not start: these ITs consume
 * nothing, and a context that never joins the {@code city-service} consumer group can stay cached
 * without taking partitions from {@link CityRollupIT}'s listeners (which is why CityRollupIT has a
 * context of its own). The subclasses keep apart by what they read: each only its own topic's
 * events whose ids this database's outbox holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.listener.auto-startup=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CityApiItSupport {

  protected static final Duration PATIENCE = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "city_api");
    Keycloak.register(r);
    r.add("gongyu.messaging.poll-interval", () -> "200ms");
  }

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;
  /** Acting as the user the path suggests ({@code Keycloak.actingByPath()}: city-admin for /api/city). */
  protected RestClient http;
  protected AccessMatrix.Client matrix;

  @BeforeAll
  void connect() {
    http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(Keycloak.actingByPath()).build();
    matrix = AccessMatrix.overHttp("http://localhost:" + port);
  }

  protected long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  protected void awaitOutboxDrained() {
    await().atMost(PATIENCE).until(() -> count("select count(*) from outbox_event where published_at is null") == 0);
  }

  protected ResponseEntity<JsonNode> get(String path) {
    return http.get().uri(path).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  protected ResponseEntity<JsonNode> put(String path, String json) {
    return send(http.put().uri(path), json);
  }

  protected ResponseEntity<JsonNode> post(String path, String json) {
    return send(http.post().uri(path), json);
  }

  private static ResponseEntity<JsonNode> send(RestClient.RequestBodySpec request, String json) {
    return request.contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  protected static void assertProblem(ResponseEntity<JsonNode> response, int status, String detailContains) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isNotNull();
    assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(response.getBody().get("detail").asString()).contains(detailContains);
  }
}
