package org.gongyu.school;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

/**
 * What the record ITs' support classes ({@link StudentRecordsItSupport}, {@link
 * SchoolRecordsItSupport}) share: the booted service over HTTP with Keycloak tokens, the access
 * matrix, registering a school through the district event, plain requests. Each subclass keeps
 * what makes its application context its own (database, consumer group, fixed clock), so their ITs
 * still neither share rows nor steal each other's registry events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpItSupport {

  @LocalServerPort protected int port;
  @Autowired protected KafkaTemplate<String, String> kafka;
  @Autowired protected JdbcClient jdbc;
  protected RestClient http;
  protected AccessMatrix.Client matrix;

  /** The instant the subclass's fixed clock stands at. */
  protected abstract Instant now();

  @BeforeAll
  void connect() {
    http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(Keycloak.actingByPath()).build();
    matrix = AccessMatrix.overHttp("http://localhost:" + port);
  }

  public record Response(int status, String contentType, String body) {}

  protected void registerSchool(String schoolId, String countyId) {
    var event = EventEnvelope.wrap("district-service", now(),
        new SchoolRegistered(schoolId, countyId, null, "测试学校 " + schoolId, "PRIMARY", 1));
    kafka.send(Topics.DISTRICT_SCHOOL_REGISTRY, countyId, EventCodec.encode(event));
    await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/school/schools/" + schoolId + "/classes").status() == 200);
  }

  protected void registerSchool(String schoolId) {
    registerSchool(schoolId, "990101");
  }

  protected Response get(String path) {
    return http.get().uri(path).exchange((req, res) -> new Response(res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()), new String(res.getBody().readAllBytes())), true);
  }

  /** Sends {@code body} as JSON: an object is serialised, a String is sent as it is, null sends no body. */
  protected Response send(String method, String path, Object body) {
    var request = http.method(HttpMethod.valueOf(method)).uri(path);
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            String.valueOf(res.getHeaders().getContentType()), new String(res.getBody().readAllBytes())), true);
  }
}
