package org.gongyu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Whom a failure is blamed on, for the failures that need Keycloak down or a token to expire at the
 * wrong moment and so are out of reach of the end-to-end tests: Keycloak, not the service the
 * request was routed to.
 */
class GatewayProblemHandlerTest {

  @Test
  void aRefreshKeycloakRefusesEndsTheSession() {
    ClientAuthorizationException refused = new ClientAuthorizationException(new OAuth2Error("invalid_grant"), "keycloak");

    Problem problem = GatewayProblemHandler.classify(refused, "school", "/api/school/x");

    assertThat(problem.status().value()).isEqualTo(401);
    assertThat(problem.detail()).isEqualTo("the login session has expired; log in again");
  }

  @Test
  void keycloakOutOfReachIsBlamedOnTheSignInServiceNotTheRoute() {
    ConnectException refused = new ConnectException("Connection refused: /127.0.0.1:8180");
    WebClientRequestException tokenEndpoint = new WebClientRequestException(refused, HttpMethod.POST,
        URI.create("http://127.0.0.1:8180/realms/gongyu/protocol/openid-connect/token"), new HttpHeaders());
    AuthenticationServiceException keys = new AuthenticationServiceException("the realm's keys could not be fetched",
        new IllegalStateException("Could not obtain the keys", refused));

    for (Throwable ex : new Throwable[] {tokenEndpoint, keys}) {
      Problem problem = GatewayProblemHandler.classify(ex, "school", "/api/school/x");
      assertThat(problem.status().value()).isEqualTo(503);
      assertThat(problem.slug()).isEqualTo("sign-in-unavailable");
      assertThat(problem.detail()).doesNotContain("school", "8180", "127.0.0.1");
    }
  }

  @Test
  void aServiceOutOfReachIsStillBlamedOnTheService() {
    Problem problem = GatewayProblemHandler.classify(new ConnectException("Connection refused"), "school", "/api/school/x");

    assertThat(problem.status().value()).isEqualTo(503);
    assertThat(problem.detail()).isEqualTo("the school service is unavailable; try again shortly");
  }
}
