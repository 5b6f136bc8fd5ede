package org.gongyu.school.homevisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.school.StudentRecordsItSupport;
import org.junit.jupiter.api.Test;

/** Home contacts and home-visit files against the real PostgreSQL and Kafka. */
class HomeVisitIT extends StudentRecordsItSupport {

  static Map<String, Object> contact(String externalId, String classId, String student, String date, String mode) {
    return json("externalId", externalId, "classId", classId, "studentRef", student, "date", date, "mode", mode, "priority", false);
  }

  static Map<String, Object> file(String student, String classId, String openedOn) {
    return json("studentRef", student, "classId", classId, "openedOn", openedOn);
  }

  Response postContacts(String school, List<?> contacts) {
    return send("POST", "/api/school/schools/" + school + "/home-contacts", Map.of("contacts", contacts));
  }

  Response postFiles(String school, List<?> files) {
    return send("POST", "/api/school/schools/" + school + "/home-visit-files", Map.of("files", files));
  }

  long contacts(String school) {
    return jdbc.sql("select count(*) from home_contact where school_id = ?").param(school).query(Long.class).single();
  }

  long files(String school) {
    return jdbc.sql("select count(*) from home_visit_file where school_id = ?").param(school).query(Long.class).single();
  }

  @Test
  void contactsAndFilesDeriveTheThreeIndicatorsAndPublishAggregatesOnly() {
    String school = "9901013001";
    registerSchool(school);
    putClass(school, "C24", "2024-2025", 30);
    putClass(school, "C26A", "2026-2027", 20);
    putClass(school, "C26B", "2026-2027", 10);
    long afterClasses = outboxed(school);
    long cycleVersion = version(school, IndicatorCodes.HOME_VISIT_3Y, "2024-2027");
    long filesVersion = version(school, IndicatorCodes.VISIT_FILES, "2026-2027-1");
    long oldFilesVersion = version(school, IndicatorCodes.VISIT_FILES, "2024-2025-1");

    List<Map<String, Object>> batch = List.of(
        contact("hv-1", "C24", "STU-A", "2024-10-10", "IN_HOME"),   // A visited at home in the cycle's first year
        contact("hv-2", "C26A", "STU-A", "2026-10-10", "PHONE"),    // ... and contacted this year
        contact("hv-3", "C26A", "STU-B", "2026-09-01", "IN_HOME"),  // B visited at home on the semester's first day
        contact("hv-4", "C26B", "STU-C", "2026-11-20", "WECHAT"),
        contact("hv-5", "C26B", "STU-C", "2026-11-21", "AT_SCHOOL"));
    Response first = postContacts(school, batch);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("\"received\":5").contains("\"accepted\":5").contains("\"alreadyRecorded\":0")
        .contains("\"indicatorCode\":\"PARENT_CONTACT\"").contains("\"indicatorCode\":\"HOME_VISIT_3Y\"")
        .doesNotContain("STU-");
    assertThat(figure(school, IndicatorCodes.PARENT_CONTACT, "2026-2027-1")).containsExactly(3, 30);
    assertThat(figure(school, IndicatorCodes.PARENT_CONTACT, "2024-2025-1")).containsExactly(1, 30);
    assertThat(figure(school, IndicatorCodes.HOME_VISIT_3Y, "2024-2027")).as("A and B of this year's 30").containsExactly(2, 30);
    assertThat(figure(school, IndicatorCodes.VISIT_FILES, "2026-2027-1")).containsExactly(0, 1);
    assertThat(figure(school, IndicatorCodes.VISIT_FILES, "2024-2025-1")).containsExactly(0, 1);
    assertThat(version(school, IndicatorCodes.HOME_VISIT_3Y, "2024-2027")).isEqualTo(cycleVersion + 1);
    // one derivation per indicator and period the batch touched, not one per record
    assertThat(outboxed(school) - afterClasses).isEqualTo(5);

    // B's file opened in the semester counts; A's file opened long after A's 2024 visit does not count for 2024-2025-1
    Response filed = postFiles(school, List.of(file("STU-B", "C26A", "2026-11-01"), file("STU-A", "C26A", "2026-11-22")));
    assertThat(filed.status()).as(filed.body()).isEqualTo(200);
    assertThat(filed.body()).contains("\"accepted\":2");
    assertThat(figure(school, IndicatorCodes.VISIT_FILES, "2026-2027-1")).containsExactly(1, 1);
    assertThat(version(school, IndicatorCodes.VISIT_FILES, "2026-2027-1")).isEqualTo(filesVersion + 2);
    assertThat(figure(school, IndicatorCodes.VISIT_FILES, "2024-2025-1")).containsExactly(0, 1);
    assertThat(version(school, IndicatorCodes.VISIT_FILES, "2024-2025-1")).isEqualTo(oldFilesVersion + 1);

    // re-sent identical: nothing stored, nothing derived, nothing published
    long outboxBefore = outboxed(school);
    Response again = postContacts(school, batch);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body()).contains("\"accepted\":0").contains("\"alreadyRecorded\":5").contains("\"numerator\":3");
    Response filesAgain = postFiles(school, List.of(file("STU-B", "C26A", "2026-11-01")));
    assertThat(filesAgain.body()).contains("\"accepted\":0").contains("\"alreadyRecorded\":1");
    assertThat(outboxed(school)).isEqualTo(outboxBefore);
    assertThat(contacts(school)).isEqualTo(5);
    assertThat(files(school)).isEqualTo(2);

    // a later contact is a new version of the figures it changes
    long contactVersion = version(school, IndicatorCodes.PARENT_CONTACT, "2026-2027-1");
    Response more = postContacts(school, List.of(contact("hv-6", "C26B", "STU-D", "2026-11-22", "IN_HOME")));
    assertThat(more.status()).isEqualTo(200);
    assertThat(figure(school, IndicatorCodes.PARENT_CONTACT, "2026-2027-1")).containsExactly(4, 30);
    assertThat(version(school, IndicatorCodes.PARENT_CONTACT, "2026-2027-1")).isEqualTo(contactVersion + 1);
    assertThat(figure(school, IndicatorCodes.HOME_VISIT_3Y, "2024-2027")).containsExactly(3, 30);
    assertThat(figure(school, IndicatorCodes.VISIT_FILES, "2026-2027-1")).containsExactly(1, 2);

    List<IndicatorSnapshotPublished> events = publishedSnapshots(school, List.of("STU-"));
    IndicatorSnapshotPublished cycle = events.stream()
        .filter(e -> e.indicatorCode().equals(IndicatorCodes.HOME_VISIT_3Y)).reduce((a, b) -> b).orElseThrow();
    assertThat(cycle.periodId()).isEqualTo("2024-2027");
    assertThat(cycle.numerator()).isEqualTo(3);
    assertThat(cycle.denominator()).isEqualTo(30);
    assertThat(cycle.version()).isEqualTo(cycleVersion + 2);
  }

  @Test
  void studentsAreStoredOnlyAsKeyedHashes() {
    String school = "9901013002";
    registerSchool(school);
    putClass(school, "C1", "2026-2027", 10);
    assertThat(postContacts(school, List.of(contact("k-1", "C1", "STU-secret-9", "2026-10-01", "IN_HOME"))).status()).isEqualTo(200);
    assertThat(postFiles(school, List.of(file("STU-secret-9", "C1", "2026-10-02"))).status()).isEqualTo(200);
    String keys = jdbc.sql("""
            select h.student_key || f.student_key from home_contact h join home_visit_file f on f.school_id = h.school_id
            where h.school_id = ?
            """).param(school).query(String.class).single();
    assertThat(keys).doesNotContain("secret").matches("[0-9a-f]{128}");
  }

  @Test
  void oneBadItemRefusesTheWholeBatchNamingTheItemAndStoresNothing() {
    String school = "9901013003";
    registerSchool(school);
    putClass(school, "SMALL", "2026-2027", 2);
    putClass(school, "OLD", "2025-2026", 30);
    assertThat(postContacts(school, List.of(contact("ok-1", "SMALL", "STU-a", "2026-10-01", "PHONE"))).status()).isEqualTo(200);
    assertThat(postFiles(school, List.of(file("STU-a", "SMALL", "2026-10-02"))).status()).isEqualTo(200);
    long contactsBefore = contacts(school);
    long filesBefore = files(school);
    long outboxBefore = outboxed(school);
    String path = "/api/school/schools/" + school + "/home-contacts";

    Map<String, Object> good = contact("new-1", "SMALL", "STU-b", "2026-10-03", "PHONE");
    List<Object[]> cases = new ArrayList<>();
    cases.add(new Object[] {"future date", postContacts(school, List.of(good, contact("new-2", "SMALL", "STU-b", "2026-11-24", "PHONE"))),
        422, "contacts[1].date"});
    cases.add(new Object[] {"class of another school year", postContacts(school, List.of(contact("new-3", "OLD", "STU-b", "2026-10-03", "PHONE"), good)),
        422, "contacts[0].classId"});
    cases.add(new Object[] {"unknown class", postContacts(school, List.of(good, contact("new-4", "NOPE", "STU-b", "2026-10-03", "PHONE"))),
        422, "contacts[1].classId"});
    cases.add(new Object[] {"unknown mode", postContacts(school, List.of(good, contact("new-5", "SMALL", "STU-b", "2026-10-03", "VIDEO"))),
        400, "contacts[1].mode"});
    cases.add(new Object[] {"missing studentRef", postContacts(school, List.of(good, json("externalId", "new-6", "classId", "SMALL",
        "date", "2026-10-03", "mode", "PHONE"))), 400, "contacts[1].studentRef"});
    cases.add(new Object[] {"missing date", postContacts(school, List.of(json("externalId", "new-7", "classId", "SMALL",
        "studentRef", "STU-b", "mode", "PHONE"))), 400, "contacts[0].date"});
    cases.add(new Object[] {"malformed date", send("POST", path, "{\"contacts\":[{\"externalId\":\"x\",\"classId\":\"SMALL\","
        + "\"studentRef\":\"s\",\"date\":\"2026-13-01\",\"mode\":\"PHONE\"}]}"), 400, "contacts[0].date"});
    cases.add(new Object[] {"empty batch", postContacts(school, List.of()), 400, "contacts"});
    cases.add(new Object[] {"same id, other content", postContacts(school, List.of(good, contact("ok-1", "SMALL", "STU-a", "2026-10-01", "IN_HOME"))),
        409, "ok-1"});
    cases.add(new Object[] {"more students than enrolled", postContacts(school, List.of(good, contact("new-8", "SMALL", "STU-c", "2026-10-03", "PHONE"))),
        422, "enrols only 2"});
    cases.add(new Object[] {"file opened in the future", postFiles(school, List.of(file("STU-b", "SMALL", "2026-10-03"), file("STU-c", "SMALL", "2026-12-01"))),
        422, "files[1].openedOn"});
    cases.add(new Object[] {"a student's file with another date", postFiles(school, List.of(file("STU-b", "SMALL", "2026-10-03"), file("STU-a", "SMALL", "2026-10-05"))),
        409, "files[1].studentRef"});
    cases.add(new Object[] {"one student twice in a batch", postFiles(school, List.of(file("STU-b", "SMALL", "2026-10-03"), file("STU-b", "SMALL", "2026-10-04"))),
        422, "files[1].studentRef"});
    cases.add(new Object[] {"unknown school", postContacts("9909999999", List.of(good)), 404, "not registered"});
    cases.add(new Object[] {"a field the request does not take", postContacts(school, List.of(json("externalId", "new-9", "classId", "SMALL",
        "studentRef", "STU-b", "date", "2026-10-03", "mode", "PHONE", "schoolId", "9901013001"))), 400, "schoolId"});

    for (Object[] c : cases) {
      assertProblem((String) c[0], (Response) c[1], (Integer) c[2], (String) c[3]);
      assertThat(((Response) c[1]).body()).as("no student reference is echoed").doesNotContain("STU-");
    }
    assertThat(contacts(school)).isEqualTo(contactsBefore);
    assertThat(files(school)).isEqualTo(filesBefore);
    assertThat(outboxed(school)).isEqualTo(outboxBefore);
  }

  @Test
  void anEnrolmentBelowTheStudentsWithHomeVisitRecordsIsRefused() {
    String school = "9901013004";
    registerSchool(school);
    putClass(school, "C1", "2026-2027", 3);
    postContacts(school, List.of(contact("e-1", "C1", "STU-1", "2026-10-01", "PHONE"), contact("e-2", "C1", "STU-2", "2026-10-01", "PHONE")));
    assertProblem("enrolment 1", putClassResponse(school, "C1", "2026-2027", 1), 422, "enrolment: must be at least 2");
    assertThat(putClassResponse(school, "C1", "2026-2027", 2).status()).isEqualTo(200);
    assertThat(figure(school, IndicatorCodes.PARENT_CONTACT, "2026-2027-1")).containsExactly(2, 2);
  }
}
