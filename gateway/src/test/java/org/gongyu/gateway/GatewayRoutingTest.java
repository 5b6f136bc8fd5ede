package org.gongyu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in front of four stub services (plain JDK HTTP servers standing in for the real ones,
 * which are this unit's downstreams): each prefix reaches its own service with path, query and
 * body unchanged; anything else is a 404 problem; a service that is down is a 5xx problem that
 * names no internal host.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

  private static final JsonMapper JSON = new JsonMapper();
  private static final Map<String, Stub> SERVICES = Map.of(
      "school", new Stub("school"),
      "district", new Stub("district"),
      "city", new Stub("city"),
      "reporting", new Stub("reporting"));

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) {
    SERVICES.forEach((name, stub) -> registry.add("gongyu.routes." + name, stub::url));
  }

  @AfterAll
  static void stopStubs() {
    SERVICES.values().forEach(Stub::stop);
  }

  @LocalServerPort int port;
  private WebTestClient client;

  @BeforeEach
  void client() {
    client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    SERVICES.values().forEach(s -> s.received.clear());
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
    Received received = SERVICES.get(service).received.poll(5, TimeUnit.SECONDS);
    assertThat(received).isNotNull();
    assertThat(received.method()).isEqualTo("POST");
    assertThat(received.rawPath()).isEqualTo(path);
    assertThat(received.rawQuery()).isEqualTo(query);
    assertThat(received.body()).isEqualTo(body);
    assertThat(received.contentType()).startsWith("application/json");
    SERVICES.forEach((name, stub) -> {
      if (!name.equals(service)) {
        assertThat(stub.received).as(name + " must not see the request").isEmpty();
      }
    });
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
    for (String path : new String[] {"/api/other", "/api/schoolx/1", "/"}) {
      EntityExchangeResult<String> result = client.get().uri(path)
          .exchange()
          .expectStatus().isNotFound()
          .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody(String.class).returnResult();

      JsonNode problem = JSON.readTree(result.getResponseBody());
      assertThat(problem.get("status").intValue()).isEqualTo(404);
      assertThat(problem.get("detail").asString()).isEqualTo("no API serves " + path);
    }
    SERVICES.values().forEach(s -> assertThat(s.received).isEmpty());
  }

  @Test
  void aServiceThatIsDownIsAServerErrorProblemThatNamesNoInternalHost() throws Exception {
    Stub city = SERVICES.get("city");
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
  void exposesProbesAndMetrics() {
    client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    client.get().uri("/actuator/prometheus").exchange()
        .expectStatus().isOk()
        .expectBody(String.class).value(text -> assertThat(text).contains("jvm_memory_used_bytes"));
  }

  // ---- stub services

  record Received(String method, String rawPath, String rawQuery, String contentType, String body) {}

  /** A stand-in service: records each request and answers which service it is. */
  static final class Stub {
    final String name;
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final int port;
    private HttpServer server;

    Stub(String name) {
      this.name = name;
      this.port = bind(0).getAddress().getPort();
    }

    String url() {
      return "http://127.0.0.1:" + port;
    }

    void start() {
      bind(port);
    }

    void stop() {
      server.stop(0);
    }

    private HttpServer bind(int at) {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), at), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/", this::handle);
      server.start();
      return server;
    }

    private void handle(HttpExchange ex) throws IOException {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      URI uri = ex.getRequestURI();
      received.add(new Received(ex.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(),
          String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")), body));
      int status = 200;
      String contentType = "application/json";
      String answer = "{\"servedBy\":\"" + name + "\"}";
      if (uri.getRawPath().contains("/NOPE/")) {
        status = 404;
        contentType = "application/problem+json";
        answer = "{\"status\":404,\"detail\":\"indicator NOPE is not in the catalogue (from " + name + ")\"}";
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", contentType);
      ex.sendResponseHeaders(status, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    }
  }
}
