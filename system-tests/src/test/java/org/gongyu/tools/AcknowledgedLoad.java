package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.gongyu.tools.GongyuClient.Registration;

/**
 * A load generator of acknowledged writes (the fault suite, several instances): batches of 5 new registrations (each a new student and guardian) to the
 * schools in turn, every 50 ms. A batch without an acknowledgement (no answer, 5xx, a 401 while
 * Keycloak's keys are fetched again) goes to the front of the queue and is sent again unchanged;
 * a 4xx other than 401/429 is a bug and is kept for the assertion.
 */
final class AcknowledgedLoad implements Runnable {
  private final Deque<Map.Entry<String, List<Registration>>> unacknowledged = new ArrayDeque<>();
  private final Map<String, Set<String>> acked = new LinkedHashMap<>();
  private final Map<String, Integer> next = new HashMap<>();
  private final List<String> failedHard = new ArrayList<>();
  private final GongyuClient client;
  private final List<String> schools;
  private final String prefix;
  private final int perSchool;
  private final int perClass;
  private final Semester semester;
  private final String at;
  private volatile boolean paused;
  private volatile boolean stopped;
  private int turn;

  /**
   * @param prefix starts every external id and reference, so two loads never share a record
   * @param perSchool registrations each school has room for (its enrolment)
   * @param perClass students per class: registration i goes to class {@code C(1 + i / perClass)}
   */
  AcknowledgedLoad(GongyuClient client, List<String> schools, String prefix, int perSchool, int perClass, Semester semester) {
    this.client = client;
    this.schools = List.copyOf(schools);
    this.prefix = prefix;
    this.perSchool = perSchool;
    this.perClass = perClass;
    this.semester = semester;
    this.at = semester.start(SchoolCalendar.DEFAULT).atStartOfDay(DemoCity.ZONE).plusDays(1).toInstant().toString();
  }

  @Override
  public void run() {
    while (!stopped) {
      Map.Entry<String, List<Registration>> batch;
      synchronized (this) {
        batch = unacknowledged.peekFirst();
        if (batch == null && paused) {
          notifyAll();
        }
      }
      if (batch == null) {
        if (paused) {
          GongyuClient.sleep(50);
          continue;
        }
        batch = fresh();
        if (batch == null) {
          GongyuClient.sleep(200);
          continue;
        }
        synchronized (this) {
          unacknowledged.addLast(batch);
        }
      }
      send(batch);
      GongyuClient.sleep(50);
    }
  }

  private Map.Entry<String, List<Registration>> fresh() {
    String school = schools.get(turn++ % schools.size());
    int from = next.getOrDefault(school, 0);
    if (from + 5 > perSchool) {
      return null;
    }
    next.put(school, from + 5);
    List<Registration> records = new ArrayList<>();
    for (int i = from; i < from + 5; i++) {
      records.add(new Registration(prefix + "-" + school + "-" + i, "C" + (1 + i / perClass),
          prefix.toUpperCase(java.util.Locale.ROOT) + "-" + school + "-" + i, prefix.toUpperCase(java.util.Locale.ROOT) + "G-" + school + "-" + i, at));
    }
    return Map.entry(school, records);
  }

  private void send(Map.Entry<String, List<Registration>> batch) {
    GongyuClient.Reply reply;
    try {
      reply = client.postRegistrations(batch.getKey(), semester.id(), batch.getValue());
    } catch (RuntimeException unreachable) {
      GongyuClient.sleep(200);
      return; // stays first in the queue
    }
    if (reply.ok()) {
      synchronized (this) {
        unacknowledged.remove(batch);
        batch.getValue().forEach(r -> acked.computeIfAbsent(batch.getKey(), k -> new HashSet<>()).add(r.externalId()));
      }
    } else if (reply.status() >= 400 && reply.status() < 500 && reply.status() != 401 && reply.status() != 429
        && reply.status() != 404) {
      synchronized (this) {
        unacknowledged.remove(batch);
        failedHard.add(reply.status() + " " + reply.body());
      }
    } else {
      GongyuClient.sleep(200);
    }
  }

  /** Stops new batches and waits until every batch sent so far is acknowledged. */
  void pauseAndDrain(Duration within) throws InterruptedException {
    paused = true;
    long deadline = System.nanoTime() + within.toNanos();
    synchronized (this) {
      while (!unacknowledged.isEmpty()) {
        long left = deadline - System.nanoTime();
        assertThat(left).as("batches still unacknowledged after %s: %d", within, unacknowledged.size()).isPositive();
        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  void resume() {
    paused = false;
  }

  void stop() {
    stopped = true;
  }

  synchronized int acknowledged() {
    return acked.values().stream().mapToInt(Set::size).sum();
  }

  synchronized Map<String, Integer> perSchool() {
    Map<String, Integer> counts = new HashMap<>();
    acked.forEach((school, ids) -> counts.put(school, ids.size()));
    return counts;
  }

  synchronized List<String> failedHard() {
    return List.copyOf(failedHard);
  }
}
