package org.gongyu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CityRollupPublished;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.district.v1.CountyPeriodSubmission;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.contracts.school.v1.PeriodSignedOff;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15 item 3 (ADR 0019): approved figures beside the live ones. A school's sign-off and its
 * county's review arrive on two topics in any order, duplicated and stale; the reports of school,
 * county and city show the approved figure beside the live one and flag where they differ, answer
 * with approved figures only on {@code basis=approved}, and the exports say which they hold. Own
 * units (county 990174) and indicator code, one test walking the states in order.
 */
class ApprovedFiguresIT extends ReportingITSupport {

  private static final String CITY = "990100";
  private static final String COUNTY = "990174";
  private static final String A = "9901740001";
  private static final String B = "9901740002";
  private static final String CODE = "APPROVAL_IT_RATE";
  private static final String P = "2026-2027-1";
  private static final Instant T = Instant.parse("2027-01-20T02:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;
  private RestClient http;

  record Answer(int status, String contentType, JsonNode body) {}

  @BeforeAll
  void publishOrgCatalogueAndLiveFigures() {
    http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(Keycloak.actingByPath()).build();
    List<UUID> ids = new ArrayList<>();
    CountyRegistered county = new CountyRegistered(COUNTY, CITY, "审核县", 1);
    SENT_COUNTIES.add(county);
    ids.add(send(Topics.CITY_COUNTIES, CITY, county));
    for (String s : List.of(A, B)) {
      SchoolRegistered school = new SchoolRegistered(s, COUNTY, null, s.equals(A) ? "审核一小" : "审核二小", "PRIMARY", 1);
      SENT_SCHOOLS.add(school);
      ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, COUNTY, school));
    }
    IndicatorDefined d = new IndicatorDefined(CODE, "审核测试率", "Approval test rate", IndicatorKind.RATIO, PeriodType.SEMESTER,
        TargetComparator.AT_LEAST, false, List.of(), List.of(new PeriodTarget("2024-2025-1", new BigDecimal("0.60"))), 1);
    SENT_CATALOGUE.add(d);
    ids.add(send(Topics.CITY_CATALOGUE, CODE, d));
    // live: A 30 of 50, B 20 of 40; the county 50 of 90, the city the same
    ids.add(send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, A, new IndicatorSnapshotPublished(A, CODE, P, 30, 50, 1, T)));
    ids.add(send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, B, new IndicatorSnapshotPublished(B, CODE, P, 20, 40, 1, T)));
    ids.add(send(Topics.DISTRICT_INDICATOR_ROLLUPS, COUNTY, new CountyRollupPublished(COUNTY, CODE, P, 50, 90, 2, 2, 1, 1, T,
        List.of(new CountyRollupPublished.SnapshotRef(A, 1), new CountyRollupPublished.SnapshotRef(B, 1)))));
    ids.add(send(Topics.CITY_INDICATOR_ROLLUPS, CITY, new CityRollupPublished(CITY, CODE, P, 50, 90, 1, 1, 2, 2, 1, 1, T,
        List.of(new CityRollupPublished.RollupRef(COUNTY, 1)), "演示市")));
    awaitConsumed(ids);
  }

  @Test
  void approvedFiguresStandBesideTheLiveOnesThroughApprovalCorrectionReopeningAndApprovalAgain() throws Exception {
    // the county's approval of A arrives before A's sign-off, and twice; B signs off but is not approved;
    // the county's submission to the city on the same topic is not a review and changes nothing here
    List<UUID> ids = new ArrayList<>();
    EventEnvelope<SchoolPeriodReviewed> approval = envelope(review(A, 1, 1, SchoolPeriodReviewed.Action.APPROVED));
    ids.add(send(Topics.DISTRICT_PERIOD_APPROVALS, COUNTY, approval));
    ids.add(send(Topics.SCHOOL_SIGN_OFFS, A, signOff(A, 1, 30, 50, 1)));
    send(Topics.DISTRICT_PERIOD_APPROVALS, COUNTY, approval);
    ids.add(send(Topics.SCHOOL_SIGN_OFFS, B, signOff(B, 1, 20, 40, 1)));
    send(Topics.DISTRICT_PERIOD_APPROVALS, COUNTY, new CountyPeriodSubmission(COUNTY, P, CountyPeriodSubmission.Status.SUBMITTED,
        List.of(new CountyPeriodSubmission.ApprovedSchool(A, 1)), null, T, 1));
    awaitConsumed(ids);

    JsonNode a = get(school(A)).body();
    assertThat(a.get("basis").asString()).isEqualTo("LIVE");
    assertThat(a.at("/school/numerator").longValue()).isEqualTo(30);
    JsonNode approved = a.at("/school/approved");
    assertThat(approved.get("numerator").longValue()).isEqualTo(30);
    assertThat(approved.get("denominator").longValue()).isEqualTo(50);
    assertThat(approved.get("rate").decimalValue()).isEqualByComparingTo("0.6");
    assertThat(approved.get("met").booleanValue()).isTrue();
    assertThat(approved.get("differsFromLive").booleanValue()).isFalse();
    assertThat(get(school(B)).body().at("/school/approved").isNull()).as("signed off, not approved").isTrue();

    JsonNode county = get(county("")).body();
    assertThat(county.at("/county/numerator").longValue()).as("live").isEqualTo(50);
    assertThat(county.at("/county/approved/numerator").longValue()).isEqualTo(30);
    assertThat(county.at("/county/approved/denominator").longValue()).isEqualTo(50);
    assertThat(county.at("/county/approved/schoolsApproved").intValue()).isEqualTo(1);
    assertThat(county.at("/county/approved/schoolsExpected").intValue()).isEqualTo(2);
    assertThat(county.at("/county/approved/differsFromLive").booleanValue()).as("B is not approved").isTrue();
    assertThat(county.at("/county/lineage").size()).isEqualTo(2);

    JsonNode approvedOnly = get(county("?basis=approved")).body();
    assertThat(approvedOnly.get("basis").asString()).isEqualTo("APPROVED");
    assertThat(approvedOnly.at("/county/numerator").longValue()).isEqualTo(30);
    assertThat(approvedOnly.at("/county/denominator").longValue()).isEqualTo(50);
    assertThat(approvedOnly.at("/county/schoolsReporting").intValue()).isEqualTo(1);
    assertThat(approvedOnly.at("/county/completeness").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(approvedOnly.at("/county/version").isNull()).as("no rollup version on this basis").isTrue();
    assertThat(byId(approvedOnly.get("schools"), A).get("numerator").longValue()).isEqualTo(30);
    assertThat(byId(approvedOnly.get("schools"), B).get("numerator").isNull()).isTrue();

    JsonNode city = get(city("")).body();
    assertThat(city.at("/city/numerator").longValue()).isEqualTo(50);
    assertThat(city.at("/city/approved/numerator").longValue()).isEqualTo(30);
    assertThat(byId(city.get("counties"), COUNTY).at("/approved/schoolsApproved").intValue()).isEqualTo(1);
    assertThat(get(city("?basis=approved")).body().at("/city/numerator").longValue()).isEqualTo(30);

    // A corrects a live figure after approval: the approved one stays, flagged as different
    awaitConsumed(List.of(send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, A, new IndicatorSnapshotPublished(A, CODE, P, 35, 50, 2, T))));
    a = get(school(A)).body();
    assertThat(a.at("/school/numerator").longValue()).isEqualTo(35);
    assertThat(a.at("/school/approved/numerator").longValue()).isEqualTo(30);
    assertThat(a.at("/school/approved/differsFromLive").booleanValue()).isTrue();
    assertThat(get(school(A) + "?basis=approved").body().at("/school/numerator").longValue()).isEqualTo(30);

    // the county reopens A; the older approval delivered again (a new event id) does not bring it back
    ids = new ArrayList<>();
    ids.add(send(Topics.DISTRICT_PERIOD_APPROVALS, COUNTY, review(A, 1, 2, SchoolPeriodReviewed.Action.REOPENED)));
    ids.add(send(Topics.DISTRICT_PERIOD_APPROVALS, COUNTY, review(A, 1, 1, SchoolPeriodReviewed.Action.APPROVED)));
    awaitConsumed(ids);
    assertThat(get(school(A)).body().at("/school/approved").isNull()).isTrue();
    assertThat(get(county("")).body().at("/county/approved").isNull()).isTrue();
    assertThat(get(county("?basis=approved")).body().at("/county/numerator").isNull()).isTrue();

    // A signs off again (35 of 50) and the county approves that version; a stale review of version 1 changes nothing
    ids = new ArrayList<>();
    ids.add(send(Topics.DISTRICT_PERIOD_APPROVALS, COUNTY, review(A, 2, 3, SchoolPeriodReviewed.Action.APPROVED)));
    ids.add(send(Topics.SCHOOL_SIGN_OFFS, A, signOff(A, 2, 35, 50, 2)));
    ids.add(send(Topics.SCHOOL_SIGN_OFFS, A, signOff(A, 1, 30, 50, 1)));
    ids.add(send(Topics.DISTRICT_PERIOD_APPROVALS, COUNTY, review(A, 1, 2, SchoolPeriodReviewed.Action.APPROVED)));
    awaitConsumed(ids);
    a = get(school(A)).body();
    assertThat(a.at("/school/approved/numerator").longValue()).isEqualTo(35);
    assertThat(a.at("/school/approved/differsFromLive").booleanValue()).isFalse();
    assertThat(get(county("")).body().at("/county/approved/numerator").longValue()).isEqualTo(35);

    // the exports say which figures they hold
    try (XSSFWorkbook live = xlsx(county("/export.xlsx?lang=zh-CN")); XSSFWorkbook only = xlsx(county("/export.xlsx?lang=zh-CN&basis=approved"))) {
      XSSFSheet sheet = live.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("县区及学校（实时数据）");
      Row header = sheet.getRow(0);
      assertThat(header.getCell(header.getLastCellNum() - 3).getStringCellValue()).isEqualTo("审核通过值");
      Row rowA = rowOf(sheet, A);
      assertThat(rowA.getCell(header.getLastCellNum() - 1).getStringCellValue()).isEqualTo("否");
      assertThat(rowOf(sheet, B).getCell(header.getLastCellNum() - 1).getStringCellValue()).isEqualTo("未审核");
      assertThat(only.getSheetAt(0).getSheetName()).isEqualTo("县区及学校（审核通过数据）");
      assertThat(only.getSheetAt(0).getRow(0).getLastCellNum()).as("no approved columns beside approved figures")
          .isEqualTo((short) (header.getLastCellNum() - 3));
    }
    try (XSSFWorkbook en = xlsx(city("/export.xlsx?lang=en&basis=approved"))) {
      assertThat(en.getSheetAt(0).getSheetName()).isEqualTo("City and counties (approved)");
    }
  }

  @Test
  void anUnknownBasisIsAClearProblem() {
    Answer bad = get(county("?basis=signed"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.body().get("detail").asString()).contains("signed").contains("live").contains("approved");
  }

  // ---------------------------------------------------------------------------------------------

  private static PeriodSignedOff signOff(String school, long version, long num, long den, long snapshotVersion) {
    return new PeriodSignedOff(school, P, version, T, List.of(new PeriodSignedOff.SignedFigure(CODE, num, den, snapshotVersion),
        new PeriodSignedOff.SignedFigure("ANOTHER_CODE", 1, 2, 1)));
  }

  private static SchoolPeriodReviewed review(String school, long signOffVersion, long version, SchoolPeriodReviewed.Action action) {
    return new SchoolPeriodReviewed(COUNTY, school, P, signOffVersion, action,
        action == SchoolPeriodReviewed.Action.APPROVED ? null : "请核对后重新上报", T.plusSeconds(version * 60), version);
  }

  private static String city(String rest) {
    return "/api/reports/indicators/" + CODE + "/periods/" + P + rest;
  }

  private static String county(String rest) {
    return city("/counties/" + COUNTY + rest);
  }

  private static String school(String id) {
    return city("/schools/" + id);
  }

  private static JsonNode byId(JsonNode list, String id) {
    for (JsonNode n : list) {
      if (id.equals(n.get("id").asString())) {
        return n;
      }
    }
    throw new AssertionError("no " + id + " in " + list);
  }

  private static Row rowOf(XSSFSheet sheet, String id) {
    for (Row r : sheet) {
      if (r.getCell(0) != null && id.equals(r.getCell(0).getStringCellValue())) {
        return r;
      }
    }
    throw new AssertionError("no row " + id);
  }

  private XSSFWorkbook xlsx(String path) throws Exception {
    byte[] body = http.get().uri(path).exchange((req, res) -> {
      assertThat(res.getStatusCode().value()).as(path).isEqualTo(200);
      return res.getBody().readAllBytes();
    });
    return new XSSFWorkbook(new ByteArrayInputStream(body));
  }

  private Answer get(String path) {
    return http.get().uri(path).exchange((req, res) -> new Answer(res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()), JSON.readTree(res.getBody())));
  }

  private static <T> EventEnvelope<T> envelope(T payload) {
    return EventEnvelope.wrap("test", Instant.now(), payload);
  }

  private UUID send(String topic, String key, Object payload) {
    EventEnvelope<?> env = payload instanceof EventEnvelope<?> e ? e : envelope(payload);
    kafka.send(topic, key, EventCodec.encode(env)).join();
    return env.eventId();
  }

}
