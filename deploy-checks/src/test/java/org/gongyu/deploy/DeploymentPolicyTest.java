package org.gongyu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The rules every workload of deploy/k8s keeps: probes, resources, disruption budgets, network policies, secrets. */
class DeploymentPolicyTest {

  private final List<Repo.Doc> resources = Repo.resources();

  @Test
  void everyContainerHasReadinessAndLivenessProbesAndCpuAndMemoryRequestsAndLimits() {
    List<String> problems = new ArrayList<>();
    List<Repo.Doc> workloads = workloads();
    assertThat(workloads).extracting(Repo.Doc::name).containsAll(Repo.APPLICATIONS).contains("redis");
    for (Repo.Doc w : workloads) {
      for (JsonNode c : w.node().path("spec").path("template").path("spec").path("containers")) {
        String where = w.where() + " container " + c.path("name").asString();
        for (String probe : List.of("readinessProbe", "livenessProbe")) {
          if (!c.has(probe)) {
            problems.add(where + " has no " + probe);
          }
        }
        for (String kind : List.of("requests", "limits")) {
          for (String resource : List.of("cpu", "memory")) {
            if (c.path("resources").path(kind).path(resource).isMissingNode()) {
              problems.add(where + " has no " + kind + "." + resource);
            }
          }
        }
        String image = c.path("image").asString();
        if (!image.matches("[^:]+:[\\w.-]+") || image.endsWith(":latest")) {
          problems.add(where + " image " + image + " is not pinned to a tag");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theApplicationsProbeTheActuatorHealthGroupsOnTheirOwnPort() {
    for (String application : Repo.APPLICATIONS) {
      JsonNode c = container(application);
      assertThat(c.path("readinessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/readiness");
      assertThat(c.path("livenessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/liveness");
      // the port the application listens on (server.port of its application.yml)
      String port = new ServiceSettings(application).yml.get("server.port");
      assertThat(c.path("ports").values()).anySatisfy(p -> {
        assertThat(p.path("name").asString()).isEqualTo(c.path("readinessProbe").path("httpGet").path("port").asString());
        assertThat(p.path("containerPort").asString()).isEqualTo(port);
      });
      // and the yml exposes those groups
      assertThat(new ServiceSettings(application).yml).containsEntry("management.endpoint.health.probes.enabled", "true");
    }
  }

  @Test
  void everyDeploymentHasAPodDisruptionBudgetSelectingItsPods() {
    List<String> problems = new ArrayList<>();
    for (Repo.Doc w : workloads()) {
      if (!w.kind().equals("Deployment")) {
        continue;
      }
      JsonNode podLabels = w.node().path("spec").path("template").path("metadata").path("labels");
      boolean covered = of("PodDisruptionBudget").stream()
          .anyMatch(pdb -> selects(pdb.node().path("spec").path("selector"), podLabels));
      if (!covered) {
        problems.add(w.where() + " has no PodDisruptionBudget");
      }
      if (w.node().path("spec").path("replicas").asInt(1) < 2) {
        problems.add(w.where() + " runs fewer than 2 replicas: its budget would block every drain");
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theFourServicesAcceptTrafficOnlyFromTheGatewayAndPrometheus() {
    for (String service : Repo.SERVICES) {
      JsonNode podLabels = template(service).path("metadata").path("labels");
      List<Repo.Doc> policies = of("NetworkPolicy").stream()
          .filter(p -> selects(p.node().path("spec").path("podSelector"), podLabels)).toList();
      assertThat(policies).as(service + " NetworkPolicy").isNotEmpty();
      for (Repo.Doc p : policies) {
        JsonNode spec = p.node().path("spec");
        assertThat(spec.path("policyTypes").values()).extracting(JsonNode::asString).contains("Ingress", "Egress");
        assertThat(spec.path("ingress").values()).isNotEmpty().allSatisfy(rule -> {
          assertThat(rule.path("from").values()).as(p.where() + " a rule without from admits everyone").isNotEmpty();
          for (JsonNode from : rule.path("from")) {
            boolean gateway = from.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asString().equals("gateway")
                && from.path("namespaceSelector").isMissingNode();
            boolean prometheus = from.path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name")
                .asString().equals("monitoring")
                && from.path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asString().equals("prometheus");
            assertThat(gateway || prometheus).as(p.where() + " admits " + from).isTrue();
          }
        });
        // its egress: its own database, the brokers, Keycloak, DNS
        String egress = spec.path("egress").toString();
        assertThat(egress).contains("\"cnpg.io/cluster\":\"" + service.replace("-service", "") + "-db\"")
            .contains("strimzi.io/cluster").contains("keycloak").contains("kube-dns");
      }
      assertThat(of("Ingress")).allSatisfy(i -> assertThat(i.node().toString()).doesNotContain("\"" + service + "\""));
    }
  }

  @Test
  void everyWorkloadHasANetworkPolicyAndOnlyTheServicesThatUseKafkaMayReachTheBrokers() {
    for (Repo.Doc w : workloads()) {
      JsonNode podLabels = w.node().path("spec").path("template").path("metadata").path("labels");
      assertThat(of("NetworkPolicy")).as(w.where() + " NetworkPolicy")
          .anySatisfy(p -> assertThat(selects(p.node().path("spec").path("podSelector"), podLabels)).isTrue());
    }
    JsonNode peers = of("Kafka").getFirst().node().path("spec").path("kafka").path("listeners").get(0).path("networkPolicyPeers");
    assertThat(peers.values()).isNotEmpty();
    for (Repo.Doc w : workloads()) {
      JsonNode podLabels = w.node().path("spec").path("template").path("metadata").path("labels");
      boolean admitted = peers.values().stream().anyMatch(peer -> selects(peer.path("podSelector"), podLabels));
      boolean usesKafka = Repo.APPLICATIONS.contains(w.name())
          && new ServiceSettings(w.name()).yml.containsKey("spring.kafka.bootstrap-servers");
      assertThat(admitted).as(w.where() + " may reach Kafka").isEqualTo(usesKafka);
    }
  }

  @Test
  void everyServiceConnectsToItsOwnDatabaseClusterWhichIsBackedUpOnASchedule() {
    for (String service : Repo.SERVICES) {
      String db = service.replace("-service", "") + "-db";
      String url = Environments.kubernetes(service).get("SPRING_DATASOURCE_URL").path("value").asString();
      assertThat(url).startsWith("jdbc:postgresql://" + db + "-rw:5432/");
      // the cluster makes the database and the two roles the service's yml names (ADR 0013)
      JsonNode spec = of("Cluster").stream().filter(c -> c.name().equals(db)).findFirst().orElseThrow().node().path("spec");
      ServiceSettings settings = new ServiceSettings(service);
      assertThat(url).endsWith("/" + spec.path("bootstrap").path("initdb").path("database").asString());
      assertThat(spec.path("bootstrap").path("initdb").path("owner").asString()).isEqualTo(settings.yml.get("spring.flyway.user"));
      assertThat(spec.path("managed").path("roles").values()).extracting(r -> r.path("name").asString())
          .containsExactly(settings.yml.get("spring.datasource.username"));
    }
    for (Repo.Doc cluster : of("Cluster")) {
      assertThat(cluster.node().path("spec").path("backup").path("barmanObjectStore").path("destinationPath").asString())
          .as(cluster.where()).isNotEmpty();
      assertThat(of("ScheduledBackup")).as(cluster.where() + " ScheduledBackup")
          .anySatisfy(b -> assertThat(b.node().path("spec").path("cluster").path("name").asString()).isEqualTo(cluster.name()));
    }
    assertThat(of("Cluster")).extracting(Repo.Doc::name)
        .containsExactlyInAnyOrder("school-db", "district-db", "city-db", "reporting-db", "keycloak-db");
  }

  @Test
  void noSecretIsInTheManifestsAndEverySecretTheyReferToIsInTheSecretsScript() {
    assertThat(of("Secret")).as("Secrets are created by the operator of the cluster, not applied from here").isEmpty();
    String text = String.join("\n", Repo.resources().stream().map(d -> d.node().toString()).toList());
    Set<String> referred = new TreeSet<>();
    Matcher ref = Pattern.compile("\"(?:secretKeyRef|secret|passwordSecret|usernameSecret|accessKeyId|secretAccessKey)\":\\{[^{}]*\"name\":\"([\\w-]+)\"")
        .matcher(text);
    while (ref.find()) {
      referred.add(ref.group(1));
    }
    assertThat(referred).contains("gongyu-school-keys", "gongyu-realm", "gongyu-backup", "gongyu-school-db-owner",
        "gongyu-school-db-runtime", "keycloak-db-owner");
    String script = Repo.read(Repo.K8S.resolve("create-secrets.example.sh"));
    for (String secret : referred) {
      assertThat(script).as("create-secrets.example.sh creates " + secret)
          .containsPattern("(?m)^(k create secret \\w+|db) " + secret + " ");
    }
    assertThat(script).as("no secret value is written in the script")
        .doesNotContainPattern("(?i)--from-literal=[\\w-]*(password|secret|key)[\\w-]*=[^\"]")
        .doesNotContainPattern("(?m)^db [\\w-]+ [\\w-]+ [^\"]");
  }

  private List<Repo.Doc> workloads() {
    return resources.stream().filter(d -> Set.of("Deployment", "StatefulSet").contains(d.kind())).toList();
  }

  private List<Repo.Doc> of(String kind) {
    return resources.stream().filter(d -> d.kind().equals(kind)).toList();
  }

  private JsonNode template(String deployment) {
    return of("Deployment").stream().filter(d -> d.name().equals(deployment)).findFirst().orElseThrow()
        .node().path("spec").path("template");
  }

  private JsonNode container(String deployment) {
    return template(deployment).path("spec").path("containers").values().stream()
        .filter(c -> c.path("name").asString().equals(deployment)).findFirst().orElseThrow();
  }

  /** A label selector (matchLabels only, as ours are) that selects pods with these labels. */
  private static boolean selects(JsonNode selector, JsonNode labels) {
    JsonNode match = selector.path("matchLabels");
    if (match.isEmpty() || selector.has("matchExpressions")) {
      return false;
    }
    for (Map.Entry<String, JsonNode> e : match.properties()) {
      if (!labels.path(e.getKey()).asString("\u0000").equals(e.getValue().asString())) {
        return false;
      }
    }
    return true;
  }
}
