package org.gongyu.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.Test;

/**
 * The access matrix of the consultation, committee and suggestion endpoints: every endpoint × the
 * six roles × own, sibling and other-county school, plus anonymous.
 */
class ConsultationsCommitteesSuggestionsAccessIT extends SchoolRecordsItSupport {

  int statusOf(String method, String path, String body, String token) {
    return matrix.call(method, path, body, token);
  }

  long rows(String table, String school) {
    return jdbc.sql("select count(*) from " + table + " where school_id = ?").param(school).query(Long.class).single();
  }

  @Test
  void accessMatrixEveryNewEndpointEveryRoleOwnSiblingAndOtherCountySchool() {
    var own = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OWN);
    var sibling = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.SIBLING);
    var other = AccessMatrix.Level.SCHOOL.id(AccessMatrix.Target.OTHER_COUNTY);
    registerSchool(own, "990101");
    registerSchool(sibling, "990101");
    registerSchool(other, "990102");
    for (String school : List.of(own, sibling, other)) {
      assertThat(statusOf("PUT", "/api/school/schools/" + school + "/classes/MXB2",
          "{\"schoolYear\":\"" + YEAR + "\",\"grade\":3,\"name\":\"三年级一班\",\"enrolment\":30}",
          Keycloak.token("admin-" + school))).isEqualTo(201);
    }
    long deniedBefore = jdbc.sql("select count(*) from audit_log where outcome = 'DENIED'").query(Long.class).single();
    String outreach = "{\"records\":[{\"externalId\":\"mx-1\",\"classId\":\"MXB2\",\"studentRef\":\"STU-mx-1\","
        + "\"channel\":\"NOTICE\",\"deliveredOn\":\"2027-09-10\"}]}";
    String consultation = "{\"classId\":\"MXB2\",\"studentRef\":\"STU-mx-2\",\"category\":\"STUDY\",\"openedOn\":\"2027-09-10\","
        + "\"consultant\":\"王老师\",\"status\":\"OPEN\",\"notes\":\"secret-note-mx\"}";
    String committee = "{\"level\":\"SCHOOL\",\"foundedOn\":\"2027-09-10\",\"venue\":\"活动室\",\"plaque\":true,\"rulesAdopted\":false}";
    String activity = "{\"type\":\"MEETING\",\"heldOn\":\"2027-09-20\",\"online\":false,\"theme\":\"学期会议\",\"attendance\":12}";
    String suggestion = "{\"receivedOn\":\"2027-09-10\",\"category\":\"SAFETY\",\"channel\":\"MAILBOX\",\"status\":\"OPEN\"}";
    Set<String> schoolUsers = Set.of("school-staff", "school-admin");
    var endpoints = List.of(
        AccessMatrix.Endpoint.send("POST", AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/consultation-outreach",
            outreach, schoolUsers),
        AccessMatrix.Endpoint.send("PUT", AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/consultations/MX-CASE",
            consultation, schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/consultations?schoolYear=" + YEAR,
            Set.of("school-admin")),
        AccessMatrix.Endpoint.send("PUT", AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/committees/MX-K",
            committee, schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/committees", schoolUsers),
        // issue 17 item 1: a committee's page, its members (personal data of parents) and its activities
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/committees/MX-K", schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/committees/MX-K/members", schoolUsers),
        AccessMatrix.Endpoint.send("PUT", AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/committees/MX-K/activities/MX-A",
            activity, schoolUsers),
        AccessMatrix.Endpoint.send("PUT", AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/suggestions/MX-S",
            suggestion, schoolUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> "/api/school/schools/" + s + "/suggestions?schoolYear=" + YEAR,
            schoolUsers));

    AccessMatrix.Result result = AccessMatrix.run(endpoints, this::statusOf);
    System.out.println(result.summary("school-service consultations, committees, suggestions"));
    assertThat(result.failures()).as(result.summary("school-service")).isEmpty();
    assertThat(result.cells()).hasSize(10 * (3 * 6 + 1));

    for (String school : List.of(sibling, other)) {
      for (String table : List.of("consultation_outreach", "consultation_case", "parent_committee", "parent_suggestion", "committee_activity")) {
        assertThat(rows(table, school)).as(table + " of " + school).isZero();
      }
    }
    for (String table : List.of("consultation_outreach", "consultation_case", "parent_committee", "parent_suggestion", "committee_activity")) {
      assertThat(rows(table, own)).as(table + " of " + own).isEqualTo(1);
    }
    long expectedDenials = result.cells().stream().filter(c -> !c.expected().equals("2xx")).count();
    assertThat(jdbc.sql("select count(*) from audit_log where outcome = 'DENIED'").query(Long.class).single() - deniedBefore)
        .as("every refused cell is audited").isEqualTo(expectedDenials);
  }
}
