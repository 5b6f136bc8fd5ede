package org.gongyu.district;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** County bureau tier: the counties' school registry with 学区, and county rollups of school snapshots. */
@SpringBootApplication
public class DistrictServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(DistrictServiceApplication.class, args);
  }
}
