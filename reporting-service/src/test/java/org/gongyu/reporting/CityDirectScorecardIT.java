package org.gongyu.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The city's unit of city-direct schools (市直学校, ADR 0027) as reporting keeps it: the kind from
 * {@code CountyRegistered} is stored, a county's later version without a kind is a county, and the
 * city scorecard names the unit so the page can label its line. Units 990668 and 990669-ZS.
 */
class CityDirectScorecardIT extends ReportingITSupport {

  private static final String CITY = "990100";
  private static final String COUNTY = "990668";
  private static final String DIRECT = "990669-ZS";

  @Autowired KafkaTemplate<String, String> kafka;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  void theCityScorecardNamesTheCityDirectUnitAndKeepsItAmongTheCounties() {
    List<UUID> ids = new ArrayList<>();
    CountyRegistered county = new CountyRegistered(COUNTY, CITY, "报表对照县", 1);
    CountyRegistered direct = new CountyRegistered(DIRECT, CITY, "市直学校", 1, CountyRegistered.Kind.CITY_DIRECT);
    CountyRegistered renamed = new CountyRegistered(DIRECT, CITY, "市直属学校", 2, CountyRegistered.Kind.CITY_DIRECT);
    for (CountyRegistered c : List.of(county, direct, renamed)) {
      SENT_COUNTIES.add(c);
      ids.add(send(c));
    }
    awaitConsumed(ids);

    assertThat(jdbc.sql("select kind from county where county_id = ?").param(DIRECT).query(String.class).single())
        .isEqualTo("CITY_DIRECT");
    assertThat(jdbc.sql("select kind from county where county_id = ?").param(COUNTY).query(String.class).single())
        .isEqualTo("COUNTY");

    RestClient http = RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(Keycloak.actingByPath()).build();
    JsonNode sc = http.get().uri("/api/reports/periods/2026-2027-1/scorecard").retrieve()
        .onStatus(HttpStatusCode::isError, (req, res) -> {}).body(JsonNode.class);
    assertThat(sc.get("cityDirect").asString()).isEqualTo(DIRECT);
    for (JsonNode line : sc.get("indicators")) {
      List<String> ids2 = new ArrayList<>();
      line.get("counties").forEach(c -> ids2.add(c.get("id").asString()));
      assertThat(ids2).as("the unit's line is among the counties' cells").contains(DIRECT, COUNTY);
    }
  }

  private UUID send(CountyRegistered c) {
    EventEnvelope<?> env = EventEnvelope.wrap("city-service", Instant.parse("2026-10-01T00:00:00Z"), c);
    kafka.send(Topics.CITY_COUNTIES, CITY, EventCodec.encode(env)).join();
    return env.eventId();
  }
}
