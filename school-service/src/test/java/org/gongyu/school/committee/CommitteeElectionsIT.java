package org.gongyu.school.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.school.SchoolRecordsItSupport;
import org.junit.jupiter.api.Test;

/**
 * Committee members, elections, activities and fee-ban declarations (issue 17 item 1, seeds W2, T11,
 * §5.1, readings 12 and 13), and CLASS_COMMITTEE_COVERAGE, against a real PostgreSQL and Kafka.
 * Today is 2027-10-15 (school year 2027-2028).
 */
class CommitteeElectionsIT extends SchoolRecordsItSupport {

  static final String CLASS_CODE = IndicatorCodes.CLASS_COMMITTEE_COVERAGE;
  /** Every parent reference of these tests starts with this: no answer, event or stored row may carry it. */
  static final String RAW = "RAWPARENT";

  static Map<String, Object> committee(String level, String classId, String foundedOn, String termEndsOn, String dissolvedOn) {
    return CommitteeIT.committee(level, classId, foundedOn, termEndsOn, dissolvedOn);
  }

  static Map<String, Object> candidate(String parent, String classId, String role, boolean elected, Integer votes) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("parentRef", RAW + "-" + parent);
    if (classId != null) {
      m.put("classId", classId);
    }
    if (role != null) {
      m.put("role", role);
    }
    m.put("elected", elected);
    if (votes != null) {
      m.put("votes", votes);
    }
    return m;
  }

  static Map<String, Object> election(String kind, String type, String electorate, int seats, String heldOn, String termEndsOn,
      List<Map<String, Object>> candidates) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", kind);
    m.put("type", type);
    m.put("electorate", electorate);
    m.put("nominatedBy", "PARENTS");
    m.put("seats", seats);
    m.put("heldOn", heldOn);
    if (termEndsOn != null) {
      m.put("termEndsOn", termEndsOn);
    }
    m.put("candidates", candidates);
    return m;
  }

  String base(String school, String committee) {
    return "/api/school/schools/" + school + "/committees/" + committee;
  }

  Response putCommittee(String school, String id, Map<String, Object> body) {
    return send("PUT", "/api/school/schools/" + school + "/committees/" + id, body);
  }

  Response elect(String school, String committee, String id, Map<String, Object> body) {
    return send("PUT", base(school, committee) + "/elections/" + id, body);
  }

  /** Every stored row of the new tables and the trail of the school, as text. */
  String everythingStored(String school) {
    List<String> all = new ArrayList<>();
    for (String table : List.of("committee_member", "committee_candidate", "committee_election", "committee_activity",
        "committee_fee_declaration", "record_version")) {
      all.addAll(jdbc.sql("select t::text from " + table + " t where school_id = ?").param(school).query(String.class).list());
    }
    return String.join("\n", all);
  }

  @Test
  void aGeneralElectionStartsAThreeYearTermAndAByElectionFillsVacanciesWithoutResettingIt() {
    String school = "9901018401";
    registerSchool(school);
    putClass(school, "N1", YEAR, 30);
    putClass(school, "N2", YEAR, 30);
    // founded 2024-09-10, its first term over on 2027-09-10
    assertThat(putCommittee(school, "K1", committee("SCHOOL", null, "2024-09-10", null, null)).status()).isEqualTo(201);

    Response general = elect(school, "K1", "E2027", election("GENERAL", "COMPETITIVE", "CLASS_REPRESENTATIVES", 2, "2027-09-20", null,
        List.of(candidate("a", "N1", "DIRECTOR", true, 40), candidate("b", "N2", null, false, 12),
            candidate("c", "N2", "MEMBER", true, 35))));
    assertThat(general.status()).as(general.body()).isEqualTo(201);
    assertThat(general.body()).contains("\"termEndsOn\":\"2030-09-20\"").contains("\"schoolYear\":\"2027-2028\"")
        .contains("\"memberId\":\"E2027-1\"").contains("\"memberId\":\"E2027-3\"").contains("\"votes\":40");
    Response detail = get(base(school, "K1"));
    assertThat(detail.status()).as(detail.body()).isEqualTo(200);
    assertThat(detail.body()).as("term = held on + 3 years, the committee's too")
        .contains("\"termEndsOn\":\"2030-09-20\"").contains("\"inTerm\":true");
    assertThat(latestFigure(school, IndicatorCodes.COMMITTEE_COVERAGE, "2027-2028-1")).isEqualTo("1/1");

    // a by-election inside the term: its member serves until the committee's term ends; the term stays
    Response by = elect(school, "K1", "B2027", election("BY_ELECTION", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-10-10", null,
        List.of(candidate("d", "N1", "SECRETARY", true, null))));
    assertThat(by.status()).as(by.body()).isEqualTo(201);
    assertThat(by.body()).contains("\"termEndsOn\":\"2030-09-20\"").contains("\"memberId\":\"B2027-1\"");
    Response members = get(base(school, "K1") + "/members");
    assertThat(members.body()).contains("\"memberId\":\"B2027-1\",\"role\":\"SECRETARY\",\"classId\":\"N1\",\"electionId\":\"B2027\","
        + "\"reElected\":false,\"termStartsOn\":\"2027-10-10\",\"termEndsOn\":\"2030-09-20\",\"status\":\"ACTIVE\"");
    assertThat(get(base(school, "K1")).body()).as("the by-election did not reset the committee's term")
        .contains("\"foundedOn\":\"2024-09-10\",\"termEndsOn\":\"2030-09-20\"");

    // replaying the by-election is harmless; other content under its id, or a second by-election this year, is not
    assertThat(elect(school, "K1", "B2027", election("BY_ELECTION", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-10-10", null,
        List.of(candidate("d", "N1", "SECRETARY", true, null)))).status()).isEqualTo(200);
    assertProblem(elect(school, "K1", "B2027", election("BY_ELECTION", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-10-10", null,
        List.of(candidate("x", "N1", "SECRETARY", true, null)))), 409, "election B2027 is recorded with other content");
    assertProblem(elect(school, "K1", "B2027b", election("BY_ELECTION", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-10-12", null,
        List.of(candidate("e", "N1", "MEMBER", true, null)))), 409, "already held a by-election in school year 2027-2028 (election B2027)");
    // an active member cannot be by-elected again
    assertProblem(elect(school, "K1", "B2027c", election("BY_ELECTION", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-10-12", null,
        List.of(candidate("a", "N1", "MEMBER", true, null)))), 422, "candidates[0].parentRef: is already an active member of committee K1 (E2027-1)");

    // a member leaves; leaving twice is a conflict
    Response left = send("POST", base(school, "K1") + "/members/E2027-3/departure", Map.of("leftOn", "2027-10-11", "reason", "CHILD_LEFT"));
    assertThat(left.status()).as(left.body()).isEqualTo(200);
    assertThat(left.body()).contains("\"status\":\"LEFT\"").contains("\"leftReason\":\"CHILD_LEFT\"");
    assertProblem(send("POST", base(school, "K1") + "/members/E2027-3/departure", Map.of("leftOn", "2027-10-12", "reason", "OTHER")),
        409, "member E2027-3 left on 2027-10-11");

    // privacy: the raw reference is in no answer, no stored row, no event
    for (String path : List.of(base(school, "K1"), base(school, "K1") + "/members", base(school, "K1") + "/elections",
        base(school, "K1") + "/history", "/api/school/schools/" + school + "/committees")) {
      Response r = get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).doesNotContain(RAW).doesNotContain("guardian");
    }
    assertThat(everythingStored(school)).doesNotContain(RAW);
    assertThat(String.join("\n", outbox(school))).doesNotContain(RAW).doesNotContain("E2027-1");
    assertThat(jdbc.sql("select count(*) from committee_member where school_id = ? and length(trim(guardian_key)) = 64").param(school)
        .query(Long.class).single()).isEqualTo(3);
  }

  @Test
  void aGeneralElectionReElectsSomeMembersAndEndsTheTermOfTheOthers() {
    String school = "9901018402";
    registerSchool(school);
    putClass(school, "N1", YEAR, 30);
    assertThat(putCommittee(school, "K1", committee("SCHOOL", null, "2027-09-01", null, null)).status()).isEqualTo(201);
    assertThat(elect(school, "K1", "E1", election("GENERAL", "NON_COMPETITIVE", "GRADE_REPRESENTATIVES", 2, "2027-09-01", "2030-08-31",
        List.of(candidate("a", null, "DIRECTOR", true, null), candidate("b", null, "MEMBER", true, null)))).status()).isEqualTo(201);
    // a member recorded directly, e.g. a deputy elected at the same assembly
    Response direct = send("PUT", base(school, "K1") + "/members/M9", Map.of("parentRef", RAW + "-c", "role", "DEPUTY_DIRECTOR",
        "classId", "N1", "termStartsOn", "2027-09-01"));
    assertThat(direct.status()).as(direct.body()).isEqualTo(201);
    assertThat(direct.body()).contains("\"termEndsOn\":\"2030-08-31\"").doesNotContain(RAW);

    // 连选连任: a is elected again, b and the deputy are not
    Response again = elect(school, "K1", "E2", election("GENERAL", "COMPETITIVE", "CLASS_REPRESENTATIVES", 2, "2027-10-12", null,
        List.of(candidate("a", null, "DIRECTOR", true, 20), candidate("d", null, "MEMBER", true, 18), candidate("e", null, null, false, 3))));
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.body()).contains("\"memberId\":\"E1-1\"").contains("\"memberId\":\"E2-2\"");
    String members = get(base(school, "K1") + "/members").body();
    assertThat(members).contains("\"memberId\":\"E1-1\",\"role\":\"DIRECTOR\",\"classId\":null,\"electionId\":\"E2\",\"reElected\":true,"
        + "\"termStartsOn\":\"2027-10-12\",\"termEndsOn\":\"2030-10-12\",\"status\":\"ACTIVE\"");
    assertThat(members).contains("\"memberId\":\"E1-2\"").contains("\"leftOn\":\"2027-10-12\",\"leftReason\":\"TERM_ENDED\"");
    assertThat(members).contains("\"memberId\":\"M9\",\"role\":\"DEPUTY_DIRECTOR\"");
    assertThat(jdbc.sql("select count(*) from committee_member where school_id = ? and left_on is null").param(school).query(Long.class)
        .single()).isEqualTo(2);
    assertThat(get(base(school, "K1")).body()).contains("\"termEndsOn\":\"2030-10-12\"");
    // general elections are recorded in the order they were held
    assertProblem(elect(school, "K1", "E0", election("GENERAL", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-09-15", null,
        List.of(candidate("f", null, "MEMBER", true, null)))), 409, "general election E2 was held after 2027-09-15");
    assertThat(get(base(school, "K1") + "/history").body()).contains("换届选举 E2");
  }

  @Test
  void brokenElectionRulesAre422NamingTheFieldAndStoreNothing() {
    String school = "9901018403";
    registerSchool(school);
    putClass(school, "N1", YEAR, 30);
    putClass(school, "N2", YEAR, 30);
    assertThat(putCommittee(school, "K1", committee("SCHOOL", null, "2027-09-01", null, null)).status()).isEqualTo(201);
    assertThat(putCommittee(school, "C1", committee("CLASS", "N1", "2027-09-02", null, null)).status()).isEqualTo(201);
    String before = everythingStored(school);

    Map<String, Response> cases = new LinkedHashMap<>();
    cases.put("422 candidates: a COMPETITIVE (差额) election needs more candidates than seats, not 2 for 2 seats",
        elect(school, "K1", "X", election("GENERAL", "COMPETITIVE", "CLASS_REPRESENTATIVES", 2, "2027-09-10", null,
            List.of(candidate("a", null, "DIRECTOR", true, null), candidate("b", null, "MEMBER", true, null)))));
    cases.put("422 candidates: a NON_COMPETITIVE (等额) election has as many candidates as seats, not 1 for 2 seats",
        elect(school, "K1", "X", election("GENERAL", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 2, "2027-09-10", null,
            List.of(candidate("a", null, "DIRECTOR", true, null)))));
    cases.put("422 candidates: 3 elected, more than the 2 seats",
        elect(school, "K1", "X", election("GENERAL", "COMPETITIVE", "CLASS_REPRESENTATIVES", 2, "2027-09-10", null,
            List.of(candidate("a", null, "DIRECTOR", true, null), candidate("b", null, "MEMBER", true, null),
                candidate("c", null, "MEMBER", true, null)))));
    cases.put("422 termEndsOn: 2030-09-11 is more than 3 years after heldOn 2027-09-10 (a term is at most 3 years)",
        elect(school, "K1", "X", election("GENERAL", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-09-10", "2030-09-11",
            List.of(candidate("a", null, "DIRECTOR", true, null)))));
    cases.put("422 termEndsOn: a BY_ELECTION does not change the term",
        elect(school, "K1", "X", election("BY_ELECTION", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-09-10", "2029-09-01",
            List.of(candidate("a", null, "DIRECTOR", true, null)))));
    cases.put("422 electorate: a SCHOOL committee is not elected by ALL_PARENTS",
        elect(school, "K1", "X", election("GENERAL", "NON_COMPETITIVE", "ALL_PARENTS", 1, "2027-09-10", null,
            List.of(candidate("a", null, "DIRECTOR", true, null)))));
    cases.put("422 electorate: a CLASS committee is not elected by CLASS_REPRESENTATIVES",
        elect(school, "C1", "X", election("GENERAL", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-09-10", null,
            List.of(candidate("a", null, "DIRECTOR", true, null)))));
    cases.put("422 candidates[0].classId: a member of class committee C1 is a parent of its class N1, not of N2",
        elect(school, "C1", "X", election("GENERAL", "NON_COMPETITIVE", "ALL_PARENTS", 1, "2027-09-10", null,
            List.of(candidate("a", "N2", "DIRECTOR", true, null)))));
    cases.put("422 candidates[0].role: is required for an elected candidate",
        elect(school, "K1", "X", election("GENERAL", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-09-10", null,
            List.of(candidate("a", null, null, true, null)))));
    cases.put("422 candidates[1].parentRef: the same parent as candidates[0]",
        elect(school, "K1", "X", election("GENERAL", "COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-09-10", null,
            List.of(candidate("a", null, "DIRECTOR", true, null), candidate("a", null, null, false, null)))));
    cases.put("422 heldOn: 2027-10-16 is in the future",
        elect(school, "K1", "X", election("GENERAL", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-10-16", null,
            List.of(candidate("a", null, "DIRECTOR", true, null)))));
    Map<String, Object> noSeats = election("GENERAL", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-09-10", null,
        List.of(candidate("a", null, "DIRECTOR", true, null)));
    noSeats.remove("seats");
    cases.put("400 seats", elect(school, "K1", "X", noSeats));
    cases.put("404 committee NOPE is not recorded", elect(school, "NOPE", "X", election("GENERAL", "NON_COMPETITIVE",
        "CLASS_REPRESENTATIVES", 1, "2027-09-10", null, List.of(candidate("a", null, "DIRECTOR", true, null)))));
    cases.put("422 termEndsOn: 2030-09-02 is more than 3 years after termStartsOn 2027-09-01",
        send("PUT", base(school, "K1") + "/members/M1", Map.of("parentRef", RAW + "-m", "role", "MEMBER", "termStartsOn", "2027-09-01",
            "termEndsOn", "2030-09-02")));
    cases.put("422 parentRef: is required for a new member",
        send("PUT", base(school, "K1") + "/members/M1", Map.of("role", "MEMBER", "termStartsOn", "2027-09-01")));
    cases.forEach((expected, r) -> assertProblem(r, Integer.parseInt(expected.substring(0, 3)), expected.substring(4)));
    assertThat(everythingStored(school)).isEqualTo(before);
  }

  @Test
  void aByElectionAfterTheTermOrAnyElectionOfADissolvedCommitteeIs409() {
    String school = "9901018404";
    registerSchool(school);
    // term 2024-09-01 .. 2027-09-01: over today
    assertThat(putCommittee(school, "K1", committee("SCHOOL", null, "2024-09-01", null, null)).status()).isEqualTo(201);
    assertThat(putCommittee(school, "K2", committee("SCHOOL", null, "2027-09-01", null, "2027-10-01")).status()).isEqualTo(201);
    var one = List.of(candidate("a", null, "MEMBER", true, null));
    assertProblem(elect(school, "K1", "B1", election("BY_ELECTION", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-10-01", null, one)),
        409, "term ended on 2027-09-01");
    assertProblem(elect(school, "K2", "B1", election("BY_ELECTION", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-09-20", null, one)),
        409, "committee K2 was dissolved on 2027-10-01");
    assertProblem(elect(school, "K2", "E1", election("GENERAL", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-09-20", null, one)),
        409, "dissolved");
    assertProblem(send("PUT", base(school, "K2") + "/members/M1", Map.of("parentRef", RAW + "-m", "role", "MEMBER",
        "termStartsOn", "2027-09-01")), 409, "no member can be added");
    assertThat(everythingStored(school)).doesNotContain("committee_member");
    assertThat(jdbc.sql("select count(*) from committee_election where school_id = ?").param(school).query(Long.class).single()).isZero();
    // a general election starts K1's next term
    Response general = elect(school, "K1", "E1", election("GENERAL", "NON_COMPETITIVE", "CLASS_REPRESENTATIVES", 1, "2027-10-01", null, one));
    assertThat(general.status()).as(general.body()).isEqualTo(201);
    assertThat(get(base(school, "K1")).body()).contains("\"termEndsOn\":\"2030-10-01\"").contains("\"inTerm\":true");
  }

  @Test
  void classCommitteeCoverageIsTheClassesWithACommitteeInTermOnTheSemestersLastDay() {
    String school = "9901018405";
    registerSchool(school);
    putClass(school, "P1", PAST_YEAR, 30);
    putClass(school, "P2", PAST_YEAR, 30);
    putClass(school, "N1", YEAR, 30);
    putClass(school, "N2", YEAR, 30);
    putClass(school, "N3", YEAR, 30);
    assertThat(latestFigure(school, CLASS_CODE, "2027-2028-1")).isEqualTo("0/3");
    assertThat(putCommittee(school, "P1K", committee("CLASS", "P1", "2026-09-05", null, null)).status()).isEqualTo(201);
    assertThat(putCommittee(school, "N1K", committee("CLASS", "N1", "2027-09-05", null, null)).status()).isEqualTo(201);
    // ends on the semester's last day: not in term that day
    assertThat(putCommittee(school, "N2K", committee("CLASS", "N2", "2027-09-05", "2028-01-31", null)).status()).isEqualTo(201);
    // a school committee does not cover a class
    assertThat(putCommittee(school, "K1", committee("SCHOOL", null, "2027-09-05", null, null)).status()).isEqualTo(201);
    assertThat(latestFigure(school, CLASS_CODE, "2026-2027-1")).isEqualTo("1/2");
    assertThat(latestFigure(school, CLASS_CODE, "2026-2027-2")).isEqualTo("1/2");
    assertThat(latestFigure(school, CLASS_CODE, "2027-2028-1")).isEqualTo("1/3");
    assertThat(putCommittee(school, "N2K", committee("CLASS", "N2", "2027-09-05", "2028-02-01", null)).status()).isEqualTo(200);
    assertThat(latestFigure(school, CLASS_CODE, "2027-2028-1")).isEqualTo("2/3");
    var events = awaitEvents(school, CLASS_CODE, es -> es.stream().anyMatch(e -> e.periodId().equals("2027-2028-1") && e.numerator() == 2));
    assertThat(events.stream().filter(e -> e.periodId().equals("2027-2028-1")).map(e -> e.numerator() + "/" + e.denominator()))
        .as("what goes up is the figure only").endsWith("1/3", "2/3");
    // dissolving a class committee takes its class out
    assertThat(putCommittee(school, "N1K", committee("CLASS", "N1", "2027-09-05", null, "2027-10-01")).status()).isEqualTo(200);
    assertThat(latestFigure(school, CLASS_CODE, "2027-2028-1")).isEqualTo("1/3");
  }

  @Test
  void activitiesAndTheYearlyFeeBanDeclarationShowInTheCommitteeView() {
    String school = "9901018406";
    registerSchool(school);
    assertThat(putCommittee(school, "K1", committee("SCHOOL", null, "2027-09-01", null, null)).status()).isEqualTo(201);
    Map<String, Object> meeting = new LinkedHashMap<>(Map.of("type", "RECEPTION_DAY", "heldOn", "2027-09-20", "online", false,
        "theme", "家长接待日：食堂管理", "attendance", 45));
    Response a = send("PUT", base(school, "K1") + "/activities/A1", meeting);
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    assertThat(send("PUT", base(school, "K1") + "/activities/A1", meeting).status()).as("identical").isEqualTo(200);
    meeting.put("attendance", 50);
    assertProblem(send("PUT", base(school, "K1") + "/activities/A1", meeting), 400, "reason");
    meeting.put("reason", "人数更正");
    assertThat(send("PUT", base(school, "K1") + "/activities/A1", meeting).status()).isEqualTo(200);
    Map<String, Object> future = new LinkedHashMap<>(meeting);
    future.put("heldOn", "2027-10-20");
    assertProblem(send("PUT", base(school, "K1") + "/activities/A2", future), 422, "heldOn: 2027-10-20 is in the future");
    Map<String, Object> phone = new LinkedHashMap<>(meeting);
    phone.put("theme", "联系 13812345678");
    assertProblem(send("PUT", base(school, "K1") + "/activities/A2", phone), 422, "theme: contains");
    Map<String, Object> badType = new LinkedHashMap<>(meeting);
    badType.put("type", "FEE_COLLECTION");
    assertProblem(send("PUT", base(school, "K1") + "/activities/A2", badType), 400, "type");

    assertThat(get(base(school, "K1")).body()).contains("\"feeBanDeclaration\":null");
    Map<String, Object> declaration = Map.of("declaredOn", "2027-09-05", "declaredBy", "COMMITTEE_DIRECTOR", "textVersion", "2027版");
    assertThat(send("PUT", base(school, "K1") + "/declarations/2027-2028", declaration).status()).isEqualTo(201);
    assertThat(send("PUT", base(school, "K1") + "/declarations/2027-2028", declaration).status()).isEqualTo(200);
    assertProblem(send("PUT", base(school, "K1") + "/declarations/2027-2028",
        Map.of("declaredOn", "2027-09-06", "declaredBy", "PRINCIPAL", "textVersion", "2027版")), 409, "recorded once");
    assertProblem(send("PUT", base(school, "K1") + "/declarations/2026-2027", declaration), 422,
        "declaredOn: 2027-09-05 falls in school year 2027-2028, not 2026-2027");
    Response detail = get(base(school, "K1"));
    assertThat(detail.body()).contains("\"feeBanDeclaration\":{\"schoolYear\":\"2027-2028\",\"declaredOn\":\"2027-09-05\","
        + "\"declaredBy\":\"COMMITTEE_DIRECTOR\",\"textVersion\":\"2027版\"}")
        .contains("\"activities\":[{\"activityId\":\"A1\",\"type\":\"RECEPTION_DAY\",\"heldOn\":\"2027-09-20\",\"online\":false,"
            + "\"theme\":\"家长接待日：食堂管理\",\"attendance\":50}]");
  }
}
