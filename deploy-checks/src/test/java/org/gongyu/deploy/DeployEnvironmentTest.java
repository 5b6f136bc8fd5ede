package org.gongyu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every setting an application needs in a deployment is set, in its Deployment and in the compose
 * file, and every variable they set is one the application reads (a misspelt name would be ignored
 * by Spring and the service would run on its local default).
 */
class DeployEnvironmentTest {

  static final List<String> APPLICATIONS = Repo.APPLICATIONS;

  @ParameterizedTest
  @FieldSource("APPLICATIONS")
  void theDeploymentAndTheComposeServiceSetEverythingTheApplicationNeeds(String application) {
    ServiceSettings settings = new ServiceSettings(application);
    assertThat(settings.needs).as(application + " needs something from a deployment").isNotEmpty();
    assertThat(settings.unmet(Environments.kubernetes(application).keySet())).as("deploy/k8s " + application).isEmpty();
    assertThat(settings.unmet(Environments.compose(application).keySet())).as("deploy/compose " + application).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("APPLICATIONS")
  void everyVariableTheyGiveIsOneTheApplicationReads(String application) {
    Set<String> known = new ServiceSettings(application).knownVariables();
    assertThat(Environments.kubernetes(application).keySet()).as("deploy/k8s " + application)
        .isNotEmpty().isSubsetOf(known);
    assertThat(Environments.kubernetesPatches(application)).as("deploy/k8s overlays' patches of " + application)
        .isSubsetOf(known);
    assertThat(Environments.compose(application).keySet()).as("deploy/compose " + application)
        .isNotEmpty().isSubsetOf(known);
  }

  @Test
  void theNeedsAreReadFromTheCode() {
    ServiceSettings school = new ServiceSettings("school-service");
    assertThat(school.needs).extracting(ServiceSettings.Need::property).contains(
        "spring.datasource.url", "spring.datasource.password", "spring.flyway.password",
        "spring.kafka.bootstrap-servers", "gongyu.school.pseudonym-key", "gongyu.school.field-key",
        "gongyu.security.issuer");
    ServiceSettings gateway = new ServiceSettings("gateway");
    assertThat(gateway.needs).extracting(ServiceSettings.Need::property).contains(
        "gongyu.security.issuer", "gongyu.security.web-client-secret", "spring.data.redis.host");
    assertThat(gateway.needs).filteredOn(n -> n.property().equals("gongyu.security.issuer")).singleElement()
        .extracting(ServiceSettings.Need::variables).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
        .contains("GONGYU_ISSUER", "GONGYU_SECURITY_ISSUER");
    assertThat(ServiceSettings.variables("gongyu.school.pseudonym-key"))
        .containsExactlyInAnyOrder("GONGYU_SCHOOL_PSEUDONYMKEY", "GONGYU_SCHOOL_PSEUDONYM_KEY");
  }

  @Test
  void aDeploymentWithoutOneOfItsVariablesOrWithAMisspeltOneIsRefused() {
    for (String application : APPLICATIONS) {
      ServiceSettings settings = new ServiceSettings(application);
      for (String dropped : Environments.kubernetes(application).keySet()) {
        if (ServiceSettings.JVM_VARIABLES.contains(dropped)) {
          continue;
        }
        Set<String> less = new HashSet<>(Environments.kubernetes(application).keySet());
        less.remove(dropped);
        boolean needed = settings.needs.stream().anyMatch(n -> n.variables().contains(dropped));
        if (needed) {
          assertThat(settings.unmet(less)).as("without " + dropped).isNotEmpty();
        }
      }
    }
    assertThat(new ServiceSettings("school-service").knownVariables())
        .contains("SPRING_DATASOURCE_PASSWORD").doesNotContain("SPRING_DATASOURCE_PASWORD", "GONGYU_SCHOOL_FIELDKEYS");
  }

  @Test
  void secretsComeFromSecretsInKubernetesAndHaveNoDefaultInCompose() {
    List<String> problems = new ArrayList<>();
    for (String application : APPLICATIONS) {
      Environments.kubernetes(application).forEach((name, entry) -> {
        if (secret(name) && entry.path("valueFrom").path("secretKeyRef").path("name").asString("").isEmpty()) {
          problems.add("deploy/k8s " + application + " " + name + " is not from a secretKeyRef");
        }
      });
    }
    var services = Environments.compose().path("services");
    for (var s : services.properties()) {
      Environments.compose(s.getValue()).forEach((name, value) -> {
        if (secret(name) && !value.matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}")) {
          problems.add("deploy/compose " + s.getKey() + " " + name + " must be ${VAR:?message}, not " + value);
        }
      });
    }
    assertThat(problems).isEmpty();
  }

  static boolean secret(String variable) {
    return variable.matches(".*(PASSWORD|SECRET|_KEY|KEYS|_TOKEN)$");
  }
}
