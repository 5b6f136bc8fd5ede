package org.gongyu.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Core Kubernetes kinds read into the fabric8 model (the Kubernetes API's own types, 8.0.0), strictly:
 * the model keeps every field it does not know in {@code additionalProperties}, so a misspelt or
 * misplaced field ({@code spec.replica}, {@code readinesProbe}) is found by asking every object of
 * the read tree for its additional properties. A value of the wrong type fails the read itself.
 */
final class StrictKubernetesModel {

  static final Map<String, Class<?>> KINDS = Map.of(
      "v1/Service", Service.class,
      "v1/ServiceAccount", ServiceAccount.class,
      "v1/Namespace", Namespace.class,
      "v1/ConfigMap", ConfigMap.class,
      "v1/Secret", Secret.class,
      "apps/v1/Deployment", Deployment.class,
      "apps/v1/StatefulSet", StatefulSet.class,
      "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
      "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
      "networking.k8s.io/v1/Ingress", Ingress.class);

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StrictKubernetesModel() {}

  static boolean knows(JsonNode doc) {
    return KINDS.containsKey(key(doc));
  }

  static String key(JsonNode doc) {
    return doc.path("apiVersion").asString("") + "/" + doc.path("kind").asString("");
  }

  /** The problems of one document of a known kind: unreadable values and unknown fields by path. */
  static List<String> problems(JsonNode doc) {
    return problems(doc, KINDS.get(key(doc)));
  }

  /** The problems of an object's metadata (for custom resources, whose CRD schemas leave it open). */
  static List<String> metadataProblems(JsonNode metadata) {
    return problems(metadata, ObjectMeta.class);
  }

  private static List<String> problems(JsonNode node, Class<?> type) {
    Object read;
    try {
      read = MAPPER.readValue(node.toString(), type);
    } catch (Exception e) {
      return List.of("not a " + type.getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
    List<String> problems = new ArrayList<>();
    unknownFields(read, "", problems);
    return problems;
  }

  private static void unknownFields(Object o, String path, List<String> problems) {
    if (o == null) {
      return;
    }
    if (o instanceof Collection<?> c) {
      int i = 0;
      for (Object e : c) {
        unknownFields(e, path + "[" + i++ + "]", problems);
      }
      return;
    }
    if (o instanceof Map<?, ?> m) {
      for (var e : m.entrySet()) {
        unknownFields(e.getValue(), path + "[" + e.getKey() + "]", problems);
      }
      return;
    }
    if (!o.getClass().getName().startsWith("io.fabric8.")) {
      return;
    }
    for (Method m : o.getClass().getMethods()) {
      if (m.getParameterCount() != 0 || !m.getName().startsWith("get") || Modifier.isStatic(m.getModifiers())
          || m.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = m.invoke(o);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(m.toString(), e);
      }
      if (m.getName().equals("getAdditionalProperties")) {
        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add("unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "/" : path));
        }
        continue;
      }
      String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
      unknownFields(value, path + "." + field, problems);
    }
  }
}
