package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The fault suite, short version (issue 18): while a load generator keeps posting registration
 * batches through the gateway, each service, the gateway and the broker is killed with SIGKILL in
 * turn and brought back with {@code platform.sh restart} (the broker with {@code platform.sh up}). A batch that got no answer or an error is sent
 * again, unchanged, until it is acknowledged (what a school's client does). After each fault the
 * checker compares what was acknowledged with what every tier shows: the school's stored records,
 * the school's own figure, the county rollup and the city's row of the county. Nothing acknowledged
 * may be lost, nothing counted twice, and the time from the restart to correct figures is printed
 * (a table at the end). The long version, with more faults and a longer load, is {@code
 * deploy/local/fault-suite.sh}.
 */
@ExtendWith(SharedPlatform.class)
class FaultSuiteSystemIT {

  static final GongyuClient client = new GongyuClient(SharedPlatform.GATEWAY, SharedPlatform.KEYCLOAK, false);
  static final Path RUN_DIR = SharedPlatform.RUN_DIR;
  static final String INDICATOR = IndicatorCodes.PLATFORM_REGISTRATION;
  static final Semester SEMESTER = Semester.containing(Instant.now().atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT);
  static final String COUNTY = "990694";
  static final List<String> SCHOOLS = List.of("9906940001", "9906940002", "9906940003", "9906940004");
  /** Students per class (the most a class may have) and classes per school: room for the load's registrations. */
  static final int ENROLMENT = 5000;
  static final int CLASSES = Integer.getInteger("gongyu.faults.classes", 1);
  /** What is killed, in turn ({@code -Dgongyu.faults=a,b} picks some). */
  static final List<String> FAULTS = List.of(System.getProperty("gongyu.faults",
      "school-service,district-service,city-service,reporting-service,gateway,kafka").split(","));
  /** Rounds over {@link #FAULTS} and seconds of load before each kill: 1 and 3 here, more in {@code fault-suite.sh}. */
  static final int ROUNDS = Integer.getInteger("gongyu.faults.rounds", 1);
  static final long LOAD_MILLIS = 1000L * Long.getLong("gongyu.faults.load-seconds", 3);
  static final Duration CONVERGE_WITHIN = Duration.ofSeconds(Long.getLong("gongyu.faults.converge", 180));

  /** One line of the fault table. */
  record Row(String fault, int acknowledged, int lost, int duplicated, double downSeconds, double convergenceSeconds) {}

  @Test
  void eachServiceAndTheBrokerKilledUnderLoadLoseNothingCountNothingTwiceAndTheFiguresConverge() throws Exception {
    // a restarted service's clock is the system's: other tests may have moved the clocks at runtime
    county(COUNTY, "故障县", SCHOOLS, CLASSES);

    AcknowledgedLoad load = new AcknowledgedLoad(client, SCHOOLS, "fs", ENROLMENT * CLASSES, ENROLMENT, SEMESTER);
    Thread generator = Thread.ofPlatform().name("fault-suite-load").daemon().start(load);
    List<Row> table = new ArrayList<>();
    try {
      for (String fault : java.util.Collections.nCopies(ROUNDS, FAULTS).stream().flatMap(List::stream).toList()) {
        GongyuClient.sleep(LOAD_MILLIS);
        int before = load.acknowledged();
        long killedAt = System.nanoTime();
        kill(fault);
        GongyuClient.sleep(3000); // the load goes on against the hole
        // a supervisor's restart of the one process (the broker: up, which starts what is not running)
        if (fault.equals("kafka")) {
          SharedPlatform.script(Duration.ofMinutes(5), "deploy/local/platform.sh", "up");
        } else {
          SharedPlatform.script(Duration.ofMinutes(5), "deploy/local/platform.sh", "restart", fault);
        }
        long upAt = System.nanoTime();
        load.pauseAndDrain(Duration.ofMinutes(2));
        Map<String, Integer> acked = load.perSchool();
        int expected = acked.values().stream().mapToInt(Integer::intValue).sum();
        long convergedAt = converge(expected, COUNTY);
        Check check = check(acked, SCHOOLS, COUNTY);
        table.add(new Row(fault, expected - before, check.lost, check.duplicated, (upAt - killedAt) / 1e9,
            convergedAt < 0 ? -1 : (convergedAt - upAt) / 1e9));
        System.out.printf("fault suite: %s killed, back after %.1f s, figures right %.1f s after the restart; %d writes "
            + "acknowledged in all, %d lost, %d duplicated%n", fault, (upAt - killedAt) / 1e9,
            convergedAt < 0 ? -1 : (convergedAt - upAt) / 1e9, expected, check.lost, check.duplicated);
        load.resume();
      }
    } finally {
      load.stop();
      generator.join(Duration.ofSeconds(120).toMillis());
    }
    System.out.println("fault suite: | fault | acknowledged writes during the fault | lost | duplicated | down→up s | convergence s |");
    table.forEach(r -> System.out.printf("fault suite: | %s | %d | %d | %d | %.1f | %.1f |%n", r.fault(), r.acknowledged(),
        r.lost(), r.duplicated(), r.downSeconds(), r.convergenceSeconds()));
    assertThat(load.failedHard()).as("writes refused with a 4xx (a bug, not a fault)").isEmpty();
    assertThat(table).hasSize(FAULTS.size() * ROUNDS).allSatisfy(r -> {
      assertThat(r.lost()).as("%s: acknowledged writes lost", r.fault()).isZero();
      assertThat(r.duplicated()).as("%s: writes counted twice", r.fault()).isZero();
      assertThat(r.convergenceSeconds()).as("%s: seconds from the restart to correct figures", r.fault()).isNotNegative();
    });
    assertThat(table.stream().mapToInt(Row::acknowledged).sum()).as("writes acknowledged while faults were injected").isPositive();
  }

  /**
   * A county of its own with {@code schools}, each with {@code classes} classes of {@link #ENROLMENT}
   * students, on the system's clock (a restarted service's clock is the system's; other tests may have
   * moved the clocks at runtime); returns when reporting shows the county's enrolment.
   */
  static void county(String countyId, String name, List<String> schools, int classes) {
    SharedPlatform.shiftClocks(Duration.ZERO, client.accounts().token("city-admin"));
    client.putCounty(countyId, name);
    for (String school : schools) {
      GongyuClient.require(client.putSchool(countyId, school, school + "号小学", "PRIMARY", null), "school " + school);
      for (int c = 1; c <= classes; c++) {
        GongyuClient.require(client.putClass(school, "C" + c, SEMESTER.schoolYear(), 1, "一年级" + c + "班", ENROLMENT),
            "class of " + school);
      }
    }
    await("the county's enrolment", () -> county(countyId).path("denominator").asLong(-1) == (long) ENROLMENT * classes * schools.size(),
        Duration.ofSeconds(120));
  }

  /** SIGKILL, as a crash: no shutdown hook, no flush. */
  static void kill(String component) throws Exception {
    Path pidFile = RUN_DIR.resolve("pids/" + component + ".pid");
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(component + " is not running"));
    process.destroyForcibly();
    process.onExit().get(30, TimeUnit.SECONDS);
  }

  /** Until the county rollup and the city's row of the county both show {@code expected}: when, or -1 if not in time. */
  static long converge(int expected, String countyId) {
    long deadline = System.nanoTime() + CONVERGE_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (county(countyId).path("numerator").asLong(-1) == expected && cityRow(countyId).path("numerator").asLong(-1) == expected) {
          return System.nanoTime();
        }
      } catch (RuntimeException notYet) {
        // a component still starting: ask again
      }
      GongyuClient.sleep(200);
    }
    return -1;
  }

  record Check(int lost, int duplicated) {}

  /**
   * Every tier against what was acknowledged: the records each school stores (lost: acknowledged
   * but absent; duplicated: stored more than once or not acknowledged at all), and the figures (a
   * figure above the acknowledged count is a duplicate, below it a loss).
   */
  static Check check(Map<String, Integer> acked, List<String> schools, String countyId) {
    int lost = 0;
    int duplicated = 0;
    int total = 0;
    for (String school : schools) {
      int mine = acked.getOrDefault(school, 0);
      total += mine;
      JsonNode records = GongyuClient.require(client.get("/api/school/schools/" + school + "/platform-registrations?semester="
          + SEMESTER.id()), "records of " + school).body();
      Set<String> ids = new HashSet<>();
      int active = 0;
      for (JsonNode r : records) {
        if (!"WITHDRAWN".equals(r.path("recordStatus").asString())) {
          active++;
          ids.add(r.path("externalId").asString());
        }
      }
      lost += Math.max(0, mine - ids.size());
      duplicated += Math.max(0, active - mine);
      long figure = schoolFigure(school);
      lost += (int) Math.max(0, mine - figure);
      duplicated += (int) Math.max(0, figure - mine);
    }
    long county = county(countyId).path("numerator").asLong(-1);
    long city = cityRow(countyId).path("numerator").asLong(-1);
    for (long tier : List.of(county, city)) {
      lost += (int) Math.max(0, total - tier);
      duplicated += (int) Math.max(0, tier - total);
    }
    return new Check(lost, duplicated);
  }

  static long schoolFigure(String school) {
    for (JsonNode s : client.get("/api/school/schools/" + school + "/indicators/" + SEMESTER.id()).body()) {
      if (s.path("indicatorCode").asString().equals(INDICATOR)) {
        return s.path("numerator").asLong();
      }
    }
    return 0;
  }

  static JsonNode county(String countyId) {
    return client.countyReport(INDICATOR, SEMESTER.id(), countyId).body().path("county");
  }

  static JsonNode cityRow(String countyId) {
    for (JsonNode c : client.cityReport(INDICATOR, SEMESTER.id()).body().path("counties")) {
      if (countyId.equals(c.path("id").asString())) {
        return c;
      }
    }
    return tools.jackson.databind.node.MissingNode.getInstance();
  }

  static void await(String what, java.util.function.BooleanSupplier done, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("%s within %s", what, within).isLessThan(deadline);
      GongyuClient.sleep(200);
    }
  }
}
