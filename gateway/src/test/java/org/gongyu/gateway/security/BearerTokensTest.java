package org.gongyu.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/** The gateway's bearer token reader finds, refuses and ignores exactly what the library's converter does. */
class BearerTokensTest {

  private static final ServerAuthenticationConverter LIBRARY = new ServerBearerTokenAuthenticationConverter();
  private static final ServerAuthenticationConverter OURS = new BearerTokens();

  private static final List<String> PREFIXES = List.of("Bearer ", "bearer ", "BEARER ", "BeArEr ", "Bearer", "Bearer  ", "Bearerx ",
      "Basic ", "Bear ", " Bearer ", "Bearer\t", "");
  private static final String CHARS = "abcXYZ019-._~+/====  %:,;\"\\é中\t";

  @Test
  void everyHeaderIsReadAsTheLibraryReadsIt() {
    Random random = new Random(20261206);
    int tokens = 0;
    int malformed = 0;
    int none = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder header = new StringBuilder(PREFIXES.get(random.nextInt(PREFIXES.size())));
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        // mostly token characters, so that valid tokens and near misses are both common
        header.append(random.nextInt(4) == 0 ? CHARS.charAt(random.nextInt(CHARS.length())) : CHARS.charAt(random.nextInt(13)));
      }
      String value = header.toString();
      String library = outcome(LIBRARY, value);
      assertThat(outcome(OURS, value)).as("[%s]", value).isEqualTo(library);
      if (library.startsWith("token ")) {
        tokens++;
      } else if (library.startsWith("error ")) {
        malformed++;
      } else {
        none++;
      }
    }
    assertThat(tokens).as("tokens read").isGreaterThan(1000);
    assertThat(malformed).as("malformed tokens refused").isGreaterThan(1000);
    assertThat(none).as("headers that are no bearer attempt").isGreaterThan(1000);
  }

  @Test
  void aRealSizedTokenIsReadWhole() {
    String token = "eyJhbGciOiJSUzI1NiJ9." + "a1-_".repeat(300) + ".sig+/==";
    assertThat(outcome(OURS, "Bearer " + token)).isEqualTo("token " + token);
    assertThat(outcome(OURS, null)).isEqualTo("none");
  }

  private static String outcome(ServerAuthenticationConverter converter, String authorization) {
    MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/reports/calendar");
    if (authorization != null) {
      request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    try {
      Authentication found = converter.convert(MockServerWebExchange.from(request)).block();
      return found == null ? "none" : "token " + ((BearerTokenAuthenticationToken) found).getToken();
    } catch (OAuth2AuthenticationException refused) {
      return "error " + refused.getError().getErrorCode() + " " + refused.getError().getDescription();
    }
  }
}
