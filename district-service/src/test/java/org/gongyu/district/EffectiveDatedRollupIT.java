package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.testing.TopicRecords.readAll;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.contracts.district.v1.SchoolRegistered.Membership;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.district.TestEvents.Indicator;
import org.gongyu.district.TestEvents.Snapshot;
import org.gongyu.testing.AccessMatrix;
import org.gongyu.testing.AccessMatrix.Endpoint;
import org.gongyu.testing.AccessMatrix.Level;
import org.gongyu.testing.AccessMatrix.Target;
import org.gongyu.testing.ConsumerGroups;
import org.gongyu.testing.Keycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * Issue 4 at the county tier against real PostgreSQL, Kafka and Keycloak: per-period target
 * schedules, school-type applicability, effective-dated moves between counties, reporting
 * deadlines and timeliness, small cells, and the refusals of the new endpoints. Periods around a
 * move are taken from the city calendar's today, so the test holds whatever day it runs on.
 */
class EffectiveDatedRollupIT extends DistrictITSupport {

  private static final String[] SCHOOL_TYPES_BUT_KINDERGARTEN = {
      "PRIMARY", "JUNIOR_SECONDARY", "NINE_YEAR", "SENIOR_SECONDARY", "COMPLETE_SECONDARY", "VOCATIONAL", "SPECIAL_EDUCATION"};

  @Autowired CityCalendar calendar;

  @Test
  void aLaterTargetStepChangesSchoolsMeetingTargetOnlyFromItsPeriodOn() {
    String county = "990111";
    String code = "DATED_TARGET_UNDER_TEST";
    List<String> periods = List.of("2025-2026-1", "2025-2026-2", "2026-2027-1");
    send(Topics.CITY_CATALOGUE, code, TestEvents.indicator(Indicator.ratio(code).from("2020-2021-1", "0.60"), 1));
    putSchool(county, "9901110001", "五五小学", "PRIMARY", null);
    putSchool(county, "9901110002", "六五小学", "PRIMARY", null);
    putSchool(county, "9901110003", "七五小学", "PRIMARY", null);
    for (String p : periods) {
      sendSnapshots(List.of(
          Snapshot.of("9901110001", code, p, 55, 100, 1, TestEvents.T0),
          Snapshot.of("9901110002", code, p, 65, 100, 1, TestEvents.T0),
          Snapshot.of("9901110003", code, p, 75, 100, 1, TestEvents.T0)));
    }
    for (String p : periods) {
      JsonNode r = awaitRollup(county, code, p, n -> n.get("schoolsReporting").asInt() == 3);
      assertThat(r.get("schoolsMeetingTarget").asInt()).isEqualTo(2);
      assertThat(r.get("target").decimalValue()).isEqualByComparingTo("0.60");
      assertThat(r.get("met").asBoolean()).as("195/300 ≥ 0.60").isTrue();
    }
    Map<String, Long> v1 = versions(county, code, periods);

    // From the second semester on, 0.70: only the 75 % school meets it there and later.
    send(Topics.CITY_CATALOGUE, code, TestEvents.indicator(
        Indicator.ratio(code).from("2020-2021-1", "0.60").from("2025-2026-2", "0.70"), 2));
    JsonNode second = awaitRollup(county, code, "2025-2026-2", n -> n.get("version").asLong() == v1.get("2025-2026-2") + 1);
    JsonNode third = awaitRollup(county, code, "2026-2027-1", n -> n.get("version").asLong() == v1.get("2026-2027-1") + 1);
    assertThat(second.get("schoolsMeetingTarget").asInt()).isEqualTo(1);
    assertThat(second.get("met").asBoolean()).as("195/300 < 0.70").isFalse();
    assertThat(third.get("schoolsMeetingTarget").asInt()).isEqualTo(1);
    awaitOutboxDrained();
    JsonNode first = rollup(county, code, "2025-2026-1").getBody();
    assertThat(first.get("version").asLong()).as("an earlier period keeps its target and its version").isEqualTo(v1.get("2025-2026-1"));
    assertThat(first.get("schoolsMeetingTarget").asInt()).isEqualTo(2);
    assertThat(rollupEvents(county, code, "2025-2026-1")).extracting(CountyRollupPublished::version)
        .as("no event for the earlier period").endsWith(v1.get("2025-2026-1")).doesNotContain(v1.get("2025-2026-1") + 1);

    // From 2026-2027-1 on, no fixed target: nobody meets or misses it; the two earlier periods stay.
    send(Topics.CITY_CATALOGUE, code, TestEvents.indicator(
        Indicator.ratio(code).from("2020-2021-1", "0.60").from("2025-2026-2", "0.70").from("2026-2027-1", null), 3));
    JsonNode rising = awaitRollup(county, code, "2026-2027-1", n -> n.get("version").asLong() == v1.get("2026-2027-1") + 2);
    assertThat(rising.get("schoolsMeetingTarget").asInt()).isZero();
    assertThat(rising.get("target").isNull()).isTrue();
    assertThat(rising.get("met").isNull()).isTrue();
    awaitOutboxDrained();
    assertThat(rollup(county, code, "2025-2026-2").getBody().get("version").asLong()).isEqualTo(v1.get("2025-2026-2") + 1);
    assertThat(rollupEvents(county, code, "2025-2026-1").getLast().schoolsMeetingTarget()).isEqualTo(2);
    assertThat(rollupEvents(county, code, "2025-2026-2").getLast().schoolsMeetingTarget()).isEqualTo(1);
    assertThat(rollupEvents(county, code, "2026-2027-1").getLast().schoolsMeetingTarget()).isZero();
  }

  @Test
  void theSchoolTypesAnIndicatorAppliesToDecideWhoIsExpectedAndWhoReports() {
    String county = "990112";
    String code = "SCHOOL_YEAR_UNDER_TEST";
    String year = "2025-2026";
    send(Topics.CITY_CATALOGUE, code, TestEvents.indicator(
        Indicator.ratio(code).per(PeriodType.SCHOOL_YEAR).from("2020-2021", "0.80"), 1));
    putSchool(county, "9901120001", "育才小学", "PRIMARY", null);
    putSchool(county, "9901120002", "阳光幼儿园", "KINDERGARTEN", null);
    sendSnapshots(List.of(
        Snapshot.of("9901120001", code, year, 90, 100, 1, TestEvents.T0),
        Snapshot.of("9901120002", code, year, 10, 40, 1, TestEvents.T0)));
    JsonNode all = awaitRollup(county, code, year, n -> n.get("schoolsReporting").asInt() == 2);
    assertThat(all.get("schoolsExpected").asInt()).isEqualTo(2);
    assertThat(all.get("numerator").asLong()).isEqualTo(100);
    assertThat(all.get("denominator").asLong()).isEqualTo(140);
    long v = all.get("version").asLong();

    // The indicator stops applying to kindergartens: they are neither expected nor summed.
    send(Topics.CITY_CATALOGUE, code, TestEvents.indicator(
        Indicator.ratio(code).per(PeriodType.SCHOOL_YEAR).from("2020-2021", "0.80").onlyFor(SCHOOL_TYPES_BUT_KINDERGARTEN), 2));
    JsonNode primaryOnly = awaitRollup(county, code, year, n -> n.get("version").asLong() == v + 1);
    assertThat(primaryOnly.get("schoolsExpected").asInt()).isEqualTo(1);
    assertThat(primaryOnly.get("schoolsReporting").asInt()).isEqualTo(1);
    assertThat(primaryOnly.get("numerator").asLong()).isEqualTo(90);
    assertThat(primaryOnly.get("denominator").asLong()).isEqualTo(100);
    assertThat(lineage(primaryOnly)).containsExactly("9901120001@1");

    // The primary school is re-registered as a kindergarten: nobody is left to count.
    putSchool(county, "9901120001", "育才幼儿园", "KINDERGARTEN", null);
    JsonNode none = awaitRollup(county, code, year, n -> n.get("version").asLong() == v + 2);
    assertThat(none.get("schoolsExpected").asInt()).isZero();
    assertThat(none.get("schoolsReporting").asInt()).isZero();
    assertThat(none.get("numerator").asLong()).isZero();

    // A school-year indicator is read per school year; a semester is refused for it.
    assertProblem(rollup(county, code, "2025-2026-1"), 400, "school year");
  }

  @Test
  void aMovedSchoolStaysWithTheOldCountyForPeriodsStartedBeforeAndCountsInTheNewOneAfter() {
    String from = "990113";
    String to = "990114";
    Period current = calendar.current(PeriodType.SEMESTER);
    Period previous = current.previous();
    putXuequ(to, to + "-XQ1", "新区学区");
    putSchool(from, "9901130001", "迁出小学", "PRIMARY", null);
    putSchool(from, "9901130002", "留守小学", "PRIMARY", null);
    putSchool(to, "9901140001", "新区小学", "PRIMARY", null);
    Instant asOf = calendar.startOf(current);
    sendSnapshots(List.of(
        Snapshot.of("9901130001", PLATFORM, previous.id(), 70, 100, 1, asOf),
        Snapshot.of("9901130002", PLATFORM, previous.id(), 50, 100, 1, asOf),
        Snapshot.of("9901130001", PLATFORM, current.id(), 80, 100, 1, asOf),
        Snapshot.of("9901130002", PLATFORM, current.id(), 40, 100, 1, asOf),
        Snapshot.of("9901140001", PLATFORM, current.id(), 90, 100, 1, asOf)));
    awaitRollup(from, PLATFORM, previous.id(), n -> n.get("schoolsReporting").asInt() == 2);
    long fromCurrent = awaitRollup(from, PLATFORM, current.id(), n -> n.get("schoolsReporting").asInt() == 2).get("version").asLong();
    long toCurrent = awaitRollup(to, PLATFORM, current.id(), n -> n.get("schoolsReporting").asInt() == 1).get("version").asLong();
    long fromPrevious = rollup(from, PLATFORM, previous.id()).getBody().get("version").asLong();

    ResponseEntity<JsonNode> moved = move(from, "9901130001",
        "{\"toCountyId\":\"" + to + "\",\"toXuequId\":\"" + to + "-XQ1\",\"effectiveFrom\":\"" + current.id() + "\"}");
    assertThat(moved.getStatusCode().value()).as("%s", moved.getBody()).isEqualTo(200);
    assertThat(moved.getBody().get("countyId").asString()).isEqualTo(to);
    assertThat(moved.getBody().get("version").asLong()).isEqualTo(2);
    assertThat(moved.getBody().get("memberships")).hasSize(2);

    // The current semester started on the move's first day: it belongs to the new county.
    JsonNode newCounty = awaitRollup(to, PLATFORM, current.id(), n -> n.get("version").asLong() == toCurrent + 1);
    assertThat(newCounty.get("schoolsExpected").asInt()).isEqualTo(2);
    assertThat(lineage(newCounty)).containsExactly("9901130001@1", "9901140001@1");
    assertThat(newCounty.get("numerator").asLong()).isEqualTo(170);
    JsonNode oldCounty = awaitRollup(from, PLATFORM, current.id(), n -> n.get("version").asLong() == fromCurrent + 1);
    assertThat(oldCounty.get("schoolsExpected").asInt()).isEqualTo(1);
    assertThat(lineage(oldCounty)).containsExactly("9901130002@1");
    // The previous semester is never re-attributed.
    awaitOutboxDrained();
    JsonNode past = rollup(from, PLATFORM, previous.id()).getBody();
    assertThat(past.get("version").asLong()).isEqualTo(fromPrevious);
    assertThat(lineage(past)).containsExactly("9901130001@1", "9901130002@1");
    assertThat(rollup(to, PLATFORM, previous.id()).getStatusCode().value()).isEqualTo(404);

    // A later correction of the past semester still goes to the old county.
    send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, "9901130001",
        Snapshot.of("9901130001", PLATFORM, previous.id(), 75, 100, 2, asOf.plusSeconds(60)).json());
    JsonNode corrected = awaitRollup(from, PLATFORM, previous.id(), n -> n.get("version").asLong() == fromPrevious + 1);
    assertThat(lineage(corrected)).containsExactly("9901130001@2", "9901130002@1");
    assertThat(rollup(to, PLATFORM, previous.id()).getStatusCode().value()).isEqualTo(404);

    // The registry now lists the school in the new county only; the old one can no longer PUT it.
    assertThat(get("/api/district/counties/" + from + "/schools/9901130001").getStatusCode().value()).isEqualTo(404);
    assertThat(get("/api/district/counties/" + to + "/schools/9901130001").getBody().get("xuequId").asString()).isEqualTo(to + "-XQ1");
    assertProblem(putSchoolRaw(from, "9901130001", body("迁出小学", "PRIMARY", null)), 409, "registered in county " + to);

    // The event carries the whole history, so a consumer attributes both periods on its own.
    awaitOutboxDrained();
    List<SchoolRegistered> events = readAll(Topics.DISTRICT_SCHOOL_REGISTRY).stream()
        .filter(r -> r.value().contains("\"9901130001\""))
        .map(r -> Map.entry(r.key(), EventCodec.decode(r.value(), SchoolRegistered.class).payload()))
        .peek(e -> assertThat(e.getKey()).isEqualTo(e.getValue().countyId()))
        .map(Map.Entry::getValue)
        .toList();
    assertThat(events).extracting(SchoolRegistered::version).containsExactly(1L, 2L);
    SchoolRegistered last = events.getLast();
    assertThat(last.countyId()).isEqualTo(to);
    assertThat(last.memberships()).containsExactly(
        new Membership(from, null, Membership.ALWAYS), new Membership(to, to + "-XQ1", current.start(calendar.calendar())));
    assertThat(last.countyOn(previous.start(calendar.calendar()))).isEqualTo(from);
    assertThat(last.countyOn(current.start(calendar.calendar()))).isEqualTo(to);
    assertThat(last.countyOn(current.next().start(calendar.calendar()))).isEqualTo(to);
    CountyRollupPublished toEvent = rollupEvents(to, PLATFORM, current.id()).getLast();
    assertThat(toEvent.lineage()).extracting(CountyRollupPublished.SnapshotRef::schoolId).contains("9901130001");
  }

  @Test
  void schoolsOnTimeCountFirstReportsByTheDeadlineWhateverOrderSnapshotsArriveInAndSurviveAReplay() {
    String county = "990117";
    String period = "2025-2026-2";
    Instant deadline = Instant.parse("2026-03-15T16:00:00Z");
    Duration day = Duration.ofDays(1);
    putSchool(county, "9901170001", "准时小学", "PRIMARY", null);
    putSchool(county, "9901170002", "迟到小学", "PRIMARY", null);
    putSchool(county, "9901170003", "乱序小学", "PRIMARY", null);
    putSchool(county, "9901170004", "未报小学", "PRIMARY", null);
    Snapshot a1 = Snapshot.of("9901170001", PLATFORM, period, 60, 100, 1, deadline.minus(day));
    Snapshot a2 = Snapshot.of("9901170001", PLATFORM, period, 62, 100, 2, deadline.plus(day));
    Snapshot b1 = Snapshot.of("9901170002", PLATFORM, period, 30, 100, 1, deadline.plusSeconds(3600));
    Snapshot c1 = Snapshot.of("9901170003", PLATFORM, period, 80, 100, 1, deadline.minus(day.multipliedBy(2)));
    Snapshot c2 = Snapshot.of("9901170003", PLATFORM, period, 85, 100, 2, deadline.plus(day.multipliedBy(2)));
    // Newer versions first; the first reports arrive late, as stale versions.
    sendSnapshots(List.of(a2, c2, b1));
    JsonNode noDeadline = awaitRollup(county, PLATFORM, period, n -> n.get("schoolsReporting").asInt() == 3);
    assertThat(noDeadline.get("schoolsOnTime").isNull()).as("no deadline set").isTrue();
    assertThat(noDeadline.get("deadline").isNull()).isTrue();

    ResponseEntity<JsonNode> set = putDeadline(county, period, "{\"deadline\":\"" + deadline + "\"}");
    assertThat(set.getStatusCode().value()).as("%s", set.getBody()).isEqualTo(201);
    JsonNode withDeadline = awaitRollup(county, PLATFORM, period, n -> !n.get("schoolsOnTime").isNull());
    assertThat(withDeadline.get("schoolsOnTime").asInt()).as("every first report known so far is late").isZero();
    assertThat(Instant.parse(withDeadline.get("deadline").asString())).isEqualTo(deadline);

    sendSnapshots(List.of(a1, c1, a1.republished(), c1.republished()));
    JsonNode onTime = awaitRollup(county, PLATFORM, period, n -> n.get("schoolsOnTime").asInt() == 2);
    assertThat(lineage(onTime)).as("stale versions change no figure").containsExactly("9901170001@2", "9901170002@1", "9901170003@2");
    assertThat(onTime.get("numerator").asLong()).isEqualTo(62 + 30 + 85);
    assertThat(onTime.get("schoolsExpected").asInt()).isEqualTo(4);
    assertThat(firstAsOf("9901170001", period)).isEqualTo(a1.asOf());
    assertThat(firstAsOf("9901170003", period)).isEqualTo(c1.asOf());
    long v = onTime.get("version").asLong();

    // The deadline moves past the late school's first report: three on time, one version more.
    Instant later = deadline.plus(Duration.ofHours(2));
    assertThat(putDeadline(county, period, "{\"deadline\":\"" + later + "\"}").getStatusCode().value()).isEqualTo(200);
    JsonNode moved = awaitRollup(county, PLATFORM, period, n -> n.get("version").asLong() == v + 1);
    assertThat(moved.get("schoolsOnTime").asInt()).isEqualTo(3);
    assertThat(putDeadline(county, period, "{\"deadline\":\"" + later + "\"}").getStatusCode().value()).isEqualTo(200);
    awaitOutboxDrained();
    CountyRollupPublished event = rollupEvents(county, PLATFORM, period).getLast();
    assertThat(event.version()).isEqualTo(v + 1);
    assertThat(event.schoolsOnTime()).isEqualTo(3);
    assertThat(event.deadline()).isEqualTo(later);
    JsonNode listed = get("/api/district/counties/" + county + "/deadlines").getBody();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("periodId").asString()).isEqualTo(period);
    assertThat(listed.get(0).get("version").asLong()).as("the same deadline again is no change").isEqualTo(2);

    // Replay every consumed topic from offset 0: no rollup, snapshot or first report changes.
    String before = everyFigure();
    listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
    List<String> topics = List.of(Topics.SCHOOL_INDICATOR_SNAPSHOTS, Topics.CITY_CATALOGUE, Topics.CITY_COUNTIES);
    ConsumerGroups.rewindToZero(GROUP, topics, PATIENCE);
    listeners.getListenerContainers().forEach(MessageListenerContainer::start);
    ConsumerGroups.awaitCaughtUp(GROUP, topics, PATIENCE);
    awaitOutboxDrained();
    assertThat(everyFigure()).isEqualTo(before);
    assertThat(rollupEvents(county, PLATFORM, period).getLast().version()).isEqualTo(v + 1);
  }

  @Test
  void aSensitiveIndicatorWithholdsSmallCountsAndShowsZeroAndLargeOnes() {
    String county = "990116";
    String code = "SENSITIVE_UNDER_TEST";
    send(Topics.CITY_CATALOGUE, code, TestEvents.indicator(Indicator.ratio(code).sensitive().from("2020-2021-1", "1.00"), 1));
    putSchool(county, "9901160001", "关爱小学", "PRIMARY", null);
    send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, "9901160001", Snapshot.of("9901160001", code, "2025-2026-1", 3, 4, 1, TestEvents.T0).json());
    JsonNode small = awaitRollup(county, code, "2025-2026-1", n -> n.get("schoolsReporting").asInt() == 1);
    assertThat(small.get("suppressed").asBoolean()).isTrue();
    assertThat(small.get("numerator").isNull()).isTrue();
    assertThat(small.get("denominator").isNull()).isTrue();
    assertThat(small.get("rate").isNull()).isTrue();
    assertThat(small.get("met").isNull()).isTrue();
    awaitOutboxDrained();
    assertThat(rollupEvents(county, code, "2025-2026-1").getLast().numerator()).as("events keep exact aggregates").isEqualTo(3);

    send(Topics.SCHOOL_INDICATOR_SNAPSHOTS, "9901160001", Snapshot.of("9901160001", code, "2025-2026-2", 0, 12, 1, TestEvents.T0).json());
    JsonNode zero = awaitRollup(county, code, "2025-2026-2", n -> n.get("schoolsReporting").asInt() == 1);
    assertThat(zero.get("suppressed").asBoolean()).as("zero identifies no one").isFalse();
    assertThat(zero.get("numerator").asLong()).isZero();
    assertThat(zero.get("denominator").asLong()).isEqualTo(12);
  }

  @Test
  void everyBadInputOfTheNewEndpointsAnswersProblemJsonAndStoresNothing() {
    String county = "990115";
    String other = "990116";
    Period current = calendar.current(PeriodType.SEMESTER);
    putXuequ(county, county + "-XQ1", "本县学区");
    putSchool(county, "9901150001", "不动小学", "PRIMARY", county + "-XQ1");
    putSchool(county, "9901150002", "已迁小学", "PRIMARY", null);
    ResponseEntity<JsonNode> first = move(county, "9901150002",
        "{\"toCountyId\":\"" + other + "\",\"effectiveFrom\":\"" + current.next().id() + "\"}");
    assertThat(first.getStatusCode().value()).as("%s", first.getBody()).isEqualTo(200);
    awaitOutboxDrained();
    String before = state();

    String to = "{\"toCountyId\":\"" + other + "\",\"effectiveFrom\":\"" + current.id() + "\"}";
    assertProblem(move(county, "9901169999", to), 404, "not registered in county " + county);
    assertProblem(move("990199", "9901150001", to), 404, "990199");
    assertProblem(move(county, "9901150001", "{\"toCountyId\":\"990199\",\"effectiveFrom\":\"" + current.id() + "\"}"), 422, "990199");
    assertProblem(move(county, "9901150001", "{\"toCountyId\":\"" + county + "\",\"effectiveFrom\":\"" + current.id() + "\"}"), 409,
        "already belongs");
    assertProblem(move(county, "9901150001", "{\"toCountyId\":\"" + other + "\",\"effectiveFrom\":\"2025-2026\"}"), 400, "effectiveFrom");
    assertProblem(move(county, "9901150001", "{\"toCountyId\":\"" + other + "\",\"effectiveFrom\":\"soon\"}"), 400, "effectiveFrom");
    assertProblem(move(county, "9901150001", "{\"toCountyId\":\"" + other + "\"}"), 400, "effectiveFrom");
    assertProblem(move(county, "9901150001", "{\"effectiveFrom\":\"" + current.id() + "\"}"), 400, "toCountyId");
    assertProblem(move(county, "9901150001", "{\"toCountyId\":\"99!\",\"effectiveFrom\":\"" + current.id() + "\"}"), 400, "toCountyId");
    assertProblem(move(county, "9901150001", "{\"toCountyId\":\"" + other + "\",\"effectiveFrom\":\"" + current.previous().id() + "\"}"),
        409, "has ended");
    assertProblem(move(county, "9901150001",
        "{\"toCountyId\":\"" + other + "\",\"toXuequId\":\"" + county + "-XQ1\",\"effectiveFrom\":\"" + current.id() + "\"}"), 422,
        county + "-XQ1");
    assertProblem(move(county, "9901150001", "{\"toCountyId\":"), 400, "not valid JSON");
    assertProblem(move(other, "9901150002", "{\"toCountyId\":\"" + county + "\",\"effectiveFrom\":\"" + current.id() + "\"}"), 409,
        "after it");
    assertProblem(move(county, "9901150001", "{\"toCountyId\":\"" + other + "\",\"effectiveFrom\":\"" + current.id()
        + "\",\"version\":9}"), 400, "'version'");

    assertProblem(putDeadline(county, "2025-2027", "{\"deadline\":\"2026-07-01T00:00:00Z\"}"), 400, "periodId");
    assertProblem(putDeadline(county, "2025-2026-3", "{\"deadline\":\"2026-07-01T00:00:00Z\"}"), 400, "periodId");
    assertProblem(putDeadline(county, "2025-2028", "{\"deadline\":\"2026-07-01T00:00:00Z\"}"), 400, "programme cycle");
    assertProblem(putDeadline(county, "2025-2026-2", "{}"), 400, "deadline");
    assertProblem(putDeadline(county, "2025-2026-2", "{\"deadline\":\"next friday\"}"), 400, "deadline");
    assertProblem(putDeadline(county, "2025-2026-2", "{\"deadline\":\"2025-01-01T00:00:00Z\"}"), 422, "before 2025-2026-2 starts");
    assertProblem(putDeadline("990199", "2025-2026-2", "{\"deadline\":\"2026-07-01T00:00:00Z\"}"), 404, "990199");
    assertProblem(get("/api/district/counties/990199/deadlines"), 404, "990199");
    assertProblem(rollup(county, PLATFORM, "2025-2026"), 400, "semester");
    assertProblem(rollup(county, PLATFORM, "2025-2026-5"), 400, "periodId");

    awaitOutboxDrained();
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void accessMatrixOfTheMoveAndDeadlineEndpoints() {
    String own = Level.COUNTY.id(Target.OWN);
    String sibling = Level.COUNTY.id(Target.SIBLING);
    String other = Level.COUNTY.id(Target.OTHER_COUNTY);
    String base = "/api/district/counties/";
    String semester = calendar.current(PeriodType.SEMESTER).next().id();
    for (String c : List.of(own, sibling, other)) {
      assertThat(statusOf("PUT", base + c + "/schools/" + c + "9902", "{\"name\":\"待迁学校\",\"schoolType\":\"PRIMARY\"}",
          Keycloak.token("county-admin-" + c))).isIn(200, 201);
    }
    Set<String> readers = Set.of("county-assessor", "county-admin", "city-staff", "city-admin");
    Set<String> countyAdmin = Set.of("county-admin");
    var endpoints = List.of(
        Endpoint.send("POST", Level.COUNTY, c -> base + c + "/schools/" + c + "9902/move",
            "{\"toCountyId\":\"990118\",\"effectiveFrom\":\"" + semester + "\"}", countyAdmin),
        Endpoint.send("PUT", Level.COUNTY, c -> base + c + "/deadlines/2025-2026-2", "{\"deadline\":\"2026-07-01T00:00:00Z\"}",
            countyAdmin),
        Endpoint.get(Level.COUNTY, c -> base + c + "/deadlines", readers));

    AccessMatrix.Result result = AccessMatrix.run(endpoints, this::statusOf);
    System.out.println(result.summary("district-service (move, deadlines)"));
    assertThat(result.failures()).as(result.summary("district-service")).isEmpty();

    // only the own county's admin moved its own school and set its own deadline
    assertThat(schoolRow(own + "9902")).startsWith(own + "9902:990118:");
    for (String c : List.of(sibling, other)) {
      assertThat(schoolRow(c + "9902")).isEqualTo(c + "9902:" + c + ":-:待迁学校:PRIMARY:1");
      assertThat(count("select count(*) from school_membership where school_id = '" + c + "9902'")).isEqualTo(1);
      assertThat(count("select count(*) from county_deadline where county_id = '" + c + "'")).isZero();
    }
    assertThat(count("select count(*) from county_deadline where county_id = '" + own + "'")).isEqualTo(1);
  }

  // ---- helpers

  private Map<String, Long> versions(String county, String code, List<String> periods) {
    Map<String, Long> out = new java.util.HashMap<>();
    periods.forEach(p -> out.put(p, rollup(county, code, p).getBody().get("version").asLong()));
    return out;
  }

  private Instant firstAsOf(String school, String period) {
    return jdbc.sql("select first_as_of from school_snapshot where school_id = ? and indicator_code = ? and period_id = ?")
        .params(school, PLATFORM, period).query(java.sql.Timestamp.class).single().toInstant();
  }

  /** Every rollup and snapshot the service holds, as text. */
  private String everyFigure() {
    return jdbc.sql("""
            select string_agg(concat_ws(':', county_id, indicator_code, period_id, numerator, denominator, schools_reporting,
              schools_expected, schools_meeting_target, schools_on_time, deadline, version, lineage::text), ',' order by 1)
            from county_rollup""").query(String.class).single()
        + "|" + jdbc.sql("""
            select string_agg(concat_ws(':', school_id, indicator_code, period_id, numerator, denominator, version, as_of,
              first_as_of), ',' order by 1) from school_snapshot""").query(String.class).single();
  }

  /** The registry with its memberships, the deadlines and the outbox, as text. */
  private String state() {
    return registryState()
        + "|" + jdbc.sql("select string_agg(concat_ws(':', school_id, county_id, xuequ_id, from_day), ',' order by 1) from school_membership")
            .query(String.class).single()
        + "|" + jdbc.sql("select coalesce(string_agg(concat_ws(':', county_id, period_id, deadline, version), ',' order by 1), '-')"
            + " from county_deadline").query(String.class).single()
        + "|" + count("select count(*) from outbox_event");
  }

  private ResponseEntity<JsonNode> move(String county, String school, String json) {
    return http.post().uri("/api/district/counties/" + county + "/schools/" + school + "/move")
        .contentType(MediaType.APPLICATION_JSON).body(json)
        .retrieve().onStatus(HttpStatusCode::isError, (req, res) -> {}).toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> putDeadline(String county, String period, String json) {
    return put("/api/district/counties/" + county + "/deadlines/" + period, json);
  }
}
