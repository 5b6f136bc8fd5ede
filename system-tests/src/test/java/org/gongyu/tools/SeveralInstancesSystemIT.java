package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 item 1 in the test command: two instances of each service in one consumer group behind
 * the balancing gateway. Under a load of acknowledged writes, the second instances join ({@code
 * platform.sh up --instances 2}), then instance 1 of district-service is killed while
 * district-service-2 runs on; the kill is not repaired until the end. Every acknowledged write must
 * reach the county rollup and the city's row exactly once, both school-service instances must have
 * taken some of the writes (the gateway balances), and district-service-2 alone must hold every
 * partition of the school snapshots after the kill. At the end the platform is back to one instance
 * of each (the other system tests move the clock of instance 1 only).
 */
@ExtendWith(SharedPlatform.class)
class SeveralInstancesSystemIT {

  static final GongyuClient client = new GongyuClient(SharedPlatform.GATEWAY, SharedPlatform.KEYCLOAK, false);
  static final String INDICATOR = IndicatorCodes.PLATFORM_REGISTRATION;
  static final Semester SEMESTER = Semester.containing(Instant.now().atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT);
  static final String COUNTY = "990695";
  static final List<String> SCHOOLS = List.of("9906950001", "9906950002", "9906950003", "9906950004");
  static final int ENROLMENT = FaultSuiteSystemIT.ENROLMENT;
  static final String SNAPSHOTS = org.gongyu.contracts.Topics.SCHOOL_INDICATOR_SNAPSHOTS;

  @Test
  void instancesJoinAndOneIsKilledUnderLoadAndEveryAcknowledgedWriteCountsOnceEverywhere() throws Exception {
    FaultSuiteSystemIT.county(COUNTY, "多实例县", SCHOOLS, 1);
    double before = handled("school-service") + handled("school-service-2");

    // each listener container of an instance is a member of the service's group
    int consumersPerInstance = members("district-service").size();
    assertThat(consumersPerInstance).as("district-service's consumers").isPositive();

    AcknowledgedLoad load = new AcknowledgedLoad(client, SCHOOLS, "si", ENROLMENT, ENROLMENT, SEMESTER);
    Thread generator = Thread.ofPlatform().name("instances-load").daemon().start(load);
    try {
      GongyuClient.sleep(2000);
      SharedPlatform.script(Duration.ofMinutes(10), "deploy/local/platform.sh", "up", "--instances", "2");
      FaultSuiteSystemIT.await("both district-service instances in the consumer group",
          () -> members("district-service").size() == 2 * consumersPerInstance, Duration.ofSeconds(120));
      GongyuClient.sleep(5000);
      int beforeKill = load.acknowledged();
      FaultSuiteSystemIT.kill("district-service");
      FaultSuiteSystemIT.await("district-service-2 alone in the group",
          () -> members("district-service").size() == consumersPerInstance, Duration.ofSeconds(60));
      GongyuClient.sleep(5000);
      load.pauseAndDrain(Duration.ofMinutes(2));
      assertThat(load.acknowledged()).as("writes acknowledged after the kill").isGreaterThan(beforeKill);
    } finally {
      load.stop();
      generator.join(Duration.ofSeconds(120).toMillis());
    }

    Collection<MemberDescription> left = members("district-service");
    assertThat(left).as("the consumer group after the kill").hasSize(consumersPerInstance);
    assertThat(left.stream().flatMap(m -> m.assignment().topicPartitions().stream()).filter(tp -> tp.topic().equals(SNAPSHOTS)))
        .as("partitions of %s held by the survivor's consumers", SNAPSHOTS).hasSize(partitions(SNAPSHOTS));

    Map<String, Integer> acked = load.perSchool();
    int expected = acked.values().stream().mapToInt(Integer::intValue).sum();
    long convergedAt = FaultSuiteSystemIT.converge(expected, COUNTY);
    assertThat(convergedAt).as("the county and the city show the %d acknowledged writes (county %d)", expected,
        county().path("numerator").asLong(-1)).isPositive();
    FaultSuiteSystemIT.Check check = FaultSuiteSystemIT.check(acked, SCHOOLS, COUNTY);
    assertThat(check.lost()).as("acknowledged writes lost").isZero();
    assertThat(check.duplicated()).as("writes counted twice").isZero();
    assertThat(load.failedHard()).as("writes refused with a 4xx").isEmpty();

    double one = handled("school-service");
    double two = handled("school-service-2");
    System.out.printf("several instances: %d writes acknowledged; registration batches answered by school-service %.0f,"
        + " school-service-2 %.0f (before the second joined: %.0f)%n", expected, one, two, before);
    assertThat(two).as("batches the gateway sent to school-service-2").isPositive();
    assertThat(one - before).as("batches the gateway sent to school-service after the second joined").isPositive();

    // back to one instance of each, instance 1 of district-service started again
    SharedPlatform.script(Duration.ofMinutes(10), "deploy/local/platform.sh", "up");
    assertThat(Files.exists(SharedPlatform.RUN_DIR.resolve("pids/district-service-2.pid"))).as("district-service-2 stopped").isFalse();
  }

  static JsonNode county() {
    return FaultSuiteSystemIT.county(COUNTY);
  }

  /** Registration batches this instance answered, from its own /actuator/prometheus (0 when it is not running). */
  static double handled(String instance) {
    int port = 8081 + SharedPlatform.OFFSET + (instance.endsWith("-2") ? 100 : 0);
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
      double sum = 0;
      Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*uri=\"/api/school/schools/"
          + "\\{schoolId}/platform-registrations\"[^}]*} ([0-9.E]+)$").matcher(r.body());
      while (m.find()) {
        sum += Double.parseDouble(m.group(1));
      }
      return sum;
    } catch (java.io.IOException notRunning) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One admin client for the test (one per call would log its start and close at every poll). */
  static Admin admin;

  static synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(adminProps());
    }
    return admin;
  }

  @org.junit.jupiter.api.AfterAll
  static synchronized void closeAdmin() {
    if (admin != null) {
      admin.close();
      admin = null;
    }
  }

  static Collection<MemberDescription> members(String group) {
    try {
      return admin().describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group).members();
    } catch (Exception e) {
      throw new IllegalStateException("cannot describe consumer group " + group, e);
    }
  }

  static int partitions(String topic) {
    try {
      return admin().describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
    } catch (Exception e) {
      throw new IllegalStateException("cannot describe topic " + topic, e);
    }
  }

  static Properties adminProps() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + (9092 + SharedPlatform.OFFSET));
    return props;
  }
}
