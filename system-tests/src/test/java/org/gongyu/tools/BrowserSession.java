package org.gongyu.tools;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does to log in at the gateway, step by step: open the gateway, follow its
 * redirect to Keycloak's login page (authorization code with PKCE), submit the login form, follow
 * the redirects back to the gateway, which keeps the session in a cookie. Every hop is recorded so
 * a test can check it. Cookies are kept per host like a browser does.
 */
final class BrowserSession {

  private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final List<URI> hops = new ArrayList<>();

  /** Every URL requested so far, in order. */
  List<URI> hops() {
    return List.copyOf(hops);
  }

  /** Logs in at {@code gateway} as {@code username}; returns the page the gateway ends on. */
  HttpResponse<String> logIn(String gateway, String username, String password) {
    HttpResponse<String> page = follow(get(URI.create(gateway + "/")));
    Matcher form = LOGIN_FORM.matcher(page.body());
    if (!form.find()) {
      throw new IllegalStateException("no Keycloak login form at " + page.uri() + " (HTTP " + page.statusCode() + ")");
    }
    Matcher action = ACTION.matcher(form.group());
    if (!action.find()) {
      throw new IllegalStateException("login form without action at " + page.uri());
    }
    URI post = page.uri().resolve(action.group(1).replace("&amp;", "&"));
    String fields = "username=" + enc(username) + "&password=" + enc(password) + "&credentialId=";
    HttpResponse<String> afterLogin = send(HttpRequest.newBuilder(post)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(fields)));
    return follow(afterLogin);
  }

  /** A GET with the session's cookies, redirects not followed. */
  HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/json").GET());
  }

  private HttpResponse<String> follow(HttpResponse<String> response) {
    HttpResponse<String> r = response;
    for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
      URI next = r.uri().resolve(r.headers().firstValue("Location").orElseThrow());
      r = get(next);
    }
    return r;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
    hops.add(built.uri());
    try {
      return http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach " + built.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
