package org.gongyu.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Read models of every tier's published figures for city, county and school drill-down. Owns no
 * business data and publishes nothing.
 */
@SpringBootApplication
@EnableScheduling
public class ReportingServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReportingServiceApplication.class, args);
  }
}
