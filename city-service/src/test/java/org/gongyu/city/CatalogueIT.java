package org.gongyu.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.testing.TopicRecords.readAll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.city.catalogue.CataloguePublisher;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.testing.AccessMatrix;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * The catalogue against a real PostgreSQL and Kafka: every definition (IndicatorCodes.ALL) published once on
 * {@code gongyu.city.catalogue.v2}, target schedules changed by city admins for coming periods only,
 * each change one new version with the full schedule on the topic, and every refusal leaving
 * catalogue and topic as they were. Periods are taken relative to the city calendar's today, so
 * the test holds on any date. The context and database are those of {@link CityApiItSupport}; the
 * broker is shared with the other ITs, so only catalogue records whose event ids this database's
 * outbox holds are read as its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogueIT extends CityApiItSupport {

  private static final String PLATFORM = IndicatorCodes.PLATFORM_REGISTRATION;

  /** The default catalogue of docs/indicators.md: kind, period type, first step's value (null = none). */
  private record Default(IndicatorKind kind, PeriodType type, String target, boolean sensitive) {}

  private static final Map<String, Default> DEFAULTS = defaults();

  private static Map<String, Default> defaults() {
    Map<String, Default> m = new TreeMap<>();
    m.put("PLATFORM_REGISTRATION", new Default(IndicatorKind.RATIO, PeriodType.SEMESTER, "0.60", false));
    m.put("PARENT_LEARNING_PER_CAPITA", new Default(IndicatorKind.PER_CAPITA, PeriodType.SCHOOL_YEAR, "4", false));
    m.put("RESOURCES_RECOMMENDED", new Default(IndicatorKind.COUNT, PeriodType.CALENDAR_YEAR, "20", false));
    m.put("COLLECTIVE_SESSIONS", new Default(IndicatorKind.COUNT, PeriodType.SEMESTER, "1", false));
    m.put("CLASS_SESSIONS", new Default(IndicatorKind.RATIO, PeriodType.SEMESTER, "1.00", false));
    m.put("PARENT_SCHOOL_ESTABLISHED", new Default(IndicatorKind.SCHOOL_THRESHOLD, PeriodType.SEMESTER, "1.00", false));
    m.put("HEAD_TRAINING", new Default(IndicatorKind.RATIO, PeriodType.SCHOOL_YEAR, "1.00", false));
    m.put("INSTRUCTOR_COVERAGE", new Default(IndicatorKind.SCHOOL_THRESHOLD, PeriodType.SEMESTER, "1.00", false));
    m.put("COMMITTEE_COVERAGE", new Default(IndicatorKind.SCHOOL_THRESHOLD, PeriodType.SEMESTER, "1.00", false));
    m.put("PARENT_CONTACT", new Default(IndicatorKind.RATIO, PeriodType.SEMESTER, "1.00", false));
    m.put("HOME_VISIT_3Y", new Default(IndicatorKind.RATIO, PeriodType.PROGRAMME_CYCLE, "1.00", false));
    m.put("VISIT_FILES", new Default(IndicatorKind.RATIO, PeriodType.SEMESTER, "1.00", false));
    m.put("SPECIAL_CARE", new Default(IndicatorKind.RATIO, PeriodType.SEMESTER, "1.00", true));
    m.put("CONSULTATION_OUTREACH", new Default(IndicatorKind.RATIO, PeriodType.SCHOOL_YEAR, "1.00", false));
    m.put("CONSULTATION_RESOLUTION", new Default(IndicatorKind.RATIO, PeriodType.SCHOOL_YEAR, null, true));
    m.put("SIX_ONES_PARTICIPATION", new Default(IndicatorKind.RATIO, PeriodType.SCHOOL_YEAR, "0.80", false));
    m.put("SUGGESTIONS_RESOLVED", new Default(IndicatorKind.RATIO, PeriodType.SCHOOL_YEAR, null, false));
    // titles a county holds (V5): judged per county, 100 per county programme
    m.put("DEMONSTRATION_SCHOOLS", new Default(IndicatorKind.UNIT_COUNT, PeriodType.PROGRAMME_CYCLE, "100", false));
    m.put("LECTURER_REGISTRATION", new Default(IndicatorKind.RATIO, PeriodType.SCHOOL_YEAR, "1.00", false));
    // open schooling and parent-child reading (V10, issue 17 item 4)
    m.put("PARENT_MEETINGS", new Default(IndicatorKind.COUNT, PeriodType.SEMESTER, "1", false));
    m.put("LECTURE_HALL_SESSIONS", new Default(IndicatorKind.COUNT, PeriodType.SCHOOL_YEAR, "4", false));
    m.put("READING_CAMPAIGN_COMPLETION", new Default(IndicatorKind.RATIO, PeriodType.SEMESTER, "0.60", false));
    // issue 17 item 1 (V11): classes with a class committee in term
    m.put("CLASS_COMMITTEE_COVERAGE", new Default(IndicatorKind.RATIO, PeriodType.SEMESTER, "1.00", false));
    // issue 17 item 3 (V13): licensed instructors (T19), introduced gradually, no value
    m.put("INSTRUCTOR_LICENSED", new Default(IndicatorKind.RATIO, PeriodType.SEMESTER, null, false));
    // T10 (V19): students with a consultation case opened in the year; sensitive, no target
    m.put("PROBLEM_DISCOVERY", new Default(IndicatorKind.RATIO, PeriodType.SCHOOL_YEAR, null, true));
    return m;
  }

  private static final Map<PeriodType, String> EARLIEST = Map.of(
      PeriodType.SEMESTER, "2024-2025-1", PeriodType.SCHOOL_YEAR, "2024-2025",
      PeriodType.CALENDAR_YEAR, "2024", PeriodType.PROGRAMME_CYCLE, "2024-2027");

  @Autowired CataloguePublisher publisher;
  @Autowired CityCalendar calendar;

  @Test
  @Order(1)
  void publishesEveryDefinitionWithItsDefaultScheduleOnceAcrossRestarts() {
    awaitOutboxDrained();
    List<IndicatorDefined> events = ownCatalogueEvents();
    assertThat(events).extracting(IndicatorDefined::code).containsExactlyInAnyOrderElementsOf(IndicatorCodes.ALL);
    for (IndicatorDefined e : events) {
      Default d = DEFAULTS.get(e.code());
      assertThat(e.kind()).as(e.code()).isEqualTo(d.kind());
      assertThat(e.periodType()).as(e.code()).isEqualTo(d.type());
      assertThat(e.comparator()).as(e.code()).isEqualTo(TargetComparator.AT_LEAST);
      assertThat(e.sensitive()).as(e.code()).isEqualTo(d.sensitive());
      assertThat(e.nameZh()).as(e.code()).isNotBlank();
      assertThat(e.nameEn()).as(e.code()).isNotBlank();
      assertThat(e.targets()).as(e.code()).hasSize(1);
      assertThat(e.targets().getFirst().fromPeriod()).as(e.code()).isEqualTo(EARLIEST.get(d.type()));
      if (d.target() == null) {
        assertThat(e.targets().getFirst().value()).as(e.code()).isNull();
        assertThat(e.targetFor(calendar.current(d.type()))).as(e.code() + " rises without a target").isNull();
      } else {
        assertThat(e.targets().getFirst().value()).as(e.code()).isEqualByComparingTo(d.target());
        assertThat(e.targetFor(calendar.current(d.type())).value()).as(e.code()).isEqualByComparingTo(d.target());
      }
      assertThat(e.schoolTypes()).as(e.code()).isEqualTo(e.code().equals("SIX_ONES_PARTICIPATION")
          ? List.of("PRIMARY", "JUNIOR_SECONDARY", "NINE_YEAR", "SENIOR_SECONDARY", "COMPLETE_SECONDARY", "VOCATIONAL",
              "SPECIAL_EDUCATION")
          : List.of());
      // V2 republished PLATFORM_REGISTRATION above its v1 version; V5 changed DEMONSTRATION_SCHOOLS's kind
      assertThat(e.version()).as("%s: one version per definition change a migration made", e.code())
          .isEqualTo(e.code().equals(PLATFORM) || e.code().equals(IndicatorCodes.DEMONSTRATION_SCHOOLS) ? 2 : 1);
    }
    IndicatorDefined platform = events.stream().filter(e -> e.code().equals(PLATFORM)).findFirst().orElseThrow();
    assertThat(platform.nameZh()).isEqualTo("数字家长学校家长注册率");
    assertThat(events.stream().filter(e -> e.code().equals("SIX_ONES_PARTICIPATION")).findFirst().orElseThrow().appliesTo("KINDERGARTEN"))
        .isFalse();

    // restarts publish nothing already published
    assertThat(publisher.publishPending()).isZero();
    assertThat(publisher.publishPending()).isZero();
    awaitOutboxDrained();
    assertThat(ownCatalogueEvents()).hasSize(IndicatorCodes.ALL.size());
    assertThat(count("select count(*) from indicator_definition where published_version = version")).isEqualTo(IndicatorCodes.ALL.size());

    JsonNode catalogue = get("/api/city/catalogue").getBody();
    List<String> codes = new ArrayList<>();
    catalogue.forEach(c -> codes.add(c.get("code").asString()));
    assertThat(codes).as("in catalogue order").isEqualTo(IndicatorCodes.ALL);
    JsonNode six = get("/api/city/catalogue/SIX_ONES_PARTICIPATION").getBody();
    assertThat(six.get("schoolTypes")).hasSize(7);
    assertThat(six.get("targets").get(0).get("value").decimalValue()).isEqualByComparingTo("0.80");
    assertThat(six.get("targets").get(0).get("setBy").asString()).isEqualTo("default catalogue");
    assertThat(get("/api/city/catalogue/SUGGESTIONS_RESOLVED").getBody().get("targets").get(0).get("value").isNull()).isTrue();
  }

  @Test
  @Order(2)
  void aCityAdminSetsTheTargetOfAComingPeriodAsOneNewVersionWithTheFullSchedule() {
    awaitOutboxDrained();
    Period current = calendar.current(PeriodType.SEMESTER);
    Period coming = current.next();
    JsonNode before = get("/api/city/catalogue/" + PLATFORM).getBody();
    long version = before.get("version").asLong();
    JsonNode firstStep = before.get("targets").get(0);

    ResponseEntity<JsonNode> set = put("/api/city/catalogue/" + PLATFORM + "/targets/" + coming.id(), "{\"value\": 0.75}");

    assertThat(set.getStatusCode().value()).as("%s", set.getBody()).isEqualTo(200);
    JsonNode entry = set.getBody();
    assertThat(entry.get("version").asLong()).isEqualTo(version + 1);
    assertThat(entry.get("targets")).hasSize(2);
    assertThat(entry.get("targets").get(0)).as("the earlier step is untouched").isEqualTo(firstStep);
    assertThat(entry.get("targets").get(1).get("fromPeriod").asString()).isEqualTo(coming.id());
    assertThat(entry.get("targets").get(1).get("value").decimalValue()).isEqualByComparingTo("0.75");
    assertThat(entry.get("targets").get(1).get("setBy").asString()).isEqualTo("city-admin");
    assertThat(get("/api/city/catalogue/" + PLATFORM).getBody()).as("GET shows what PUT answered").isEqualTo(entry);

    awaitOutboxDrained();
    IndicatorDefined event = ownCatalogueEvents(PLATFORM).getLast();
    assertThat(event.version()).isEqualTo(version + 1);
    assertThat(event.targets()).extracting(PeriodTarget::fromPeriod).containsExactly("2024-2025-1", coming.id());
    assertThat(event.targetFor(current).value()).as("the current semester keeps its target").isEqualByComparingTo("0.60");
    assertThat(event.targetFor(coming).value()).isEqualByComparingTo("0.75");
    assertThat(event.targetFor(coming.next()).value()).as("and so do the semesters after it").isEqualByComparingTo("0.75");
    assertThat(publishedVersion(PLATFORM)).isEqualTo(version + 1);
    assertThat(publisher.publishPending()).as("already published with the change").isZero();

    // the same value again: nothing new
    int eventsBefore = ownCatalogueEvents(PLATFORM).size();
    ResponseEntity<JsonNode> again = put("/api/city/catalogue/" + PLATFORM + "/targets/" + coming.id(), "{\"value\": 0.750}");
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(again.getBody()).isEqualTo(entry);
    awaitOutboxDrained();
    assertThat(ownCatalogueEvents(PLATFORM)).hasSize(eventsBefore);

    // changing the coming step again replaces it: one step per period, one more version
    ResponseEntity<JsonNode> changed = put("/api/city/catalogue/" + PLATFORM + "/targets/" + coming.id(), "{\"value\": 0.7}");
    assertThat(changed.getBody().get("version").asLong()).isEqualTo(version + 2);
    assertThat(changed.getBody().get("targets")).hasSize(2);
    awaitOutboxDrained();
    assertThat(ownCatalogueEvents(PLATFORM)).extracting(IndicatorDefined::version).endsWith(version + 1, version + 2);
    assertThat(ownCatalogueEvents(PLATFORM).getLast().targetFor(coming).value()).isEqualByComparingTo("0.70");

    // other period types; a COUNT target is a count, "no target" is a null value
    Period nextYear = calendar.current(PeriodType.CALENDAR_YEAR).next();
    JsonNode resources = put("/api/city/catalogue/RESOURCES_RECOMMENDED/targets/" + nextYear.id(), "{\"value\": 25}").getBody();
    assertThat(resources.get("targets").get(1).get("value").decimalValue()).isEqualByComparingTo("25");
    Period nextCycle = calendar.current(PeriodType.PROGRAMME_CYCLE).next();
    JsonNode demo = put("/api/city/catalogue/DEMONSTRATION_SCHOOLS/targets/" + nextCycle.id(), "{\"value\": null}").getBody();
    assertThat(demo.get("targets").get(1).get("value").isNull()).isTrue();
    Period nextSchoolYear = calendar.current(PeriodType.SCHOOL_YEAR).next();
    JsonNode resolution = put("/api/city/catalogue/CONSULTATION_RESOLUTION/targets/" + nextSchoolYear.id(), "{\"value\": 0.9}")
        .getBody();
    assertThat(resolution.get("targets").get(0).get("value").isNull()).as("the earlier years stay without a target").isTrue();
    awaitOutboxDrained();
    IndicatorDefined resolutionEvent = ownCatalogueEvents("CONSULTATION_RESOLUTION").getLast();
    assertThat(resolutionEvent.targetFor(calendar.current(PeriodType.SCHOOL_YEAR))).isNull();
    assertThat(resolutionEvent.targetFor(nextSchoolYear).value()).isEqualByComparingTo("0.9");
    assertThat(ownCatalogueEvents("DEMONSTRATION_SCHOOLS").getLast().targetFor(nextCycle)).isNull();

    // a UNIT_COUNT target is a number of titles per county: above 1 is fine
    Period cycleAfter = nextCycle.next();
    JsonNode titles = put("/api/city/catalogue/DEMONSTRATION_SCHOOLS/targets/" + cycleAfter.id(), "{\"value\": 120}").getBody();
    assertThat(titles.get("kind").asString()).isEqualTo("UNIT_COUNT");
    assertThat(titles.get("targets").get(2).get("value").decimalValue()).isEqualByComparingTo("120");
    awaitOutboxDrained();
    assertThat(ownCatalogueEvents("DEMONSTRATION_SCHOOLS").getLast().targetFor(cycleAfter).value()).isEqualByComparingTo("120");
  }

  @Test
  @Order(3)
  void aStartedPeriodsTargetIsNeverChanged() {
    awaitOutboxDrained();
    String before = catalogueState();
    Period current = calendar.current(PeriodType.SEMESTER);

    ResponseEntity<JsonNode> now = put("/api/city/catalogue/" + PLATFORM + "/targets/" + current.id(), "{\"value\": 0.5}");
    assertProblem(now, 409, "started on " + current.start(calendar.calendar()));
    assertProblem(now, 409, "never changed");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/2024-2025-1", "{\"value\": 0.5}"), 409, "started on 2024-09-01");
    assertProblem(put("/api/city/catalogue/SUGGESTIONS_RESOLVED/targets/2024-2025", "{\"value\": 0.5}"), 409, "2024-2025");
    assertProblem(put("/api/city/catalogue/HOME_VISIT_3Y/targets/" + calendar.current(PeriodType.PROGRAMME_CYCLE).id(),
        "{\"value\": 0.9}"), 409, "started on");

    // the value a started period already has is no change: 200, nothing new
    ResponseEntity<JsonNode> same = put("/api/city/catalogue/" + PLATFORM + "/targets/2024-2025-1", "{\"value\": 0.6}");
    assertThat(same.getStatusCode().value()).isEqualTo(200);

    awaitOutboxDrained();
    assertThat(catalogueState()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void badRequestsAnswerProblemJsonAndChangeNothing() {
    awaitOutboxDrained();
    String before = catalogueState();
    String coming = calendar.current(PeriodType.SEMESTER).next().id();
    String comingYear = calendar.current(PeriodType.SCHOOL_YEAR).next().id();

    assertProblem(get("/api/city/catalogue/NO_SUCH_INDICATOR"), 404, "NO_SUCH_INDICATOR");
    assertProblem(get("/api/city/catalogue/lower-case"), 400, "code");
    assertProblem(put("/api/city/catalogue/NO_SUCH_INDICATOR/targets/" + coming, "{\"value\": 0.5}"), 404, "NO_SUCH_INDICATOR");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/" + comingYear, "{\"value\": 0.5}"), 400, "periodId");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/" + comingYear, "{\"value\": 0.5}"), 400, "semester");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/2025-1", "{\"value\": 0.5}"), 400, "periodId");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/next", "{\"value\": 0.5}"), 400, "periodId");
    assertProblem(put("/api/city/catalogue/HOME_VISIT_3Y/targets/2031-2034", "{\"value\": 0.5}"), 400, "periodId");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/" + coming, "{\"value\": -0.1}"), 400, "value");
    assertProblem(put("/api/city/catalogue/RESOURCES_RECOMMENDED/targets/2099", "{\"value\": -1}"), 400, "negative");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/" + coming, "{\"value\": 60}"), 400, "value");
    assertProblem(put("/api/city/catalogue/COMMITTEE_COVERAGE/targets/" + coming, "{\"value\": 1.01}"), 400, "value");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/" + coming, "{\"value\": 0.123456}"), 400, "value");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/" + coming, "{\"value\": 0.5, \"from\": \"x\"}"), 400, "'from'");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/" + coming, "{}"), 400, "value");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/" + coming, "{\"value\": \"high\"}"), 400, "value");
    assertProblem(put("/api/city/catalogue/" + PLATFORM + "/targets/" + coming, "{\"value\": "), 400, "not valid JSON");

    awaitOutboxDrained();
    assertThat(catalogueState()).isEqualTo(before);
  }

  @Test
  @Order(10)
  void accessMatrixOfTheCatalogue() {
    // The permitted PUT repeats the value the first step has: allowed, and no new version.
    var endpoints = List.of(
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> "/api/city/catalogue", AccessMatrix.CALLERS.keySet()),
        AccessMatrix.Endpoint.get(AccessMatrix.Level.CITY, c -> "/api/city/catalogue/" + PLATFORM, AccessMatrix.CALLERS.keySet()),
        AccessMatrix.Endpoint.send("PUT", AccessMatrix.Level.CITY, c -> "/api/city/catalogue/" + PLATFORM + "/targets/2024-2025-1",
            "{\"value\": 0.60}", Set.of("city-admin")));
    awaitOutboxDrained();
    String before = catalogueState();
    long deniedBefore = count("select count(*) from audit_log where outcome = 'DENIED'");

    AccessMatrix.Result result = AccessMatrix.run(endpoints, matrix);
    System.out.println(result.summary("city-service catalogue"));
    assertThat(result.failures()).as(result.summary("city-service catalogue")).isEmpty();

    long expectedDenials = result.cells().stream().filter(c -> !c.expected().equals("2xx")).count();
    assertThat(count("select count(*) from audit_log where outcome = 'DENIED'") - deniedBefore)
        .as("every refused cell is audited").isEqualTo(expectedDenials);
    awaitOutboxDrained();
    assertThat(catalogueState()).isEqualTo(before);
  }

  // ---- Kafka and database

  /** This context's catalogue events (the broker is shared with other ITs of the JVM), by topic order. */
  private List<IndicatorDefined> ownCatalogueEvents() {
    Set<String> own = new HashSet<>(jdbc.sql("select event_id::text from outbox_event where topic = ?")
        .param(Topics.CITY_CATALOGUE).query(String.class).list());
    List<IndicatorDefined> out = new ArrayList<>();
    readAll(Topics.CITY_CATALOGUE).forEach(r -> {
      EventEnvelope<IndicatorDefined> env = EventCodec.decode(r.value(), IndicatorDefined.class);
      if (own.contains(env.eventId().toString())) {
        assertThat(r.key()).isEqualTo(env.payload().code());
        out.add(env.payload());
      }
    });
    return out;
  }

  private List<IndicatorDefined> ownCatalogueEvents(String code) {
    return ownCatalogueEvents().stream().filter(e -> e.code().equals(code)).toList();
  }

  private String catalogueState() {
    return jdbc.sql("select string_agg(code || ':' || version || ':' || published_version, ',' order by code) from indicator_definition")
        .query(String.class).single()
        + "|" + jdbc.sql("select string_agg(code || '@' || from_period || '=' || coalesce(value::text, 'none') || '/' || set_at || '/' || set_by,"
            + " ',' order by code, from_period) from indicator_target").query(String.class).single()
        + "|" + count("select count(*) from outbox_event where topic = '" + Topics.CITY_CATALOGUE + "'");
  }

  private long publishedVersion(String code) {
    return jdbc.sql("select published_version from indicator_definition where code = ?").param(code).query(Long.class).single();
  }
}
