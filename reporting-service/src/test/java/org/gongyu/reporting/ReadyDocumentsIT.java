package org.gongyu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CityRollupPublished;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16 item 1 (ADR 0020): the city and county scorecards, reports, trends and lists are ready
 * documents. Read over real HTTP with real tokens: the same bytes for every reader, gzip for a
 * client that accepts it, an ETag that a conditional GET turns into 304, a rebuild only after a
 * figure the document rests on changed (counted by the service's own meter), and exports written
 * from the same document. Own county 990175, its own indicator code, semester 2036-2037-1.
 */
class ReadyDocumentsIT extends ReportingITSupport {

  private static final String CITY = "990100";
  private static final String COUNTY = "990175";
  private static final String OTHER = "990176";
  private static final String A = "9901750001";
  private static final String Z = "9901760001";
  private static final String CODE = "DOCUMENTS_IT_RATE";
  private static final String P = "2036-2037-1";
  private static final Instant T = Instant.parse("2036-10-20T02:00:00Z");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired MeterRegistry meters;
  @LocalServerPort int port;

  private final HttpClient client = HttpClient.newHttpClient();
  private String cityToken;

  @BeforeAll
  void publish() {
    cityToken = Keycloak.token("city-staff");
    List<UUID> ids = new ArrayList<>();
    for (String[] c : List.of(new String[] {COUNTY, "文档县"}, new String[] {OTHER, "旁观县"})) {
      CountyRegistered county = new CountyRegistered(c[0], CITY, c[1], 1);
      SENT_COUNTIES.add(county);
      ids.add(send(Topics.CITY_COUNTIES, CITY, county));
    }
    for (String[] s : List.of(new String[] {A, COUNTY, "文档一小"}, new String[] {Z, OTHER, "旁观小学"})) {
      SchoolRegistered school = new SchoolRegistered(s[0], s[1], null, s[2], "PRIMARY", 1);
      SENT_SCHOOLS.add(school);
      ids.add(send(Topics.DISTRICT_SCHOOL_REGISTRY, s[1], school));
    }
    IndicatorDefined d = new IndicatorDefined(CODE, "文档测试率", "Documents test rate", IndicatorKind.RATIO,
        PeriodType.SEMESTER, TargetComparator.AT_LEAST, false, List.of(),
        List.of(new PeriodTarget("2024-2025-1", new BigDecimal("0.60"))), 1);
    SENT_CATALOGUE.add(d);
    ids.add(send(Topics.CITY_CATALOGUE, CODE, d));
    ids.add(send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, A, new IndicatorSnapshotPublished(A, CODE, P, 30, 50, 1, T)));
    ids.add(send(Topics.DISTRICT_INDICATOR_ROLLUPS, COUNTY, countyRollup(30, 1)));
    ids.add(send(Topics.CITY_INDICATOR_ROLLUPS, CITY, new CityRollupPublished(CITY, CODE, P, 30, 50, 1, 1, 1, 1, 1, 1, T,
        List.of(new CityRollupPublished.RollupRef(COUNTY, 1)), "演示市")));
    awaitConsumed(ids);
  }

  @Test
  void theCityScorecardIsOneDocumentServedGzippedWithAnEtagAnd304UntilARollupItRestsOnChanges() throws Exception {
    String path = "/api/reports/periods/" + P + "/scorecard";
    HttpResponse<byte[]> plain = get(path, cityToken, null, false);
    HttpResponse<byte[]> zipped = get(path, cityToken, null, true);
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
    assertThat(zipped.body().length).as("compressed").isLessThan(plain.body().length);
    assertThat(gunzip(zipped.body())).as("the same document either way").isEqualTo(plain.body());
    String etag = plain.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).startsWith("W/\"");
    assertThat(zipped.headers().firstValue("ETag")).hasValue(etag);
    assertThat(plain.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache").contains("private");
    assertThat(countyCell(JSON.readTree(plain.body()), COUNTY).get("numerator").longValue()).isEqualTo(30);

    // ten readers later, nothing changed: no rebuild, 304 for the tag
    double builtBefore = built();
    for (int i = 0; i < 10; i++) {
      assertThat(get(path, cityToken, null, true).headers().firstValue("ETag")).hasValue(etag);
    }
    HttpResponse<byte[]> notModified = get(path, cityToken, etag, true);
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    assertThat(built() - builtBefore).as("documents built while nothing changed").isZero();

    // a school snapshot of another county changes no figure of the city scorecard: still 304, nothing built
    awaitConsumed(List.of(send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, Z, new IndicatorSnapshotPublished(Z, CODE, P, 5, 9, 1, T))));
    assertThat(get(path, cityToken, etag, true).statusCode()).isEqualTo(304);
    assertThat(built() - builtBefore).isZero();

    // the county's rollup moves: the next reader gets the new figure under a new tag, built once
    awaitConsumed(List.of(send(Topics.DISTRICT_INDICATOR_ROLLUPS, COUNTY, countyRollup(40, 2))));
    HttpResponse<byte[]> changed = get(path, cityToken, etag, false);
    assertThat(changed.statusCode()).isEqualTo(200);
    String newTag = changed.headers().firstValue("ETag").orElseThrow();
    assertThat(newTag).isNotEqualTo(etag);
    assertThat(countyCell(JSON.readTree(changed.body()), COUNTY).get("numerator").longValue()).isEqualTo(40);
    assertThat(get(path, cityToken, newTag, true).statusCode()).isEqualTo(304);
    assertThat(built() - builtBefore).isEqualTo(1);

    // a stale redelivery (version 1 again) stores nothing, moves no stamp and builds nothing
    awaitConsumed(List.of(send(Topics.DISTRICT_INDICATOR_ROLLUPS, COUNTY, countyRollup(30, 1))));
    assertThat(get(path, cityToken, newTag, true).statusCode()).isEqualTo(304);
    assertThat(built() - builtBefore).isEqualTo(1);

    // the xlsx export is written from the same document: the county's figure is the new one
    HttpResponse<byte[]> xlsx = get(path + "/export.xlsx?lang=en", cityToken, null, false);
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(book.getSheetAt(0).getSheetName()).isNotBlank();
    }
    assertThat(built() - builtBefore).as("the export took the ready document").isEqualTo(1);
  }

  @Test
  void aCountyScorecardMovesWithItsOwnSchoolsButNotWithAnotherCountys() throws Exception {
    String token = Keycloak.tokenAs("county-admin", COUNTY);
    String path = "/api/reports/periods/" + P + "/counties/" + COUNTY + "/scorecard";
    HttpResponse<byte[]> first = get(path, token, null, true);
    assertThat(first.statusCode()).isEqualTo(200);
    String etag = first.headers().firstValue("ETag").orElseThrow();

    awaitConsumed(List.of(send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, Z, new IndicatorSnapshotPublished(Z, CODE, P, 6, 9, 7, T))));
    assertThat(get(path, token, etag, true).statusCode()).as("another county's school").isEqualTo(304);

    awaitConsumed(List.of(send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, A, new IndicatorSnapshotPublished(A, CODE, P, 45, 50, 9, T))));
    HttpResponse<byte[]> moved = get(path, token, etag, false);
    assertThat(moved.statusCode()).as("its own school's snapshot").isEqualTo(200);
    JsonNode a = school(JSON.readTree(moved.body()), A);
    assertThat(a.get("numerator").longValue()).isEqualTo(45);

    // the scope rule still runs on every request: another county's admin gets nothing, not even a 304
    String stranger = Keycloak.tokenAs("county-admin", OTHER);
    assertThat(get(path, stranger, moved.headers().firstValue("ETag").orElseThrow(), true).statusCode()).isIn(403, 404);
  }

  private JsonNode countyCell(JsonNode scorecard, String countyId) {
    for (JsonNode line : scorecard.get("indicators")) {
      if (line.at("/indicator/code").asString().equals(CODE)) {
        for (JsonNode cell : line.get("counties")) {
          if (cell.get("id").asString().equals(countyId)) {
            return cell;
          }
        }
      }
    }
    throw new AssertionError("no cell of county " + countyId + " for " + CODE);
  }

  private JsonNode school(JsonNode countyScorecard, String schoolId) {
    int column = 0;
    for (JsonNode c : countyScorecard.get("indicators")) {
      if (c.at("/indicator/code").asString().equals(CODE)) {
        break;
      }
      column++;
    }
    for (JsonNode line : countyScorecard.get("schools")) {
      if (line.get("id").asString().equals(schoolId)) {
        return line.get("cells").get(column);
      }
    }
    throw new AssertionError("no school " + schoolId);
  }

  private double built() {
    return meters.counter("gongyu.reporting.documents", "outcome", "built").count();
  }

  private HttpResponse<byte[]> get(String path, String token, String ifNoneMatch, boolean gzip)
      throws IOException, InterruptedException {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Bearer " + token);
    if (ifNoneMatch != null) {
      r.header("If-None-Match", ifNoneMatch);
    }
    if (gzip) {
      r.header("Accept-Encoding", "gzip, deflate, br");
    }
    return client.send(r.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  private CountyRollupPublished countyRollup(long numerator, long version) {
    return new CountyRollupPublished(COUNTY, CODE, P, numerator, 50, 1, 1, 1, version, T,
        List.of(new CountyRollupPublished.SnapshotRef(A, 1)));
  }

  private UUID send(String topic, String key, Object payload) {
    EventEnvelope<?> envelope = EventEnvelope.wrap("test", T, payload);
    kafka.send(topic, key, EventCodec.encode(envelope)).join();
    return envelope.eventId();
  }
}
