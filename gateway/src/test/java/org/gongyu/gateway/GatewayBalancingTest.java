package org.gongyu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway balances over a service's instances (ADR 0031): school-service as two real HTTP
 * servers (JDK HttpServer, each answering with its name, its readiness included) listed in
 * {@code gongyu.routes.school}; requests through the gateway with a real bearer token reach both;
 * once one instance is stopped, the load balancer's readiness check leaves it out and every request
 * succeeds on the other.
 */
@RealKeycloakAndRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayBalancingTest {

  static final Instance A = new Instance("school-a");
  static final Instance B = new Instance("school-b");
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void twoSchoolInstances(DynamicPropertyRegistry registry) {
    registry.add("gongyu.routes.school", () -> A.url() + ", " + B.url());
    StubService.ALL.forEach((name, stub) -> {
      if (!name.equals("school")) {
        registry.add("gongyu.routes." + name, stub::url);
      }
    });
    registry.add("gongyu.security.issuer", () -> Keycloak.ISSUER);
    registry.add("spring.data.redis.host", () -> RealKeycloakAndRedis.REDIS_HOST);
    registry.add("spring.data.redis.port", () -> RealKeycloakAndRedis.REDIS_PORT);
    registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "500ms");
  }

  @AfterAll
  static void stopInstances() {
    A.stop();
    B.stop();
  }

  @LocalServerPort int port;

  @Test
  void requestsReachBothInstancesAndOnlyTheLiveOneOnceTheOtherStops() throws Exception {
    String token = Keycloak.accessToken(Keycloak.CLI, "staff-9901010001");

    // both instances are ready: both answer, round robin (the first health check may still be running)
    within(Duration.ofSeconds(20), () -> assertThat(servedBy(token, 10)).containsOnly("school-a", "school-b"));

    B.stop();

    // within a health-check interval or two, b is left out: every request succeeds, on a
    within(Duration.ofSeconds(15), () -> assertThat(statuses(token, 10)).containsOnly(200));
    assertThat(servedBy(token, 20)).containsOnly("school-a");
  }

  interface Check {
    void run() throws Exception;
  }

  /** Repeats the check until it passes, at most {@code limit}; then its last failure is the test's. */
  private static void within(Duration limit, Check check) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > end) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  private Set<String> servedBy(String token, int requests) throws Exception {
    Set<String> names = new TreeSet<>();
    for (HttpResponse<String> r : call(token, requests)) {
      assertThat(r.statusCode()).isEqualTo(200);
      names.add(r.body());
    }
    return names;
  }

  private List<Integer> statuses(String token, int requests) throws Exception {
    return call(token, requests).stream().map(HttpResponse::statusCode).toList();
  }

  private List<HttpResponse<String>> call(String token, int requests) throws Exception {
    List<HttpResponse<String>> out = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      out.add(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/school/schools/9901010001/classes"))
          .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()));
    }
    return out;
  }

  /** One instance of a service: answers every path (its readiness too) with 200 and its name. */
  static final class Instance {
    final String name;
    final HttpServer server;

    Instance(String name) {
      this.name = name;
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/", ex -> {
        ex.getRequestBody().readAllBytes();
        byte[] body = name.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
      });
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
      server.stop(0);
    }
  }
}
