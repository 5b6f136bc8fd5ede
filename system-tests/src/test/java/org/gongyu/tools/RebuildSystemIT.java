package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16 item 5: the operator's rebuild of reporting-service from the topics
 * ({@code deploy/local/rebuild.sh reporting-service}) on the running test platform with the demo
 * city: stop, empty its database, forget its consumer group, start, catch up. Every document a
 * city and a county user read (scorecards, the indicator reports with their lineage, the
 * attention list) is the same after the rebuild as before it, field for field.
 */
@ExtendWith(SharedPlatform.class)
class RebuildSystemIT {

  private static final GongyuClient client = new GongyuClient(SharedPlatform.GATEWAY, SharedPlatform.KEYCLOAK, true);

  @Test
  void reportingRebuiltFromTheTopicsAnswersExactlyAsBefore() throws Exception {
    SharedPlatform.demoCity();
    GongyuClient city = client.as("city-staff");
    String semester = GongyuClient.require(city.get("/api/reports/calendar"), "calendar").body()
        .get("currentSemester").asString();
    String indicator = IndicatorCodes.PLATFORM_REGISTRATION;
    List<String> paths = List.of(
        "/api/reports/periods/" + semester + "/scorecard",
        "/api/reports/periods/" + semester + "/counties/990101/scorecard",
        "/api/reports/indicators/" + indicator + "/periods/" + semester,
        "/api/reports/indicators/" + indicator + "/periods/" + semester + "/counties/990102",
        "/api/reports/periods/" + semester + "/attention?countyId=990103");
    Map<String, JsonNode> before = new LinkedHashMap<>();
    for (String path : paths) {
      before.put(path, GongyuClient.require(city.get(path), path).body());
    }
    assertThat(before.get(paths.get(2)).at("/city/numerator").asLong()).as("the demo city has figures").isPositive();

    SharedPlatform.script(Duration.ofMinutes(10), "deploy/local/rebuild.sh", "reporting-service");
    String printed = Files.readString(SharedPlatform.RUN_DIR.resolve("rebuild.sh-reporting-service.out"));
    assertThat(printed).contains("caught up with").contains("rebuilt reporting-service in");

    for (String path : paths) {
      JsonNode after = GongyuClient.require(city.get(path), path + " after the rebuild").body();
      assertThat(after).as(path).isEqualTo(before.get(path));
    }
  }
}
