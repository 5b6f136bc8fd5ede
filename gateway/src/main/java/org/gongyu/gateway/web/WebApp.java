package org.gongyu.gateway.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.gongyu.gateway.security.SessionTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The web app (module {@code web}: Vue, built by Vite into the jar's {@code static/}), served from
 * the gateway's own origin so that it uses the login session, the token relay and the CSRF cookie.
 *
 * <ul>
 *   <li>{@code /assets/**}: Vite's content-hashed bundles, cached for a year ({@code immutable}).
 *   <li>Other files under {@code static/} (e.g. {@code /favicon.svg}): served, revalidated on each
 *       use ({@code no-cache}).
 *   <li>Every other {@code GET} that accepts {@code text/html} and is not one of the gateway's own
 *       paths ({@link #NOT_APP}): the app's {@code index.html} ({@code no-cache}), so that deep
 *       links and reloads of the app's history-mode URLs ({@code /city}, {@code /counties/990101},
 *       ...) work. The app's router decides what the path shows.
 * </ul>
 *
 * The page needs a login like everything else here ({@code SecurityConfiguration}); a session
 * whose tokens Keycloak no longer refreshes is sent to the login too ({@link SessionTokens#page}),
 * and comes back to the same page.
 */
@Configuration(proxyBeanMethods = false)
class WebApp implements WebFluxConfigurer {

  static final String STATIC = "static/";
  static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  /** Paths that are never the app's pages: APIs, specs, login machinery, probes, bundles. */
  static final List<PathPattern> NOT_APP = List.of("/api/**", "/api-docs/**", "/me", "/actuator/**",
          "/login/**", "/oauth2/**", "/logout", "/v3/**", "/swagger-ui/**", "/swagger-ui.html", "/webjars/**",
          "/assets/**")
      .stream().map(PathPatternParser.defaultInstance::parse).toList();

  private final Resource index = new ClassPathResource(STATIC + "index.html");

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/assets/**").addResourceLocations("classpath:/" + STATIC + "assets/")
        .setCacheControl(HASHED);
    registry.addResourceHandler("/**").addResourceLocations("classpath:/" + STATIC)
        .setCacheControl(CacheControl.noCache());
  }

  /** Ahead of Boot's welcome page, which would serve index.html at {@code /} without the checks. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  RouterFunction<ServerResponse> webAppPages(SessionTokens sessions) {
    return RouterFunctions.route(WebApp::isAppPage, request -> sessions.page(request.exchange(), indexHtml()));
  }

  private Mono<ServerResponse> indexHtml() {
    if (!index.exists()) {
      return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "the web app is not in this build"));
    }
    return ServerResponse.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noCache())
        .body(BodyInserters.fromResource(index));
  }

  static boolean isAppPage(ServerRequest request) {
    if (request.method() != HttpMethod.GET) {
      return false;
    }
    boolean html = request.headers().accept().stream()
        .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.TEXT_HTML));
    if (!html) {
      return false;
    }
    var path = request.requestPath().pathWithinApplication();
    if (NOT_APP.stream().anyMatch(pattern -> pattern.matches(path))) {
      return false;
    }
    return !isStaticFile(path.value());
  }

  /** A file of the app itself (index.html, favicon, ...), which the resource handler serves. */
  static boolean isStaticFile(String path) {
    if (path.equals("/") || path.endsWith("/") || path.contains("..") || path.contains("\\")) {
      return false;
    }
    Resource file = new ClassPathResource(STATIC + path.substring(1));
    return file.isReadable();
  }
}
