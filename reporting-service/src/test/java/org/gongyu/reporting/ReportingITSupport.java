package org.gongyu.reporting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one running service every integration test class of the module shares (one Spring context,
 * one consumer group, one database, one broker per JVM), and what the classes registered in it:
 * each class derives its expected answers from everything sent, so a class sees the org units and
 * catalogue entries of the classes that ran before it and expects them in lists that name every
 * county, school or indicator.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      // the in-JVM broker logs every partition change at INFO
      "logging.level.kafka=WARN",
      "logging.level.state.change.logger=WARN",
      "logging.level.org.apache.kafka=WARN"
    })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReportingITSupport {

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "reporting");
    Keycloak.register(r);
  }

  /** Every county version any test class sent (stale ones too). */
  static final List<CountyRegistered> SENT_COUNTIES = Collections.synchronizedList(new ArrayList<>());
  /** Every school registry version any test class sent. */
  static final List<SchoolRegistered> SENT_SCHOOLS = Collections.synchronizedList(new ArrayList<>());
  /** Every catalogue version any test class sent, except ReportingIT's own PLATFORM_REGISTRATION entries. */
  static final List<IndicatorDefined> SENT_CATALOGUE = Collections.synchronizedList(new ArrayList<>());
}
