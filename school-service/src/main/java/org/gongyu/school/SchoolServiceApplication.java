package org.gongyu.school;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** School tier: the only place where records about students and parents live. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SchoolServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(SchoolServiceApplication.class, args);
  }
}
