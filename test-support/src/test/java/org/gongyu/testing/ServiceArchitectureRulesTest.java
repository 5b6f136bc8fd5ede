package org.gongyu.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shared rules catch what they are there to catch (the services show they pass on real code). */
class ServiceArchitectureRulesTest {

  static class SendsBesideTheOutbox {
    private final KafkaTemplate<String, String> kafka;

    SendsBesideTheOutbox(KafkaTemplate<String, String> kafka) {
      this.kafka = kafka;
    }

    void announce() {
      kafka.send("topic", "event");
    }
  }

  static class ListensWithoutTransactionOrInbox {
    @KafkaListener(topics = "topic")
    void on(String event) {}
  }

  static class ReadsTheWallClock {
    Instant stamp() {
      return Instant.now();
    }
  }

  static class ReadsTheInjectedClock {
    Instant stamp(Clock clock) {
      return clock.instant();
    }
  }

  @RestController
  static class GuardedAndUnguardedEndpoints {
    @GetMapping("/open")
    String forgotten() {
      return "";
    }

    @PreAuthorize("permitAll()")
    @GetMapping("/everyone")
    String permitsAll() {
      return "";
    }

    @PreAuthorize("hasRole('SCHOOL_ADMIN') and @scope.school(#id)")
    @PutMapping("/guarded")
    String guarded(String id) {
      return "";
    }

    String notAnEndpoint() {
      return "";
    }
  }

  @RestController
  @org.springframework.web.bind.annotation.RequestMapping("/api/x/counties/{countyId}")
  static class UnitEndpoints {
    @PreAuthorize("hasRole('COUNTY_ADMIN')")
    @GetMapping("/schools")
    String roleOnly(String countyId) {
      return "";
    }

    @PreAuthorize("hasRole('COUNTY_ADMIN') and @scope.county(#countyId)")
    @GetMapping("/schools/{schoolId}")
    String countyChecked(String countyId, String schoolId) {
      return "";
    }
  }

  @RestController
  static class SchoolEndpoints {
    @PreAuthorize("hasRole('SCHOOL_ADMIN') and @scope.county(#schoolId)")
    @PutMapping("/api/x/schools/{schoolId}")
    String wrongUnit(String schoolId) {
      return "";
    }

    @PreAuthorize("hasAnyRole('CITY_STAFF')")
    @GetMapping("/api/x/catalogue")
    String noUnit() {
      return "";
    }
  }

  static class QueriesThroughJdbcTemplate {
    long count(org.springframework.jdbc.core.JdbcTemplate jdbc) {
      return jdbc.queryForObject("select count(*) from t", Long.class);
    }
  }

  static class BatchesThroughJdbcTemplate {
    void insert(org.springframework.jdbc.core.JdbcTemplate jdbc) {
      jdbc.batchUpdate("insert into t values (?)", java.util.List.<Object[]>of(new Object[] {1}));
    }
  }

  static class NightlyJobs {
    private final org.gongyu.chassis.scheduling.ClusterScan scans = new org.gongyu.chassis.scheduling.ClusterScan();

    @org.springframework.scheduling.annotation.Scheduled(cron = "0 0 1 * * *")
    void onEveryInstance() {
      sweep();
    }

    @org.springframework.scheduling.annotation.Scheduled(cron = "0 0 2 * * *")
    void once() {
      scans.once("sweep", this::sweep);
    }

    @org.springframework.scheduling.annotation.Scheduled(cron = "0 0 3 * * *")
    void onceThroughAHelper() {
      locked();
    }

    private void locked() {
      scans.once("sweep", () -> sweep());
    }

    @org.gongyu.chassis.scheduling.EveryInstance("refreshes a copy in memory")
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 100)
    void refreshCopy() {}

    void sweep() {}
  }

  @Test
  void catchesAScheduledJobThatNeitherRunsOnceNorSaysWhy() {
    JavaClasses classes = new ClassFileImporter().importClasses(NightlyJobs.class);
    assertThat(ServiceArchitectureRules.SCHEDULED_JOBS_RUN_ONCE_OR_SAY_WHY.evaluate(classes).getFailureReport().getDetails())
        .hasSize(1)
        .allSatisfy(d -> assertThat(d).contains("onEveryInstance()").contains("@EveryInstance"));
  }

  @Test
  void catchesSqlThroughJdbcTemplateButNotItsBatches() {
    JavaClasses classes = new ClassFileImporter().importClasses(QueriesThroughJdbcTemplate.class, BatchesThroughJdbcTemplate.class);
    assertThat(ServiceArchitectureRules.SQL_GOES_THROUGH_JDBC_CLIENT.evaluate(classes).getFailureReport().getDetails())
        .hasSize(1)
        .allSatisfy(d -> assertThat(d).contains(QueriesThroughJdbcTemplate.class.getSimpleName()).contains("queryForObject"));
  }

  private final JavaClasses leaky = new ClassFileImporter().importClasses(
      SendsBesideTheOutbox.class, ListensWithoutTransactionOrInbox.class, ReadsTheWallClock.class, ReadsTheInjectedClock.class,
      GuardedAndUnguardedEndpoints.class, UnitEndpoints.class, SchoolEndpoints.class);

  @Test
  void catchesAProducerBesideTheOutbox() {
    assertThat(ServiceArchitectureRules.EVENTS_LEAVE_ONLY_THROUGH_THE_OUTBOX.evaluate(leaky).getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains(SendsBesideTheOutbox.class.getSimpleName()));
  }

  @Test
  void catchesAListenerOutsideATransactionAndWithoutTheInbox() {
    assertThat(ServiceArchitectureRules.LISTENERS_ARE_TRANSACTIONAL_AND_RECORD_WHAT_THEY_CONSUMED.evaluate(leaky)
        .getFailureReport().getDetails())
        .anySatisfy(d -> assertThat(d).contains("Transactional"))
        .anySatisfy(d -> assertThat(d).contains("does not record consumed events"));
  }

  @Test
  void catchesTheWallClockButNotTheInjectedOne() {
    assertThat(ServiceArchitectureRules.TIME_COMES_FROM_THE_CLOCK.evaluate(leaky).getFailureReport().getDetails())
        .hasSize(1)
        .allSatisfy(d -> assertThat(d).contains(ReadsTheWallClock.class.getSimpleName()));
  }

  @Test
  void catchesEndpointsWithoutARoleRuleButNotGuardedOnesOrPlainMethods() {
    assertThat(ServiceArchitectureRules.ENDPOINTS_HAVE_AN_AUTHORIZATION_RULE.evaluate(leaky).getFailureReport().getDetails())
        .hasSize(2)
        .anySatisfy(d -> assertThat(d).contains("forgotten()"))
        .anySatisfy(d -> assertThat(d).contains("permitsAll()"));
  }

  @Test
  void catchesUnitEndpointsWhoseRuleDoesNotCheckTheUnit() {
    assertThat(ServiceArchitectureRules.UNIT_ENDPOINTS_CHECK_THE_UNIT.evaluate(leaky).getFailureReport().getDetails())
        .hasSize(2)
        .anySatisfy(d -> assertThat(d).contains("roleOnly").contains("@scope.county(#countyId)"))
        .anySatisfy(d -> assertThat(d).contains("wrongUnit").contains("@scope.school(#schoolId)"))
        .noneSatisfy(d -> assertThat(d).containsAnyOf("countyChecked", "noUnit", "guarded"));
  }
}
