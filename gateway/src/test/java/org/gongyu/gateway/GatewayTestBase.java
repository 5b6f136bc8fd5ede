package org.gongyu.gateway;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port in front of the four {@link StubService}s, against the real
 * Keycloak and Redis. Test classes that extend this and add no configuration of their own share
 * one application context.
 *
 * <p>Bearer tokens are accepted at most 1 s past their expiry (60 s in production), so that a test
 * can see an expired token refused without waiting a minute; a service gets 4 s to answer (30 s in
 * production), so that a test can see the gateway give up on a slow one.
 */
@RealKeycloakAndRedis
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"gongyu.security.clock-skew=1s", "spring.cloud.gateway.server.webflux.httpclient.response-timeout=4s"})
abstract class GatewayTestBase {

  @DynamicPropertySource
  static void realInfrastructureAndStubs(DynamicPropertyRegistry registry) {
    StubService.ALL.forEach((name, stub) -> registry.add("gongyu.routes." + name, stub::url));
    registry.add("gongyu.security.issuer", () -> Keycloak.ISSUER);
    registry.add("spring.data.redis.host", () -> RealKeycloakAndRedis.REDIS_HOST);
    registry.add("spring.data.redis.port", () -> RealKeycloakAndRedis.REDIS_PORT);
  }

  @LocalServerPort
  protected int port;

  /** The gateway as browsers and the realm's redirect URIs know it: 127.0.0.1, any port. */
  protected String gateway() {
    return "http://127.0.0.1:" + port;
  }

  @BeforeEach
  void forgetWhatTheStubsReceived() {
    StubService.forgetAll();
  }
}
