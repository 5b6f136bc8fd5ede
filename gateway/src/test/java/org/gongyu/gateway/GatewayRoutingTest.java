package org.gongyu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.gongyu.gateway.StubService.Received;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in front of four stub services (plain JDK HTTP servers standing in for the real ones,
 * which are this unit's downstreams), called by an API client with a real bearer token: each prefix
 * reaches its own service with path, query and body unchanged; anything else is a 404 problem; a
 * service that is down is a 5xx problem that names no internal host.
 */
class GatewayRoutingTest extends GatewayTestBase {

  private static final JsonMapper JSON = new JsonMapper();

  private WebTestClient client;

  @BeforeEach
  void client() {
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
        .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + Keycloak.accessToken(Keycloak.CLI, "staff-9901010001"))
        .build();
  }

  @ParameterizedTest
  @CsvSource({
    "school,    /api/school/schools/9901010001/home-visits",
    "district,  /api/district/counties/990101/schools",
    "city,      /api/city/catalogue/indicators/PLATFORM_REGISTRATION",
    "reporting, /api/reports/indicators/PLATFORM_REGISTRATION/periods/2026-2027-1"
  })
  void eachPrefixReachesItsOwnServiceWithPathQueryAndBodyIntact(String service, String path) throws Exception {
    String query = "name=%E5%9F%8E%E5%85%B3&page=2&flag";
    String body = "{\"name\":\"城关一小\",\"xuequId\":\"990101-XQ1\"}";

    EntityExchangeResult<String> result = client.post().uri(URI.create("http://localhost:" + port + path + "?" + query))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus().isOk()
        .expectBody(String.class).returnResult();

    assertThat(JSON.readTree(result.getResponseBody()).get("servedBy").asString()).isEqualTo(service);
    Received received = StubService.of(service).received.poll(5, TimeUnit.SECONDS);
    assertThat(received).isNotNull();
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.rawPath()).isEqualTo(path);
    assertThat(received.rawQuery()).isEqualTo(query);
    assertThat(received.body()).isEqualTo(body);
    assertThat(received.contentType()).startsWith("application/json");
    StubService.ALL.forEach((name, stub) -> {
      if (!name.equals(service)) {
        assertThat(stub.received).as(name + " must not see the request").isEmpty();
      }
    });
  }

  /**
   * ADR 0030: a request's trace goes on to the service: the gateway continues the caller's
   * {@code traceparent} (or starts a trace) and sends the service a {@code traceparent} of the same
   * trace with the gateway's own span as parent.
   */
  @Test
  void theServiceGetsTheCallersTraceWithTheGatewaysSpanAsParent() throws Exception {
    StubService.forgetAll();
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String callerSpan = "00f067aa0ba902b7";
    client.get().uri("/api/district/counties/990101/schools")
        .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
        .exchange()
        .expectStatus().isOk();
    Received received = StubService.of("district").received.poll(5, TimeUnit.SECONDS);
    assertThat(received).isNotNull();
    assertThat(received.traceparent()).matches("00-" + traceId + "-[0-9a-f]{16}-01")
        .doesNotContain(callerSpan);
  }

  /**
   * An Excel import (ADR 0017) as large as the services accept (20 MB) reaches the service byte for
   * byte: the gateway sets no request-size limit and does not read multipart bodies on API paths
   * (CSRF comes from the header there), it streams them.
   */
  @Test
  void aMultipartUploadAsLargeAsTheImportLimitReachesTheServiceIntact() throws Exception {
    String boundary = "gongyu-import-boundary";
    StringBuilder file = new StringBuilder(20 * 1024 * 1024 + 64);
    java.util.Random random = new java.util.Random(14);
    while (file.length() < 20 * 1024 * 1024) {
      file.append((char) ('A' + random.nextInt(26)));
    }
    String body = "--" + boundary + "\r\n"
        + "Content-Disposition: form-data; name=\"file\"; filename=\"schools.xlsx\"\r\n"
        + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
        + file + "\r\n--" + boundary + "--\r\n";
    String path = "/api/district/counties/990101/imports/schools";

    client.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build()
        .post().uri(path)
        .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
        .bodyValue(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .exchange()
        .expectStatus().isOk();

    Received received = StubService.of("district").received.poll(10, TimeUnit.SECONDS);
    assertThat(received).isNotNull();
    assertThat(received.rawPath()).isEqualTo(path);
    MediaType sent = MediaType.parseMediaType(received.contentType());
    assertThat(sent.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)).isTrue();
    assertThat(sent.getParameter("boundary")).isEqualTo(boundary);
    assertThat(received.body().length()).isEqualTo(body.length());
    assertThat(received.body().equals(body)).as("the body arrives unchanged").isTrue();
  }

  @Test
  void serviceErrorsPassThroughUntouched() {
    client.get().uri("/api/reports/indicators/NOPE/periods/2026-2027-1")
        .exchange()
        .expectStatus().isNotFound()
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail").isEqualTo("indicator NOPE is not in the catalogue (from reporting)");
  }

  @Test
  void pathsNoServiceOwnsAreNotFoundProblems() throws Exception {
    // "/" is the gateway's landing page now, so the non-API path is another one.
    for (String path : new String[] {"/api/other", "/api/schoolx/1", "/nothing/here"}) {
      EntityExchangeResult<String> result = client.get().uri(path)
          .exchange()
          .expectStatus().isNotFound()
          .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody(String.class).returnResult();

      JsonNode problem = JSON.readTree(result.getResponseBody());
      assertThat(problem.get("status").intValue()).isEqualTo(404);
      assertThat(problem.get("detail").asString()).isEqualTo("no API serves " + path);
    }
    StubService.ALL.values().forEach(s -> assertThat(s.received).isEmpty());
  }

  @Test
  void aServiceThatIsDownIsAServerErrorProblemThatNamesNoInternalHost() throws Exception {
    StubService city = StubService.of("city");
    city.stop();
    try {
      EntityExchangeResult<String> result = client.get().uri("/api/city/counties")
          .exchange()
          .expectStatus().is5xxServerError()
          .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody(String.class).returnResult();

      assertThat(result.getStatus().value()).isIn(502, 503);
      String body = result.getResponseBody();
      assertThat(JSON.readTree(body).get("detail").asString()).contains("the city service");
      assertThat(body).doesNotContain("127.0.0.1", "localhost", ":" + city.port, "Connection refused");
    } finally {
      city.start();
    }
  }

  @Test
  void aServiceThatDoesNotAnswerInTimeIsAGatewayTimeoutProblemAndTheClientIsNotLeftWaiting() throws Exception {
    // the stub would answer 200 after 8 s: a 504 means the configured response timeout (4 s here) binds
    EntityExchangeResult<String> result = client.mutate().responseTimeout(java.time.Duration.ofSeconds(20)).build()
        .get().uri("/api/school/schools/9901010001/SLOW/indicators")
        .exchange()
        .expectStatus().isEqualTo(504)
        .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody(String.class).returnResult();
    String body = result.getResponseBody();
    assertThat(JSON.readTree(body).get("detail").asString()).contains("the school service");
    assertThat(body).doesNotContain("127.0.0.1", "localhost", ":" + StubService.of("school").port);
  }

  @Test
  void probesAndMetricsArePublic() {
    WebTestClient anonymous = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    anonymous.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    anonymous.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    anonymous.get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(text -> assertThat(text).contains("jvm_memory_used_bytes")
            // the latency buckets the dashboard's p95 per service needs (docs/observability.md)
            .contains("http_server_requests_seconds_bucket{application=\"gateway\","));
  }
}
