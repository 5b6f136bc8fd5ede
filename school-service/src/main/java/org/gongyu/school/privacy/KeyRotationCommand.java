package org.gongyu.school.privacy;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator's one-shot command (ADR 0014): {@code java -jar school-service.jar rotate-keys}
 * with the deployment's usual environment, every instance of the service stopped. It starts the
 * service without web server, Kafka listeners or scheduled jobs, migrates the schema, runs the
 * {@link KeyRotation}, prints what it did and exits 0, or prints why not and exits 1. Running it
 * again changes nothing.
 */
public final class KeyRotationCommand {

  /** The command's name on the command line. */
  public static final String NAME = "rotate-keys";
  /** Set in the command's context only. */
  static final String MODE = "gongyu.school.key-rotation.command";

  private KeyRotationCommand() {}

  /** Runs the rotation for {@code application} with Spring Boot {@code args}; the process's exit code. */
  public static int run(Class<?> application, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    // as arguments, which outrank application.yml: no listeners, no topic creation, no scheduled job
    all.addAll(List.of("--" + MODE + "=true", "--spring.kafka.listener.auto-startup=false", "--spring.kafka.admin.auto-create=false",
        "--gongyu.school.rollover-cron=-", "--gongyu.school.retention.purge-cron=-"));
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
        .web(WebApplicationType.NONE)
        .run(all.toArray(String[]::new))) {
      KeyRotation.Report r = context.getBean(KeyRotation.class).rotate();
      System.out.printf("密钥轮换完成 key rotation done: pseudonym key version %d -> %d (%d values re-keyed);"
              + " %d notes sealed with field key id %s; field key ids retired: %s%n",
          r.pseudonymVersionBefore(), r.pseudonymVersionAfter(), r.pseudonymsRekeyed(), r.notesResealed(), r.fieldKeyId(),
          r.retiredFieldKeyIds().isEmpty() ? "none" : String.join(", ", r.retiredFieldKeyIds()));
      return 0;
    } catch (RuntimeException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      System.err.println("密钥轮换未完成 key rotation not done: " + root.getMessage());
      return 1;
    }
  }
}
