package org.gongyu.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser does at the gateway, over plain JDK HTTP: keeps cookies per host, does not
 * follow redirects unless asked, records every URL it requests. Like a browser it treats
 * {@code http://127.0.0.1} as a secure context and sends {@code Secure} cookies there: Keycloak sets
 * its login-session cookies {@code Secure} even over plain HTTP, and without them its login form
 * answers "cookie not found".
 */
public final class BrowserSession {

  private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL) {
    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
      boolean loopback = "http".equals(uri.getScheme()) && "127.0.0.1".equals(uri.getHost());
      return super.get(loopback ? URI.create("https" + uri.toString().substring(4)) : uri, requestHeaders);
    }
  };
  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final List<URI> hops = new ArrayList<>();

  /** Every URL requested so far, in order. */
  public List<URI> hops() {
    return List.copyOf(hops);
  }

  /** A GET with this session's cookies; redirects are not followed. */
  public HttpResponse<String> get(String url, String accept) {
    return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).GET());
  }

  /** Any request with this session's cookies; redirects are not followed. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
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

  /** Follows the redirects of {@code response}, as a browser would (at most 10). */
  public HttpResponse<String> follow(HttpResponse<String> response) {
    HttpResponse<String> r = response;
    for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
      r = get(r.uri().resolve(r.headers().firstValue("Location").orElseThrow()).toString(), "text/html");
    }
    return r;
  }

  /** The value of a cookie this session holds, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst().orElse(null);
  }

  /**
   * Opens {@code gateway}'s start page, follows it to Keycloak's login form, submits the form and
   * follows the redirects back; returns the page the gateway ends on.
   */
  public HttpResponse<String> logIn(String gateway, String username, String password) {
    HttpResponse<String> page = follow(get(gateway + "/", "text/html"));
    Matcher form = LOGIN_FORM.matcher(page.body());
    if (!form.find()) {
      throw new IllegalStateException("no Keycloak login form at " + page.uri() + " (HTTP " + page.statusCode() + ")");
    }
    Matcher action = ACTION.matcher(form.group());
    if (!action.find()) {
      throw new IllegalStateException("a login form without action at " + page.uri());
    }
    URI post = page.uri().resolve(action.group(1).replace("&amp;", "&"));
    String fields = "username=" + enc(username) + "&password=" + enc(password) + "&credentialId=";
    return follow(send(HttpRequest.newBuilder(post)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(fields))));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
