package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.district.TestEvents.Indicator;
import org.gongyu.district.TestEvents.Snapshot;
import org.gongyu.district.rollup.XuequFigures;
import org.gongyu.district.rollup.XuequRollups;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * Per-学区 rollups (issue 17 item 6, ADR 0027) against real PostgreSQL, Kafka and Keycloak: a 学区
 * counts the schools whose membership on the period's first day names it, by the county's rules;
 * the 学区 figures and the county-direct schools add up to the county's rollup; duplicates and
 * stale versions change nothing; a move between counties re-attributes no running period; a
 * sensitive indicator's small cells are withheld; and only the 学区's own staff, its county's and
 * the city's read it (hostile calls get 403 for a role that may not read, 404 for a unit that is
 * not theirs). Counties 990631–990635 (registered by DistrictITSupport), schools 99063x00nn, none of which
 * other tests count.
 */
class XuequRollupIT extends DistrictITSupport {

  @Autowired CityCalendar calendar;
  @Autowired XuequRollups xuequRollups;

  @Test
  void aXuequCountsItsSchoolsByTheCountysRulesAndTheXuequAndDirectSchoolsAddUpToTheCounty() {
    String county = "990631";
    putXuequ(county, "990631-XQA", "城东学区");
    putXuequ(county, "990631-XQB", "城西学区");
    putSchool(county, "9906310001", "城东一小", "PRIMARY", "990631-XQA");
    putSchool(county, "9906310002", "城东二小", "PRIMARY", "990631-XQA");
    putSchool(county, "9906310003", "城东幼儿园", "KINDERGARTEN", "990631-XQA");
    putSchool(county, "9906310004", "城西一小", "PRIMARY", "990631-XQB");
    putSchool(county, "9906310005", "县直实验小学", "PRIMARY", null);
    List<Snapshot> snapshots = List.of(
        Snapshot.of("9906310001", PLATFORM, 70, 100, 1),
        Snapshot.of("9906310002", PLATFORM, 50, 100, 1),
        Snapshot.of("9906310003", PLATFORM, 30, 40, 1),
        Snapshot.of("9906310004", PLATFORM, 90, 100, 1),
        Snapshot.of("9906310005", PLATFORM, 10, 20, 1));
    sendSnapshots(snapshots);
    JsonNode countyRollup = awaitRollup(county, PLATFORM, n -> n.get("schoolsReporting").asInt() == 5);

    JsonNode a = xuequRollup(county, "990631-XQA", PLATFORM, TestEvents.PERIOD).getBody();
    assertThat(a.get("numerator").asLong()).isEqualTo(150);
    assertThat(a.get("denominator").asLong()).isEqualTo(240);
    assertThat(a.get("rate").decimalValue()).isEqualByComparingTo("0.6250");
    assertThat(a.get("schoolsExpected").asInt()).isEqualTo(3);
    assertThat(a.get("schoolsReporting").asInt()).isEqualTo(3);
    assertThat(a.get("schoolsMeetingTarget").asInt()).as("70 % and 75 % meet 0.60, 50 % does not").isEqualTo(2);
    assertThat(a.get("target").decimalValue()).isEqualByComparingTo("0.60");
    assertThat(a.get("met").asBoolean()).isTrue();
    assertThat(lineage(a)).containsExactly("9906310001@1", "9906310002@1", "9906310003@1");
    JsonNode b = xuequRollup(county, "990631-XQB", PLATFORM, TestEvents.PERIOD).getBody();
    assertThat(lineage(b)).containsExactly("9906310004@1");

    // the 学区 and the county-direct school make up the county
    assertThat(a.get("numerator").asLong() + b.get("numerator").asLong() + 10).isEqualTo(countyRollup.get("numerator").asLong());
    assertThat(a.get("denominator").asLong() + b.get("denominator").asLong() + 20)
        .isEqualTo(countyRollup.get("denominator").asLong());
    assertThat(a.get("schoolsExpected").asInt() + b.get("schoolsExpected").asInt() + 1)
        .isEqualTo(countyRollup.get("schoolsExpected").asInt());

    // the internal API says the same, with the member schools
    XuequFigures figures = xuequRollups.figures(county, "990631-XQA", PLATFORM, TestEvents.PERIOD).orElseThrow();
    assertThat(figures.rollup().figure().numerator()).isEqualTo(150);
    assertThat(figures.schools()).extracting(XuequFigures.School::schoolId)
        .containsExactly("9906310001", "9906310002", "9906310003");

    // duplicates, repeated publications and stale versions change nothing; a newer version does
    List<Snapshot> again = new ArrayList<>();
    snapshots.forEach(s -> again.add(s.republished()));
    again.add(Snapshot.of("9906310001", PLATFORM, 0, 100, 0));
    sendSnapshots(again);
    sendSnapshots(snapshots);
    sendSnapshots(List.of(Snapshot.of("9906310002", PLATFORM, 60, 100, 2)));
    awaitRollup(county, PLATFORM, n -> lineage(n).contains("9906310002@2"));
    JsonNode later = xuequRollup(county, "990631-XQA", PLATFORM, TestEvents.PERIOD).getBody();
    assertThat(later.get("numerator").asLong()).isEqualTo(160);
    assertThat(later.get("denominator").asLong()).isEqualTo(240);
    assertThat(lineage(later)).containsExactly("9906310001@1", "9906310002@2", "9906310003@1");
    assertThat(xuequRollup(county, "990631-XQB", PLATFORM, TestEvents.PERIOD).getBody()).isEqualTo(b);

    // the scorecard: every catalogue indicator, the 学区's cell and each member school's cells
    JsonNode card = get("/api/district/counties/" + county + "/xuequ/990631-XQA/scorecard/" + TestEvents.PERIOD).getBody();
    assertThat(card.get("xuequName").asString()).isEqualTo("城东学区");
    JsonNode platform = null;
    for (JsonNode column : card.get("indicators")) {
      if (column.get("indicator").get("code").asString().equals(PLATFORM)) {
        platform = column;
      }
    }
    assertThat(platform).isNotNull();
    assertThat(platform.get("periodId").asString()).isEqualTo(TestEvents.PERIOD);
    assertThat(platform.get("xuequ").get("numerator").asLong()).isEqualTo(160);
    assertThat(platform.get("xuequ").get("value").decimalValue()).isEqualByComparingTo("0.6667");
    List<String> schools = new ArrayList<>();
    card.get("schools").forEach(s -> schools.add(s.get("id").asString() + ":" + s.get("name").asString()));
    assertThat(schools).containsExactly("9906310001:城东一小", "9906310002:城东二小", "9906310003:城东幼儿园");
  }

  @Test
  void aSchoolMovedToAnotherCountyFromTheNextSemesterStillCountsInItsXuequForTheRunningOne() {
    String from = "990632";
    String to = "990633";
    String current = calendar.current(PeriodType.SEMESTER).id();
    String next = calendar.current(PeriodType.SEMESTER).next().id();
    putXuequ(from, "990632-XQA", "南岸学区");
    putXuequ(to, "990633-XQA", "北岸学区");
    putSchool(from, "9906320001", "南岸一小", "PRIMARY", "990632-XQA");
    putSchool(from, "9906320002", "南岸二小", "PRIMARY", "990632-XQA");
    sendSnapshots(List.of(
        Snapshot.of("9906320001", PLATFORM, current, 8, 10, 1, TestEvents.T0),
        Snapshot.of("9906320002", PLATFORM, current, 4, 10, 1, TestEvents.T0)));
    awaitRollup(from, PLATFORM, current, n -> n.get("schoolsReporting").asInt() == 2);

    ResponseEntity<JsonNode> moved = http.post().uri("/api/district/counties/" + from + "/schools/9906320002/move")
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body("{\"toCountyId\":\"" + to + "\",\"toXuequId\":\"990633-XQA\",\"effectiveFrom\":\"" + next + "\"}")
        .retrieve().onStatus(s -> s.isError(), (req, res) -> {}).toEntity(JsonNode.class);
    assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(200);

    JsonNode running = xuequRollup(from, "990632-XQA", PLATFORM, current).getBody();
    assertThat(lineage(running)).as("the running semester stays where it began").containsExactly("9906320001@1", "9906320002@1");
    assertThat(running.get("numerator").asLong()).isEqualTo(12);
    assertThat(xuequRollup(to, "990633-XQA", PLATFORM, current).getBody().get("schoolsExpected").asInt()).isZero();
    assertThat(xuequRollup(from, "990632-XQA", PLATFORM, next).getBody().get("schoolsExpected").asInt())
        .as("from the next semester the school is expected in its new 学区 only").isEqualTo(1);
    assertThat(xuequRollup(to, "990633-XQA", PLATFORM, next).getBody().get("schoolsExpected").asInt()).isEqualTo(1);
  }

  @Test
  void aSensitiveIndicatorsSmallCellsAreWithheldAndBadInputIsRefused() {
    String county = "990634";
    String code = "XUEQU_SENSITIVE_UNDER_TEST";
    send(Topics.CITY_CATALOGUE, code, TestEvents.indicator(Indicator.ratio(code).sensitive().from("2020-2021-1", "1.00"), 1));
    putXuequ(county, "990634-XQA", "湖滨学区");
    putSchool(county, "9906340001", "湖滨一小", "PRIMARY", "990634-XQA");
    sendSnapshots(List.of(Snapshot.of("9906340001", code, 2, 3, 1)));
    awaitRollup(county, code, n -> n.get("schoolsReporting").asInt() == 1);
    JsonNode small = xuequRollup(county, "990634-XQA", code, TestEvents.PERIOD).getBody();
    assertThat(small.get("suppressed").asBoolean()).isTrue();
    assertThat(small.get("numerator").isNull()).isTrue();
    assertThat(small.get("rate").isNull()).isTrue();
    assertThat(small.get("schoolsReporting").asInt()).isEqualTo(1);
    JsonNode card = get("/api/district/counties/" + county + "/xuequ/990634-XQA/scorecard/" + TestEvents.PERIOD).getBody();
    for (JsonNode cell : card.get("schools").get(0).get("cells")) {
      if (cell.get("code").asString().equals(code)) {
        assertThat(cell.get("suppressed").asBoolean()).isTrue();
        assertThat(cell.get("numerator").isNull()).isTrue();
      }
    }

    assertProblem(xuequRollup(county, "990634-XQZ", code, TestEvents.PERIOD), 404, "990634-XQZ");
    assertProblem(xuequRollup("990635", "990634-XQA", code, TestEvents.PERIOD), 404, "990634-XQA");
    assertProblem(xuequRollup(county, "990634-XQA", code, "2025-2026"), 400, "");
    assertProblem(get("/api/district/counties/" + county + "/xuequ/990634-XQA/scorecard/not-a-period"), 400, "");
  }

  @Test
  void onlyTheXuequsOwnStaffItsCountyAndTheCityReadIt() {
    String county = "990635";
    putXuequ(county, "990635-XQA", "山前学区");
    putXuequ(county, "990635-XQB", "山后学区");
    putXuequ("990634", "990634-XQB", "湖心学区");
    String rollupA = "/api/district/counties/" + county + "/xuequ/990635-XQA/rollups/" + PLATFORM + "/" + TestEvents.PERIOD;
    String cardA = "/api/district/counties/" + county + "/xuequ/990635-XQA/scorecard/" + TestEvents.PERIOD;
    String cardB = "/api/district/counties/" + county + "/xuequ/990635-XQB/scorecard/" + TestEvents.PERIOD;
    String otherCounty = "/api/district/counties/990634/xuequ/990634-XQB/scorecard/" + TestEvents.PERIOD;
    // a 学区 id of this county under another county's path, as a hostile 学区 user might try
    String mixed = "/api/district/counties/990634/xuequ/990635-XQA/scorecard/" + TestEvents.PERIOD;
    String countyRollup = "/api/district/counties/" + county + "/rollups/" + PLATFORM + "/" + TestEvents.PERIOD;
    String schools = "/api/district/counties/" + county + "/schools";

    String staffA = Keycloak.tokenAsXuequStaff(county, "990635-XQA");
    assertThat(statusOf("GET", rollupA, null, staffA)).isEqualTo(200);
    assertThat(statusOf("GET", cardA, null, staffA)).isEqualTo(200);
    assertThat(statusOf("GET", cardB, null, staffA)).as("a sibling 学区").isEqualTo(404);
    assertThat(statusOf("GET", otherCounty, null, staffA)).as("another county's 学区").isEqualTo(404);
    assertThat(statusOf("GET", mixed, null, staffA)).isEqualTo(404);
    assertThat(statusOf("GET", countyRollup, null, staffA)).as("the county's own figures are not the 学区's").isEqualTo(403);
    assertThat(statusOf("GET", schools, null, staffA)).isEqualTo(403);
    assertThat(statusOf("PUT", "/api/district/counties/" + county + "/xuequ/990635-XQA", "{\"name\":\"改名\"}", staffA))
        .isEqualTo(403);
    // the same 学区 id claimed for another county does not open this one
    String staffElsewhere = Keycloak.tokenAsXuequStaff("990634", "990635-XQA");
    assertThat(statusOf("GET", cardA, null, staffElsewhere)).isEqualTo(404);

    assertThat(statusOf("GET", cardA, null, Keycloak.tokenAs("county-admin", county))).isEqualTo(200);
    assertThat(statusOf("GET", cardA, null, Keycloak.tokenAs("county-assessor", county))).isEqualTo(200);
    assertThat(statusOf("GET", cardA, null, Keycloak.tokenAs("county-admin", "990634"))).isEqualTo(404);
    assertThat(statusOf("GET", cardA, null, Keycloak.token("city-staff"))).isEqualTo(200);
    assertThat(statusOf("GET", cardA, null, Keycloak.token("city-admin"))).isEqualTo(200);
    assertThat(statusOf("GET", cardA, null, Keycloak.token("admin-9901010001"))).isEqualTo(403);
    assertThat(statusOf("GET", cardA, null, null)).isEqualTo(401);
    assertThat(statusOf("GET", cardA, null, Keycloak.token("xuequ-990101-xq1"))).as("the demo 学区 user of 990101").isEqualTo(404);
    // the refusal is audited (written after the answer, so awaited)
    await().atMost(PATIENCE).until(() -> count("select count(*) from audit_log where target = '" + cardB
        + "' and status = 404 and org_unit = 'xuequ:990635-XQA'") > 0);
  }

  private ResponseEntity<JsonNode> xuequRollup(String county, String xuequ, String code, String period) {
    return get("/api/district/counties/" + county + "/xuequ/" + xuequ + "/rollups/" + code + "/" + period);
  }
}
