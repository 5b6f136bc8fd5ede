package org.gongyu.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongyu.testing.BrowserSession;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A browser's login through the gateway and Keycloak's real login form, one hop at a time so each
 * can be checked: the page asked for, the gateway's authorization start, Keycloak's authorization
 * request (PKCE), the login form, the callback, and the gateway's redirect to where the browser
 * goes next.
 */
final class LoginFlow {

  private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
  private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

  private LoginFlow() {}

  /**
   * Opens {@code page} (a path of the gateway, with its query) anonymously, follows the redirects to
   * Keycloak's form, submits it and hands the code to the gateway; returns where the gateway then
   * sends the browser (it is not followed).
   */
  static URI logIn(BrowserSession browser, String gateway, String page, String username) {
    HttpResponse<String> start = browser.get(gateway + page, "text/html");
    assertThat(start.statusCode()).as("anonymous %s", page).isEqualTo(302);
    assertThat(location(start)).isEqualTo(URI.create(gateway + "/oauth2/authorization/keycloak"));

    HttpResponse<String> toKeycloak = browser.get(location(start).toString(), "text/html");
    assertThat(toKeycloak.statusCode()).isEqualTo(302);
    URI authorize = location(toKeycloak);
    assertThat(authorize.toString()).startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth?");
    Map<String, String> query = query(authorize);
    assertThat(query).containsEntry("client_id", "gongyu-web")
        .containsEntry("response_type", "code")
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("redirect_uri", gateway + "/login/oauth2/code/keycloak")
        .containsKey("code_challenge")
        .containsKey("state");
    assertThat(query.get("code_challenge")).matches("[A-Za-z0-9_-]{43}");
    assertThat(query.get("scope")).contains("openid");

    HttpResponse<String> loginPage = browser.get(authorize.toString(), "text/html");
    assertThat(loginPage.statusCode()).isEqualTo(200);
    Matcher form = LOGIN_FORM.matcher(loginPage.body());
    assertThat(form.find()).as("Keycloak's login form").isTrue();
    Matcher action = ACTION.matcher(form.group());
    assertThat(action.find()).isTrue();
    String postTo = HtmlUtils.htmlUnescape(action.group(1));

    HttpResponse<String> loggedIn = browser.send(HttpRequest.newBuilder(URI.create(postTo))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(Keycloak.PASSWORD, StandardCharsets.UTF_8))));
    assertThat(loggedIn.statusCode()).as("Keycloak accepts the password").isEqualTo(302);
    URI callback = location(loggedIn);
    assertThat(callback.toString()).startsWith(gateway + "/login/oauth2/code/keycloak?");
    assertThat(query(callback)).containsKey("code");

    HttpResponse<String> back = browser.get(callback.toString(), "text/html");
    assertThat(back.statusCode()).as("the gateway takes the code: %s", back.body()).isEqualTo(302);
    return location(back);
  }

  static URI location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location").orElseThrow(
        () -> new AssertionError("no redirect: HTTP " + response.statusCode() + " " + response.body()));
    return response.uri().resolve(location);
  }

  static Map<String, String> query(URI uri) {
    return UriComponentsBuilder.fromUri(uri).build().getQueryParams().toSingleValueMap().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey,
            e -> URLDecoder.decode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8)));
  }
}
