package org.gongyu.school.parentschool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.LecturerRegistryChanged;
import org.gongyu.contracts.city.v1.LecturerRegistryChanged.Status;
import org.gongyu.school.HttpItSupport;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The school tier's copy of the city's lecturer registry (ADR 0024) against the real PostgreSQL
 * and Kafka: the highest version per lecturer kept whatever the redeliveries, replays and older
 * versions; sessions naming a registry lecturer (an unknown one refused); {@code
 * LECTURER_REGISTRATION} re-derived when a named lecturer becomes registered and trained, or is
 * suspended. Schools 9903110001 to 9903110003; lecturers LIT-*.
 */
class LecturerRegistryCopyIT extends HttpItSupport {

  /** 2026-11-23 noon in Beijing: school year 2026-2027 has started. */
  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final String YEAR = "2026-2027";

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_lecturers");
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-lecturers");
    Keycloak.register(registry);
  }

  @TestConfiguration
  static class Fixtures {
    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    /** The topic's producer is city-service; here the test is. */
    @Bean
    NewTopic lecturers() {
      return TopicBuilder.name(Topics.CITY_LECTURERS).partitions(6).replicas(1).build();
    }
  }

  @Override
  protected Instant now() {
    return NOW;
  }

  @Test
  void theCopyKeepsTheHighestVersionDespiteRedeliveriesReplaysAndOlderVersions() {
    String id = "LIT-copy";
    String v2 = event(id, "张红", Status.REGISTERED, null, 2);
    send(id, v2);
    send(id, v2); // redelivered: the same event id
    String v4 = event(id, "张红", Status.REGISTERED, LocalDate.parse("2026-10-10"), 4);
    send(id, v4);
    awaitVersion(id, 4);
    awaitConsumed(send(id, event(id, "张红（旧）", Status.SUSPENDED, null, 3))); // an older version, late
    awaitConsumed(send(id, event(id, "张红", Status.REGISTERED, LocalDate.parse("2026-10-10"), 4))); // the same version again

    assertThat(jdbc.sql("select display_name || '/' || status || '/' || trained_on || '/' || version from registry_lecturer where lecturer_id = ?")
        .param(id).query(String.class).single()).isEqualTo("张红/REGISTERED/2026-10-10/4");
    registerSchool("9903110001");
    Response list = get("/api/school/schools/9903110001/parent-school/lecturers");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("\"lecturerId\":\"LIT-copy\"").contains("\"registeredAndTrained\":true").doesNotContain("（旧）");
  }

  @Test
  void aSessionNamesARegistryLecturerAndAnUnknownOneIsRefused() {
    String school = "9903110002";
    registerSchool(school);
    String id = "LIT-named";
    send(id, event(id, "刘洋", Status.REGISTERED, LocalDate.parse("2026-09-01"), 2));
    awaitVersion(id, 2);
    String sessions = "/api/school/schools/" + school + "/parent-school/sessions/";

    Response unknown = send("PUT", sessions + "S-1", session("2026-10-12", null, "LIT-nobody"));
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
    assertThat(unknown.body()).contains("lecturerId");
    Response nobody = send("PUT", sessions + "S-1", session("2026-10-12", null, null));
    assertThat(nobody.status()).as(nobody.body()).isEqualTo(422);
    assertThat(nobody.body()).contains("lecturer");
    assertThat(jdbc.sql("select count(*) from parent_school_session where school_id = ?").param(school).query(Long.class).single())
        .isZero();

    Response named = send("PUT", sessions + "S-1", session("2026-10-12", null, id));
    assertThat(named.status()).as(named.body()).isEqualTo(201);
    assertThat(named.body()).contains("\"lecturerId\":\"LIT-named\"").contains("\"lecturer\":\"刘洋\"");
    assertThat(get(sessions + "S-1").body()).contains("\"lecturerId\":\"LIT-named\"");
    assertThat(figure(school)).isEqualTo("1/1");
  }

  @Test
  void theFigureIsReDerivedWhenANamedLecturerBecomesRegisteredAndTrainedOrIsSuspended() {
    String school = "9903110003";
    registerSchool(school);
    String id = "LIT-figure";
    send(id, event(id, "孙丽", Status.REGISTERED, null, 2));
    awaitVersion(id, 2);
    String sessions = "/api/school/schools/" + school + "/parent-school/sessions/";
    assertThat(send("PUT", sessions + "S-1", session("2026-09-20", null, id)).status()).isEqualTo(201);
    assertThat(send("PUT", sessions + "S-2", session("2026-10-20", "王老师", null)).status()).isEqualTo(201);
    assertThat(send("PUT", sessions + "S-3", session("2026-11-02", null, id)).status()).isEqualTo(201);
    assertThat(figure(school)).as("registered, not yet trained; and a lecturer not in the registry").isEqualTo("0/2");

    send(id, event(id, "孙丽", Status.REGISTERED, LocalDate.parse("2026-11-01"), 3));
    await().atMost(Duration.ofSeconds(30)).until(() -> "1/2".equals(figure(school)));
    send(id, event(id, "孙丽", Status.SUSPENDED, LocalDate.parse("2026-11-01"), 4));
    await().atMost(Duration.ofSeconds(30)).until(() -> "0/2".equals(figure(school)));
    // an older version arriving late changes nothing
    awaitConsumed(send(id, event(id, "孙丽", Status.REGISTERED, LocalDate.parse("2026-11-01"), 3)));
    assertThat(figure(school)).isEqualTo("0/2");
    assertThat(jdbc.sql("""
            select count(*) from indicator_snapshot where school_id = ? and indicator_code = 'LECTURER_REGISTRATION'""")
        .param(school).query(Long.class).single()).as("0/1, 0/2, 1/2, 0/2: one version per change of the figure").isEqualTo(4);
  }

  private static Map<String, Object> session(String date, String lecturer, String lecturerId) {
    Map<String, Object> m = new HashMap<>(Map.of("type", "COLLECTIVE", "date", date, "topic", "亲子沟通", "mode", "OFFLINE",
        "attendance", 40));
    if (lecturer != null) {
      m.put("lecturer", lecturer);
    }
    if (lecturerId != null) {
      m.put("lecturerId", lecturerId);
    }
    return m;
  }

  private String figure(String school) {
    return jdbc.sql("""
            select numerator || '/' || denominator from indicator_snapshot
            where school_id = ? and indicator_code = 'LECTURER_REGISTRATION' and period_id = ? order by version desc limit 1""")
        .params(school, YEAR).query(String.class).optional().orElse(null);
  }

  private static String event(String id, String name, Status status, LocalDate trainedOn, long version) {
    return EventCodec.encode(EventEnvelope.wrap("city-service", NOW,
        new LecturerRegistryChanged("990100", id, name, "长治学院", status, trainedOn, NOW.plusSeconds(version), version)));
  }

  /** Sends the event and answers its id. */
  private java.util.UUID send(String key, String json) {
    kafka.send(Topics.CITY_LECTURERS, key, json);
    return EventCodec.decode(json, LecturerRegistryChanged.class).eventId();
  }

  /** Waits until the listener has handled the event (its id is in the inbox: the transaction committed). */
  private void awaitConsumed(java.util.UUID eventId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
            "select count(*) from inbox_event where consumer = 'school.lecturers' and event_id = ?")
        .param(eventId).query(Long.class).single() == 1);
  }

  private void awaitVersion(String id, long version) {
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select version from registry_lecturer where lecturer_id = ?")
        .param(id).query(Long.class).optional().filter(v -> v >= version).isPresent());
  }
}
