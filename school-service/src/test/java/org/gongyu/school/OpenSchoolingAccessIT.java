package org.gongyu.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.Test;

/**
 * The access matrix of the open-schooling, reading, guard-duty and practice-base endpoints (issue 17
 * item 4): every endpoint × the six roles × own, sibling and other-county school, plus anonymous.
 * Only the school's own users reach them: its parents' and pupils' keys stay at the school.
 */
class OpenSchoolingAccessIT extends SchoolRecordsItSupport {

  int statusOf(String method, String path, String body, String token) {
    return matrix.call(method, path, body, token);
  }

  long rows(String table, String school) {
    return jdbc.sql("select count(*) from " + table + " where school_id = ?").param(school).query(Long.class).single();
  }

  static final List<String> TABLES = List.of("open_school_event", "reading_campaign", "guard_duty_member", "practice_base");

  @Test
  void accessMatrixEveryEndpointEveryRoleOwnSiblingAndOtherCountySchool() {
    var own = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OWN);
    var sibling = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.SIBLING);
    var other = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OTHER_COUNTY);
    registerSchool(own, "990101");
    registerSchool(sibling, "990101");
    registerSchool(other, "990102");
    for (String school : List.of(own, sibling, other)) {
      int status = statusOf("PUT", "/api/school/schools/" + school + "/classes/MXR1",
          "{\"schoolYear\":\"" + YEAR + "\",\"grade\":3,\"name\":\"三年级一班\",\"enrolment\":30}", Keycloak.token("admin-" + school));
      assertThat(status).isIn(200, 201);
    }
    String semester = YEAR + "-1";
    String event = "{\"type\":\"OPEN_DAY\",\"date\":\"2027-09-10\",\"mode\":\"OFFLINE\",\"theme\":\"校园开放日\",\"attendance\":80}";
    String campaign = "{\"classId\":\"MXR1\",\"name\":\"21天亲子共读\",\"startDate\":\"2027-09-10\"}";
    String member = "{\"kind\":\"TEACHER\",\"personRef\":\"T-mx-1\",\"signedUpOn\":\"2027-09-01\"}";
    String practiceBase = "{\"name\":\"城郊农场\",\"type\":\"LABOUR\",\"partnerUnit\":\"城郊农场\",\"courses\":3,\"active\":true}";
    Set<String> schoolUsers = Set.of("school-staff", "school-admin");
    String b = "/api/school/schools/";
    var endpoints = List.of(
        AccessMatrix.Endpoint.send("PUT", AccessMatrix.Level.SCHOOL, s -> b + s + "/open-school-events/MX-E", event, schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> b + s + "/open-school-events?semester=" + semester, schoolUsers),
        AccessMatrix.Endpoint.send("PUT", AccessMatrix.Level.SCHOOL, s -> b + s + "/reading-campaigns/MX-R", campaign, schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> b + s + "/reading-campaigns?semester=" + semester, schoolUsers),
        AccessMatrix.Endpoint.send("PUT", AccessMatrix.Level.SCHOOL, s -> b + s + "/guard-duty/members/MX-M", member, schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> b + s + "/guard-duty/members", schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> b + s + "/guard-duty/coverage?semester=" + semester, schoolUsers),
        AccessMatrix.Endpoint.send("PUT", AccessMatrix.Level.SCHOOL, s -> b + s + "/practice-bases/MX-B", practiceBase, schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> b + s + "/practice-bases/summary", schoolUsers));

    AccessMatrix.Result result = AccessMatrix.run(endpoints, this::statusOf);
    System.out.println(result.summary("school-service open schooling, reading, guard duty, practice bases"));
    assertThat(result.failures()).as(result.summary("school-service")).isEmpty();
    assertThat(result.cells()).hasSize(9 * (3 * 6 + 1));
    for (String table : TABLES) {
      assertThat(rows(table, own)).as(table + " of " + own).isEqualTo(1);
      for (String school : List.of(sibling, other)) {
        assertThat(rows(table, school)).as(table + " of " + school).isZero();
      }
    }
  }
}
