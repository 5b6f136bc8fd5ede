package org.gongyu.school.guardduty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.school.HttpItSupport;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guard duty and practice bases against a real PostgreSQL: members and duties created, corrected with
 * a reason, withdrawn; each refusal (422 or 409) naming its field; a member's reference never
 * answered; coverage counts; a signed-off period refusing a duty dated in it.
 */
class GuardDutyIT extends HttpItSupport {

  /** 2026-11-23 noon in Beijing. */
  static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
  static final String SEMESTER = "2026-2027-1";

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    RealInfrastructure.register(registry, "school_guardduty");
    registry.add("spring.kafka.consumer.group-id", () -> "school-service-it-guardduty");
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

  static String base(String school) {
    return "/api/school/schools/" + school;
  }

  static Map<String, Object> member(String kind, String ref, String signedUpOn, Object... more) {
    Map<String, Object> m = new HashMap<>(Map.of("kind", kind, "personRef", ref, "signedUpOn", signedUpOn));
    for (int i = 0; i + 1 < more.length; i += 2) {
      m.put((String) more[i], more[i + 1]);
    }
    return m;
  }

  static Map<String, Object> duty(String date, String slot, List<String> members, Object... more) {
    Map<String, Object> m = new HashMap<>(Map.of("date", date, "slot", slot, "memberIds", members));
    for (int i = 0; i + 1 < more.length; i += 2) {
      m.put((String) more[i], more[i + 1]);
    }
    return m;
  }

  @Test
  void membersAndDutiesWithTheirTrailsRefusalsAndCoverage() {
    String school = "9901017901";
    registerSchool(school);
    String members = base(school) + "/guard-duty/members/";
    String duties = base(school) + "/guard-duty/duties/";

    Response guard = send("PUT", members + "M-1", member("SECURITY_GUARD", "STAFF-REF-001", "2026-09-01"));
    assertThat(guard.status()).as(guard.body()).isEqualTo(201);
    assertThat(guard.body()).contains("\"kind\":\"SECURITY_GUARD\"").contains("\"memberId\":\"M-1\"").doesNotContain("STAFF-REF-001");
    assertThat(send("PUT", members + "M-2", member("TEACHER", "STAFF-REF-002", "2026-09-01")).status()).isEqualTo(201);
    Response staffAgain = send("PUT", members + "M-2", member("TEACHER", "STAFF-REF-002", "2026-09-01"));
    assertThat(staffAgain.status()).as("identical, no voluntary for staff: " + staffAgain.body()).isEqualTo(200);
    assertThat(staffAgain.body()).contains("\"version\":1").doesNotContain("\"voluntary\":false");
    Response parent = send("PUT", members + "M-3", member("PARENT", "GUARDIAN-REF-003", "2026-09-15", "voluntary", true));
    assertThat(parent.status()).as(parent.body()).isEqualTo(201);
    assertThat(parent.body()).contains("\"voluntary\":true").doesNotContain("GUARDIAN-REF-003");
    assertThat(send("PUT", members + "M-3", member("PARENT", "GUARDIAN-REF-003", "2026-09-15", "voluntary", true)).status())
        .as("identical").isEqualTo(200);

    // member refusals name their field
    Response noVoluntary = send("PUT", members + "M-9", member("PARENT", "G-9", "2026-09-15"));
    assertThat(noVoluntary.status()).isEqualTo(422);
    assertThat(noVoluntary.body()).contains("voluntary");
    Response staffVoluntary = send("PUT", members + "M-9", member("TEACHER", "T-9", "2026-09-15", "voluntary", true));
    assertThat(staffVoluntary.status()).isEqualTo(422);
    assertThat(staffVoluntary.body()).contains("voluntary");
    Response future = send("PUT", members + "M-9", member("TEACHER", "T-9", "2026-11-24"));
    assertThat(future.status()).isEqualTo(422);
    assertThat(future.body()).contains("signedUpOn");
    Response leftBefore = send("PUT", members + "M-9", member("TEACHER", "T-9", "2026-09-15", "leftOn", "2026-09-15"));
    assertThat(leftBefore.status()).isEqualTo(422);
    assertThat(leftBefore.body()).contains("leftOn");

    // duties
    Response d1 = send("PUT", duties + "D-1", duty("2026-10-12", "ARRIVAL", List.of("M-1", "M-3")));
    assertThat(d1.status()).as(d1.body()).isEqualTo(201);
    assertThat(d1.body()).contains("\"memberIds\":[\"M-1\",\"M-3\"]").doesNotContain("GUARDIAN-REF");
    assertThat(send("PUT", duties + "D-2", duty("2026-10-12", "DISMISSAL", List.of("M-2"))).status()).isEqualTo(201);
    assertThat(send("PUT", duties + "D-3", duty("2026-10-13", "ARRIVAL", List.of("M-2"))).status()).isEqualTo(201);
    // planned ahead: allowed
    assertThat(send("PUT", duties + "D-4", duty("2026-12-01", "ARRIVAL", List.of("M-1"))).status()).isEqualTo(201);

    Response none = send("PUT", duties + "X-1", duty("2026-10-14", "ARRIVAL", List.of()));
    assertThat(none.status()).as(none.body()).isEqualTo(422);
    assertThat(none.body()).contains("memberIds");
    Response twiceListed = send("PUT", duties + "X-2", duty("2026-10-14", "ARRIVAL", List.of("M-1", "M-1")));
    assertThat(twiceListed.status()).isEqualTo(422);
    assertThat(twiceListed.body()).contains("memberIds[1]");
    Response unknown = send("PUT", duties + "X-3", duty("2026-10-14", "ARRIVAL", List.of("NOPE")));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.body()).contains("memberIds[0]");
    Response sameSlot = send("PUT", duties + "X-4", duty("2026-10-12", "ARRIVAL", List.of("M-2", "M-3")));
    assertThat(sameSlot.status()).as(sameSlot.body()).isEqualTo(409);
    assertThat(sameSlot.body()).contains("memberIds[1]").contains("D-1");
    Response notYet = send("PUT", duties + "X-5", duty("2026-09-10", "ARRIVAL", List.of("M-3")));
    assertThat(notYet.status()).as("signed up on 09-15").isEqualTo(409);
    assertThat(notYet.body()).contains("memberIds[0]");
    assertThat(jdbc.sql("select count(*) from guard_duty where school_id = ? and duty_id like 'X-%'").param(school)
        .query(Long.class).single()).isZero();

    // the parent leaves: not before their duty; once left, not scheduled again
    Response leavesTooEarly = send("PUT", members + "M-3", member("PARENT", "GUARDIAN-REF-003", "2026-09-15", "voluntary", true,
        "leftOn", "2026-10-01", "reason", "家长退出"));
    assertThat(leavesTooEarly.status()).as(leavesTooEarly.body()).isEqualTo(409);
    assertThat(leavesTooEarly.body()).contains("leftOn").contains("D-1");
    Response leaves = send("PUT", members + "M-3", member("PARENT", "GUARDIAN-REF-003", "2026-09-15", "voluntary", true,
        "leftOn", "2026-11-01", "reason", "家长退出"));
    assertThat(leaves.status()).as(leaves.body()).isEqualTo(200);
    assertThat(leaves.body()).contains("\"version\":2");
    Response left = send("PUT", duties + "X-6", duty("2026-11-02", "DISMISSAL", List.of("M-3")));
    assertThat(left.status()).as(left.body()).isEqualTo(409);
    assertThat(left.body()).contains("memberIds[0]").contains("2026-11-01");
    assertThat(send("POST", members + "M-3/withdrawal", Map.of("reason", "x")).status()).as("still on D-1").isEqualTo(409);

    // a duty corrected needs a reason; withdrawn: 409 the second time
    assertThat(send("PUT", duties + "D-3", duty("2026-10-13", "DISMISSAL", List.of("M-2"))).status()).isEqualTo(400);
    assertThat(send("PUT", duties + "D-3", duty("2026-10-13", "DISMISSAL", List.of("M-2"), "reason", "改为放学")).status()).isEqualTo(200);
    assertThat(get(duties + "D-3/history").body()).contains("CREATED").contains("CORRECTED").contains("改为放学");
    assertThat(send("POST", duties + "D-4/withdrawal", Map.of("reason", "取消")).status()).isEqualTo(200);
    assertThat(send("POST", duties + "D-4/withdrawal", Map.of("reason", "取消")).status()).isEqualTo(409);

    // lists and coverage: 10-12 has both slots, 10-13 dismissal only
    Response list = get(base(school) + "/guard-duty/duties?semester=" + SEMESTER);
    assertThat(list.body()).contains("D-1").contains("D-2").contains("D-3").contains("WITHDRAWN");
    assertThat(get(base(school) + "/guard-duty/members?kind=PARENT").body()).contains("M-3").doesNotContain("M-1")
        .doesNotContain("GUARDIAN-REF");
    assertThat(get(members + "M-3/history").body()).doesNotContain("GUARDIAN-REF");
    Response coverage = get(base(school) + "/guard-duty/coverage?semester=" + SEMESTER);
    assertThat(coverage.status()).isEqualTo(200);
    assertThat(coverage.body()).contains("\"daysWithDuty\":2").contains("\"daysBothSlots\":1").contains("\"duties\":3")
        .contains("\"membersByKind\":{\"SECURITY_GUARD\":1,\"TEACHER\":1}");
    String key = jdbc.sql("select guardian_key from guard_duty_member where school_id = ? and member_id = 'M-3'").param(school)
        .query(String.class).single();
    assertThat(key).hasSize(64).doesNotContain("GUARDIAN");
    assertThat(get(base(school) + "/guard-duty/members").body()).doesNotContain(key);

    assertThat(matrix.call("GET", base(school) + "/guard-duty/members", null, Keycloak.tokenAs("county-admin", "990101")))
        .isEqualTo(403);
  }

  @Test
  void aSignedOffPeriodRefusesADutyDatedInIt() {
    String school = "9901017902";
    registerSchool(school);
    assertThat(send("PUT", base(school) + "/classes/C0", Map.of("schoolYear", "2025-2026", "grade", 2, "name", "二年级1班",
        "enrolment", 30)).status()).isEqualTo(201);
    assertThat(send("PUT", base(school) + "/guard-duty/members/M-1", member("TEACHER", "T-1", "2025-09-01")).status()).isEqualTo(201);
    assertThat(send("POST", base(school) + "/sign-offs/2025-2026-2", null).status()).isEqualTo(201);
    Response locked = send("PUT", base(school) + "/guard-duty/duties/D-1", duty("2026-03-10", "ARRIVAL", List.of("M-1")));
    assertThat(locked.status()).as(locked.body()).isEqualTo(409);
    assertThat(locked.body()).contains("2025-2026-2");
    assertThat(send("PUT", base(school) + "/guard-duty/duties/D-2", duty("2026-10-10", "ARRIVAL", List.of("M-1"))).status())
        .isEqualTo(201);
    Response lockedBase = send("PUT", base(school) + "/practice-bases/B-1", Map.of("name", "城郊农场劳动基地", "type", "LABOUR",
        "partnerUnit", "城郊农场", "agreementSignedOn", "2026-03-01", "courses", 4, "active", true));
    assertThat(lockedBase.status()).as(lockedBase.body()).isEqualTo(409);
  }

  @Test
  void practiceBasesAreRecordedCorrectedWithdrawnAndCounted() {
    String school = "9901017903";
    registerSchool(school);
    String bases = base(school) + "/practice-bases/";
    Map<String, Object> farm = new HashMap<>(Map.of("name", "城郊农场劳动基地", "type", "LABOUR", "partnerUnit", "城郊农场",
        "agreementSignedOn", "2026-09-01", "courses", 4, "active", true));
    Response created = send("PUT", bases + "B-1", farm);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(send("PUT", bases + "B-2", Map.of("name", "消防救援站", "type", "SAFETY", "partnerUnit", "区消防救援大队",
        "courses", 2, "active", true)).status()).isEqualTo(201);
    assertThat(send("PUT", bases + "B-3", Map.of("name", "博物馆研学", "type", "STUDY_TOUR", "partnerUnit", "市博物馆",
        "courses", 3, "active", false)).status()).isEqualTo(201);
    assertThat(send("PUT", bases + "B-1", farm).status()).isEqualTo(200);
    farm.put("courses", 6);
    assertThat(send("PUT", bases + "B-1", farm).status()).as("a correction needs a reason").isEqualTo(400);
    farm.put("reason", "新增课程");
    Response corrected = send("PUT", bases + "B-1", farm);
    assertThat(corrected.status()).isEqualTo(200);
    assertThat(corrected.body()).contains("\"courses\":6").contains("\"version\":2");

    Response bad = send("PUT", bases + "B-9", Map.of("name", "x", "type", "LABOUR", "partnerUnit", "y",
        "agreementSignedOn", "2026-12-01", "courses", 1, "active", true));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.body()).contains("agreementSignedOn");
    Response negative = send("PUT", bases + "B-9", Map.of("name", "x", "type", "LABOUR", "partnerUnit", "y", "courses", -1, "active", true));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.body()).contains("courses");
    assertThat(send("PUT", bases + "B-9", Map.of("name", "x", "type", "ZOO", "partnerUnit", "y", "courses", 1, "active", true)).status())
        .isEqualTo(400);

    assertThat(get(base(school) + "/practice-bases/summary").body())
        .isEqualTo("{\"bases\":3,\"active\":2,\"courses\":8,\"activeByType\":{\"LABOUR\":1,\"SAFETY\":1}}");
    assertThat(send("POST", bases + "B-2/withdrawal", Map.of("reason", "合作终止")).status()).isEqualTo(200);
    assertThat(send("POST", bases + "B-2/withdrawal", Map.of("reason", "again")).status()).isEqualTo(409);
    assertThat(get(base(school) + "/practice-bases/summary").body()).contains("\"bases\":2").contains("\"courses\":6");
    assertThat(get(base(school) + "/practice-bases?active=true").body()).contains("B-1").doesNotContain("B-3");
    assertThat(get(base(school) + "/practice-bases?type=SAFETY").body()).contains("B-2").contains("WITHDRAWN");
    assertThat(get(bases + "B-1/history").body()).contains("新增课程");
  }
}
