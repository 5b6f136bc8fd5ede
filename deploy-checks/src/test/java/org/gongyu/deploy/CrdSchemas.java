package org.gongyu.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operators' custom resources checked against the openAPIV3Schema of their CRD, vendored
 * verbatim in deploy/k8s/crd-schemas (README there: source, tag, licence).
 *
 * <p>The API server prunes a field a structural schema does not declare, silently: a misspelt field
 * would be dropped, not refused. So the check is stricter than the server: every object schema that
 * declares properties and does not preserve unknown fields gets {@code additionalProperties: false}
 * before validating (in memory; the vendored file stays as published).
 */
final class CrdSchemas {

  /** apiVersion/kind to the vendored schema file. */
  static final Map<String, String> FILES = Map.of(
      "kafka.strimzi.io/v1/Kafka", "strimzi-kafka-v1.yaml",
      "kafka.strimzi.io/v1/KafkaNodePool", "strimzi-kafkanodepool-v1.yaml",
      "kafka.strimzi.io/v1/KafkaTopic", "strimzi-kafkatopic-v1.yaml",
      "postgresql.cnpg.io/v1/Cluster", "cnpg-cluster-v1.yaml",
      "postgresql.cnpg.io/v1/ScheduledBackup", "cnpg-scheduledbackup-v1.yaml",
      "k8s.keycloak.org/v2alpha1/Keycloak", "keycloak-keycloak-v2alpha1.yaml",
      "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "keycloak-keycloakrealmimport-v2alpha1.yaml");

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
  private static final Map<String, Schema> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

  private CrdSchemas() {}

  static boolean knows(JsonNode doc) {
    return FILES.containsKey(StrictKubernetesModel.key(doc));
  }

  /**
   * The problems of one custom resource. A patch is validated without the schema's {@code required}
   * (it carries only what it changes).
   */
  static List<String> problems(JsonNode doc, boolean patch) {
    Schema schema = SCHEMAS.computeIfAbsent(StrictKubernetesModel.key(doc), k -> load(FILES.get(k)));
    List<String> problems = new ArrayList<>();
    for (Error e : schema.validate(doc)) {
      if (patch && "required".equals(e.getKeyword())) {
        continue;
      }
      problems.add(e.toString());
    }
    if (doc.has("metadata")) {
      problems.addAll(StrictKubernetesModel.metadataProblems(doc.get("metadata")));
    }
    return problems;
  }

  /** The vendored schema with unknown fields refused, as {@link #problems} uses it. */
  static JsonNode strictSchema(String file) {
    ObjectNode schema = (ObjectNode) Repo.yaml(Repo.K8S.resolve("crd-schemas").resolve(file)).deepCopy();
    // Every object has these whether its CRD declares them or not (the Keycloak operator's do not).
    ObjectNode root = (ObjectNode) schema.path("properties");
    for (String field : List.of("apiVersion", "kind")) {
      if (!root.has(field)) {
        root.putObject(field).put("type", "string");
      }
    }
    if (!root.has("metadata")) {
      root.putObject("metadata").put("type", "object");
    }
    refuseUnknownFields(schema);
    return schema;
  }

  private static Schema load(String file) {
    return REGISTRY.getSchema(strictSchema(file));
  }

  /** Walks schemas only (not the maps of property names, which could hold a field called "properties"). */
  private static void refuseUnknownFields(JsonNode schema) {
    if (!(schema instanceof ObjectNode o)) {
      return;
    }
    // Only typed object schemas: the branches of oneOf/anyOf (e.g. "exactly one of these fields")
    // declare a subset of their parent's properties and must stay open.
    boolean declares = o.has("properties") && "object".equals(o.path("type").asString(""));
    boolean preserves = o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    if (declares && !preserves && !o.has("additionalProperties")) {
      o.put("additionalProperties", false);
    }
    for (JsonNode property : o.path("properties").values()) {
      refuseUnknownFields(property);
    }
    refuseUnknownFields(o.get("items"));
    refuseUnknownFields(o.get("additionalProperties"));
  }
}
