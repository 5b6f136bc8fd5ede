package org.gongyu.city;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** City family-education centre tier: counties, the indicator catalogue, the demonstration-school standard and city rollups of county rollups. */
@SpringBootApplication
@EnableConfigurationProperties(CityProperties.class)
public class CityServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(CityServiceApplication.class, args);
  }
}
