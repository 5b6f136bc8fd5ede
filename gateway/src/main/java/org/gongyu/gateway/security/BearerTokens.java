package org.gongyu.gateway.security;

import org.gongyu.contracts.http.HeaderRules;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token of {@code Authorization: Bearer <token>} as Spring Security's {@code
 * ServerBearerTokenAuthenticationConverter} does with its defaults (the header only; no query or
 * form parameter), with one pass over the characters instead of its regular expression, which was
 * the largest remaining share of the gateway's CPU per request after {@link HeaderFirewall} (issue
 * 16). A header that does not start with {@code bearer} (any case) is no bearer attempt; one that
 * does but is not {@code Bearer} (any case), one space and an RFC 6750 b64token is refused as a
 * malformed token. {@code BearerTokensTest} checks both against the library's converter.
 */
final class BearerTokens implements ServerAuthenticationConverter {

  @Override
  public Mono<Authentication> convert(ServerWebExchange exchange) {
    return Mono.defer(() -> {
      String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
      if (!HeaderRules.bearerAttempt(authorization)) {
        return Mono.empty();
      }
      String token = HeaderRules.bearerToken(authorization);
      if (token == null) {
        return Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
      }
      return Mono.just(new BearerTokenAuthenticationToken(token));
    });
  }
}
