package org.gongyu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CityRollupPublished;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.Rollup;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.testing.AccessMatrix;
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
 * The endpoints of the web app (calendar, units, the school's own scorecard, "what needs
 * attention", lineage times) and the exports, against the real service: their own counties,
 * schools and four indicators published through Kafka for semester 2031-2032-1 (which no other
 * test class uses), answers read through HTTP with real Keycloak tokens, files read back with POI
 * and PDFBox.
 */
class WebReportsIT extends ReportingITSupport {

  private static final String CITY = "990100";
  private static final String CITY_NAME = "演示市";
  private static final String HUBIN = "990121";
  private static final String SHANQIAN = "990122";
  private static final String HB1 = "9901210001";
  /** A name a spreadsheet would run as a formula unless neutralised. */
  private static final String HB2 = "9901210002";
  private static final String FORMULA_NAME = "=cmd|' /C calc'!A0";
  /** A junior secondary school: ESTABLISHED applies to primary schools only. */
  private static final String HB3 = "9901210003";
  private static final String SQ1 = "9901220001";
  private static final String P = "2031-2032-1";
  private static final String CONTACT = IndicatorCodes.PARENT_CONTACT; // RATIO, target 0.80
  private static final String LEARNING = IndicatorCodes.PARENT_LEARNING_PER_CAPITA; // PER_CAPITA, target 3.0
  private static final String ESTABLISHED = IndicatorCodes.PARENT_SCHOOL_ESTABLISHED; // SCHOOL_THRESHOLD, primary only
  private static final String CONSULT = IndicatorCodes.CONSULTATION_RESOLUTION; // RATIO, sensitive, target 0.90
  private static final List<String> CODES = List.of(CONTACT, LEARNING, ESTABLISHED, CONSULT);
  /** UNIT_COUNT: titles the county holds as a whole; no school reports it (left out of CODES). */
  private static final String TITLES = IndicatorCodes.DEMONSTRATION_SCHOOLS;
  /** HUBIN's deadline, already passed by the service's clock. */
  private static final Instant DEADLINE = Instant.parse("2026-11-30T16:00:00Z");
  private static final Instant BEFORE = Instant.parse("2026-11-20T02:00:00Z");
  private static final Instant LATE_V1 = Instant.parse("2026-12-01T02:00:00Z");
  private static final Instant LATE_V2 = Instant.parse("2026-12-02T02:00:00Z");
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired JdbcClient jdbc;
  @Autowired CityCalendar calendar;
  @LocalServerPort int port;

  private RestClient http;
  private AccessMatrix.Client matrix;

  @BeforeAll
  void publish() {
    http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(Keycloak.actingByPath()).build();
    matrix = AccessMatrix.overHttp("http://localhost:" + port);
    List<UUID> ids = new ArrayList<>();
    ids.add(send(Topics.CITY_COUNTIES, CITY, county(HUBIN, "湖滨区")));
    ids.add(send(Topics.CITY_COUNTIES, CITY, county(SHANQIAN, "山前县")));
    ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, HUBIN, school(HB1, HUBIN, "990121-XQ1", "湖滨一小", "PRIMARY")));
    ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, HUBIN, school(HB2, HUBIN, "990121-XQ1", FORMULA_NAME, "PRIMARY")));
    ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, HUBIN, school(HB3, HUBIN, "990121-XQ2", "湖滨中学", "JUNIOR_SECONDARY")));
    ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, SHANQIAN, school(SQ1, SHANQIAN, null, "山前小学", "PRIMARY")));
    // the realm's demo units, for the access matrix (the same versions ReportingIT registers)
    for (String[] c : List.of(new String[] {"990101", "东城县"}, new String[] {"990102", "西山县"},
        new String[] {"990103", "南湖区"})) {
      ids.add(send(Topics.CITY_COUNTIES, CITY, county(c[0], c[1])));
    }
    for (String[] s : List.of(new String[] {"9901010001", "990101", "东城一小"}, new String[] {"9901010002", "990101", "东城二小"},
        new String[] {"9901020001", "990102", "西山中学"}, new String[] {"9901030001", "990103", "南湖小学"})) {
      ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, s[1], school(s[0], s[1], null, s[2], "PRIMARY")));
    }
    ids.add(send(Topics.CITY_CATALOGUE, CONTACT, define(CONTACT, "家长联系率", "Parent contact rate", IndicatorKind.RATIO,
        false, List.of(), "0.80")));
    ids.add(send(Topics.CITY_CATALOGUE, LEARNING, define(LEARNING, "家长人均学习次数", "Parent learning per capita",
        IndicatorKind.PER_CAPITA, false, List.of(), "3.0")));
    ids.add(send(Topics.CITY_CATALOGUE, ESTABLISHED, define(ESTABLISHED, "家长学校建校率", "Parent schools established",
        IndicatorKind.SCHOOL_THRESHOLD, false, List.of("PRIMARY"), "1.00")));
    ids.add(send(Topics.CITY_CATALOGUE, CONSULT, define(CONSULT, "咨询个案办结率", "Consultation cases resolved",
        IndicatorKind.RATIO, true, List.of(), "0.90")));
    ids.add(send(Topics.CITY_CATALOGUE, TITLES, define(TITLES, "协同育人示范学校数", "Demonstration schools",
        IndicatorKind.UNIT_COUNT, false, List.of(), "3")));
    awaitConsumed(ids);
    ids.clear();

    // PARENT_CONTACT: HB1 first reported after HUBIN's deadline and corrected later, HB3 never
    var hb1v1 = snapshot(ids, CONTACT, HB1, 200, 500, 1, LATE_V1);
    snapshot(ids, CONTACT, HB1, 272, 500, 2, LATE_V2);
    var hb2 = snapshot(ids, CONTACT, HB2, 450, 500, 1, BEFORE);
    var sq1 = snapshot(ids, CONTACT, SQ1, 400, 500, 1, BEFORE);
    // sign-offs (ADR 0019): HUBIN's rollup counts 2 of 3 signed off, 1 by the deadline, 1 approved; SHANQIAN's
    // predates sign-offs
    var hubinContact = countyRollup(ids, HUBIN, CONTACT, 3, 1, DEADLINE, 2, 1, 1, List.of(hb1v1, hb2), "0.80");
    var shanqianContact = countyRollup(ids, SHANQIAN, CONTACT, 1, null, null, List.of(sq1), "0.80");
    cityRollup(ids, CONTACT, List.of(hubinContact, shanqianContact));
    // PARENT_LEARNING_PER_CAPITA: SHANQIAN has no rollup, SQ1 no snapshot
    var l1 = snapshot(ids, LEARNING, HB1, 640, 200, 1, BEFORE);
    var l2 = snapshot(ids, LEARNING, HB2, 500, 250, 1, BEFORE);
    var l3 = snapshot(ids, LEARNING, HB3, 300, 100, 1, BEFORE);
    cityRollup(ids, LEARNING, List.of(countyRollup(ids, HUBIN, LEARNING, 3, 3, DEADLINE, List.of(l1, l2, l3), "3.0")));
    // PARENT_SCHOOL_ESTABLISHED: 1 if established; HB3 is not expected
    var e1 = snapshot(ids, ESTABLISHED, HB1, 1, 1, 1, BEFORE);
    var e2 = snapshot(ids, ESTABLISHED, HB2, 0, 1, 1, BEFORE);
    var e4 = snapshot(ids, ESTABLISHED, SQ1, 1, 1, 1, BEFORE);
    cityRollup(ids, ESTABLISHED, List.of(countyRollup(ids, HUBIN, ESTABLISHED, 2, null, null, List.of(e1, e2), "1.00"),
        countyRollup(ids, SHANQIAN, ESTABLISHED, 1, null, null, List.of(e4), "1.00")));
    // CONSULTATION_RESOLUTION, sensitive: HB1 3/4, SQ1 2/2 and SHANQIAN 2/2 are small cells
    var c1 = snapshot(ids, CONSULT, HB1, 3, 4, 1, BEFORE);
    var c2 = snapshot(ids, CONSULT, HB2, 9, 10, 1, BEFORE);
    var c3 = snapshot(ids, CONSULT, HB3, 10, 10, 1, BEFORE);
    var c4 = snapshot(ids, CONSULT, SQ1, 2, 2, 1, BEFORE);
    cityRollup(ids, CONSULT, List.of(countyRollup(ids, HUBIN, CONSULT, 3, null, null, List.of(c1, c2, c3), "0.90"),
        countyRollup(ids, SHANQIAN, CONSULT, 1, null, null, List.of(c4), "0.90")));
    awaitConsumed(ids);
  }

  // ---- calendar and units

  @Test
  void calendarGivesTodayTheCurrentSemesterAndTheSemestersAroundItNewestFirst() {
    JsonNode c = get("/api/reports/calendar", Keycloak.token("staff-9901010001")).body();

    Period current = calendar.current(PeriodType.SEMESTER);
    assertThat(c.get("today").asString()).isEqualTo(calendar.today().toString());
    assertThat(c.get("currentSemester").asString()).isEqualTo(current.id());
    List<String> expected = new ArrayList<>();
    Period p = current.next();
    for (int i = 0; i < 7; i++) {
      expected.add(p.id());
      p = p.previous();
    }
    assertThat(c.get("semesters").findValuesAsString("id")).containsExactlyElementsOf(expected);
    JsonNode now = c.get("semesters").get(1);
    assertThat(LocalDate.parse(now.get("start").asString())).isEqualTo(current.start(calendar.calendar()));
    assertThat(LocalDate.parse(now.get("end").asString()))
        .isEqualTo(current.endExclusive(calendar.calendar()).minusDays(1));
  }

  @Test
  void unitsNameTheCityCountiesAndSchoolsWithTheUnitsAboveThem() {
    JsonNode school = get("/api/reports/units/" + HB1).body();
    assertThat(school.get("level").asString()).isEqualTo("SCHOOL");
    assertThat(school.get("name").asString()).isEqualTo("湖滨一小");
    assertThat(school.get("countyId").asString()).isEqualTo(HUBIN);
    assertThat(school.get("countyName").asString()).isEqualTo("湖滨区");
    assertThat(school.get("cityId").asString()).isEqualTo(CITY);
    assertThat(school.get("cityName").asString()).isEqualTo(CITY_NAME);
    assertThat(school.get("xuequId").asString()).isEqualTo("990121-XQ1");
    assertThat(school.get("schoolType").asString()).isEqualTo("PRIMARY");
    JsonNode county = get("/api/reports/units/" + SHANQIAN).body();
    assertThat(county.get("level").asString()).isEqualTo("COUNTY");
    assertThat(county.get("name").asString()).isEqualTo("山前县");
    assertThat(county.get("cityName").asString()).isEqualTo(CITY_NAME);
    JsonNode city = get("/api/reports/units/" + CITY, Keycloak.tokenAs("school-staff", HB1)).body();
    assertThat(city.get("level").asString()).isEqualTo("CITY");
    assertThat(city.get("name").asString()).isEqualTo(CITY_NAME);

    // a county user sees their county and its schools; nothing of another county
    String hubinAdmin = Keycloak.tokenAs("county-admin", HUBIN);
    assertThat(get("/api/reports/units/" + HB3, hubinAdmin).status()).isEqualTo(200);
    assertThat(get("/api/reports/units/" + HUBIN, hubinAdmin).status()).isEqualTo(200);
    assertThat(get("/api/reports/units/" + SQ1, hubinAdmin).status()).isEqualTo(404);
    assertThat(get("/api/reports/units/" + SHANQIAN, hubinAdmin).status()).isEqualTo(404);
    // a unit that does not exist looks like one that is not the caller's
    assertProblem(get("/api/reports/units/9901999999"), 404, "nothing found at /api/reports/units/9901999999");
    assertProblem(get("/api/reports/units/9901999999", Keycloak.tokenAs("school-staff", "9901999999")), 404,
        "unit 9901999999 is not registered");
  }

  // ---- the school's own scorecard

  @Test
  void schoolScorecardSaysWhatIsMissingAndIsExactOnlyForTheSchoolsOwnUsers() {
    JsonNode hb3 = get(schoolScorecard(HB3)).body();
    assertThat(hb3.get("periodId").asString()).isEqualTo(P);
    assertThat(hb3.at("/school/countyName").asString()).isEqualTo("湖滨区");
    assertThat(line(hb3, CONTACT).get("missing").booleanValue()).as("applies, no snapshot").isTrue();
    assertThat(line(hb3, ESTABLISHED).get("missing").booleanValue()).as("does not apply to a junior secondary").isFalse();
    assertThat(line(hb3, ESTABLISHED).at("/cell/applies").booleanValue()).isFalse();
    JsonNode learning = line(hb3, LEARNING);
    assertThat(learning.get("missing").booleanValue()).isFalse();
    assertThat(learning.at("/cell/value").decimalValue()).isEqualByComparingTo("3.0");
    assertThat(learning.at("/cell/target").decimalValue()).isEqualByComparingTo("3.0");
    assertThat(learning.at("/cell/met").booleanValue()).isTrue();
    assertThat(learning.at("/indicator/nameZh").asString()).isEqualTo("家长人均学习次数");
    assertThat(learning.get("periodId").asString()).isEqualTo(P);

    JsonNode own = line(get(schoolScorecard(HB1), Keycloak.tokenAs("school-staff", HB1)).body(), CONSULT).get("cell");
    assertThat(own.get("suppressed").booleanValue()).isFalse();
    assertThat(own.get("numerator").longValue()).isEqualTo(3);
    assertThat(own.get("denominator").longValue()).isEqualTo(4);
    JsonNode seenByCounty = line(get(schoolScorecard(HB1), Keycloak.tokenAs("county-admin", HUBIN)).body(), CONSULT)
        .get("cell");
    assertThat(seenByCounty.get("suppressed").booleanValue()).isTrue();
    assertThat(seenByCounty.get("numerator").isNull()).isTrue();
    assertThat(seenByCounty.get("value").isNull()).isTrue();

    assertThat(get(schoolScorecard(SQ1), Keycloak.tokenAs("county-admin", HUBIN)).status()).as("another county's school")
        .isEqualTo(404);
    assertThat(get(schoolScorecard(HB1), Keycloak.tokenAs("school-staff", HB2)).status()).as("another school").isEqualTo(404);
  }

  @Test
  void noSchoolIsMissingOrLateForTitlesTheCountyHoldsAsAWhole() {
    JsonNode hb1 = get(schoolScorecard(HB1)).body();
    assertThat(line(hb1, TITLES).get("missing").booleanValue()).as("a UNIT_COUNT has no school snapshot to miss").isFalse();

    JsonNode a = get(cityAttention("countyId=" + HUBIN + "&indicator=" + TITLES)).body();
    assertThat(keys(a)).containsExactly(TITLES + " COUNTY " + HUBIN + " MISSING");
  }

  // ---- what needs attention

  @Test
  void attentionListsEveryIndicatorAndUnitBelowTargetMissingOrLate() {
    JsonNode a = get(cityAttention("countyId=" + HUBIN + codesFilter())).body();

    assertThat(a.get("periodId").asString()).isEqualTo(P);
    assertThat(keys(a)).containsExactlyInAnyOrder(
        CONTACT + " COUNTY " + HUBIN + " BELOW_TARGET",
        CONTACT + " SCHOOL " + HB1 + " BELOW_TARGET",
        CONTACT + " SCHOOL " + HB1 + " LATE",
        CONTACT + " SCHOOL " + HB3 + " MISSING",
        CONTACT + " SCHOOL " + HB3 + " LATE",
        LEARNING + " COUNTY " + HUBIN + " BELOW_TARGET",
        LEARNING + " SCHOOL " + HB2 + " BELOW_TARGET",
        ESTABLISHED + " COUNTY " + HUBIN + " BELOW_TARGET",
        ESTABLISHED + " SCHOOL " + HB2 + " BELOW_TARGET");
    assertThat(a.get("withheld").intValue()).as("HB1's 3/4 of the sensitive indicator").isEqualTo(1);
    JsonNode county = item(a, CONTACT, HUBIN, "BELOW_TARGET");
    assertThat(county.get("value").decimalValue()).isEqualByComparingTo("0.65");
    assertThat(county.get("gap").decimalValue()).isEqualByComparingTo("0.15");
    assertThat(county.get("countyName").asString()).isEqualTo("湖滨区");
    assertThat(county.get("indicatorNameZh").asString()).isEqualTo("家长联系率");
    JsonNode hb1 = item(a, CONTACT, HB1, "BELOW_TARGET");
    assertThat(hb1.get("value").decimalValue()).as("the corrected version").isEqualByComparingTo("0.544");
    assertThat(hb1.get("gap").decimalValue()).isEqualByComparingTo("0.256");
    assertThat(hb1.get("numerator").longValue()).isEqualTo(272);
    assertThat(hb1.get("xuequId").asString()).isEqualTo("990121-XQ1");
    JsonNode late = item(a, CONTACT, HB1, "LATE");
    assertThat(Instant.parse(late.get("firstReportedAt").asString())).as("version 1, not the correction").isEqualTo(LATE_V1);
    assertThat(Instant.parse(late.get("deadline").asString())).isEqualTo(DEADLINE);
    assertThat(item(a, CONTACT, HB3, "LATE").get("firstReportedAt").isNull()).isTrue();
    assertThat(item(a, ESTABLISHED, HB2, "BELOW_TARGET").get("gap").decimalValue()).isEqualByComparingTo("1");
    assertThat(keys(a)).as("the withheld small cell is not listed").noneMatch(k -> k.startsWith(CONSULT + " "));

    // the county's own list: a county without a rollup and a school without a snapshot are missing; small cells withheld
    JsonNode shanqian = get("/api/reports/periods/" + P + "/counties/" + SHANQIAN + "/attention?" + codesFilter().substring(1),
        Keycloak.tokenAs("county-assessor", SHANQIAN)).body();
    assertThat(keys(shanqian)).containsExactlyInAnyOrder(
        LEARNING + " COUNTY " + SHANQIAN + " MISSING", LEARNING + " SCHOOL " + SQ1 + " MISSING");
    assertThat(shanqian.get("withheld").intValue()).as("SHANQIAN 2/2 and SQ1 2/2").isEqualTo(2);
    assertThat(shanqian.get("countyId").asString()).isEqualTo(SHANQIAN);
  }

  @Test
  void attentionFiltersByReasonLevelAndIndicator() {
    assertThat(keys(get(cityAttention("countyId=" + HUBIN + codesFilter() + "&reason=LATE")).body()))
        .containsExactlyInAnyOrder(CONTACT + " SCHOOL " + HB1 + " LATE", CONTACT + " SCHOOL " + HB3 + " LATE");
    assertThat(keys(get(cityAttention("countyId=" + HUBIN + codesFilter() + "&level=COUNTY")).body()))
        .containsExactlyInAnyOrder(CONTACT + " COUNTY " + HUBIN + " BELOW_TARGET",
            LEARNING + " COUNTY " + HUBIN + " BELOW_TARGET", ESTABLISHED + " COUNTY " + HUBIN + " BELOW_TARGET");
    assertThat(keys(get(cityAttention("indicator=" + LEARNING + "&reason=MISSING,BELOW_TARGET")).body()))
        .contains(LEARNING + " COUNTY " + SHANQIAN + " MISSING", LEARNING + " SCHOOL " + SQ1 + " MISSING",
            LEARNING + " SCHOOL " + HB2 + " BELOW_TARGET")
        .allMatch(k -> k.startsWith(LEARNING + " "));
    assertProblem(get(cityAttention("reason=SOON")), 400, "reason");
    assertProblem(get(cityAttention("level=XUEQU")), 400, "level");
    assertProblem(get(cityAttention("indicator=NO_SUCH_INDICATOR")), 404, "NO_SUCH_INDICATOR");
  }

  // ---- lineage with times

  @Test
  void lineageSaysWhenEachSchoolSnapshotVersionTheCountyUsedWasMade() {
    JsonNode county = get("/api/reports/indicators/" + CONTACT + "/periods/" + P + "/counties/" + HUBIN).body();

    Map<String, JsonNode> lineage = new HashMap<>();
    county.at("/county/lineage").forEach(l -> lineage.put(l.get("schoolId").asString(), l));
    assertThat(lineage.get(HB1).get("version").longValue()).as("the county has not caught up with the correction")
        .isEqualTo(1);
    assertThat(Instant.parse(lineage.get(HB1).get("asOf").asString())).isEqualTo(LATE_V1);
    assertThat(Instant.parse(lineage.get(HB2).get("asOf").asString())).isEqualTo(BEFORE);
  }

  // ---- exports

  @Test
  void cityScorecardXlsxHasNumericCellsFormatsAFrozenChineseHeaderAndTheJsonsFigures() throws Exception {
    JsonNode json = get("/api/reports/periods/" + P + "/scorecard").body();
    download("/api/reports/periods/" + P + "/scorecard/export.xlsx", null, null); // warm: classes loaded once
    long start = System.nanoTime();
    Download d = download("/api/reports/periods/" + P + "/scorecard/export.xlsx", null, null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("city scorecard xlsx export: " + millis + " ms, " + d.body().length + " bytes");

    assertThat(d.status()).isEqualTo(200);
    assertThat(d.contentType()).startsWith(XLSX);
    assertThat(d.fileName()).isEqualTo(CITY_NAME + "指标概览-" + P + ".xlsx");
    assertThat(millis).as("the city scorecard export").isLessThan(2000);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(d.body()))) {
      XSSFSheet sheet = wb.getSheetAt(0);
      assertThat(sheet.getSheetName()).isEqualTo("指标概览");
      PaneInformation pane = sheet.getPaneInformation();
      assertThat(pane).isNotNull();
      assertThat(pane.isFreezePane()).isTrue();
      assertThat((int) pane.getHorizontalSplitPosition()).as("the header row is frozen").isEqualTo(1);
      Row header = sheet.getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("单位编码");
      assertThat(header.getCell(1).getStringCellValue()).isEqualTo("单位");
      int contact = column(header, "家长联系率");
      int consult = column(header, "咨询个案办结率");
      int learning = column(header, "家长人均学习次数");
      assertThat(sheet.getColumnWidth(1)).isGreaterThan(2048);

      Row hubin = rowOf(sheet, HUBIN);
      Cell rate = hubin.getCell(contact);
      assertThat(rate.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(rate.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
      BigDecimal jsonValue = byId(line(json, CONTACT).get("counties"), HUBIN).get("value").decimalValue();
      assertThat(BigDecimal.valueOf(rate.getNumericCellValue())).isEqualByComparingTo(jsonValue);
      Cell perCapita = hubin.getCell(learning);
      assertThat(perCapita.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(perCapita.getCellStyle().getDataFormatString()).contains("次/人");
      Row shanqian = rowOf(sheet, SHANQIAN);
      assertThat(shanqian.getCell(consult).getCellType()).isEqualTo(CellType.STRING);
      assertThat(shanqian.getCell(consult).getStringCellValue()).isEqualTo("<5");
      assertThat(rowOf(sheet, CITY).getCell(1).getStringCellValue()).isEqualTo(CITY_NAME);

      XSSFSheet details = wb.getSheetAt(1);
      assertThat(details.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标");
      assertThat(details.getPaneInformation().isFreezePane()).isTrue();
    }
  }

  @Test
  void xlsxExportsShowSignOffsBesideTimelinessAsTheJsonDoesAndEmptyCellsForARollupBeforeSignOffs() throws Exception {
    String report = "/api/reports/indicators/" + CONTACT + "/periods/" + P;
    JsonNode json = get(report).body();
    JsonNode hubinJson = byId(json.get("counties"), HUBIN).get("signOffs");
    assertThat(hubinJson.get("signedOff").intValue()).isEqualTo(2);
    assertThat(hubinJson.get("completeness").decimalValue()).as("2 of 3 expected").isEqualByComparingTo("0.6667");
    assertThat(hubinJson.get("timeliness").decimalValue()).as("1 of 3 by the deadline").isEqualByComparingTo("0.3333");
    assertThat(byId(json.get("counties"), SHANQIAN).get("signOffs").isNull()).isTrue();
    assertThat(json.at("/city/signOffs/completeness").decimalValue()).as("2 of the city's 4").isEqualByComparingTo("0.5");
    assertThat(json.at("/city/signOffs/timeliness").decimalValue()).as("1 of the 3 under HUBIN's deadline")
        .isEqualByComparingTo("0.3333");

    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(report + "/export.xlsx", null, null).body()))) {
      XSSFSheet sheet = wb.getSheetAt(0);
      Row header = sheet.getRow(0);
      int signedOff = column(header, "完成上报");
      assertThat(column(header, "上报完成率")).isEqualTo(signedOff + 1);
      assertThat(column(header, "按时上报率")).isEqualTo(signedOff + 2);
      assertThat(column(header, "审核通过")).isEqualTo(signedOff + 3);
      assertThat(column(header, "及时率")).as("beside the snapshot timeliness").isEqualTo(signedOff - 1);
      Row hubin = rowOf(sheet, HUBIN);
      assertThat(hubin.getCell(signedOff).getNumericCellValue()).isEqualTo(2);
      Cell completeness = hubin.getCell(signedOff + 1);
      assertThat(completeness.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
      assertThat(BigDecimal.valueOf(completeness.getNumericCellValue())).isEqualByComparingTo("0.6667");
      assertThat(BigDecimal.valueOf(hubin.getCell(signedOff + 2).getNumericCellValue())).isEqualByComparingTo("0.3333");
      assertThat(hubin.getCell(signedOff + 3).getNumericCellValue()).isEqualTo(1);
      assertThat(BigDecimal.valueOf(rowOf(sheet, CITY).getCell(signedOff + 1).getNumericCellValue()))
          .isEqualByComparingTo("0.5");
      Row shanqian = rowOf(sheet, SHANQIAN);
      for (int k = signedOff; k < signedOff + 4; k++) {
        Cell empty = shanqian.getCell(k);
        assertThat(empty == null || empty.getCellType() == CellType.BLANK).as("column " + k).isTrue();
      }
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
        download("/api/reports/periods/" + P + "/scorecard/export.xlsx?lang=en", null, null).body()))) {
      XSSFSheet details = wb.getSheetAt(1);
      Row header = details.getRow(0);
      int completeness = column(header, "Sign-off completeness");
      assertThat(column(header, "Signed off")).isEqualTo(completeness - 1);
      assertThat(column(header, "Signed off on time")).isEqualTo(completeness + 1);
      assertThat(column(header, "Approved")).isEqualTo(completeness + 2);
      int unit = column(header, "Unit code");
      int code = column(header, "Indicator code");
      Row hubin = null;
      for (Row row : details) {
        Cell unitCell = row.getCell(unit);
        if (row.getRowNum() > 0 && unitCell != null && HUBIN.equals(unitCell.getStringCellValue())
            && CONTACT.equals(row.getCell(code).getStringCellValue())) {
          hubin = row;
        }
      }
      assertThat(hubin).isNotNull();
      assertThat(BigDecimal.valueOf(hubin.getCell(completeness).getNumericCellValue())).isEqualByComparingTo("0.6667");
    }
  }

  @Test
  void trendXlsxHasARowPerUnitAndPeriodWithTheTrendsFiguresAndIsScopedLikeItsTwin() throws Exception {
    String trend = "/api/reports/indicators/" + CONTACT + "/trend";
    JsonNode json = get(trend + "?to=" + P + "&periods=2").body();
    Download d = download(trend + "/export.xlsx?to=" + P + "&periods=2", null, null);

    assertThat(d.status()).isEqualTo(200);
    assertThat(d.fileName()).isEqualTo("家长联系率-趋势-" + P + ".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(d.body()))) {
      XSSFSheet sheet = wb.getSheetAt(0);
      Row header = sheet.getRow(0);
      int period = column(header, "统计期");
      int value = column(header, "值");
      JsonNode hubin = byId(json.get("series"), HUBIN).get("points");
      assertThat(hubin).hasSize(2);
      int rows = 0;
      for (Row row : sheet) {
        if (row.getRowNum() > 0 && HUBIN.equals(row.getCell(0).getStringCellValue())) {
          rows++;
          if (P.equals(row.getCell(period).getStringCellValue())) {
            assertThat(row.getCell(value).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(BigDecimal.valueOf(row.getCell(value).getNumericCellValue()))
                .isEqualByComparingTo(hubin.get(1).get("value").decimalValue());
          }
        }
      }
      assertThat(rows).as("one row per period of the window").isEqualTo(2);
    }

    String countyTrend = "/api/reports/indicators/" + CONTACT + "/counties/" + HUBIN + "/trend/export.xlsx?to=" + P;
    assertThat(download(countyTrend, null, Keycloak.tokenAs("county-assessor", HUBIN)).status()).isEqualTo(200);
    assertThat(download(countyTrend, null, Keycloak.tokenAs("county-assessor", SHANQIAN)).status())
        .as("another county's trend").isEqualTo(404);
    assertThat(download(trend + "/export.xlsx?to=" + P, null, Keycloak.tokenAs("county-admin", HUBIN)).status())
        .as("the city variant is for city roles").isEqualTo(403);
  }

  @Test
  void countyXlsxNeutralisesFormulaTextAndWritesWithheldCellsAsTextNotNumbers() throws Exception {
    Download d = download("/api/reports/periods/" + P + "/counties/" + HUBIN + "/scorecard/export.xlsx", null,
        Keycloak.tokenAs("county-admin", HUBIN));

    assertThat(d.status()).isEqualTo(200);
    assertThat(d.fileName()).isEqualTo("湖滨区指标概览-" + P + ".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(d.body()))) {
      XSSFSheet sheet = wb.getSheetAt(0);
      Cell name = rowOf(sheet, HB2).getCell(1);
      assertThat(name.getCellType()).as("text, never a formula").isEqualTo(CellType.STRING);
      assertThat(name.getStringCellValue()).isEqualTo("'" + FORMULA_NAME);
      assertThat(rowOf(sheet, HB3).getCell(column(sheet.getRow(0), "学校类型")).getStringCellValue()).isEqualTo("初中");
      assertThat(rowOf(sheet, HUBIN).getCell(column(sheet.getRow(0), "层级")).getStringCellValue()).isEqualTo("县区");
      Cell small = rowOf(sheet, HB1).getCell(column(sheet.getRow(0), "咨询个案办结率"));
      assertThat(small.getCellType()).isEqualTo(CellType.STRING);
      assertThat(small.getStringCellValue()).isEqualTo("<5");
      Cell shown = rowOf(sheet, HB2).getCell(column(sheet.getRow(0), "咨询个案办结率"));
      assertThat(shown.getNumericCellValue()).isEqualTo(0.9);
      for (Row row : sheet) {
        for (Cell cell : row) {
          assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
        }
      }
    }
    // the school's own users export their exact figure
    Download own = download("/api/reports/periods/" + P + "/schools/" + HB1 + "/scorecard/export.xlsx", null,
        Keycloak.tokenAs("school-admin", HB1));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(own.body()))) {
      Row consult = rowWith(wb.getSheetAt(0), 1, CONSULT);
      assertThat(consult.getCell(7).getNumericCellValue()).isEqualTo(0.75);
      assertThat(rowWith(wb.getSheetAt(0), 1, CONTACT).getCell(4).getStringCellValue()).isEqualTo("否");
    }
  }

  @Test
  void englishExportsHaveEnglishHeadersIndicatorNamesAndFileNames() throws Exception {
    Download byParam = download("/api/reports/periods/" + P + "/scorecard/export.xlsx?lang=en", "zh-CN", null);
    Download byHeader = download("/api/reports/indicators/" + CONTACT + "/periods/" + P + "/counties/" + HUBIN
        + "/export.xlsx", "en-GB,en;q=0.8", null);
    Download overridden = download("/api/reports/indicators/" + CONTACT + "/periods/" + P + "/below-target/export.xlsx?lang=zh-CN",
        "en", null);

    assertThat(byParam.fileName()).isEqualTo("city-scorecard-" + P + ".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(byParam.body()))) {
      Row header = wb.getSheetAt(0).getRow(0);
      assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Unit code");
      assertThat(column(header, "Parent contact rate")).isPositive();
      assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Scorecard");
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(byHeader.body()))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Unit code");
      XSSFSheet lineage = wb.getSheet("Lineage");
      assertThat(rowOf(lineage, HB1).getCell(2).getNumericCellValue()).isEqualTo(1);
    }
    assertThat(overridden.fileName()).isEqualTo("家长联系率-未达标-" + P + ".xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(overridden.body()))) {
      XSSFSheet schools = wb.getSheet("未达标学校");
      assertThat(schools.getRow(0).getCell(0).getStringCellValue()).isEqualTo("学校编码");
      assertThat(rowOf(schools, HB1).getCell(8).getNumericCellValue()).isEqualTo(0.256);
    }
  }

  @Test
  void cityAndCountyPdfsCarryChineseIndicatorNamesCountyNamesAndFiguresInAnEmbeddedFont() throws Exception {
    Download city = download("/api/reports/periods/" + P + "/scorecard/export.pdf", null, null);
    assertThat(city.status()).isEqualTo(200);
    assertThat(city.contentType()).startsWith("application/pdf");
    assertThat(city.fileName()).isEqualTo(CITY_NAME + "指标概览-" + P + ".pdf");
    String text = pdfText(city.body());
    assertThat(text).contains("家长联系率", "家长人均学习次数", "咨询个案办结率", "湖滨区", "山前县", CITY_NAME, "指标概览", P);
    assertThat(text).contains("65.0 %", "2.6 次/人", "1/2 所", "未达标", "<5");
    assertThat(embeddedFonts(city.body())).anyMatch(f -> f.contains("NotoSansCJK"));

    Download county = download("/api/reports/periods/" + P + "/counties/" + HUBIN + "/scorecard/export.pdf?lang=en", null,
        Keycloak.tokenAs("county-assessor", HUBIN));
    assertThat(county.status()).isEqualTo(200);
    String en = pdfText(county.body());
    assertThat(en).contains("Parent contact rate", "湖滨区", "湖滨一小", "湖滨中学", "54.4 %", "3.2 per person", "not met");
  }

  @Test
  void exportsRefuseAnotherCountysDataAndRolesTheirJsonTwinRefuses() {
    String otherCounty = Keycloak.token("county-admin-990101");
    assertThat(download("/api/reports/periods/" + P + "/counties/" + HUBIN + "/scorecard/export.xlsx", null, otherCounty)
        .status()).isEqualTo(404);
    assertThat(download("/api/reports/periods/" + P + "/counties/" + HUBIN + "/scorecard/export.pdf", null, otherCounty)
        .status()).isEqualTo(404);
    assertThat(download("/api/reports/indicators/" + CONTACT + "/periods/" + P + "/counties/" + HUBIN + "/export.xlsx", null,
        otherCounty).status()).isEqualTo(404);
    assertThat(download("/api/reports/periods/" + P + "/scorecard/export.xlsx", null, otherCounty).status()).isEqualTo(403);
    assertThat(download("/api/reports/periods/" + P + "/scorecard/export.pdf", null,
        Keycloak.tokenAs("school-admin", HB1)).status()).isEqualTo(403);
    assertThat(download("/api/reports/periods/" + P + "/schools/" + HB2 + "/scorecard/export.xlsx", null,
        Keycloak.tokenAs("school-admin", HB1)).status()).isEqualTo(404);
    assertThat(download("/api/reports/periods/" + P + "/scorecard/export.xlsx?lang=fr", null, null).status())
        .isEqualTo(400);
  }

  @Test
  void everyExportIsAuditedWithWhoWhatFormatAndLanguage() {
    download("/api/reports/periods/" + P + "/counties/" + HUBIN + "/attention/export.xlsx?reason=LATE", "en",
        Keycloak.token("city-admin"));

    Map<String, Object> row = jdbc.sql("""
            select username, roles, org_unit, action, target, outcome, status, reason from audit_log
            where action like 'EXPORT %' order by id desc limit 1""")
        .query().singleRow();
    assertThat(row.get("username")).isEqualTo("city-admin");
    assertThat(row.get("roles")).isEqualTo("city-admin");
    assertThat(row.get("org_unit")).isEqualTo("city:" + CITY);
    assertThat(row.get("action")).isEqualTo("EXPORT county-attention xlsx");
    assertThat((String) row.get("target")).contains("/counties/" + HUBIN + "/attention/export.xlsx?reason=LATE");
    assertThat(row.get("outcome")).isEqualTo("SUCCEEDED");
    assertThat((String) row.get("reason")).contains("format=xlsx", "lang=en");
  }

  @Test
  void accessMatrixOfTheNewEndpointsAndEveryExport() {
    Set<String> cityUsers = Set.of("city-staff", "city-admin");
    Set<String> countyAndCity = Set.of("county-assessor", "county-admin", "city-staff", "city-admin");
    Set<String> everyone = AccessMatrix.CALLERS.keySet();
    String code = CONTACT;
    var endpoints = List.of(
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> "/api/reports/calendar", everyone),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> "/api/reports/units/" + c, everyone),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY, c -> "/api/reports/units/" + c, everyone),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> "/api/reports/units/" + s, everyone),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL, s -> "/api/reports/periods/" + P + "/schools/" + s + "/scorecard",
            everyone),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> "/api/reports/periods/" + P + "/attention", cityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY,
            c -> "/api/reports/periods/" + P + "/counties/" + c + "/attention", countyAndCity),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> "/api/reports/periods/" + P + "/scorecard/export.xlsx",
            cityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> "/api/reports/periods/" + P + "/scorecard/export.pdf",
            cityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY,
            c -> "/api/reports/periods/" + P + "/counties/" + c + "/scorecard/export.xlsx", countyAndCity),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY,
            c -> "/api/reports/periods/" + P + "/counties/" + c + "/scorecard/export.pdf", countyAndCity),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.SCHOOL,
            s -> "/api/reports/periods/" + P + "/schools/" + s + "/scorecard/export.xlsx", everyone),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY,
            c -> "/api/reports/indicators/" + code + "/periods/" + P + "/export.xlsx", cityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY,
            c -> "/api/reports/indicators/" + code + "/periods/" + P + "/counties/" + c + "/export.xlsx", countyAndCity),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY,
            c -> "/api/reports/indicators/" + code + "/periods/" + P + "/below-target/export.xlsx", cityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY,
            c -> "/api/reports/indicators/" + code + "/periods/" + P + "/counties/" + c + "/below-target/export.xlsx",
            countyAndCity),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> "/api/reports/periods/" + P + "/attention/export.xlsx",
            cityUsers),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.COUNTY,
            c -> "/api/reports/periods/" + P + "/counties/" + c + "/attention/export.xlsx", countyAndCity));
    long deniedBefore = deniedAudits();

    AccessMatrix.Result result = AccessMatrix.run(endpoints, matrix);
    System.out.println(result.summary("reporting-service (web endpoints and exports)"));

    assertThat(result.failures()).as(result.summary("reporting-service")).isEmpty();
    long expectedDenials = result.cells().stream().filter(c -> !c.expected().equals("2xx")).count();
    assertThat(deniedAudits() - deniedBefore).as("every refused cell is audited").isEqualTo(expectedDenials);
  }

  // ---- HTTP

  private record Answer(int status, String contentType, JsonNode body) {}

  private record Download(int status, String contentType, String fileName, byte[] body) {}

  private Answer get(String path) {
    return get(path, null);
  }

  private Answer get(String path, String token) {
    var request = http.get().uri(path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()), JSON.readTree(res.getBody())));
  }

  /** A GET of a file; {@code acceptLanguage} and {@code token} null for none and for the path's default (city-staff). */
  private Download download(String path, String acceptLanguage, String token) {
    var request = http.get().uri(path);
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    Download d = request.exchange((req, res) -> {
      String disposition = res.getHeaders().getFirst("Content-Disposition");
      String fileName = null;
      if (disposition != null && disposition.contains("filename*=UTF-8''")) {
        fileName = URLDecoder.decode(disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17)
            .replace("+", "%2B"), StandardCharsets.UTF_8);
      }
      return new Download(res.getStatusCode().value(), String.valueOf(res.getHeaders().getContentType()), fileName,
          res.getBody().readAllBytes());
    });
    if (d.status() == 200 && d.fileName() != null) {
      keep(d);
    }
    return d;
  }

  /** Leaves each exported file in target/exports for a person to open. */
  private static void keep(Download d) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "exports");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.write(dir.resolve(d.fileName()), d.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertProblem(Answer a, int status, String detailContains) {
    assertThat(a.status()).isEqualTo(status);
    assertThat(a.contentType()).startsWith("application/problem+json");
    assertThat(a.body().get("detail").asString()).contains(detailContains);
  }

  private long deniedAudits() {
    return jdbc.sql("select count(*) from audit_log where outcome = 'DENIED'").query(Long.class).single();
  }

  private static String schoolScorecard(String schoolId) {
    return "/api/reports/periods/" + P + "/schools/" + schoolId + "/scorecard";
  }

  private static String cityAttention(String query) {
    return "/api/reports/periods/" + P + "/attention?" + query;
  }

  /** This class's indicators only: other classes' indicators have nothing in this period. */
  private static String codesFilter() {
    return "&indicator=" + String.join(",", CODES);
  }

  private static List<String> keys(JsonNode attention) {
    List<String> keys = new ArrayList<>();
    attention.get("items").forEach(i -> keys.add(i.get("indicatorCode").asString() + " " + i.get("level").asString() + " "
        + i.get("unitId").asString() + " " + i.get("reason").asString()));
    return keys;
  }

  private static JsonNode item(JsonNode attention, String code, String unit, String reason) {
    for (JsonNode i : attention.get("items")) {
      if (i.get("indicatorCode").asString().equals(code) && i.get("unitId").asString().equals(unit)
          && i.get("reason").asString().equals(reason)) {
        return i;
      }
    }
    throw new AssertionError("no " + code + " " + unit + " " + reason + " in " + attention);
  }

  private static JsonNode line(JsonNode scorecard, String code) {
    for (JsonNode l : scorecard.get("indicators")) {
      if (l.at("/indicator/code").asString().equals(code)) {
        return l;
      }
    }
    throw new AssertionError("no " + code + " in " + scorecard);
  }

  private static JsonNode byId(JsonNode array, String id) {
    for (JsonNode n : array) {
      if (id.equals(n.get("id").asString())) {
        return n;
      }
    }
    throw new AssertionError("no " + id + " in " + array);
  }

  // ---- files

  private static int column(Row header, String text) {
    for (Cell c : header) {
      if (c.getStringCellValue().equals(text)) {
        return c.getColumnIndex();
      }
    }
    throw new AssertionError("no column " + text);
  }

  /** The row whose first cell is {@code id}. */
  private static Row rowOf(XSSFSheet sheet, String id) {
    return rowWith(sheet, 0, id);
  }

  private static Row rowWith(XSSFSheet sheet, int column, String text) {
    for (Row row : sheet) {
      Cell c = row.getCell(column);
      if (row.getRowNum() > 0 && c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
        return row;
      }
    }
    throw new AssertionError("no row with " + text + " in " + sheet.getSheetName());
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static List<String> embeddedFonts(byte[] pdf) throws Exception {
    List<String> fonts = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          if (font.isEmbedded()) {
            fonts.add(font.getName());
          }
        }
      }
    }
    return fonts;
  }

  // ---- fixtures: what the owning tiers would publish

  private CountyRegistered county(String countyId, String name) {
    CountyRegistered c = new CountyRegistered(countyId, CITY, name, 1);
    SENT_COUNTIES.add(c);
    return c;
  }

  private SchoolRegistered school(String schoolId, String countyId, String xuequId, String name, String type) {
    SchoolRegistered s = new SchoolRegistered(schoolId, countyId, xuequId, name, type, 1);
    SENT_SCHOOLS.add(s);
    return s;
  }

  private IndicatorDefined define(String code, String zh, String en, IndicatorKind kind, boolean sensitive,
      List<String> schoolTypes, String target) {
    IndicatorDefined d = new IndicatorDefined(code, zh, en, kind, PeriodType.SEMESTER, TargetComparator.AT_LEAST, sensitive,
        schoolTypes, List.of(new PeriodTarget("2024-2025-1", new BigDecimal(target))), 1);
    SENT_CATALOGUE.add(d);
    return d;
  }

  private IndicatorSnapshotPublished snapshot(List<UUID> ids, String code, String school, long num, long den, long version,
      Instant asOf) {
    IndicatorSnapshotPublished s = new IndicatorSnapshotPublished(school, code, P, num, den, version, asOf);
    ids.add(send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, school, s));
    return s;
  }

  /** A county rollup (version 1) as district-service computes it from these snapshots, without sign-off counts. */
  private CountyRollupPublished countyRollup(List<UUID> ids, String county, String code, int expected, Integer onTime,
      Instant deadline, List<IndicatorSnapshotPublished> used, String target) {
    return countyRollup(ids, county, code, expected, onTime, deadline, null, null, null, used, target);
  }

  /** A county rollup (version 1) as district-service computes it from these snapshots, with these sign-off counts. */
  private CountyRollupPublished countyRollup(List<UUID> ids, String county, String code, int expected, Integer onTime,
      Instant deadline, Integer signedOff, Integer signedOffOnTime, Integer approved, List<IndicatorSnapshotPublished> used,
      String target) {
    IndicatorKind kind = SENT_CATALOGUE.stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow().kind();
    Rollup r = Rollup.ofSchools(used.stream().map(s -> new Figure(s.numerator(), s.denominator())).toList(), expected,
        new org.gongyu.contracts.indicator.Target(kind, new BigDecimal(target), TargetComparator.AT_LEAST));
    CountyRollupPublished c = new CountyRollupPublished(county, code, P, r.figure().numerator(), r.figure().denominator(),
        r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(), 1, LATE_V2.plusSeconds(3600),
        used.stream().map(s -> new CountyRollupPublished.SnapshotRef(s.schoolId(), s.version())).toList(), onTime, deadline,
        signedOff, signedOffOnTime, approved);
    ids.add(send(Topics.DISTRICT_INDICATOR_ROLLUPS, county, c));
    return c;
  }

  private void cityRollup(List<UUID> ids, String code, List<CountyRollupPublished> used) {
    Rollup r = Rollup.ofRollups(used.stream()
        .map(c -> new Rollup(new Figure(c.numerator(), c.denominator()), c.schoolsReporting(), c.schoolsExpected(),
            c.schoolsMeetingTarget()))
        .toList());
    List<CountyRollupPublished> withDeadline = used.stream().filter(c -> c.schoolsOnTime() != null).toList();
    CityRollupPublished c = new CityRollupPublished(CITY, code, P, r.figure().numerator(), r.figure().denominator(),
        used.size(), 2, r.schoolsReporting(), r.schoolsExpected(), r.schoolsMeetingTarget(), 1, LATE_V2.plusSeconds(7200),
        used.stream().map(x -> new CityRollupPublished.RollupRef(x.countyId(), x.version())).toList(), CITY_NAME,
        withDeadline.isEmpty() ? null : withDeadline.stream().mapToInt(CountyRollupPublished::schoolsOnTime).sum(),
        withDeadline.isEmpty() ? null : withDeadline.stream().mapToInt(CountyRollupPublished::schoolsExpected).sum(),
        sumOrNull(used, CountyRollupPublished::schoolsSignedOff), sumOrNull(used, CountyRollupPublished::schoolsSignedOffOnTime),
        sumOrNull(used, CountyRollupPublished::schoolsApproved));
    ids.add(send(Topics.CITY_INDICATOR_ROLLUPS, CITY, c));
  }

  /** The city's sum of a count over the counties whose rollups carry it; null when none does. */
  private static Integer sumOrNull(List<CountyRollupPublished> used,
      java.util.function.Function<CountyRollupPublished, Integer> count) {
    List<Integer> carried = used.stream().map(count).filter(java.util.Objects::nonNull).toList();
    return carried.isEmpty() ? null : carried.stream().mapToInt(Integer::intValue).sum();
  }

  private UUID send(String topic, String key, Object payload) {
    EventEnvelope<?> envelope = EventEnvelope.wrap("test", Instant.now(), payload);
    kafka.send(topic, key, EventCodec.encode(envelope)).join();
    return envelope.eventId();
  }

}
