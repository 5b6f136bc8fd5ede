package org.gongyu.school.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.school.SchoolRecordsItSupport;
import org.junit.jupiter.api.Test;

/** Parent committees and COMMITTEE_COVERAGE against a real PostgreSQL and Kafka. */
class CommitteeIT extends SchoolRecordsItSupport {

  static final String CODE = IndicatorCodes.COMMITTEE_COVERAGE;
  /** Last days: 2026-2027-1 → 2027-01-31, 2026-2027-2 → 2027-08-31; 2027-2028-1 is current. */
  static final String S1 = "2026-2027-1";
  static final String S2 = "2026-2027-2";
  static final String CURRENT = "2027-2028-1";

  static Map<String, Object> committee(String level, String classId, String foundedOn, String termEndsOn, String dissolvedOn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", level);
    if (classId != null) {
      m.put("classId", classId);
    }
    m.put("foundedOn", foundedOn);
    if (termEndsOn != null) {
      m.put("termEndsOn", termEndsOn);
    }
    m.put("venue", "家长委员会活动室");
    m.put("plaque", true);
    m.put("rulesAdopted", true);
    m.put("reason", "更正"); // required for a correction (issue 13), kept with a new record
    if (dissolvedOn != null) {
      m.put("dissolvedOn", dissolvedOn);
    }
    return m;
  }

  Response put(String school, String id, Map<String, Object> body) {
    return send("PUT", "/api/school/schools/" + school + "/committees/" + id, body);
  }

  String rows(String school) {
    return String.join("\n", jdbc.sql("""
            select concat_ws('|', committee_id, level, class_id, founded_on, term_ends_on, venue, plaque, rules_adopted, dissolved_on, updated_at)
            from parent_committee where school_id = ? order by committee_id
            """).param(school).query(String.class).list());
  }

  @Test
  void aSchoolCommitteeInTermOnEachSemestersLastDayCoversItAndADissolutionIsANewVersion() {
    String school = "9901019601";
    registerSchool(school);
    Response created = put(school, "K1", committee("SCHOOL", null, "2026-09-10", null, null));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).contains("\"termEndsOn\":\"2029-09-10\"").contains("\"level\":\"SCHOOL\"");
    assertThat(latestFigure(school, CODE, S1)).isEqualTo("1/1");
    assertThat(latestFigure(school, CODE, S2)).isEqualTo("1/1");
    assertThat(latestFigure(school, CODE, CURRENT)).isEqualTo("1/1");
    assertThat(latestFigure(school, CODE, "2025-2026-2")).as("before it was founded nothing is derived").isNull();

    int outboxBefore = outbox(school).size();
    assertThat(put(school, "K1", committee("SCHOOL", null, "2026-09-10", "2029-09-10", null)).status())
        .as("the same committee with its default term spelled out").isEqualTo(200);
    assertThat(outbox(school)).as("an identical PUT publishes nothing").hasSize(outboxBefore);

    // dissolved on the second semester's last day: not in term that day, nor later
    assertThat(put(school, "K1", committee("SCHOOL", null, "2026-09-10", null, "2027-08-31")).status()).isEqualTo(200);
    assertThat(latestFigure(school, CODE, S1)).isEqualTo("1/1");
    assertThat(latestVersion(school, CODE, S1)).isEqualTo(1);
    assertThat(latestFigure(school, CODE, S2)).isEqualTo("0/1");
    assertThat(latestVersion(school, CODE, S2)).isEqualTo(2);
    assertThat(latestFigure(school, CODE, CURRENT)).isEqualTo("0/1");

    var events = awaitEvents(school, CODE, es -> es.stream().anyMatch(e -> e.periodId().equals(CURRENT) && e.version() == 2));
    assertThat(events.stream().filter(e -> e.periodId().equals(CURRENT)).map(e -> e.numerator() + "/" + e.denominator() + " v" + e.version()))
        .containsExactly("1/1 v1", "0/1 v2");

    // a grade committee does not cover the school; a new school committee does again
    assertThat(put(school, "G1", committee("GRADE", null, "2027-09-01", null, null)).status()).isEqualTo(201);
    assertThat(latestFigure(school, CODE, CURRENT)).isEqualTo("0/1");
    assertThat(put(school, "K2", committee("SCHOOL", null, "2027-10-15", null, null)).status()).isEqualTo(201);
    assertThat(latestFigure(school, CODE, CURRENT)).isEqualTo("1/1");
    assertThat(latestFigure(school, CODE, S2)).isEqualTo("0/1");

    Response list = get("/api/school/schools/" + school + "/committees");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains("\"committeeId\":\"K1\"").contains("\"dissolvedOn\":\"2027-08-31\"")
        .contains("\"committeeId\":\"G1\"").contains("\"committeeId\":\"K2\"");
  }

  @Test
  void aTermEndingOnTheSemestersLastDayNoLongerCoversItAndACorrectedTermReDerivesThePast() {
    String school = "9901019602";
    registerSchool(school);
    // founded 2024-02-01 for three years: in term on 2027-01-31, over on 2027-02-01
    assertThat(put(school, "K1", committee("SCHOOL", null, "2024-02-01", null, null)).status()).isEqualTo(201);
    assertThat(latestFigure(school, CODE, "2023-2024-2")).isEqualTo("1/1");
    assertThat(latestFigure(school, CODE, S1)).isEqualTo("1/1");
    assertThat(latestFigure(school, CODE, S2)).isEqualTo("0/1");
    assertThat(latestFigure(school, CODE, CURRENT)).isEqualTo("0/1");

    assertThat(put(school, "K1", committee("SCHOOL", null, "2024-02-01", "2027-01-31", null)).status()).isEqualTo(200);
    assertThat(latestFigure(school, CODE, S1)).as("term ends on the last day").isEqualTo("0/1");
    assertThat(latestVersion(school, CODE, S1)).isEqualTo(2);
    assertThat(latestFigure(school, CODE, "2025-2026-2")).isEqualTo("1/1");
    awaitEvents(school, CODE, es -> es.stream().anyMatch(e -> e.periodId().equals(S1) && e.version() == 2 && e.numerator() == 0));
  }

  @Test
  void badCommitteeFieldsAreRefusedNamingTheFieldAndStoreNothing() {
    String school = "9901019603";
    registerSchool(school);
    putClass(school, "P1", PAST_YEAR, 30);
    putClass(school, "N1", YEAR, 30);
    assertThat(put(school, "C1", committee("CLASS", "N1", "2027-09-05", null, null)).status()).isEqualTo(201);
    String before = rows(school);
    int outboxBefore = outbox(school).size();

    Map<String, Response> cases = new LinkedHashMap<>();
    cases.put("400 classId: is required when level is CLASS", put(school, "C2", committee("CLASS", null, "2027-09-05", null, null)));
    cases.put("422 classId: only a CLASS committee belongs to a class", put(school, "C2", committee("SCHOOL", "N1", "2027-09-05", null, null)));
    cases.put("422 classId: class P1 belongs to school year 2026-2027, but foundedOn 2027-09-05 falls in school year 2027-2028",
        put(school, "C2", committee("CLASS", "P1", "2027-09-05", null, null)));
    cases.put("422 classId: class NOPE is not recorded", put(school, "C2", committee("CLASS", "NOPE", "2027-09-05", null, null)));
    cases.put("422 foundedOn: 2027-10-16 is in the future", put(school, "C2", committee("SCHOOL", null, "2027-10-16", null, null)));
    cases.put("422 termEndsOn: 2027-09-05 must be after foundedOn 2027-09-05", put(school, "C2", committee("SCHOOL", null, "2027-09-05", "2027-09-05", null)));
    cases.put("422 dissolvedOn: 2027-09-04 is before foundedOn 2027-09-05", put(school, "C1", committee("CLASS", "N1", "2027-09-05", null, "2027-09-04")));
    cases.put("422 dissolvedOn: 2027-10-20 is in the future", put(school, "C1", committee("CLASS", "N1", "2027-09-05", null, "2027-10-20")));
    Map<String, Object> badLevel = committee("SCHOOL", null, "2027-09-05", null, null);
    badLevel.put("level", "DISTRICT");
    cases.put("400 (at 'level')", put(school, "C2", badLevel));
    Map<String, Object> noPlaque = committee("SCHOOL", null, "2027-09-05", null, null);
    noPlaque.remove("plaque");
    cases.put("400 plaque: must not be null", put(school, "C2", noPlaque));
    Map<String, Object> noFounded = committee("SCHOOL", null, "2027-09-05", null, null);
    noFounded.remove("foundedOn");
    cases.put("400 foundedOn: must not be null", put(school, "C2", noFounded));
    Map<String, Object> members = committee("SCHOOL", null, "2027-09-05", null, null);
    members.put("members", List.of("张三"));
    cases.put("400 'members'", put(school, "C2", members));
    cases.forEach((expected, r) -> assertProblem(r, Integer.parseInt(expected.substring(0, 3)), expected.substring(4)));
    assertThat(rows(school)).isEqualTo(before);
    assertThat(outbox(school)).hasSize(outboxBefore);
  }
}
