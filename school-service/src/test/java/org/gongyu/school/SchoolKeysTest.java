package org.gongyu.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

/** Issue 12 item 4: no default secrets. */
class SchoolKeysTest {

  final SchoolKeys keys = new SchoolKeys(new DeferredLogs());

  MockEnvironment environment(String pseudonymKey, String fieldKey, String... profiles) {
    MockEnvironment env = new MockEnvironment();
    if (pseudonymKey != null) {
      env.setProperty(SchoolKeys.PSEUDONYM, pseudonymKey);
    }
    if (fieldKey != null) {
      env.setProperty(SchoolKeys.FIELD, fieldKey);
    }
    env.setActiveProfiles(profiles);
    return env;
  }

  @Test
  void withoutKeysOutsideDemoAndTestTheServiceRefusesToStartSayingWhatToSet() {
    for (String profile : new String[] {"default", "prod", "staging"}) {
      assertThatThrownBy(() -> keys.postProcessEnvironment(environment(null, null, profile), new SpringApplication()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("gongyu.school.pseudonym-key is not set (environment variable GONGYU_SCHOOL_PSEUDONYM_KEY)")
          .hasMessageContaining("gongyu.school.field-key is not set (environment variable GONGYU_SCHOOL_FIELD_KEY)")
          .hasMessageContaining("SPRING_PROFILES_ACTIVE=demo");
    }
    assertThatThrownBy(() -> keys.postProcessEnvironment(environment("x".repeat(20), " ", "prod"), new SpringApplication()))
        .hasMessageContaining("gongyu.school.field-key is not set").hasMessageNotContaining("pseudonym-key is not set");
    assertThatThrownBy(() -> keys.postProcessEnvironment(environment("short", "y".repeat(20)), new SpringApplication()))
        .hasMessageContaining("gongyu.school.pseudonym-key is shorter than 16 characters");
  }

  @Test
  void theDemoValuesOnceInTheRepositoryAreRefusedOutsideDemoAndTest() {
    assertThatThrownBy(() -> keys.postProcessEnvironment(
        environment("demo-only-pseudonym-key-change-me", "demo-only-field-key-change-me"), new SpringApplication()))
        .hasMessageContaining("gongyu.school.pseudonym-key is the demo value published in the repository")
        .hasMessageContaining("gongyu.school.field-key is the demo value published in the repository");
  }

  @Test
  void demoAndTestProfilesGenerateKeysForTheRunUnlessTheDeploymentGivesThem() {
    MockEnvironment demo = environment(null, null, "demo");
    keys.postProcessEnvironment(demo, new SpringApplication());
    MockEnvironment test = environment(null, null, "test");
    keys.postProcessEnvironment(test, new SpringApplication());
    String a = demo.getProperty(SchoolKeys.PSEUDONYM);
    assertThat(a).hasSize(44).isNotEqualTo(demo.getProperty(SchoolKeys.FIELD)).isNotEqualTo(test.getProperty(SchoolKeys.PSEUDONYM));
    assertThat(SchoolKeys.PUBLISHED).doesNotContain(a);

    MockEnvironment given = environment("p".repeat(32), "f".repeat(32), "demo");
    keys.postProcessEnvironment(given, new SpringApplication());
    assertThat(given.getProperty(SchoolKeys.PSEUDONYM)).isEqualTo("p".repeat(32));
    assertThat(given.getProperty(SchoolKeys.FIELD)).isEqualTo("f".repeat(32));
  }

  @Test
  void theApplicationItselfDoesNotStartWithoutKeys() {
    assertThatThrownBy(() -> SpringApplication.run(SchoolServiceApplication.class,
        "--gongyu.school.pseudonym-key=", "--gongyu.school.field-key=", "--spring.main.web-application-type=none"))
        .hasMessageContaining("school-service refuses to start without its own keys");
  }
}
