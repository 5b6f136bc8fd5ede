package org.gongyu.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.gongyu.testing.TopicRecords;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the ITs of the student-record features (home visits, special care, six ones) share: one
 * application context on the real PostgreSQL and Kafka, a clock fixed at 2026-11-23 noon in
 * Beijing (semester 2026-2027-1 has started, 2026-2027-2 has not; cycle 2024-2027 is in its third
 * school year), fixtures and readers of what was stored and published.
 */
@Import(StudentRecordsItSupport.FixedClock.class)
public abstract class StudentRecordsItSupport extends HttpItSupport {

  protected static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school");
    Keycloak.register(registry);
  }

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }
  }

  @Override
  protected Instant now() {
    return NOW;
  }

  protected void putClass(String schoolId, String classId, String year, int enrolment) {
    Response r = putClassResponse(schoolId, classId, year, enrolment);
    assertThat(r.status()).as(r.body()).isIn(200, 201);
  }

  protected Response putClassResponse(String schoolId, String classId, String year, int enrolment) {
    return send("PUT", "/api/school/schools/" + schoolId + "/classes/" + classId,
        Map.of("schoolYear", year, "grade", 3, "name", "三年级" + classId, "enrolment", enrolment, "reason", "更正"));
  }

  /** A JSON object with nulls kept (Map.of refuses them). */
  protected static Map<String, Object> json(Object... keysAndValues) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** Events the outbox saved for a school (published or about to be). */
  protected long outboxed(String schoolId) {
    return jdbc.sql("select count(*) from outbox_event where record_key = ?").param(schoolId).query(Long.class).single();
  }

  protected long snapshotRows(String schoolId) {
    return jdbc.sql("select count(*) from indicator_snapshot where school_id = ?").param(schoolId).query(Long.class).single();
  }

  /** The latest stored snapshot {numerator, denominator, version} of an indicator and period, or null. */
  protected long[] latest(String schoolId, String code, String periodId) {
    return jdbc.sql("""
            select numerator, denominator, version from indicator_snapshot
            where school_id = ? and indicator_code = ? and period_id = ? order by version desc limit 1
            """)
        .params(schoolId, code, periodId)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
        .optional()
        .orElse(null);
  }

  /** The latest figure {numerator, denominator} of an indicator and period, or null. */
  protected long[] figure(String schoolId, String code, String periodId) {
    long[] l = latest(schoolId, code, periodId);
    return l == null ? null : new long[] {l[0], l[1]};
  }

  /** The latest version of an indicator and period, 0 if none. */
  protected long version(String schoolId, String code, String periodId) {
    long[] l = latest(schoolId, code, periodId);
    return l == null ? 0 : l[2];
  }

  /**
   * Every snapshot event of the school on the topic, once all its stored versions are there. Each
   * raw record is checked to carry no student reference and none of the school's student HMACs.
   */
  protected List<IndicatorSnapshotPublished> publishedSnapshots(String schoolId, List<String> forbidden) {
    long expected = snapshotRows(schoolId);
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      records.clear();
      TopicRecords.readAll(Topics.SCHOOL_INDICATOR_SNAPSHOTS).stream().filter(r -> schoolId.equals(r.key())).forEach(records::add);
      assertThat(records).hasSize((int) expected);
    });
    List<String> keys = new ArrayList<>(forbidden);
    for (String table : List.of("home_contact", "home_visit_file", "special_student", "six_ones_participation")) {
      keys.addAll(jdbc.sql("select distinct student_key from " + table + " where school_id = ?").param(schoolId).query(String.class).list());
    }
    for (var r : records) {
      for (String k : keys) {
        assertThat(r.value()).as("a snapshot event carries aggregates only").doesNotContain(k);
      }
    }
    return records.stream().map(r -> EventCodec.decode(r.value(), IndicatorSnapshotPublished.class).payload()).toList();
  }

  /** Sends with exactly the token given (none for null). */
  protected int statusOf(String method, String path, String body, String token) {
    return matrix.call(method, path, body, token);
  }

  /** Asserts a refusal: status, problem+json, the field (with its item index) named, no internals shown. */
  protected static void assertProblem(String label, Response r, int status, String mentions) {
    assertThat(r.status()).as(label + " -> " + r.body()).isEqualTo(status);
    assertThat(r.contentType()).as(label).startsWith("application/problem+json");
    assertThat(r.body()).as(label).contains(mentions).doesNotContain("Exception").doesNotContain("org.gongyu");
  }
}
