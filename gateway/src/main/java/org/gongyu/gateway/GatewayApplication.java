package org.gongyu.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The edge: logs users in, checks tokens, limits each user's rate, and routes {@code
 * /api/{school,district,city,reports}/**} to the services (application.yml).
 */
@SpringBootApplication
public class GatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(GatewayApplication.class, args);
  }
}
