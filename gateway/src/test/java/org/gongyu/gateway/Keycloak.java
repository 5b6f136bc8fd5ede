package org.gongyu.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.gongyu.testing.KeycloakAccounts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Keycloak realm {@code gongyu} (deploy/keycloak/gongyu-realm.json) as the gateway tests
 * use it: tokens by password grant through the realm's test clients ({@link KeycloakAccounts} of
 * test-support), and a look inside a JWT.
 */
final class Keycloak {

  /** Always 127.0.0.1: Keycloak names the issuer after the host it is called by. */
  static final String ISSUER = RealKeycloakAndRedis.Condition.env("GONGYU_TEST_ISSUER", "http://127.0.0.1:8180/realms/gongyu");
  static final String PASSWORD = KeycloakAccounts.DEMO_PASSWORD;

  /** Password grant for API clients; tokens carry the gongyu-api audience. */
  static final String CLI = KeycloakAccounts.CLI_CLIENT;
  /** Like {@link #CLI}, but the access token expires after 2 seconds. */
  static final String CLI_SHORT = "gongyu-cli-short";
  /** A client of the same realm whose tokens are not meant for the Gongyu API (no gongyu-api audience). */
  static final String OTHER_APP = "other-app";

  private static final JsonMapper JSON = new JsonMapper();

  private Keycloak() {}

  static String accessToken(String client, String username) {
    return accessToken(ISSUER, client, username);
  }

  /** A token from the realm as reached at {@code issuer}; another spelling of the host gives another {@code iss}. */
  static String accessToken(String issuer, String client, String username) {
    return new KeycloakAccounts(issuer.substring(0, issuer.indexOf("/realms/"))).freshToken(client, username);
  }

  /**
   * Ends every Keycloak session of {@code username} through the admin API (as an administrator
   * would, or as the SSO idle timeout does): the refresh tokens the gateway holds for them stop
   * working.
   */
  static void endSessions(String username) {
    String base = ISSUER.substring(0, ISSUER.indexOf("/realms/"));
    try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
      var form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
      var token = http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(base + "/realms/master/protocol/openid-connect/token"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      String admin = JSON.readTree(token.body()).get("access_token").asString();
      var users = http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(base + "/admin/realms/gongyu/users?exact=true&username=" + username))
          .header("Authorization", "Bearer " + admin).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
      String id = JSON.readTree(users.body()).get(0).get("id").asString();
      var logout = http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(base + "/admin/realms/gongyu/users/" + id + "/logout"))
          .header("Authorization", "Bearer " + admin).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      if (logout.statusCode() / 100 != 2) {
        throw new IllegalStateException("Keycloak did not log out " + username + ": " + logout.statusCode() + " " + logout.body());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The claims of a JWT, read without checking it (the gateway is what checks). */
  static JsonNode claims(String jwt) {
    String[] parts = jwt.split("\\.");
    return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }
}
