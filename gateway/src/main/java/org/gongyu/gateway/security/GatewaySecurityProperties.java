package org.gongyu.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * {@code gongyu.security.*}: where the realm is and who the gateway is to it. Defaults, and the
 * short environment names {@code GONGYU_ISSUER} and {@code GONGYU_WEB_CLIENT_SECRET}, are in
 * {@code application.yml}.
 *
 * @param issuer the realm's issuer, e.g. {@code http://127.0.0.1:8180/realms/gongyu}. Every
 *     Keycloak endpoint is derived from it, so the gateway needs no discovery call at startup and
 *     starts while Keycloak is still booting. It must be spelled exactly as the tokens carry it
 *     (Keycloak takes the issuer from the host it was called by: 127.0.0.1 and localhost differ).
 * @param audience the {@code aud} a bearer token must carry to be accepted here
 * @param webClientId the confidential client browsers log in through
 * @param webClientSecret that client's secret
 * @param clockSkew how far past {@code exp} a bearer token is still accepted (clocks drift)
 * @param refreshAhead how long before its {@code exp} a login session's access token is refreshed
 *     (default 60 s, so a relayed token never expires on its way to the service)
 */
@ConfigurationProperties("gongyu.security")
record GatewaySecurityProperties(
    String issuer, String audience, String webClientId, String webClientSecret, Duration clockSkew,
    Duration refreshAhead) {

  GatewaySecurityProperties {
    Assert.hasText(issuer, "gongyu.security.issuer (GONGYU_ISSUER) must be set");
    Assert.hasText(audience, "gongyu.security.audience must be set");
    Assert.hasText(webClientId, "gongyu.security.web-client-id must be set");
    Assert.hasText(webClientSecret, "gongyu.security.web-client-secret (GONGYU_WEB_CLIENT_SECRET) must be set");
    Assert.notNull(clockSkew, "gongyu.security.clock-skew must be set");
    refreshAhead = refreshAhead == null ? Duration.ofSeconds(60) : refreshAhead;
    issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
  }

  /** A Keycloak OpenID Connect endpoint of the realm: {@code auth}, {@code token}, {@code certs}, ... */
  String endpoint(String name) {
    return issuer + "/protocol/openid-connect/" + name;
  }
}
