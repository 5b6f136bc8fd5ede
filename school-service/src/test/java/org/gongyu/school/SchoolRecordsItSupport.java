package org.gongyu.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.testing.MutableClock;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.gongyu.testing.TopicRecords;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for the ITs of the consultation, committee and suggestion records and of
 * the demonstration-school programme: its own database and its own consumer group, so it neither
 * shares rows with nor steals registry events from another IT context of this JVM. The clock
 * stands in autumn 2027, so school year 2026-2027 has ended and 2027-2028 has started; a test may
 * move it ({@link #clock}) and finds it back at {@link #NOW} after each test.
 */
@Import(SchoolRecordsItSupport.FixedClock.class)
public abstract class SchoolRecordsItSupport extends HttpItSupport {

  /** 2027-10-15 noon in Beijing: semester 2027-2028-1 and school year 2027-2028 have started. */
  public static final Instant NOW = Instant.parse("2027-10-15T04:00:00Z");
  public static final String PAST_YEAR = "2026-2027";
  public static final String YEAR = "2027-2028";

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_records");
    Keycloak.register(registry);
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-records-it");
    // the daily demonstration reminders run when a test calls them (NoticesIT)
    registry.add("gongyu.school.demonstration.notice-cron", () -> "-");
    registry.add("gongyu.school.deadline-notice-cron", () -> "-");
  }

  /** The context's only clock, standing at {@link #NOW} unless a test moves it. */
  @TestConfiguration
  public static class FixedClock {
    @Bean
    @Primary
    MutableClock clock() {
      return new MutableClock(NOW);
    }
  }

  @Autowired protected MutableClock clock;

  @AfterEach
  void standTheClockBack() {
    clock.reset();
  }

  @Override
  protected Instant now() {
    return NOW;
  }

  protected Response putClass(String schoolId, String classId, String year, int enrolment) {
    return send("PUT", "/api/school/schools/" + schoolId + "/classes/" + classId,
        Map.of("schoolYear", year, "grade", 3, "name", "三年级" + classId + "班", "enrolment", enrolment, "reason", "更正"));
  }

  protected Response sendRaw(String method, String path, String json) {
    return send(method, path, json);
  }

  /** Every snapshot event this school published for an indicator, as on the topic. */
  protected List<IndicatorSnapshotPublished> events(String schoolId, String code) {
    return TopicRecords.readAll(Topics.SCHOOL_INDICATOR_SNAPSHOTS).stream()
        .filter(r -> r.key().equals(schoolId))
        .map(r -> EventCodec.decode(r.value(), IndicatorSnapshotPublished.class).payload())
        .filter(e -> e.indicatorCode().equals(code))
        .toList();
  }

  /** Waits until the topic holds this school's events for an indicator that {@code until} accepts, and returns them. */
  protected List<IndicatorSnapshotPublished> awaitEvents(String schoolId, String code,
      Predicate<List<IndicatorSnapshotPublished>> until) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
        .until(() -> events(schoolId, code), until);
  }

  /** The raw JSON of every event a school published (any indicator), for privacy checks. */
  protected List<String> rawEvents(String schoolId) {
    return TopicRecords.readAll(Topics.SCHOOL_INDICATOR_SNAPSHOTS).stream()
        .filter(r -> r.key().equals(schoolId)).map(r -> r.value()).toList();
  }

  /** The payloads written to the outbox for a school: what has been or will be published. */
  protected List<String> outbox(String schoolId) {
    return jdbc.sql("select payload from outbox_event where record_key = ? order by id").param(schoolId).query(String.class).list();
  }

  /** The latest snapshot version of an indicator and period, 0 if none. */
  protected long latestVersion(String schoolId, String code, String periodId) {
    return jdbc.sql("select coalesce(max(version), 0) from indicator_snapshot where school_id = ? and indicator_code = ? and period_id = ?")
        .params(schoolId, code, periodId).query(Long.class).single();
  }

  /** The latest figure "numerator/denominator" of an indicator and period, null if none. */
  protected String latestFigure(String schoolId, String code, String periodId) {
    return jdbc.sql("""
            select numerator || '/' || denominator from indicator_snapshot where school_id = ? and indicator_code = ? and period_id = ?
            order by version desc limit 1
            """)
        .params(schoolId, code, periodId).query(String.class).optional().orElse(null);
  }

  protected static void assertProblem(Response r, int status, String mention) {
    assertThat(r.status()).as(mention + " -> " + r.body()).isEqualTo(status);
    assertThat(r.contentType()).as(mention).startsWith("application/problem+json");
    assertThat(r.body()).as(mention).contains(mention).doesNotContain("Exception").doesNotContain("org.gongyu");
  }
}
