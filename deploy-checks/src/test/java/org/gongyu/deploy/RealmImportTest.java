package org.gongyu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The KeycloakRealmImport is generated from deploy/keycloak/gongyu-realm.json (the one realm
 * definition) by base/keycloak/generate-realm-import.sh: equal to it but for the three documented
 * placeholders, each of which the CR fills from a Secret.
 */
class RealmImportTest {

  @Test
  void theRealmImportIsTheRealmFileWithItsSecretsAndPublicUrlAsPlaceholders() {
    JsonNode source = Repo.JSON.readTree(Repo.read(Repo.ROOT.resolve("deploy/keycloak/gongyu-realm.json")));
    ObjectNode expected = (ObjectNode) source.deepCopy();
    for (JsonNode client : expected.path("clients")) {
      if (client.path("clientId").asString().equals("gongyu-web")) {
        ObjectNode c = (ObjectNode) client;
        c.put("secret", "${GONGYU_WEB_CLIENT_SECRET}");
        c.putArray("redirectUris").add("${GONGYU_PUBLIC_URL}/login/oauth2/code/keycloak");
        ((ObjectNode) c.path("attributes")).put("post.logout.redirect.uris", "${GONGYU_PUBLIC_URL}/*");
      }
    }
    for (JsonNode user : expected.path("users")) {
      for (JsonNode cred : user.path("credentials")) {
        if (cred.path("type").asString().equals("password")) {
          ((ObjectNode) cred).set("value", StringNode.valueOf("${GONGYU_DEMO_PASSWORD}"));
        }
      }
    }
    JsonNode cr = Repo.yaml(Repo.K8S.resolve("base/keycloak/realm-import.yaml"));
    assertThat(firstDifference("", expected, cr.path("spec").path("realm")))
        .as("base/keycloak/realm-import.yaml is stale: run deploy/k8s/base/keycloak/generate-realm-import.sh")
        .isNull();
    assertThat(cr.path("spec").path("keycloakCRName").asString()).isEqualTo("keycloak");

    // every placeholder used is filled from a Secret, and every one declared is used
    Set<String> used = new TreeSet<>();
    Matcher m = Pattern.compile("\\$\\{([A-Z_]+)}").matcher(cr.path("spec").path("realm").toString());
    while (m.find()) {
      used.add(m.group(1));
    }
    assertThat(used).containsExactlyInAnyOrder("GONGYU_WEB_CLIENT_SECRET", "GONGYU_PUBLIC_URL", "GONGYU_DEMO_PASSWORD");
    assertThat(cr.path("spec").path("placeholders").propertyNames()).containsExactlyInAnyOrderElementsOf(used);
    for (String p : used) {
      assertThat(cr.path("spec").path("placeholders").path(p).path("secret").path("name").asString()).isNotEmpty();
    }
    assertThat(List.of(Repo.read(Repo.K8S.resolve("base/keycloak/realm-import.yaml"))))
        .noneSatisfy(text -> assertThat(text).contains("gongyu-web-demo-secret"))
        .noneSatisfy(text -> assertThat(text).contains("\"gongyu-demo\""));
  }

  /** Where two JSON trees first differ (a JSON pointer and both values), or null if they are equal. */
  static String firstDifference(String at, JsonNode want, JsonNode got) {
    if (want.equals(got)) {
      return null;
    }
    if (want.isObject() && got.isObject()) {
      Set<String> names = new TreeSet<>(want.propertyNames());
      names.addAll(got.propertyNames());
      for (String n : names) {
        String d = firstDifference(at + "/" + n, want.path(n), got.path(n));
        if (d != null) {
          return d;
        }
      }
    }
    if (want.isArray() && got.isArray() && want.size() == got.size()) {
      for (int i = 0; i < want.size(); i++) {
        String d = firstDifference(at + "/" + i, want.get(i), got.get(i));
        if (d != null) {
          return d;
        }
      }
    }
    return at + ": the realm file has " + abbreviated(want) + ", the import " + abbreviated(got);
  }

  private static String abbreviated(JsonNode n) {
    String s = n.isMissingNode() ? "nothing" : n.toString();
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}
