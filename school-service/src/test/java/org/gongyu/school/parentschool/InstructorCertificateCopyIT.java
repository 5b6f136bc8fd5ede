package org.gongyu.school.parentschool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.InstructorCertificateChanged;
import org.gongyu.contracts.city.v1.InstructorCertificateChanged.Status;
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
 * The school tier's copy of the city's instructor certificates (ADR 0025) against the real
 * PostgreSQL and Kafka: the highest version per certificate kept whatever the redeliveries and older
 * versions; a school's instructor checked against it (未持证 when the city issued no such number, a
 * certificate of someone else not counted); {@code INSTRUCTOR_LICENSED} re-derived when a certificate
 * is issued, renewed or revoked, an expired or revoked one no longer counting from its day, and a
 * signed-off semester keeping its figure. Schools 9906110001 to 9906110003 (county 990611);
 * certificates JZ-IT-*.
 */
class InstructorCertificateCopyIT extends HttpItSupport {

  /** 2026-11-23 noon in Beijing: semester 2026-2027-1 (to 2027-01-31) has started. */
  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final String COUNTY = "990611";

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_certificates");
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-certificates");
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
    NewTopic certificates() {
      return TopicBuilder.name(Topics.CITY_INSTRUCTOR_CERTIFICATES).partitions(6).replicas(1).build();
    }
  }

  @Override
  protected Instant now() {
    return NOW;
  }

  @Test
  void theCopyKeepsTheHighestVersionDespiteRedeliveriesAndOlderVersions() {
    String n = "JZ-IT-copy";
    String v1 = event(n, "张红", "2025-07-10", "2028-07-10", null, 1);
    send(n, v1);
    send(n, v1); // redelivered: the same event id
    send(n, event(n, "张红", "2025-07-10", "2031-07-10", null, 2));
    awaitVersion(n, 2);
    awaitConsumed(send(n, event(n, "张红", "2025-07-10", "2028-07-10", null, 1))); // an older version, late
    assertThat(jdbc.sql("select holder_name || '/' || expires_on || '/' || status || '/' || version from registry_certificate where number = ?")
        .param(n).query(String.class).single()).isEqualTo("张红/2031-07-10/VALID/2");
  }

  @Test
  void anInstructorIsCheckedAgainstTheCitysCertificatesAndOnlyAValidOneOfTheirOwnCounts() {
    String school = "9906110001";
    registerSchool(school, COUNTY);
    String n = "JZ-IT-check";
    send(n, event(n, "陈静", "2025-07-10", "2028-07-10", null, 1));
    awaitVersion(n, 1);

    Response own = putInstructor(school, "I-1", "陈静", n, "2025-07-10");
    assertThat(own.status()).as(own.body()).isEqualTo(201);
    assertThat(own.body()).contains("\"certificateCheck\":\"VALID\"").contains("\"certificateExpiresOn\":\"2028-07-10\"");
    Response someoneElses = putInstructor(school, "I-2", "刘洋", n, "2025-07-10");
    assertThat(someoneElses.status()).isEqualTo(201);
    assertThat(someoneElses.body()).contains("\"certificateCheck\":\"HOLDER_MISMATCH\"").contains("\"certificateExpiresOn\":null");
    // a number the city never issued is recorded (未持证) and does not count
    Response typed = putInstructor(school, "I-3", "王芳", "XX-2020-7", "2025-07-10");
    assertThat(typed.status()).as(typed.body()).isEqualTo(201);
    assertThat(typed.body()).contains("\"certificateCheck\":\"NOT_FOUND\"");
    Response list = get("/api/school/schools/" + school + "/instructors");
    assertThat(list.body()).contains("\"certificateCheck\":\"VALID\"").contains("\"certificateCheck\":\"HOLDER_MISMATCH\"")
        .contains("\"certificateCheck\":\"NOT_FOUND\"");

    assertThat(figure(school, "2026-2027-1")).isEqualTo("1/3");
    assertThat(figure(school, "2025-2026-1")).isEqualTo("1/3");
    // INSTRUCTOR_COVERAGE (T17) still counts a school instructor, whatever the certificate
    assertThat(jdbc.sql("""
            select numerator || '/' || denominator from indicator_snapshot where school_id = ?
              and indicator_code = 'INSTRUCTOR_COVERAGE' and period_id = '2026-2027-1' order by version desc limit 1""")
        .param(school).query(String.class).single()).isEqualTo("1/1");
    // the instructor left: no longer in post, so neither counted nor counting
    Response left = send("PUT", "/api/school/schools/" + school + "/instructors/I-2", Map.of("name", "刘洋",
        "certificateNo", n, "certifiedOn", "2025-07-10", "leftOn", "2026-10-01", "reason", "调离"));
    assertThat(left.status()).as(left.body()).isEqualTo(200);
    assertThat(figure(school, "2026-2027-1")).isEqualTo("1/2");
  }

  @Test
  void theFigureFollowsIssueRenewalAndRevocationAndASignedOffSemesterKeepsIts() {
    String school = "9906110002";
    registerSchool(school, COUNTY);
    String n = "JZ-IT-life";
    assertThat(putInstructor(school, "I-1", "孙丽", n, "2025-09-15").body()).contains("\"certificateCheck\":\"NOT_FOUND\"");
    assertThat(figure(school, "2025-2026-1")).isEqualTo("0/1");
    assertThat(figure(school, "2025-2026-2")).isEqualTo("0/1");
    Response signedOff = send("POST", "/api/school/schools/" + school + "/sign-offs/2025-2026-1", null);
    assertThat(signedOff.status()).as(signedOff.body()).isEqualTo(201);

    // issued on the day of the training, expiring 2026-10-01: valid on 2026-08-31, not on 2027-01-31
    send(n, event(n, "孙丽", "2025-09-15", "2026-10-01", null, 1));
    await().atMost(Duration.ofSeconds(30)).until(() -> "1/1".equals(figure(school, "2025-2026-2")));
    assertThat(figure(school, "2026-2027-1")).as("expired before the semester's last day").isEqualTo("0/1");
    assertThat(figure(school, "2025-2026-1")).as("signed off: keeps its figure").isEqualTo("0/1");
    assertThat(get("/api/school/schools/" + school + "/instructors").body())
        .contains("\"certificateCheck\":\"EXPIRED\"");

    send(n, event(n, "孙丽", "2025-09-15", "2029-10-01", null, 2)); // renewed
    await().atMost(Duration.ofSeconds(30)).until(() -> "1/1".equals(figure(school, "2026-2027-1")));
    send(n, event(n, "孙丽", "2025-09-15", "2029-10-01", "2026-11-23", 3)); // revoked today
    await().atMost(Duration.ofSeconds(30)).until(() -> "0/1".equals(figure(school, "2026-2027-1")));
    assertThat(figure(school, "2025-2026-2")).as("valid on that semester's last day").isEqualTo("1/1");
    assertThat(get("/api/school/schools/" + school + "/instructors").body())
        .contains("\"certificateCheck\":\"REVOKED\"");
    // an older version arriving late changes nothing
    awaitConsumed(send(n, event(n, "孙丽", "2025-09-15", "2029-10-01", null, 2)));
    assertThat(figure(school, "2026-2027-1")).isEqualTo("0/1");
  }

  private Response putInstructor(String school, String id, String name, String number, String certifiedOn) {
    return send("PUT", "/api/school/schools/" + school + "/instructors/" + id,
        Map.of("name", name, "certificateNo", number, "certifiedOn", certifiedOn));
  }

  private String figure(String school, String period) {
    return jdbc.sql("""
            select numerator || '/' || denominator from indicator_snapshot
            where school_id = ? and indicator_code = 'INSTRUCTOR_LICENSED' and period_id = ? order by version desc limit 1""")
        .params(school, period).query(String.class).optional().orElse(null);
  }

  private static String event(String number, String holder, String issuedOn, String expiresOn, String revokedOn, long version) {
    return EventCodec.encode(EventEnvelope.wrap("city-service", NOW,
        new InstructorCertificateChanged("990100", number, holder, null, COUNTY, LocalDate.parse(issuedOn),
            LocalDate.parse(expiresOn), revokedOn == null ? Status.VALID : Status.REVOKED,
            revokedOn == null ? null : LocalDate.parse(revokedOn), NOW.plusSeconds(version), version)));
  }

  /** Sends the event and answers its id. */
  private UUID send(String key, String json) {
    kafka.send(Topics.CITY_INSTRUCTOR_CERTIFICATES, key, json);
    return EventCodec.decode(json, InstructorCertificateChanged.class).eventId();
  }

  /** Waits until the listener has handled the event (its id is in the inbox: the transaction committed). */
  private void awaitConsumed(UUID eventId) {
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
            "select count(*) from inbox_event where consumer = 'school.instructor-certificates' and event_id = ?")
        .param(eventId).query(Long.class).single() == 1);
  }

  private void awaitVersion(String number, long version) {
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select version from registry_certificate where number = ?")
        .param(number).query(Long.class).optional().filter(v -> v >= version).isPresent());
  }
}
