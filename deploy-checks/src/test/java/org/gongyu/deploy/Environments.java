package org.gongyu.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The environment each application gets from the Kubernetes manifests and from the compose file. */
final class Environments {

  private Environments() {}

  /** Variable to its entry in the Deployment's container of the application's name (base, before patches). */
  static Map<String, JsonNode> kubernetes(String application) {
    Map<String, JsonNode> env = new LinkedHashMap<>();
    Repo.resources().stream()
        .filter(d -> d.kind().equals("Deployment") && d.name().equals(application))
        .flatMap(d -> d.node().path("spec").path("template").path("spec").path("containers").values().stream())
        .filter(c -> c.path("name").asString().equals(application))
        .flatMap(c -> c.path("env").values().stream())
        .forEach(e -> env.put(e.path("name").asString(), e));
    return env;
  }

  /** Variables the overlays' patches set in the application's container. */
  static java.util.Set<String> kubernetesPatches(String application) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    Repo.manifests().stream()
        .filter(d -> Repo.isPatch(d.file()) && d.kind().equals("Deployment") && d.name().equals(application))
        .flatMap(d -> d.node().path("spec").path("template").path("spec").path("containers").values().stream())
        .filter(c -> c.path("name").asString().equals(application))
        .flatMap(c -> c.path("env").values().stream())
        .forEach(e -> names.add(e.path("name").asString()));
    return names;
  }

  static JsonNode compose() {
    return Repo.yaml(Repo.COMPOSE.resolve("compose.yaml"));
  }

  /** Variable to its value (as written, before interpolation) in the compose service of the application's name. */
  static Map<String, String> compose(String application) {
    return compose(compose().path("services").path(application));
  }

  static Map<String, String> compose(JsonNode service) {
    Map<String, String> env = new LinkedHashMap<>();
    JsonNode e = service.path("environment");
    if (e.isObject()) {
      e.properties().forEach(p -> env.put(p.getKey(), p.getValue().asString()));
    } else {
      for (JsonNode item : e) {
        String s = item.asString();
        int eq = s.indexOf('=');
        env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
      }
    }
    return env;
  }
}
