package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.tools.GongyuClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The demo city's past cycle (issue 13 item 5, ADR 0015) on the running platform: after the demo
 * loader, each demo role finds work — the county admin applications in every state of the past
 * cycle, a spread that needs a consensus, titles held, one in rectification and one revoked; the
 * realm's assessor a declaration and a scoresheet due; the school admin an application of this
 * year's programme to create in; the city and county DEMONSTRATION_SCHOOLS figures of the cycle.
 * Loading the past cycle again changes nothing.
 */
@ExtendWith(SharedPlatform.class)
class DemoCityHistorySystemIT {

  static final String COUNTY = "990101";
  static final String DEMO = "/api/district/counties/" + COUNTY + "/demonstration";
  static final String PROGRAMME = COUNTY + DemoHistory.PROGRAMME_SUFFIX;
  static final GongyuClient client = new GongyuClient(SharedPlatform.GATEWAY, SharedPlatform.KEYCLOAK, true);

  @Test
  void eachDemoRoleFindsWorkFromThePastCycleAndALoadAgainChangesNothing() {
    DemoCity demo = SharedPlatform.demoCity();
    GongyuClient admin = client.as("county-admin-" + COUNTY);

    // the county admin: applications in every state of the past cycle
    Map<String, Integer> states = statuses(admin);
    assertThat(states).containsExactlyInAnyOrderEntriesOf(Map.of(
        "APPLIED", 1, "SELF_EVALUATED", 2, "ASSESSING", 2, "TITLED", 2, "RECTIFYING", 1, "REVOKED", 1));
    String spread = DEMO + "/applications/" + DemoHistory.applicationId(COUNTY + "0006");
    JsonNode sheet = require(admin.get(spread + "/scoresheet"), "scoresheet").body();
    List<String> needing = new ArrayList<>();
    sheet.path("criteria").forEach(c -> {
      if (c.path("needsConsensus").asBoolean()) {
        needing.add(c.path("criterionCode").asString());
      }
    });
    assertThat(needing).as("criteria whose spread needs a consensus: %s", sheet).hasSize(1);
    assertThat(admin.post(spread + "/decision", Map.of("outcome", "AWARD", "note", "试")).status())
        .as("no award before the consensus").isEqualTo(409);

    // its history: in order, at past instants, recorded by the county admin as backdated
    JsonNode history = require(admin.get(spread + "/history"), "history").body();
    assertThat(history.size()).isGreaterThan(8);
    assertThat(history.get(0).path("at").asString()).isEqualTo("2025-01-10T02:00:00Z");
    history.forEach(h -> assertThat(h.path("detail").path("backdated").path("recordedBy").asString())
        .isEqualTo("county-admin-" + COUNTY));

    // titles: two held, one under rectification, one revoked
    List<String> titles = new ArrayList<>();
    require(admin.get(DEMO + "/titles?programmeId=" + PROGRAMME), "titles").body()
        .forEach(t -> titles.add(t.path("status").asString()));
    assertThat(titles).containsExactlyInAnyOrder("TITLED", "TITLED", "RECTIFYING", "REVOKED");

    // the realm's assessor: a declaration and a scoresheet due
    List<String> due = new ArrayList<>();
    require(client.as("assessor-" + COUNTY).get(DEMO + "/my-assignments"), "my assignments").body()
        .forEach(a -> due.add(a.path("due").asString()));
    assertThat(due).contains("DECLARE", "SCORE");

    // the school admin: this year's application to create in
    List<String> mine = new ArrayList<>();
    require(client.as("admin-" + COUNTY + "0001").get("/api/school/schools/" + COUNTY + "0001/demonstration/applications"),
        "the school's applications").body().forEach(a -> mine.add(a.path("status").asString()));
    assertThat(mine).as("admin-9901010001's applications").isNotEmpty();

    // the city staff: every county's DEMONSTRATION_SCHOOLS figure of the cycle counts its titles held
    String cycle = DemonstrationLifecycleSystemIT.cycleOf(LocalDate.now(DemoCity.ZONE));
    GongyuClient city = client.as("city-staff");
    for (DemoCity.County county : demo.counties()) {
      GongyuClient.eventually("the " + county.id() + " titles figure", () -> city.countyReport(IndicatorCodes.DEMONSTRATION_SCHOOLS,
          cycle, county.id()), r -> r.ok() && r.body().path("county").path("numerator").asLong(-1) >= 3, Duration.ofSeconds(60));
    }

    // a second load of the past cycle writes nothing
    List<String> before = snapshot(admin);
    new DemoHistory(client, System.out).load(demo.counties());
    assertThat(snapshot(admin)).isEqualTo(before);
  }

  private static Map<String, Integer> statuses(GongyuClient admin) {
    Map<String, Integer> out = new TreeMap<>();
    require(admin.get(DEMO + "/applications?programmeId=" + PROGRAMME), "applications").body()
        .forEach(a -> out.merge(a.path("status").asString(), 1, Integer::sum));
    return out;
  }

  /** Every application of the past cycle with its version and the length of its trail. */
  private static List<String> snapshot(GongyuClient admin) {
    List<String> out = new ArrayList<>();
    require(admin.get(DEMO + "/applications?programmeId=" + PROGRAMME), "applications").body().forEach(a -> {
      String id = a.path("id").asString();
      out.add(id + ":" + a.path("status").asString() + ":" + a.path("version").asLong() + ":"
          + require(admin.get(DEMO + "/applications/" + id + "/history"), "history").body().size());
    });
    out.sort(null);
    return out;
  }

  private static Reply require(Reply r, String what) {
    return GongyuClient.require(r, what);
  }
}
