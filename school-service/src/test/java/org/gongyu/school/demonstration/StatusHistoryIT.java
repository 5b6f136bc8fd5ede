package org.gongyu.school.demonstration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.district.v1.DemonstrationStatusChanged;
import org.gongyu.school.SchoolRecordsItSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The school sees every status step the county took on its application, not only the latest:
 * {@code DemonstrationStatusChanged} events fed out of order, redelivered and duplicated under
 * another event id end up as one step per version, listed by version, on the application's API.
 * County 990187 and its schools are this test's own.
 */
class StatusHistoryIT extends SchoolRecordsItSupport {

  static final String COUNTY = "990187";
  static final String S1 = "9901870001";
  static final String S2 = "9901870002";
  static final String P = "990187-DEMO-2027";
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final LocalDate CREATION_ENDS = LocalDate.parse("2028-10-15");

  @BeforeAll
  void countyWithSchoolsAndAProgramme() {
    registerSchool(S1, COUNTY);
    registerSchool(S2, COUNTY);
    var programme = DemonstrationIT.programme(P, COUNTY, "2027—2030 示范学校创建（状态历史）", LocalDate.parse("2027-10-01"),
        LocalDate.parse("2027-10-31"), 1);
    consume(programme);
  }

  /** The county's step {@code version}: at NOW + version hours, with what the step sets. */
  static EventEnvelope<DemonstrationStatusChanged> step(UUID app, String school, long version, DemonstrationStatus status,
      DemonstrationStatus previous, BigDecimal finalScore, LocalDate validUntil, LocalDate rectificationDeadline, String reason) {
    LocalDate ends = status == DemonstrationStatus.APPLIED || status == DemonstrationStatus.DECLINED ? null : CREATION_ENDS;
    return EventEnvelope.wrap("district-service", NOW, new DemonstrationStatusChanged(app, P, COUNTY, school, status, previous,
        NOW.plus(Duration.ofHours(version)), version, ends, finalScore, validUntil, rectificationDeadline, reason));
  }

  static EventEnvelope<DemonstrationStatusChanged> step(UUID app, long version, DemonstrationStatus status, DemonstrationStatus previous) {
    return step(app, S1, version, status, previous, null, null, null, null);
  }

  void consume(EventEnvelope<?> event) {
    kafka.send(Topics.DISTRICT_DEMONSTRATION, COUNTY, EventCodec.encode(event));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
            "select count(*) from inbox_event where consumer = 'school.demonstration' and event_id = ?")
        .param(event.eventId()).query(Long.class).single() == 1);
  }

  UUID apply(String school) {
    Response r = send("POST", "/api/school/schools/" + school + "/demonstration/applications",
        DemonstrationIT.application(P, "一校一案：建成三级家委会，完善家长学校课程。", "A1", 2, null, "A2", 3, null));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return UUID.fromString(JSON.readTree(r.body()).get("applicationId").asString());
  }

  JsonNode application(String school, UUID app) {
    Response r = get("/api/school/schools/" + school + "/demonstration/applications/" + app);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  static List<String> statuses(JsonNode application) {
    List<String> out = new ArrayList<>();
    application.get("statusHistory").forEach(s -> out.add(s.get("version").asLong() + ":" + s.get("status").asString()));
    return out;
  }

  @Test
  void everyStepTheCountyTookIsListedOnceInTheCountysOrderWhateverTheOrderAndRepeatsTheyArrivedIn() {
    UUID app = apply(S1);
    assertThat(application(S1, app).get("statusHistory")).as("nothing heard from the county yet").isEmpty();

    var applied = step(app, 1, DemonstrationStatus.APPLIED, null);
    var accepted = step(app, S1, 2, DemonstrationStatus.CREATING, DemonstrationStatus.APPLIED, null, null, null, "同意创建");
    var selfEvaluated = step(app, 3, DemonstrationStatus.SELF_EVALUATED, DemonstrationStatus.CREATING);
    var assessing = step(app, 4, DemonstrationStatus.ASSESSING, DemonstrationStatus.SELF_EVALUATED);
    var titled = step(app, S1, 5, DemonstrationStatus.TITLED, DemonstrationStatus.ASSESSING, new BigDecimal("86.50"),
        LocalDate.parse("2031-10-14"), null, "评审通过");
    var reinspecting = step(app, S1, 6, DemonstrationStatus.REINSPECTING, DemonstrationStatus.TITLED, new BigDecimal("86.50"),
        LocalDate.parse("2031-10-14"), null, "2029 年复查");
    var rectifying = step(app, S1, 7, DemonstrationStatus.RECTIFYING, DemonstrationStatus.REINSPECTING, new BigDecimal("86.50"),
        LocalDate.parse("2031-10-14"), LocalDate.parse("2029-12-31"), "家委会改选记录不全");
    var revoked = step(app, S1, 8, DemonstrationStatus.REVOKED, DemonstrationStatus.RECTIFYING, new BigDecimal("86.50"),
        LocalDate.parse("2031-10-14"), null, "逾期未整改");

    // out of order, a redelivery of the same event and the same step again under another event id
    for (var e : List.of(accepted, applied, selfEvaluated, accepted, titled, assessing,
        step(app, S1, 2, DemonstrationStatus.CREATING, DemonstrationStatus.APPLIED, null, null, null, "同意创建"))) {
      consume(e);
    }
    JsonNode middle = application(S1, app);
    assertThat(middle.get("status").asString()).isEqualTo("TITLED");
    assertThat(middle.get("version").asLong()).isEqualTo(5);
    assertThat(statuses(middle)).containsExactly("1:APPLIED", "2:CREATING", "3:SELF_EVALUATED", "4:ASSESSING", "5:TITLED");

    for (var e : List.of(revoked, reinspecting, applied, rectifying, titled)) {
      consume(e);
    }
    JsonNode a = application(S1, app);
    assertThat(a.get("status").asString()).as("the latest stays the highest version").isEqualTo("REVOKED");
    assertThat(a.get("version").asLong()).isEqualTo(8);
    assertThat(statuses(a)).containsExactly("1:APPLIED", "2:CREATING", "3:SELF_EVALUATED", "4:ASSESSING", "5:TITLED",
        "6:REINSPECTING", "7:RECTIFYING", "8:REVOKED");
    assertThat(jdbc.sql("select count(*) from demonstration_status_step where application_id = ?").param(app)
        .query(Long.class).single()).as("one row per version").isEqualTo(8);

    JsonNode history = a.get("statusHistory");
    assertThat(history.get(0).get("previousStatus").isNull()).isTrue();
    assertThat(history.get(1).get("previousStatus").asString()).isEqualTo("APPLIED");
    assertThat(history.get(1).get("reason").asString()).isEqualTo("同意创建");
    assertThat(history.get(1).get("creationEndsOn").asString()).isEqualTo("2028-10-15");
    assertThat(Instant.parse(history.get(1).get("at").asString())).isEqualTo(NOW.plus(Duration.ofHours(2)));
    assertThat(history.get(4).get("finalScore").decimalValue()).isEqualByComparingTo("86.5");
    assertThat(history.get(4).get("titleValidUntil").asString()).isEqualTo("2031-10-14");
    assertThat(history.get(6).get("rectificationDeadline").asString()).isEqualTo("2029-12-31");
    assertThat(history.get(6).get("reason").asString()).isEqualTo("家委会改选记录不全");
    assertThat(history.get(7).get("reason").asString()).isEqualTo("逾期未整改");
    assertThat(history.get(7).get("rectificationDeadline").isNull()).isTrue();

    // the list of the school's applications carries the same history
    Response list = get("/api/school/schools/" + S1 + "/demonstration/applications");
    JsonNode listed = null;
    for (JsonNode n : JSON.readTree(list.body())) {
      if (n.get("applicationId").asString().equals(app.toString())) {
        listed = n;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(statuses(listed)).hasSize(8);

    // the history is append-only: the service's role may not change or delete a step (V14)
    assertThatThrownBy(() -> jdbc.sql("update demonstration_status_step set reason = 'x' where application_id = ?").param(app).update())
        .rootCause().hasMessageContaining("permission denied");
    assertThatThrownBy(() -> jdbc.sql("delete from demonstration_status_step where application_id = ?").param(app).update())
        .rootCause().hasMessageContaining("permission denied");
    assertThat(jdbc.sql("select count(*) from demonstration_status_step where application_id = ?").param(app)
        .query(Long.class).single()).isEqualTo(8);
  }

  @Test
  void aDeclineKeepsItsReasonAndStepsOfAnotherSchoolOrAnUnknownApplicationAreNotKept() {
    UUID app = apply(S2);
    consume(step(app, S2, 2, DemonstrationStatus.DECLINED, DemonstrationStatus.APPLIED, null, null, null, "名额已满"));
    consume(step(app, S2, 1, DemonstrationStatus.APPLIED, null, null, null, null, null)); // the first step, late
    consume(step(app, S1, 3, DemonstrationStatus.CREATING, DemonstrationStatus.DECLINED, null, null, null, null)); // names another school
    UUID unknown = UUID.randomUUID();
    consume(step(unknown, S2, 1, DemonstrationStatus.APPLIED, null, null, null, null, null));

    JsonNode a = application(S2, app);
    assertThat(a.get("status").asString()).isEqualTo("DECLINED");
    assertThat(statuses(a)).containsExactly("1:APPLIED", "2:DECLINED");
    assertThat(a.get("statusHistory").get(1).get("reason").asString()).isEqualTo("名额已满");
    assertThat(jdbc.sql("select count(*) from demonstration_status_step where application_id = ?").param(unknown)
        .query(Long.class).single()).isZero();
  }
}
