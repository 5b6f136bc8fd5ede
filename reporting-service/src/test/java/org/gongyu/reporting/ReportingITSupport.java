package org.gongyu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.reporting.stamps.ReadModelStamps;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  @Autowired private JdbcClient inboxes;
  @Autowired private ReadModelStamps stamps;

  /**
   * Waits until every event is recorded as consumed, then reads the read model's stamps at once
   * (rather than at the next poll), so the ready documents answer with what the events changed.
   */
  void awaitConsumed(List<UUID> eventIds) {
    Set<UUID> expected = Set.copyOf(eventIds);
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(inboxes.sql(
            "select count(distinct event_id) from inbox_event where event_id in (:ids)")
        .param("ids", expected)
        .query(Long.class)
        .single()).isEqualTo(expected.size()));
    stamps.sync();
  }
}
