package org.gongyu.gateway.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The gateway's two relations to the Keycloak realm, both built from {@code gongyu.security.*}
 * without asking Keycloak anything at startup:
 *
 * <ul>
 *   <li>as an OAuth2 client ({@code keycloak} registration, confidential client {@code gongyu-web})
 *       that logs browsers in and keeps their tokens in the WebSession, so a session's tokens die
 *       with it on logout and never outlive it in a shared map;
 *   <li>as a resource server that checks bearer JWTs: signature against the realm's JWKS, {@code
 *       iss}, {@code aud} and {@code exp}.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewaySecurityProperties.class)
class KeycloakConfiguration {

  /** The registration id: it is also the last segment of {@code /oauth2/authorization/keycloak}. */
  static final String REGISTRATION_ID = "keycloak";

  @Bean
  ReactiveClientRegistrationRepository clientRegistrations(GatewaySecurityProperties realm) {
    ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION_ID)
        .clientName("Gongyu sign-in")
        .clientId(realm.webClientId())
        .clientSecret(realm.webClientSecret())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        // {baseUrl} is the host the browser used, so 127.0.0.1:<port> here; the realm accepts any
        // port on 127.0.0.1 for its port-less loopback redirect URI (RFC 8252).
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .scope("openid", "profile")
        .issuerUri(realm.issuer())
        .authorizationUri(realm.endpoint("auth"))
        .tokenUri(realm.endpoint("token"))
        .jwkSetUri(realm.endpoint("certs"))
        .userInfoUri(realm.endpoint("userinfo"))
        .userNameAttributeName("preferred_username")
        // What discovery would have told: OidcClientInitiatedServerLogoutSuccessHandler reads it.
        .providerConfigurationMetadata(Map.of("end_session_endpoint", realm.endpoint("logout")))
        .build();
    return new InMemoryReactiveClientRegistrationRepository(keycloak);
  }

  /**
   * Keeps each login's tokens in its own WebSession. Spring Security's default files them by
   * principal name in one in-memory map, where a second login of the same user would share them
   * and logout would leave them behind.
   */
  @Bean
  ServerOAuth2AuthorizedClientRepository authorizedClients() {
    return new WebSessionServerOAuth2AuthorizedClientRepository();
  }

  /**
   * Hands out a session's access token (to the token relay, {@code /me} and the page check),
   * refreshing it {@code gongyu.security.refresh-ahead} before it expires. When Keycloak refuses the
   * refresh, the session's tokens are dropped (Spring's default failure handler) and the caller is
   * told the session has expired.
   */
  @Bean
  ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
      ServerOAuth2AuthorizedClientRepository authorizedClients, GatewaySecurityProperties realm) {
    DefaultReactiveOAuth2AuthorizedClientManager manager =
        new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
    manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
        .authorizationCode()
        .refreshToken(refresh -> refresh.clockSkew(realm.refreshAhead()))
        .build());
    return manager;
  }

  /**
   * Checks bearer tokens; also decodes the access token a login session relays, for {@code /me}.
   * The keys are fetched on first use and cached; each token is verified once and remembered
   * until it expires ({@link VerifiedTokens}).
   *
   * <p>Nimbus reports keys it could not fetch as a bare {@code IllegalStateException}, which would
   * pass Spring Security untranslated; as a {@link JwtException} it becomes the authentication
   * service failure it is, which {@code GatewayProblemHandler} answers with 503 (a token fault
   * stays a {@code BadJwtException}, 401).
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(GatewaySecurityProperties realm) {
    NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(realm.endpoint("certs")).build();
    decoder.setJwtValidator(accessTokenRules(realm));
    return new VerifiedTokens(token -> decoder.decode(token).onErrorMap(e -> !(e instanceof JwtException),
        e -> new JwtException("the realm's keys could not be fetched", e)), 10_000);
  }

  /**
   * What a token must satisfy besides its signature. Each rule that fails says why in words the
   * caller may read (the 401 detail): Spring's own descriptions carry timestamps and claim values.
   */
  static OAuth2TokenValidator<Jwt> accessTokenRules(GatewaySecurityProperties realm) {
    return new DelegatingOAuth2TokenValidator<>(List.of(
        JwtTypeValidator.jwt(),
        explained(new JwtTimestampValidator(realm.clockSkew()), "the bearer token has expired or is not yet valid"),
        explained(new JwtIssuerValidator(realm.issuer()), "the bearer token was not issued by the Gongyu sign-in service"),
        explained(new JwtAudienceValidator(realm.audience()), "the bearer token is not meant for the Gongyu API")));
  }

  private static OAuth2TokenValidator<Jwt> explained(OAuth2TokenValidator<Jwt> rule, String why) {
    OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null);
    return jwt -> rule.validate(jwt).hasErrors()
        ? OAuth2TokenValidatorResult.failure(error)
        : OAuth2TokenValidatorResult.success();
  }
}
