package org.gongyu.school.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.school.SchoolRecordsItSupport;
import org.junit.jupiter.api.Test;

/** Parents' suggestions and SUGGESTIONS_RESOLVED against a real PostgreSQL and Kafka. */
class SuggestionIT extends SchoolRecordsItSupport {

  static final String CODE = IndicatorCodes.SUGGESTIONS_RESOLVED;

  static Map<String, Object> suggestion(String receivedOn, String status, String resolvedOn) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("receivedOn", receivedOn);
    m.put("category", "CATERING");
    m.put("channel", "PARENT_STATION");
    m.put("status", status);
    m.put("reason", "更正"); // required for a correction (issue 13), kept with a new record
    if (resolvedOn != null) {
      m.put("resolvedOn", resolvedOn);
    }
    return m;
  }

  Response put(String school, String id, Map<String, Object> body) {
    return send("PUT", "/api/school/schools/" + school + "/suggestions/" + id, body);
  }

  String rows(String school) {
    return String.join("\n", jdbc.sql("""
            select concat_ws('|', suggestion_id, received_on, category, channel, status, resolved_on, updated_at)
            from parent_suggestion where school_id = ? order by suggestion_id
            """).param(school).query(String.class).list());
  }

  @Test
  void suggestionsReceivedInAYearAndResolvedByItsLastDayMakeTheFigureAndAMovedDayReDerivesBothYears() {
    String school = "9901019701";
    registerSchool(school);
    assertThat(put(school, "s1", suggestion("2026-10-01", "OPEN", null)).status()).isEqualTo(201);
    assertThat(latestFigure(school, CODE, PAST_YEAR)).isEqualTo("0/1");
    assertThat(put(school, "s2", suggestion("2027-08-30", "RESOLVED", "2027-08-31")).status()).isEqualTo(201);
    // resolved the day after the year ended: unresolved for 2026-2027
    Response s3 = put(school, "s3", suggestion("2027-08-31", "RESOLVED", "2027-09-01"));
    assertThat(s3.status()).isEqualTo(201);
    assertThat(s3.body()).contains("\"suggestionId\":\"s3\"").contains("\"channel\":\"PARENT_STATION\"").contains("\"resolvedOn\":\"2027-09-01\"");
    assertThat(latestFigure(school, CODE, PAST_YEAR)).isEqualTo("1/3");
    assertThat(latestFigure(school, CODE, YEAR)).as("no suggestion of this year yet").isNull();

    int outboxBefore = outbox(school).size();
    assertThat(put(school, "s1", suggestion("2026-10-01", "OPEN", null)).status()).as("identical").isEqualTo(200);
    assertThat(outbox(school)).hasSize(outboxBefore);

    assertThat(put(school, "s1", suggestion("2026-10-01", "RESOLVED", "2026-11-01")).status()).isEqualTo(200);
    assertThat(latestFigure(school, CODE, PAST_YEAR)).isEqualTo("2/3");

    // received on the first day of the next year, in fact: leaves 2026-2027, joins 2027-2028
    assertThat(put(school, "s3", suggestion("2027-09-01", "RESOLVED", "2027-09-01")).status()).isEqualTo(200);
    assertThat(latestFigure(school, CODE, PAST_YEAR)).isEqualTo("2/2");
    assertThat(latestFigure(school, CODE, YEAR)).isEqualTo("1/1");

    var events = awaitEvents(school, CODE, es -> es.stream().anyMatch(e -> e.periodId().equals(YEAR)));
    assertThat(events.stream().filter(e -> e.periodId().equals(PAST_YEAR)).map(e -> e.numerator() + "/" + e.denominator() + " v" + e.version()))
        .containsExactly("0/1 v1", "1/2 v2", "1/3 v3", "2/3 v4", "2/2 v5");
    assertThat(get("/api/school/schools/" + school + "/suggestions?schoolYear=" + YEAR).body())
        .contains("\"suggestionId\":\"s3\"").doesNotContain("\"s1\"");
  }

  @Test
  void badSuggestionFieldsAreRefusedNamingTheFieldAndStoreNothing() {
    String school = "9901019702";
    registerSchool(school);
    assertThat(put(school, "ok", suggestion("2027-09-10", "OPEN", null)).status()).isEqualTo(201);
    String before = rows(school);
    int outboxBefore = outbox(school).size();
    Map<String, Response> cases = new LinkedHashMap<>();
    cases.put("400 resolvedOn: is required when status is RESOLVED", put(school, "b", suggestion("2027-09-10", "RESOLVED", null)));
    cases.put("422 resolvedOn: 2027-09-09 is before receivedOn 2027-09-10", put(school, "b", suggestion("2027-09-10", "RESOLVED", "2027-09-09")));
    cases.put("422 resolvedOn: only a RESOLVED suggestion has a resolvedOn", put(school, "ok", suggestion("2027-09-10", "OPEN", "2027-09-11")));
    cases.put("422 receivedOn: 2027-10-16 is in the future", put(school, "b", suggestion("2027-10-16", "OPEN", null)));
    cases.put("422 resolvedOn: 2027-10-16 is in the future", put(school, "ok", suggestion("2027-09-10", "RESOLVED", "2027-10-16")));
    Map<String, Object> badChannel = suggestion("2027-09-10", "OPEN", null);
    badChannel.put("channel", "PIGEON");
    cases.put("400 (at 'channel')", put(school, "b", badChannel));
    Map<String, Object> noCategory = suggestion("2027-09-10", "OPEN", null);
    noCategory.remove("category");
    cases.put("400 category: must not be null", put(school, "b", noCategory));
    Map<String, Object> withText = suggestion("2027-09-10", "OPEN", null);
    withText.put("text", "食堂饭菜太咸");
    cases.put("400 'text'", put(school, "b", withText));
    Map<String, Object> withParent = suggestion("2027-09-10", "OPEN", null);
    withParent.put("parentName", "王女士");
    cases.put("400 'parentName'", put(school, "b", withParent));
    cases.forEach((expected, r) -> assertProblem(r, Integer.parseInt(expected.substring(0, 3)), expected.substring(4)));
    assertThat(rows(school)).isEqualTo(before);
    assertThat(outbox(school)).hasSize(outboxBefore);
    assertThat(get("/api/school/schools/" + school + "/suggestions").status()).as("schoolYear is required").isEqualTo(400);
  }
}
