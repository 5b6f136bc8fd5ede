package org.gongyu.gateway.security;

import java.util.Collections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may pass the gateway, and how they prove it.
 *
 * <ul>
 *   <li>Public: {@code /actuator/health/**}, {@code /actuator/prometheus}, {@code /actuator/info}.
 *       Everything else needs a login session or a bearer token.
 *   <li>Browsers log in through Keycloak (authorization code with PKCE); the session keeps the
 *       tokens and the {@code TokenRelay} default filter (application.yml) sends the access token
 *       on to the services, refreshed when it has expired.
 *   <li>API clients send {@code Authorization: Bearer}; the token is checked here and passes on to
 *       the service unchanged. Their requests ({@link BearerOnlyRequests}) go through a chain of
 *       their own that keeps no state.
 *   <li>Without credentials, {@code /api/**}, {@code /api-docs/**} and {@code /me} answer 401
 *       problem+json (a script gains nothing from a login page); a page request that accepts HTML
 *       is sent to the login and, once logged in, back to the page it asked for.
 *   <li>The web app's hashed bundles ({@code /assets/**}) are public: code, no data.
 *   <li>Session requests that change something need the CSRF token ({@link CsrfTokens}), also
 *       when they carry a bearer token as well; API clients do not.
 *   <li>{@code POST /logout} ends the session here and at Keycloak, then comes back to {@code /}.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String LOGIN = "/oauth2/authorization/" + KeycloakConfiguration.REGISTRATION_ID;

  /**
   * Paths that never get the login redirect: an anonymous caller gets the 401 problem even when it
   * accepts HTML (scripts gain nothing from a login page, and the web app reloads on a 401).
   */
  static final String[] NOT_PAGES = {"/api/**", "/api-docs/**", "/me"};

  /**
   * Where an anonymous page request is remembered while the browser logs in, so that it lands back
   * on the page it asked for (a deep link of the web app), not on {@code /}.
   */
  @Bean
  ServerRequestCache requestCache() {
    return new WebSessionServerRequestCache();
  }

  /**
   * API clients ({@link BearerOnlyRequests}: a bearer token and no session cookie) have a chain of
   * their own that keeps no state: no session is looked up or made, no request is remembered, no
   * CSRF token is made or checked, no login or logout path is matched. Through the session chain
   * each such request made and threw away a web session, which moves the work to another thread and
   * back, and was the largest share of what the gateway added to a report's answer (issue 16).
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain apiClientSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, SecurityProblems problems) {
    return http
        .securityMatcher(new BearerOnlyRequests())
        .authorizeExchange(SecurityConfiguration::access)
        .oauth2ResourceServer(bearer -> bearerTokens(bearer, jwtDecoder, problems))
        .exceptionHandling(refusals -> refusals
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .build();
  }

  /** Browsers (and anything else that is not a bearer-only request): login session, CSRF, logout. */
  @Bean
  SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
      ReactiveJwtDecoder jwtDecoder, SecurityProblems problems, ServerRequestCache requestCache) {
    return http
        .authorizeExchange(SecurityConfiguration::access)
        .requestCache(cache -> cache.requestCache(requestCache))
        .oauth2Login(login -> login
            .authorizationRequestResolver(withPkce(registrations))
            .authenticationFailureHandler(problems))
        .oauth2ResourceServer(bearer -> bearerTokens(bearer, jwtDecoder, problems))
        .exceptionHandling(refusals -> refusals
            .authenticationEntryPoint(loginOrProblem(problems, requestCache))
            .accessDeniedHandler(problems))
        .csrf(csrf -> csrf
            .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
            .csrfTokenRequestHandler(new CsrfTokens.RequestHandler())
            // stated, not left to the default: the resource server would otherwise exempt every request
            // that carries a bearer token, and one that also carries the session cookie is a session's
            .requireCsrfProtectionMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER)
            .accessDeniedHandler(problems))
        .addFilterAfter(new CsrfTokens.CookieWriter(), SecurityWebFiltersOrder.CSRF)
        .logout(logout -> logout
            .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
            .logoutSuccessHandler(keycloakLogout(registrations)))
        .build();
  }

  /** The same in both chains: health, metrics and the web app's bundles are public, the rest needs a user. */
  private static void access(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
    exchanges
        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info")
        .permitAll()
        // the web app's hashed bundles: code and styles, no data; public so caches may keep them
        .pathMatchers(HttpMethod.GET, "/assets/**").permitAll()
        .anyExchange().authenticated();
  }

  /** The same in both chains: the token read in one pass ({@link BearerTokens}), checked, refusals as problems. */
  private static void bearerTokens(ServerHttpSecurity.OAuth2ResourceServerSpec bearer, ReactiveJwtDecoder jwtDecoder,
      SecurityProblems problems) {
    bearer
        .bearerTokenConverter(new BearerTokens())
        .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
        .authenticationEntryPoint(problems)
        .accessDeniedHandler(problems);
  }

  /**
   * PKCE (S256) on every authorization request, stated here rather than left to Spring Security,
   * which adds it by itself only for public clients or registrations that ask for it: {@code
   * gongyu-web} is confidential, and the realm refuses it a login without PKCE.
   */
  private static ServerOAuth2AuthorizationRequestResolver withPkce(ReactiveClientRegistrationRepository registrations) {
    DefaultServerOAuth2AuthorizationRequestResolver resolver = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
    resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    return resolver;
  }

  /** Pages that accept HTML go to Keycloak's login; API calls, {@code /me} and the rest get a 401 problem. */
  private static ServerAuthenticationEntryPoint loginOrProblem(SecurityProblems problems, ServerRequestCache requestCache) {
    MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(Collections.singleton(MediaType.ALL));
    ServerWebExchangeMatcher page = new AndServerWebExchangeMatcher(
        new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(NOT_PAGES)), html);
    RedirectServerAuthenticationEntryPoint toLogin = new RedirectServerAuthenticationEntryPoint(LOGIN);
    toLogin.setRequestCache(requestCache);
    DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
        new DelegateEntry(page, toLogin));
    entryPoint.setDefaultEntryPoint(problems);
    return entryPoint;
  }

  /** RP-initiated logout: Keycloak ends its SSO session too, then sends the browser back to {@code /}. */
  private static OidcClientInitiatedServerLogoutSuccessHandler keycloakLogout(
      ReactiveClientRegistrationRepository registrations) {
    OidcClientInitiatedServerLogoutSuccessHandler handler = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
    handler.setPostLogoutRedirectUri("{baseUrl}/");
    return handler;
  }
}
