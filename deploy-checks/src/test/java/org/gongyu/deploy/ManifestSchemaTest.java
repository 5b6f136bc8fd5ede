package org.gongyu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every manifest under deploy/k8s against a real schema: the Kubernetes model, or its operator's CRD. */
class ManifestSchemaTest {

  @Test
  void everyManifestIsAKnownKindAndValidAgainstItsSchema() {
    List<Repo.Doc> docs = Repo.manifests();
    assertThat(docs).hasSizeGreaterThan(50);
    List<String> problems = new ArrayList<>();
    for (Repo.Doc d : docs) {
      JsonNode n = d.node();
      if (n.path("apiVersion").asString("").isEmpty() || d.kind().isEmpty() || d.name().isEmpty()) {
        problems.add(d.where() + ": apiVersion, kind and metadata.name are required");
        continue;
      }
      boolean patch = Repo.isPatch(d.file());
      List<String> found;
      if (StrictKubernetesModel.knows(n)) {
        found = StrictKubernetesModel.problems(n);
      } else if (CrdSchemas.knows(n)) {
        found = CrdSchemas.problems(n, patch);
      } else {
        found = List.of("no schema for " + StrictKubernetesModel.key(n) + " (add the kind to the model or its CRD)");
      }
      found.forEach(p -> problems.add(d.where() + ": " + p));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theModelCheckRefusesAMisspeltFieldAndAWrongType() {
    JsonNode deployment = Repo.YAML.readTree("""
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: x}
        spec:
          replica: 2
          selector: {matchLabels: {a: b}}
          template:
            metadata: {labels: {a: b}}
            spec:
              containers:
                - name: x
                  image: x:1
                  readinesProbe: {httpGet: {path: /, port: 80}}
        """);
    assertThat(StrictKubernetesModel.problems(deployment))
        .anySatisfy(p -> assertThat(p).contains("replica").endsWith("at .spec"))
        .anySatisfy(p -> assertThat(p).contains("readinesProbe").contains(".spec.template.spec.containers[0]"));

    JsonNode wrongType = Repo.YAML.readTree("""
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: x}
        spec: {minAvailable: 1, selector: {matchLabels: [a]}}
        """);
    assertThat(StrictKubernetesModel.problems(wrongType)).singleElement().asString().startsWith("not a PodDisruptionBudget");
  }

  @Test
  void theCrdCheckRefusesAnUnknownFieldAWrongTypeAndAMissingRequiredOne() {
    JsonNode topic = Repo.YAML.readTree("""
        apiVersion: kafka.strimzi.io/v1
        kind: KafkaTopic
        metadata: {name: t, labels: {strimzi.io/cluster: gongyu}}
        spec: {partitions: six, replica: 3}
        """);
    assertThat(CrdSchemas.problems(topic, false))
        .anySatisfy(p -> assertThat(p).contains("replica"))
        .anySatisfy(p -> assertThat(p).contains("partitions"));

    JsonNode cluster = Repo.YAML.readTree("""
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata: {name: c}
        spec:
          instances: 3
          storage: {size: 1Gi}
          backup: {barmanObjectStore: {destinationPth: "s3://x"}}
        """);
    assertThat(CrdSchemas.problems(cluster, false))
        .anySatisfy(p -> assertThat(p).contains("destinationPth"))
        .anySatisfy(p -> assertThat(p).contains("destinationPath"));
    assertThat(CrdSchemas.problems(cluster, true)).noneSatisfy(p -> assertThat(p).contains("required"));

    JsonNode metadata = Repo.YAML.readTree("""
        apiVersion: k8s.keycloak.org/v2alpha1
        kind: Keycloak
        metadata: {name: k, label: {a: b}}
        spec: {instances: 1}
        """);
    assertThat(CrdSchemas.problems(metadata, false)).anySatisfy(p -> assertThat(p).contains("label"));

    // the realm itself is checked too: the CRD carries Keycloak's RealmRepresentation
    JsonNode realm = Repo.YAML.readTree("""
        apiVersion: k8s.keycloak.org/v2alpha1
        kind: KeycloakRealmImport
        metadata: {name: r}
        spec: {keycloakCRName: k, realm: {realm: r, clients: [{clientId: c, redirectUri: [x]}]}}
        """);
    assertThat(CrdSchemas.problems(realm, false)).anySatisfy(p -> assertThat(p).contains("redirectUri"));
  }

  @Test
  void everyVendoredSchemaIsUsedAndUnknownFieldsAreRefusedAllTheWayDown() {
    for (String file : CrdSchemas.FILES.values()) {
      JsonNode strict = CrdSchemas.strictSchema(file);
      assertThat(strict.path("properties").path("spec").path("additionalProperties").asBoolean(true))
          .as(file + " spec refuses unknown fields").isFalse();
    }
    assertThat(Repo.files(Repo.K8S.resolve("crd-schemas"), ".yaml"))
        .map(p -> p.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(CrdSchemas.FILES.values());
  }
}
