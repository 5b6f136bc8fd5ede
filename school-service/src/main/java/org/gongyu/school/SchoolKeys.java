package org.gongyu.school;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * No default secrets (issue 12): the pseudonym key (HMAC of student and guardian references) and
 * the field key (encryption of notes about families) must come from the deployment
 * ({@code GONGYU_SCHOOL_PSEUDONYM_KEY}, {@code GONGYU_SCHOOL_FIELD_KEY}, or the properties
 * {@code gongyu.school.pseudonym-key} / {@code field-key}). Outside the {@code demo} and
 * {@code test} profiles a missing key, one shorter than 16 characters, or one of the demo values
 * this repository once shipped stops the service before it starts, with a message saying what to
 * set. Under {@code demo} or {@code test} a missing key is generated at random for this run (with a
 * warning: references recorded now cannot be matched after a restart unless the deployment keeps
 * its keys, as {@code deploy/local/platform.sh} does per run directory).
 */
public class SchoolKeys implements EnvironmentPostProcessor {

  static final String PSEUDONYM = "gongyu.school.pseudonym-key";
  static final String FIELD = "gongyu.school.field-key";
  /** The values application.yml carried until issue 12: known to everyone who read the repository. */
  static final Set<String> PUBLISHED = Set.of("demo-only-pseudonym-key-change-me", "demo-only-field-key-change-me");
  static final Set<String> RELAXED_PROFILES = Set.of("demo", "test");
  static final int MIN_LENGTH = 16;

  private final Log log;

  public SchoolKeys(DeferredLogFactory logs) {
    this.log = logs.getLog(SchoolKeys.class);
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean relaxed = Arrays.stream(environment.getActiveProfiles()).anyMatch(RELAXED_PROFILES::contains);
    Map<String, Object> generated = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (String[] key : new String[][] {{PSEUDONYM, "GONGYU_SCHOOL_PSEUDONYM_KEY"}, {FIELD, "GONGYU_SCHOOL_FIELD_KEY"}}) {
      String value = environment.getProperty(key[0]);
      if (value == null || value.isBlank()) {
        if (relaxed) {
          generated.put(key[0], random());
        } else {
          problems.add(key[0] + " is not set (environment variable " + key[1] + ")");
        }
      } else if (value.length() < MIN_LENGTH) {
        problems.add(key[0] + " is shorter than " + MIN_LENGTH + " characters");
      } else if (PUBLISHED.contains(value) && !relaxed) {
        problems.add(key[0] + " is the demo value published in the repository");
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("school-service refuses to start without its own keys: " + String.join("; ", problems)
          + ". Set GONGYU_SCHOOL_PSEUDONYM_KEY and GONGYU_SCHOOL_FIELD_KEY (at least " + MIN_LENGTH
          + " random characters each, from the deployment's secret store; keep them, since stored references and notes"
          + " can only be read with the same keys), or run with the demo or test profile (SPRING_PROFILES_ACTIVE=demo),"
          + " which generates keys for one run.");
    }
    if (!generated.isEmpty()) {
      log.warn("profile demo/test: generated a random " + String.join(" and ", generated.keySet())
          + " for this run; references and notes recorded now cannot be matched or read after a restart."
          + " Supply GONGYU_SCHOOL_PSEUDONYM_KEY and GONGYU_SCHOOL_FIELD_KEY to keep them.");
      environment.getPropertySources().addFirst(new MapPropertySource("gongyuGeneratedSchoolKeys", generated));
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
