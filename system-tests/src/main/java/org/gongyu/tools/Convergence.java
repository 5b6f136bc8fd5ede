package org.gongyu.tools;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18 item 2: how long a single crash keeps a figure wrong. On a running platform, for each
 * component in turn: SIGKILL, then at once {@code platform.sh restart} (what a supervisor does),
 * while a school's new registrations are sent (and sent again until acknowledged: a school's
 * client). Printed per fault: seconds from the kill until the component is ready again, and until
 * every tier shows the new registrations (the county rollup and the city total in reporting-service).
 * Its own county ({@code 9907xx}) keeps the demo city's figures apart; the city total is compared
 * with what it was before plus what this run added, so nothing else may write to the city meanwhile.
 */
final class Convergence {

  private static final String INDICATOR = IndicatorCodes.PLATFORM_REGISTRATION;
  private static final int ENROLMENT = 5000;
  private static final int BATCH = 5;

  record Options(String gateway, String keycloak, Path runDir, Path platformScript, List<String> faults, int repeat,
      String county) {}

  /** One kill: seconds from the kill to ready, and to correct figures. */
  record Round(String fault, double readySeconds, double correctSeconds) {}

  private final Options o;
  private final GongyuClient client;
  private final Semester semester = Semester.containing(Instant.now().atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT);
  private final String school;
  private final String at;
  private int sent;

  private Convergence(Options o) {
    this.o = o;
    this.client = new GongyuClient(o.gateway(), o.keycloak(), false);
    this.school = o.county() + "0001";
    this.at = semester.start(SchoolCalendar.DEFAULT).atStartOfDay(DemoCity.ZONE).plusDays(1).toInstant().toString();
  }

  static List<Round> run(Options o, PrintStream out) throws Exception {
    return new Convergence(o).measure(out);
  }

  private List<Round> measure(PrintStream out) throws Exception {
    client.putCounty(o.county(), "收敛县");
    GongyuClient.require(client.putSchool(o.county(), school, "收敛小学", "PRIMARY", null), "school " + school);
    GongyuClient.require(client.putClass(school, "C1", semester.schoolYear(), 1, "一年级1班", ENROLMENT), "class of " + school);
    // what this county already holds (a second run of the bench in the same county goes on from there)
    sent = (int) awaitSettled(Duration.ofMinutes(3));
    long cityBase = client.cityNumerator(INDICATOR, semester.id()) - sent;
    out.printf("convergence: county %s, school %s, %d registrations already; city total without them %d%n", o.county(), school,
        sent, cityBase);

    List<Round> rounds = new ArrayList<>();
    for (int r = 1; r <= o.repeat(); r++) {
      for (String fault : o.faults()) {
        long killedAt = System.nanoTime();
        kill(fault);
        Process restart = new ProcessBuilder(o.platformScript().toString(), "restart", fault)
            .redirectErrorStream(true).redirectOutput(o.runDir().resolve("logs/convergence-restart.log").toFile()).start();
        sendUntilAcknowledged(Duration.ofMinutes(5));
        if (!restart.waitFor(10, TimeUnit.MINUTES) || restart.exitValue() != 0) {
          throw new IllegalStateException("platform.sh restart " + fault + " failed: see "
              + o.runDir().resolve("logs/convergence-restart.log"));
        }
        double ready = (System.nanoTime() - killedAt) / 1e9;
        long correctAt = awaitCorrect(sent, cityBase + sent, Duration.ofMinutes(5));
        Round round = new Round(fault, ready, (correctAt - killedAt) / 1e9);
        rounds.add(round);
        out.printf("convergence: round %d, %s killed: ready again after %.1f s, figures right after %.1f s%n", r, fault,
            round.readySeconds(), round.correctSeconds());
      }
    }
    print(rounds, out);
    return rounds;
  }

  static void print(List<Round> rounds, PrintStream out) {
    Map<String, List<Round>> byFault = new LinkedHashMap<>();
    rounds.forEach(r -> byFault.computeIfAbsent(r.fault(), f -> new ArrayList<>()).add(r));
    out.println();
    out.println("crash → ready and crash → correct figures, seconds, median (min–max) of " + (byFault.isEmpty() ? 0
        : byFault.values().iterator().next().size()) + " kills:");
    out.printf("%-20s %24s %24s%n", "killed", "ready again", "figures right");
    byFault.forEach((fault, rs) -> out.printf("%-20s %24s %24s%n", fault,
        spread(rs.stream().mapToDouble(Round::readySeconds).toArray()),
        spread(rs.stream().mapToDouble(Round::correctSeconds).toArray())));
  }

  /** {@code median (min–max)} with one decimal. */
  static String spread(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    return String.format("%.1f (%.1f–%.1f)", median, v[0], v[v.length - 1]);
  }

  /** SIGKILL, as a crash: no shutdown hook, no flush. */
  private void kill(String component) throws Exception {
    long pid = Long.parseLong(Files.readString(o.runDir().resolve("pids/" + component + ".pid")).trim());
    ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException(component + " is not running"));
    process.destroyForcibly();
    process.onExit().get(30, TimeUnit.SECONDS);
  }

  /** A batch of new registrations, sent again unchanged until the platform acknowledges it. */
  private void sendUntilAcknowledged(Duration within) {
    List<GongyuClient.Registration> batch = new ArrayList<>();
    for (int i = sent; i < sent + BATCH; i++) {
      batch.add(new GongyuClient.Registration("cv-" + school + "-" + i, "C1", "CV-" + school + "-" + i, "CVG-" + school + "-" + i, at));
    }
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        GongyuClient.Reply reply = client.postRegistrations(school, semester.id(), batch);
        if (reply.ok()) {
          sent += BATCH;
          return;
        }
        if (reply.status() >= 400 && reply.status() < 500 && reply.status() != 401 && reply.status() != 404
            && reply.status() != 429) {
          // a refusal, not a fault: the bench's own mistake
          throw new IllegalArgumentException("registrations refused: " + reply.status() + " " + reply.body());
        }
      } catch (IllegalArgumentException refused) {
        throw refused;
      } catch (RuntimeException unreachable) {
        // the component is down: the school's client tries again
      }
      GongyuClient.sleep(100);
    }
    throw new IllegalStateException("registrations not acknowledged within " + within);
  }

  /** Until the county rollup and the city total show what was acknowledged: when. */
  private long awaitCorrect(long county, long city, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (countyNumerator() == county && client.cityNumerator(INDICATOR, semester.id()) == city) {
          return System.nanoTime();
        }
      } catch (RuntimeException notYet) {
        // reporting-service or the gateway still starting
      }
      GongyuClient.sleep(100);
    }
    throw new IllegalStateException("figures not right within " + within + ": county " + countyNumerator() + " of " + county);
  }

  /** Until the county's figure stops moving (two equal reads 2 s apart, the school's own figure equal): its value. */
  private long awaitSettled(Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    long last = -2;
    while (System.nanoTime() < deadline) {
      long now = countyNumerator();
      if (now == last && now == schoolNumerator()) {
        return Math.max(now, 0);
      }
      last = now;
      GongyuClient.sleep(2000);
    }
    throw new IllegalStateException("the county's figure did not settle within " + within);
  }

  private long countyNumerator() {
    GongyuClient.Reply r = client.countyReport(INDICATOR, semester.id(), o.county());
    JsonNode county = r.body().path("county");
    return r.ok() && county.isObject() ? county.path("numerator").asLong(-1) : -1;
  }

  private long schoolNumerator() {
    GongyuClient.Reply r = client.get("/api/school/schools/" + school + "/indicators/" + semester.id());
    if (r.ok()) {
      for (JsonNode s : r.body()) {
        if (s.path("indicatorCode").asString().equals(INDICATOR)) {
          return s.path("numerator").asLong();
        }
      }
    }
    return 0;
  }
}
