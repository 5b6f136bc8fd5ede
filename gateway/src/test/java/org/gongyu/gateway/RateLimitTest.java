package org.gongyu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-user limit with the real Redis, set low for the test: 1 request per second, bursts of 3.
 * One user past the limit gets 429 problems with {@code Retry-After}; another user is unaffected.
 */
@TestPropertySource(properties = {
  "gongyu.rate-limit.replenish-rate=1",
  "gongyu.rate-limit.burst-capacity=3",
  "gongyu.rate-limit.requested-tokens=1"
})
class RateLimitTest extends GatewayTestBase {

  private static final JsonMapper JSON = new JsonMapper();
  private static final String PATH = "/api/district/counties/990102/schools";

  @Autowired ReactiveStringRedisTemplate redis;

  private WebTestClient client;

  @BeforeEach
  void client() {
    client = WebTestClient.bindToServer().baseUrl(gateway()).build();
  }

  @Test
  void pastTheBurstAUserGets429ProblemsWhileAnotherUserIsStillServed() throws Exception {
    String busy = Keycloak.accessToken(Keycloak.CLI, "staff-9901020001");
    String other = Keycloak.accessToken(Keycloak.CLI, "staff-9901020002");
    String busyBucket = emptyBucketOf(busy);
    emptyBucketOf(other);

    // Bursts of 3: the first three pass at once.
    for (int i = 1; i <= 3; i++) {
      call(busy).expectStatus().isOk()
          .expectHeader().valueEquals("X-RateLimit-Burst-Capacity", "3")
          .expectHeader().valueEquals("X-RateLimit-Replenish-Rate", "1");
    }
    // The next is refused, or, should a second tick by and add a token, one of the two after it.
    List<Integer> statuses = new ArrayList<>();
    EntityExchangeResult<String> refused = null;
    for (int i = 0; i < 3 && refused == null; i++) {
      EntityExchangeResult<String> result = call(busy).expectBody(String.class).returnResult();
      statuses.add(result.getStatus().value());
      if (result.getStatus().value() == 429) {
        refused = result;
      }
    }
    assertThat(refused).as("a 429 among %s", statuses).isNotNull();

    HttpHeaders headers = refused.getResponseHeaders();
    assertThat(headers.getContentType()).isNotNull();
    assertThat(headers.getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
    assertThat(headers.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    assertThat(headers.getFirst("X-RateLimit-Remaining")).isEqualTo("0");
    assertThat(headers.getFirst("X-RateLimit-Burst-Capacity")).isEqualTo("3");
    JsonNode problem = JSON.readTree(refused.getResponseBody());
    assertThat(problem.get("status").intValue()).isEqualTo(429);
    assertThat(problem.get("type").asString()).isEqualTo("urn:gongyu:problem:rate-limited");
    assertThat(problem.get("detail").asString()).contains("1 per second", "try again in 1 s");

    long served = 3 + statuses.stream().filter(s -> s == 200).count();
    assertThat(StubService.of("district").received).as("only the requests let through reach the service").hasSize((int) served);

    call(other).expectStatus().isOk();

    assertThat(redis.hasKey(busyBucket + "tokens").block(Duration.ofSeconds(5))).as("the bucket lives in Redis").isTrue();
  }

  private WebTestClient.ResponseSpec call(String token) {
    return client.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
  }

  /** The user's bucket keys' common prefix in Redis, after deleting what earlier runs left there. */
  private String emptyBucketOf(String token) {
    String prefix = "request_rate_limiter.{api." + Keycloak.claims(token).get("sub").asString() + "}.";
    redis.delete(prefix + "tokens", prefix + "timestamp").block(Duration.ofSeconds(5));
    return prefix;
  }
}
