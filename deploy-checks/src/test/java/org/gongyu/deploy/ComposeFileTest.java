package org.gongyu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * deploy/compose/compose.yaml without Docker: the Compose Specification's own JSON schema (vendored
 * in deploy/compose/schema), then the project's rules: images or builds, healthchecks, start order on
 * health, every variable documented in .env.example, no password with a default.
 */
class ComposeFileTest {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)((:?[-?+])([^}]*))?}");

  private final JsonNode compose = Environments.compose();
  private final String text = Repo.read(Repo.COMPOSE.resolve("compose.yaml"));

  @Test
  void theComposeFileIsValidAgainstTheComposeSpecification() {
    JsonNode schema = Repo.JSON.readTree(Repo.read(Repo.COMPOSE.resolve("schema/compose-spec.json")));
    // its $id is relative: give it the file's location as base
    Schema spec = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(SchemaLocation.of(Repo.COMPOSE.resolve("schema/compose-spec.json").toUri().toString()), schema);
    assertThat(spec.validate(compose)).extracting(Error::toString).isEmpty();
    // and the schema does refuse what it should
    JsonNode wrong = Repo.YAML.readTree("services: {a: {image: x, helthcheck: {test: [CMD, 'true']}}}");
    assertThat(spec.validate(wrong))
        .extracting(Error::toString).anySatisfy(e -> assertThat(e).contains("helthcheck"));
  }

  @Test
  void everyServiceHasAnImageAndAHealthcheckAndStartsAfterItsDependenciesAreHealthy() {
    Set<String> services = compose.path("services").propertyNames().stream().collect(java.util.stream.Collectors.toSet());
    assertThat(services).containsAll(Repo.APPLICATIONS).contains("kafka", "postgres", "keycloak", "redis");
    List<String> problems = new ArrayList<>();
    for (var s : compose.path("services").properties()) {
      JsonNode svc = s.getValue();
      String image = interpolated(svc.path("image").asString(""));
      if (image.isEmpty() && !svc.has("build")) {
        problems.add(s.getKey() + " has neither image nor build");
      }
      if (!image.matches("[^:]+:[^:]+") || image.endsWith(":latest")) {
        problems.add(s.getKey() + " image " + image + " is not pinned to a tag");
      }
      if (svc.path("healthcheck").path("test").isMissingNode() || svc.path("healthcheck").path("disable").asBoolean(false)) {
        problems.add(s.getKey() + " has no healthcheck");
      }
      for (var d : svc.path("depends_on").properties()) {
        if (!d.getValue().path("condition").asString("").equals("service_healthy")) {
          problems.add(s.getKey() + " depends on " + d.getKey() + " without condition: service_healthy");
        }
        if (!services.contains(d.getKey())) {
          problems.add(s.getKey() + " depends on " + d.getKey() + ", which is not a service");
        }
      }
      if (svc.path("depends_on").isArray()) {
        problems.add(s.getKey() + " lists depends_on without conditions");
      }
    }
    assertThat(problems).isEmpty();
    for (String application : Repo.APPLICATIONS) {
      JsonNode svc = compose.path("services").path(application);
      assertThat(svc.path("image").asString()).startsWith("gongyu/" + application + ":${GONGYU_VERSION");
      assertThat(svc.path("build").path("dockerfile").asString()).isEqualTo("deploy/Dockerfile");
      assertThat(svc.path("build").path("args").path("JAR").asString()).startsWith(application + "/target/" + application + "-");
      assertThat(Repo.ROOT.resolve(application + "/pom.xml")).exists();
    }
    assertThat(Repo.ROOT.resolve("deploy/Dockerfile")).exists();
    assertThat(Repo.read(Repo.ROOT.resolve("deploy/Dockerfile"))).containsPattern("(?m)^FROM eclipse-temurin:21[\\w.-]+-jre");
  }

  @Test
  void onlyTheGatewayAndKeycloakArePublished() {
    for (var s : compose.path("services").properties()) {
      if (!Set.of("gateway", "keycloak").contains(s.getKey())) {
        assertThat(s.getValue().has("ports")).as(s.getKey() + " publishes a port").isFalse();
      }
    }
  }

  @Test
  void keycloakImportsTheRealmFileOfTheRepositoryMounted() {
    JsonNode keycloak = compose.path("services").path("keycloak");
    assertThat(keycloak.path("volumes").values()).extracting(JsonNode::asString)
        .contains("../keycloak/gongyu-realm.json:/opt/keycloak/data/import/gongyu-realm.json:ro");
    assertThat(Repo.COMPOSE.resolve("../keycloak/gongyu-realm.json").normalize()).exists();
    assertThat(keycloak.path("command").values()).extracting(JsonNode::asString).contains("--import-realm");
    assertThat(Repo.files(Repo.COMPOSE, ".json")).as("no copy of the realm under deploy/compose")
        .noneSatisfy(f -> assertThat(Repo.read(f)).contains("\"realm\": \"gongyu\""));
  }

  @Test
  void everyVariableIsInEnvExampleAndNoPasswordOrSecretHasADefault() {
    Map<String, String> example = envExample();
    Set<String> used = new TreeSet<>();
    List<String> problems = new ArrayList<>();
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      used.add(name);
      if (!example.containsKey(name)) {
        problems.add("${" + name + "} is not in .env.example");
      }
      if (DeployEnvironmentTest.secret(name) && !":?".equals(m.group(3))) {
        problems.add(m.group() + ": a password or secret must be ${" + name + ":?message}, without a default");
      }
    }
    assertThat(Pattern.compile("\\$[A-Za-z_]").matcher(text.replaceAll("\\$\\$", "")).results().count())
        .as("every variable is written ${NAME}").isZero();
    for (var e : example.entrySet()) {
      if (!used.contains(e.getKey())) {
        problems.add(".env.example documents " + e.getKey() + ", which compose.yaml does not use");
      }
      if (DeployEnvironmentTest.secret(e.getKey()) && !e.getValue().isEmpty()) {
        problems.add(".env.example gives " + e.getKey() + " a value: leave it empty");
      }
    }
    assertThat(problems).isEmpty();
    assertThat(used).contains("POSTGRES_PASSWORD", "GONGYU_WEB_CLIENT_SECRET", "GONGYU_SCHOOL_PSEUDONYM_KEY");
  }

  @Test
  void thePostgresInitScriptCreatesEveryDatabaseAndRoleTheServicesUse() throws Exception {
    String init = Repo.read(Repo.COMPOSE.resolve("postgres/init-databases.sh"));
    assertThat(Files.isExecutable(Repo.COMPOSE.resolve("postgres/init-databases.sh"))).isTrue();
    assertThat(init).contains("for svc in school district city reporting");
    Map<String, String> postgres = Environments.compose("postgres");
    for (String service : Repo.SERVICES) {
      String tier = service.replace("-service", "");
      ServiceSettings settings = new ServiceSettings(service);
      // the roles the yml names are the ones the script makes (gongyu_<tier>, gongyu_<tier>_owner)
      assertThat(settings.yml.get("spring.datasource.username")).isEqualTo("gongyu_" + tier);
      assertThat(settings.yml.get("spring.flyway.user")).isEqualTo("gongyu_" + tier + "_owner");
      assertThat(Environments.compose(service).get("SPRING_DATASOURCE_URL"))
          .isEqualTo("jdbc:postgresql://postgres:5432/gongyu_" + tier);
      // the passwords the service connects with are the ones the script gives the roles
      String upper = tier.toUpperCase();
      assertThat(Environments.compose(service).get("SPRING_DATASOURCE_PASSWORD"))
          .isEqualTo(postgres.get("GONGYU_" + upper + "_DB_PASSWORD"));
      assertThat(Environments.compose(service).get("SPRING_FLYWAY_PASSWORD"))
          .isEqualTo(postgres.get("GONGYU_" + upper + "_DB_OWNER_PASSWORD"));
    }
    assertThat(Environments.compose("keycloak").get("KC_DB_PASSWORD")).isEqualTo(postgres.get("KEYCLOAK_DB_PASSWORD"));
  }

  /** A value as compose would make it with .env.example's values (or the default written after :-). */
  private static String interpolated(String value) {
    Map<String, String> example = envExample();
    return VARIABLE.matcher(value).replaceAll(r -> {
      String given = example.getOrDefault(r.group(1), "");
      String fallback = "-".equals(r.group(3)) || ":-".equals(r.group(3)) ? r.group(4) : "";
      return Matcher.quoteReplacement(given.isEmpty() ? fallback : given);
    });
  }

  private static Map<String, String> envExample() {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String line : Repo.read(Repo.COMPOSE.resolve(".env.example")).lines().toList()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      assertThat(eq).as(".env.example line " + line).isPositive();
      vars.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return vars;
  }
}
