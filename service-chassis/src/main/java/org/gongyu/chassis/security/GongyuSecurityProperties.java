package org.gongyu.chassis.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service checks access tokens.
 *
 * @param issuer     the only issuer accepted ({@code iss}); keys come from its JWKS endpoint
 * @param jwkSetUri  where the signing keys are; defaults to Keycloak's {@code <issuer>/protocol/openid-connect/certs}
 * @param audience   the audience a token must name ({@code aud}): tokens for other applications of the realm are refused
 * @param clockSkew  tolerance for {@code exp}/{@code nbf} between this host's clock and Keycloak's
 */
@ConfigurationProperties("gongyu.security")
public record GongyuSecurityProperties(String issuer, String jwkSetUri, String audience, Duration clockSkew) {

  public GongyuSecurityProperties {
    issuer = blank(issuer) ? "http://127.0.0.1:8180/realms/gongyu" : issuer;
    jwkSetUri = blank(jwkSetUri) ? issuer + "/protocol/openid-connect/certs" : jwkSetUri;
    audience = blank(audience) ? "gongyu-api" : audience;
    clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
