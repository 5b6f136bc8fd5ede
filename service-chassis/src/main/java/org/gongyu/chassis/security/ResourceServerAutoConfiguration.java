package org.gongyu.chassis.security;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Makes every servlet service an OAuth2 resource server with org-unit scoping and an audit trail:
 *
 * <ul>
 *   <li>tokens are checked here, not trusted from the gateway: RS256 signature against the
 *       realm's JWKS, issuer, audience, expiry (and {@code exp} must be present);
 *   <li>realm roles become {@code ROLE_*} authorities ({@link Role}); the caller's org unit comes
 *       from the token's claims only ({@link Caller});
 *   <li>everything but health, info, metrics and the API description needs a valid token; what a
 *       caller may do is decided per controller method with {@code @PreAuthorize} ({@link OrgScope});
 *   <li>no sessions and no cookies are used, so there is nothing for CSRF to ride on: CSRF
 *       protection lives in the gateway, which holds the browser session;
 *   <li>refusals are problem+json ({@link SecurityProblems}); state changes and refusals are
 *       audited by {@code org.gongyu.chassis.audit.AuditAutoConfiguration}, which reads the reason
 *       a refusal gives ({@link RefusalReason}).
 * </ul>
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"
    },
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(GongyuSecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  JwtDecoder jwtDecoder(GongyuSecurityProperties props) {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(props.jwkSetUri())
        .jwsAlgorithm(SignatureAlgorithm.RS256)
        .build();
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
        new JwtTimestampValidator(props.clockSkew()),
        new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
        new JwtIssuerValidator(props.issuer()),
        new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(props.audience()))));
    return new VerifiedTokens(decoder, 10_000);
  }

  @Bean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(RealmRoles::authorities);
    return converter;
  }

  /** Spring Security's strict firewall, its header rules checked without regular expressions ({@link CheapHeaderChecks}). */
  @Bean
  @ConditionalOnMissingBean
  HttpFirewall httpFirewall() {
    return CheapHeaderChecks.firewall();
  }

  /** The library's bearer token rules, read in one pass ({@link CheapHeaderChecks}). */
  @Bean
  @ConditionalOnMissingBean
  BearerTokenResolver bearerTokenResolver() {
    return CheapHeaderChecks.bearerTokenResolver();
  }

  @Bean
  @ConditionalOnMissingBean
  SecurityFilterChain gongyuResourceServer(HttpSecurity http, JwtDecoder decoder, JwtAuthenticationConverter converter,
      BearerTokenResolver bearerTokens, MessageSource messages, ObjectProvider<LocaleResolver> locales) throws Exception {
    SecurityProblems problems = new SecurityProblems(
        new ProblemWriter(messages, locales.getIfAvailable(org.gongyu.chassis.web.RequestLanguage::new)));
    http
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(c -> c.disable())
        .formLogin(f -> f.disable())
        .httpBasic(b -> b.disable())
        .logout(l -> l.disable())
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
            .requestMatchers("/error").permitAll()
            .anyRequest().authenticated())
        .oauth2ResourceServer(o -> o
            .bearerTokenResolver(bearerTokens)
            .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(converter))
            .authenticationEntryPoint(problems)
            .accessDeniedHandler(problems))
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    return http.build();
  }

  /** {@code @scope} in authorization rules. */
  @Bean("scope")
  OrgScope orgScope(ObjectProvider<OrgUnits> orgUnits, ObjectProvider<CityDirectUnits> cityDirectUnits,
      @Value("${gongyu.city.id:990100}") String cityId) {
    return new OrgScope(orgUnits.getIfAvailable(() -> schoolId -> Optional.empty()),
        cityDirectUnits.getIfAvailable(() -> countyId -> false), cityId);
  }
}
