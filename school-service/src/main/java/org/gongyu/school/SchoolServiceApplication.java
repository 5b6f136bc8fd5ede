package org.gongyu.school;

import java.util.Arrays;
import org.gongyu.school.privacy.KeyRotationCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** School tier: the only place where records about students and parents live. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SchoolServiceApplication {

  /** Serves the API; {@code rotate-keys} as the first argument runs the key rotation instead (ADR 0014). */
  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(KeyRotationCommand.NAME)) {
      System.exit(KeyRotationCommand.run(SchoolServiceApplication.class, Arrays.copyOfRange(args, 1, args.length)));
    }
    SpringApplication.run(SchoolServiceApplication.class, args);
  }
}
