package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongyu.tools.GroundTruth.Def;
import org.gongyu.tools.GroundTruth.Expected;
import org.gongyu.tools.GroundTruth.Fig;
import org.gongyu.tools.GroundTruth.P;
import org.gongyu.tools.GroundTruthRecords.City;
import org.gongyu.tools.GroundTruthRecords.County;
import org.gongyu.tools.GroundTruthRecords.SchoolData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance test of every indicator ("ground truth"): a seeded city of 4 counties and 60
 * schools records one semester of every kind of record of {@code docs/indicators.md} through the
 * gateway (corrections, withdrawals, duplicates, a second wave of schools after the counties'
 * deadline, two schools moving county), and every figure reporting-service serves — each county and
 * its schools, the city, both scorecards — must equal the figure computed independently from the raw
 * records by {@link GroundTruth}. Seed: {@code -Dgongyu.groundtruth.seed} (printed).
 */
@ExtendWith(SharedPlatform.class)
class GroundTruthSystemIT {

  static final GongyuClient client = new GongyuClient(SharedPlatform.GATEWAY, SharedPlatform.KEYCLOAK, false);
  static final Duration ROLLUPS_WITHIN = Duration.ofSeconds(Long.getLong("gongyu.groundtruth.wait", 300));

  @Test
  void everyFigureReportingServesEqualsTheOneComputedFromTheRawRecords() {
    long seed = GroundTruthGenerator.seed();
    LocalDate today = LocalDate.now(GroundTruth.ZONE);
    City city = GroundTruthGenerator.generate(seed, today);
    System.out.printf("ground truth: seed %d (override with -Dgongyu.groundtruth.seed=N), today %s, %d counties, %d schools, %d records%n",
        seed, today, city.counties().size(), city.schools().size(), city.schools().stream().mapToInt(SchoolData::recordCount).sum());
    printCounts(city);

    long started = System.nanoTime();
    GroundTruthLoader loader = new GroundTruthLoader(client, System.out, 4);
    loader.load(city);
    System.out.printf("ground truth: loaded with %d requests in %.1f s%n", loader.requests(), (System.nanoTime() - started) / 1e9);

    // the school tier's own (exact, never withheld) figures first; those of the platform's bulk feeds
    // follow their batches within the coalesce interval (ADR 0021), so they are read until they agree
    // or a few seconds have passed
    List<String> schoolTier = schoolTier(city);
    for (long settle = System.nanoTime() + Duration.ofSeconds(20).toNanos(); !schoolTier.isEmpty() && System.nanoTime() < settle; ) {
      GongyuClient.sleep(500);
      schoolTier = schoolTier(city);
    }
    System.out.printf("ground truth: %d differences at the school tier%n", schoolTier.size());
    schoolTier.stream().limit(50).forEach(d -> System.out.println("ground truth: school tier: " + d));

    long deadline = System.nanoTime() + ROLLUPS_WITHIN.toNanos();
    List<String> differences;
    int rounds = 0;
    while (true) {
      rounds++;
      compared.set(0);
      differences = compare(city);
      if (differences.isEmpty() || System.nanoTime() > deadline) {
        break;
      }
      GongyuClient.sleep(3000);
    }
    GroundTruth.summary(city).forEach(line -> System.out.println("ground truth: " + line));
    System.out.printf("ground truth: %d differences in %d values compared, after %d rounds (%.1f s)%n", differences.size(),
        compared.get(), rounds, (System.nanoTime() - started) / 1e9);
    differences.stream().limit(200).forEach(d -> System.out.println("ground truth: reports: " + d));
    // every derived indicator (GroundTruth.INDICATORS) × (4 counties + the city) × ~11 fields, every school row and scorecard cell
    assertThat(compared.get()).as("values compared").isGreaterThan(17L * 60 * 5);
    assertThat(schoolTier).as("figures of school-service that differ from the ground truth (seed %d)", seed).isEmpty();
    assertThat(differences).as("figures served by reporting-service that differ from the ground truth (seed %d)", seed).isEmpty();
  }

  /** Every school's own latest snapshots (school-service, as the school's user) against its ground truth. */
  static List<String> schoolTier(City city) {
    List<String> diffs = new ArrayList<>();
    for (SchoolData s : city.schools()) {
      Map<String, List<Def>> byPeriod = new java.util.LinkedHashMap<>();
      GroundTruth.INDICATORS.forEach(d -> byPeriod.computeIfAbsent(GroundTruth.periodOf(d, city.today()).id(), k -> new ArrayList<>()).add(d));
      for (var period : byPeriod.entrySet()) {
        GongyuClient.Reply reply = client.get("/api/school/schools/" + s.id() + "/indicators/" + period.getKey());
        if (!reply.ok()) {
          diffs.add("school " + s.id() + " " + period.getKey() + ": answered " + reply.status() + " " + reply.body());
          continue;
        }
        Map<String, JsonNode> snapshots = new HashMap<>();
        reply.body().forEach(n -> snapshots.put(n.path("indicatorCode").asString(), n));
        for (Def def : period.getValue()) {
          Fig f = GroundTruth.school(s, def.code(), GroundTruth.periodOf(def, city.today()), city.today());
          JsonNode n = snapshots.get(def.code());
          String where = "school " + s.id() + " (" + s.type() + ", wave " + s.wave() + ") " + def.code() + " " + period.getKey();
          if (n == null) {
            if (def.appliesTo(s.type())) {
              diffs.add(where + ": no snapshot, expected " + f.num() + "/" + f.den());
            }
          } else if (n.path("numerator").asLong() != f.num() || n.path("denominator").asLong() != f.den()) {
            diffs.add(where + ": " + n.path("numerator").asLong() + "/" + n.path("denominator").asLong() + ", expected " + f.num() + "/" + f.den());
          }
        }
      }
    }
    return diffs;
  }

  /** Every difference between what reporting serves and the ground truth, one line each. */
  static List<String> compare(City city) {
    List<String> diffs = new ArrayList<>();
    // The city-direct unit (ADR 0027) is the platform city's one, so the demo city (when a class of
    // this JVM loaded it) has schools in it too: then its own figures are not ours alone, its schools
    // are checked one by one and its rollup is summed into the city among the others' rollups.
    boolean shared = sharedCityDirect(city);
    Set<String> ours = city.counties().stream().filter(c -> !(shared && c.cityDirect())).map(County::id)
        .collect(Collectors.toSet());
    City exact = shared ? new City(city.seed(), city.today(), city.counties().stream().filter(c -> !c.cityDirect()).toList(),
        city.schools(), city.moves()) : city;
    Map<String, Map<String, Expected>> byIndicator = new HashMap<>();
    for (Def def : GroundTruth.INDICATORS) {
      P p = GroundTruth.periodOf(def, city.today());
      Map<String, Expected> counties = GroundTruth.counties(city, def);
      byIndicator.put(def.code(), counties);
      for (County county : city.counties()) {
        String where = def.code() + " " + p.id() + " county " + county.id();
        GongyuClient.Reply reply = client.countyReport(def.code(), p.id(), county.id());
        if (!reply.ok()) {
          diffs.add(where + ": county report answered " + reply.status() + " " + reply.body());
          continue;
        }
        Expected e = counties.get(county.id());
        if (ours.contains(county.id())) {
          unit(diffs, where, def, reply.body().path("county"), e, false);
          signOffs(diffs, where + " (district-service)", client.get("/api/district/counties/" + county.id() + "/rollups/"
              + def.code() + "/" + p.id()), e);
          reportedSignOffs(diffs, where + " (reporting-service)", reply.body().path("county").path("signOffs"), e);
        }
        // every school of a generated county is in its one 学区 (moves name the target's), so the 学区's
        // figures, computed by the county's rules (ADR 0027), are the county's; the city-direct unit has none
        GongyuClient.Reply xuequ = county.xuequId() == null ? null : client.get("/api/district/counties/" + county.id()
            + "/xuequ/" + county.xuequId() + "/rollups/" + def.code() + "/" + p.id());
        if (xuequ == null) {
          // no 学区
        } else if (!xuequ.ok()) {
          diffs.add(where + " 学区 " + county.xuequId() + ": answered " + xuequ.status() + " " + xuequ.body());
        } else {
          unit(diffs, where + " 学区 " + county.xuequId(), def, xuequ.body(), e, false);
          signOffs(diffs, where + " 学区 " + county.xuequId(), xuequ, e);
        }
        Map<String, JsonNode> rows = new HashMap<>();
        reply.body().path("schools").forEach(s -> rows.put(s.path("id").asString(), s));
        for (var school : e.schools().entrySet()) {
          JsonNode row = rows.get(school.getKey());
          if (row == null) {
            diffs.add(where + ": school " + school.getKey() + " missing from the county report");
          } else {
            school(diffs, where + " school " + school.getKey(), def, row, school.getValue(), "numerator");
          }
        }
      }
      // the city: our counties exactly, plus whatever other counties of the platform show (other tests' counties)
      GongyuClient.Reply reply = client.cityReport(def.code(), p.id());
      String where = def.code() + " " + p.id() + " city";
      if (!reply.ok()) {
        diffs.add(where + ": city report answered " + reply.status() + " " + reply.body());
        continue;
      }
      Expected mine = GroundTruth.city(exact, def);
      Expected all = plusOthers(def, mine, reply.body().path("counties"), ours, diffs, where);
      if (all != null) {
        unit(diffs, where, def, reply.body().path("city"), all, true);
      }
      for (JsonNode c : reply.body().path("counties")) {
        String id = c.path("id").asString();
        if (ours.contains(id)) {
          unit(diffs, where + " row of county " + id, def, c, counties.get(id), false);
        }
      }
    }
    scorecards(city, exact, byIndicator, ours, diffs);
    return diffs;
  }

  /** Whether the city-direct unit holds schools that are not the ground truth's (the demo city's). */
  static boolean sharedCityDirect(City city) {
    Set<String> mine = city.schools().stream().map(SchoolData::id).collect(Collectors.toSet());
    GongyuClient.Reply card = client.countyScorecard(P.of(GroundTruth.PType.SEMESTER, city.today()).id(),
        GroundTruthGenerator.CITY_DIRECT);
    if (!card.ok()) {
      return false;
    }
    for (JsonNode s : card.body().path("schools")) {
      if (!mine.contains(s.path("id").asString())) {
        return true;
      }
    }
    return false;
  }

  /** The city and county scorecards of the semester: every indicator's cell in its own period. */
  static void scorecards(City city, City exact, Map<String, Map<String, Expected>> byIndicator, Set<String> ours, List<String> diffs) {
    String semester = P.of(GroundTruth.PType.SEMESTER, city.today()).id();
    GongyuClient.Reply cityCard = client.cityScorecard(semester);
    if (!cityCard.ok()) {
      diffs.add("city scorecard " + semester + " answered " + cityCard.status() + " " + cityCard.body());
    } else {
      Set<String> seen = new java.util.HashSet<>();
      for (JsonNode line : cityCard.body().path("indicators")) {
        String code = line.path("indicator").path("code").asString();
        Map<String, Expected> counties = byIndicator.get(code);
        if (counties == null) {
          continue;
        }
        seen.add(code);
        Def def = GroundTruth.indicator(code);
        String where = "city scorecard " + code + " " + line.path("periodId").asString();
        expectEqual(diffs, where, "periodId", line.path("periodId").asString(), GroundTruth.periodOf(def, city.today()).id());
        Expected all = plusOthers(def, GroundTruth.city(exact, def), line.path("counties"), ours, diffs, where);
        if (all != null) {
          unit(diffs, where + " city", def, line.path("city"), all, true);
        }
        for (JsonNode c : line.path("counties")) {
          if (ours.contains(c.path("id").asString())) {
            unit(diffs, where + " county " + c.path("id").asString(), def, c, counties.get(c.path("id").asString()), false);
          }
        }
      }
      if (!GroundTruthGenerator.CITY_DIRECT.equals(cityCard.body().path("cityDirect").asString(null))) {
        diffs.add("city scorecard " + semester + " names " + cityCard.body().path("cityDirect") + " as the city-direct unit, expected "
            + GroundTruthGenerator.CITY_DIRECT);
      }
      if (seen.size() != GroundTruth.INDICATORS.size()) {
        diffs.add("city scorecard " + semester + " shows " + seen.size() + " of the " + GroundTruth.INDICATORS.size() + " derived indicators");
      }
    }
    for (County county : city.counties()) {
      GongyuClient.Reply card = client.countyScorecard(semester, county.id());
      String where = "county scorecard " + county.id();
      if (!card.ok()) {
        diffs.add(where + " answered " + card.status() + " " + card.body());
        continue;
      }
      List<String> codes = new ArrayList<>();
      for (JsonNode column : card.body().path("indicators")) {
        String code = column.path("indicator").path("code").asString();
        codes.add(code);
        if (byIndicator.containsKey(code) && ours.contains(county.id())) {
          unit(diffs, where + " " + code, GroundTruth.indicator(code), column.path("county"), byIndicator.get(code).get(county.id()), false);
        }
      }
      Map<String, JsonNode> lines = new HashMap<>();
      card.body().path("schools").forEach(s -> lines.put(s.path("id").asString(), s));
      for (var indicator : byIndicator.entrySet()) {
        Def def = GroundTruth.indicator(indicator.getKey());
        for (var school : indicator.getValue().get(county.id()).schools().entrySet()) {
          JsonNode line = lines.get(school.getKey());
          JsonNode cell = null;
          if (line != null) {
            for (JsonNode c : line.path("cells")) {
              if (c.path("code").asString().equals(def.code())) {
                cell = c;
              }
            }
          }
          if (cell == null) {
            diffs.add(where + " " + def.code() + ": no cell for school " + school.getKey());
          } else {
            school(diffs, where + " " + def.code() + " school " + school.getKey(), def, cell, school.getValue(), "numerator");
          }
        }
      }
    }
  }

  /** Adds the figures other counties of the platform show (null if one is withheld: the sum is then unknown). */
  static Expected plusOthers(Def def, Expected mine, JsonNode counties, Set<String> ours, List<String> diffs, String where) {
    Fig sum = mine.figure();
    int reporting = mine.schoolsReporting();
    int expected = mine.schoolsExpected();
    int meeting = mine.schoolsMeetingTarget();
    Integer onTime = mine.schoolsOnTime();
    Integer under = mine.schoolsUnderDeadline();
    for (JsonNode c : counties) {
      if (ours.contains(c.path("id").asString()) || c.path("version").isNull() || c.path("version").isMissingNode()) {
        continue;
      }
      if (c.path("suppressed").asBoolean(false)) {
        return null;
      }
      sum = sum.plus(new Fig(c.path("numerator").asLong(), c.path("denominator").asLong()));
      reporting += c.path("schoolsReporting").asInt();
      expected += c.path("schoolsExpected").asInt();
      meeting += c.path("schoolsMeetingTarget").asInt();
      if (!c.path("schoolsOnTime").isNull() && !c.path("schoolsOnTime").isMissingNode()) {
        onTime = (onTime == null ? 0 : onTime) + c.path("schoolsOnTime").asInt();
        under = (under == null ? 0 : under) + c.path("schoolsExpected").asInt();
      }
    }
    Boolean met = def.target() == null ? null
        : def.kind() == GroundTruth.Kind.COUNT ? expected > 0 && meeting == expected : GroundTruth.meets(def, sum);
    return new Expected(sum, reporting, expected, meeting, onTime, under, met, GroundTruth.suppressed(def, sum), Map.of());
  }

  /** A county's counts of sign-offs of the period (完成上报) as district-service's rollup shows them. */
  static void signOffs(List<String> diffs, String where, GongyuClient.Reply reply, Expected e) {
    if (!reply.ok()) {
      diffs.add(where + ": rollup answered " + reply.status() + " " + reply.body());
      return;
    }
    JsonNode node = reply.body();
    expectEqual(diffs, where, "schoolsSignedOff", number(node.path("schoolsSignedOff")), (long) e.schoolsSignedOff());
    expectEqual(diffs, where, "schoolsSignedOffOnTime", number(node.path("schoolsSignedOffOnTime")),
        e.schoolsSignedOffOnTime() == null ? null : (long) e.schoolsSignedOffOnTime());
    expectEqual(diffs, where, "schoolsApproved", number(node.path("schoolsApproved")), (long) e.schoolsApproved());
  }

  /** A county's sign-offs as reporting-service serves them beside its figures ({@code signOffs} of the county report). */
  static void reportedSignOffs(List<String> diffs, String where, JsonNode node, Expected e) {
    if (e.schoolsSignedOff() == null) {
      return;
    }
    if (node == null || node.isMissingNode() || node.isNull()) {
      diffs.add(where + ": no signOffs, expected " + e.schoolsSignedOff() + " signed off");
      return;
    }
    expectEqual(diffs, where, "signOffs.signedOff", number(node.path("signedOff")), (long) e.schoolsSignedOff());
    expectEqual(diffs, where, "signOffs.signedOffOnTime", number(node.path("signedOffOnTime")),
        e.schoolsSignedOffOnTime() == null ? null : (long) e.schoolsSignedOffOnTime());
    expectEqual(diffs, where, "signOffs.approved", number(node.path("approved")),
        e.schoolsApproved() == null ? null : (long) e.schoolsApproved());
    if (e.schoolsExpected() > 0) {
      expectDecimal(diffs, where, "signOffs.completeness", node.path("completeness"), BigDecimal.valueOf(e.schoolsSignedOff())
          .divide(BigDecimal.valueOf(e.schoolsExpected()), 4, RoundingMode.HALF_EVEN));
    }
  }

  /** A county's or the city's figures. */
  static void unit(List<String> diffs, String where, Def def, JsonNode node, Expected e, boolean city) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      diffs.add(where + ": no figures published");
      return;
    }
    expectEqual(diffs, where, "suppressed", bool(node.path("suppressed")), e.suppressed());
    if (e.suppressed()) {
      expectEqual(diffs, where, "numerator (withheld)", number(node.path("numerator")), null);
      expectEqual(diffs, where, "denominator (withheld)", number(node.path("denominator")), null);
    } else {
      expectEqual(diffs, where, "numerator", number(node.path("numerator")), e.figure().num());
      expectEqual(diffs, where, "denominator", number(node.path("denominator")), e.figure().den());
      expectEqual(diffs, where, "met", bool(node.path("met")), e.met());
    }
    expectEqual(diffs, where, "schoolsReporting", number(node.path("schoolsReporting")), (long) e.schoolsReporting());
    expectEqual(diffs, where, "schoolsExpected", number(node.path("schoolsExpected")), (long) e.schoolsExpected());
    expectEqual(diffs, where, "schoolsMeetingTarget", number(node.path("schoolsMeetingTarget")), (long) e.schoolsMeetingTarget());
    expectEqual(diffs, where, "schoolsOnTime", number(node.path("schoolsOnTime")), e.schoolsOnTime() == null ? null : (long) e.schoolsOnTime());
    if (city || node.has("schoolsUnderDeadline")) {
      Integer under = city ? e.schoolsUnderDeadline() : e.schoolsOnTime() == null ? null : e.schoolsExpected();
      expectEqual(diffs, where, "schoolsUnderDeadline", number(node.path("schoolsUnderDeadline")), under == null ? null : (long) under);
    }
    if (e.schoolsExpected() > 0 && node.has("completeness")) {
      BigDecimal completeness = BigDecimal.valueOf(e.schoolsReporting()).divide(BigDecimal.valueOf(e.schoolsExpected()), 4, RoundingMode.HALF_EVEN);
      expectDecimal(diffs, where, "completeness", node.path("completeness"), completeness);
    }
  }

  /** A school's row or cell: its own figure, withheld above the school tier when a small sensitive cell. */
  static void school(List<String> diffs, String where, Def def, JsonNode row, Fig f, String numeratorField) {
    expectEqual(diffs, where, "applies", bool(row.path("applies")), true);
    boolean suppressed = GroundTruth.suppressed(def, f);
    expectEqual(diffs, where, "suppressed", bool(row.path("suppressed")), suppressed);
    if (suppressed) {
      expectEqual(diffs, where, "numerator (withheld)", number(row.path(numeratorField)), null);
    } else {
      expectEqual(diffs, where, "numerator", number(row.path(numeratorField)), f.num());
      expectEqual(diffs, where, "denominator", number(row.path("denominator")), f.den());
      expectEqual(diffs, where, "met", bool(row.path("met")), def.target() == null ? null : GroundTruth.meets(def, f));
    }
  }

  static Long number(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? null : n.asLong();
  }

  static Boolean bool(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? null : n.asBoolean();
  }

  /** Values compared in the last round (so a test that compared nothing cannot pass). */
  static final java.util.concurrent.atomic.AtomicLong compared = new java.util.concurrent.atomic.AtomicLong();

  static void expectEqual(List<String> diffs, String where, String field, Object actual, Object expected) {
    compared.incrementAndGet();
    if (!Objects.equals(actual, expected)) {
      diffs.add(where + ": " + field + " is " + actual + ", expected " + expected);
    }
  }

  static void expectDecimal(List<String> diffs, String where, String field, JsonNode actual, BigDecimal expected) {
    compared.incrementAndGet();
    if (actual.isNull() || actual.isMissingNode() || new BigDecimal(actual.asString()).compareTo(expected) != 0) {
      diffs.add(where + ": " + field + " is " + actual + ", expected " + expected);
    }
  }

  static void printCounts(City city) {
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    for (SchoolData s : city.schools()) {
      counts.merge("classes", (long) s.classes().size(), Long::sum);
      counts.merge("registrations", (long) s.registrations().size(), Long::sum);
      counts.merge("learning activities", (long) s.learning().size(), Long::sum);
      counts.merge("recommendations", (long) s.recommendations().size(), Long::sum);
      counts.merge("home contacts", (long) s.homeContacts().size(), Long::sum);
      counts.merge("visit files", (long) s.visitFiles().size(), Long::sum);
      counts.merge("outreach deliveries", (long) s.outreach().size(), Long::sum);
      counts.merge("six-ones participations", (long) s.sixOnes().size(), Long::sum);
      for (var op : s.ops()) {
        counts.merge(op.resource().path + (op.content() == null ? " DELETE" : op.late() ? " PUT (late: correction or re-sent)" : " PUT"), 1L,
            Long::sum);
      }
    }
    counts.forEach((k, v) -> System.out.printf("ground truth:   %-50s %7d%n", k, v));
  }
}
