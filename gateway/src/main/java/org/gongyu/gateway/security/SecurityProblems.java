package org.gongyu.gateway.security;

import org.gongyu.gateway.Problem;
import org.gongyu.gateway.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The security refusals the gateway answers itself, as problem+json like every other gateway
 * error (Spring Security's defaults answer with an empty body or a redirect to a login form):
 *
 * <ul>
 *   <li>401 without credentials, or with a bearer token that fails its checks ({@code
 *       WWW-Authenticate: Bearer ...} as RFC 6750 asks; the detail says which check failed, never
 *       what the token holds);
 *   <li>403 for a session request without a valid CSRF token, or one the access rules refuse;
 *   <li>401 when the login round trip with Keycloak fails: a problem rather than Spring's redirect to
 *       {@code /login?error}, which here would send the browser straight back to Keycloak.
 * </ul>
 */
@Component
class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
    ServerAuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

  private final ProblemWriter problems;

  SecurityProblems(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
    HttpHeaders headers = exchange.getResponse().getHeaders();
    if (ex instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError) {
      headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      String why = whyRejected(ex);
      denied(exchange, 401, why);
      return problems.write(exchange, new Problem(HttpStatus.UNAUTHORIZED, "invalid-token", "Unauthorized", why));
    }
    denied(exchange, 401, "no credentials");
    headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    return problems.write(exchange, new Problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized",
        "log in first (open / in a browser) or send an Authorization: Bearer token issued for the Gongyu API"));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
    denied(exchange, 403, denied instanceof CsrfException ? "no valid CSRF token" : "access denied");
    if (denied instanceof CsrfException) {
      return problems.write(exchange, new Problem(HttpStatus.FORBIDDEN, "csrf", "Forbidden",
          "the request carries no valid CSRF token: send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header"));
    }
    return problems.write(exchange, new Problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
        "you may not do this"));
  }

  /**
   * Failures of the login round trip. The login filter also catches whatever authentication error
   * rises from further down the filter chain; an {@link AuthenticationServiceException} from there is
   * the bearer check failing to reach Keycloak, not a failed login, and goes on to {@code
   * GatewayProblemHandler} (503).
   */
  @Override
  public Mono<Void> onAuthenticationFailure(WebFilterExchange webFilterExchange, AuthenticationException ex) {
    if (ex instanceof AuthenticationServiceException) {
      return Mono.error(ex);
    }
    String code = ex instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : ex.toString();
    log.info("login with Keycloak failed: {}", code);
    return problems.write(webFilterExchange.getExchange(), new Problem(HttpStatus.UNAUTHORIZED, "login-failed",
        "Unauthorized", "the login with the Gongyu sign-in service did not complete; open / to try again"));
  }

  /**
   * The gateway keeps no database; its refusals go to the log (method, path, why: no personal
   * data), while each service's audit_log records what reaches it.
   */
  private static void denied(ServerWebExchange exchange, int status, String why) {
    log.info("denied {} {}: {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), status, why);
  }

  /** The failed check, in the words {@link KeycloakConfiguration#accessTokenRules} gave it. */
  private static String whyRejected(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JwtValidationException invalid) {
        return invalid.getErrors().stream().map(OAuth2Error::getDescription).findFirst()
            .orElse("the bearer token failed its checks");
      }
    }
    return "the bearer token is malformed or not signed by the Gongyu sign-in service";
  }
}
