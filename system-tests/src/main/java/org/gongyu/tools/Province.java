package org.gongyu.tools;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.gongyu.tools.GongyuClient.Registration;

/**
 * Issue 18 item 6: a province in miniature on one running platform. For each shape (cities ×
 * counties per city × schools per county) it registers the counties and schools, then loads a
 * semester of records per school in compressed time through the gateway's batch endpoints —
 * registrations, then learning activities — and prints throughput, freshness school → city (all
 * batches and per city), batch latency, and what the load cost: database bytes and rows per
 * service, Kafka bytes, resident memory and CPU seconds of each platform process, per school.
 *
 * <p>One deployment serves one city ({@code gongyu.city.id}; city-service attaches every county it
 * registers to that city, reporting-service answers for it alone). A province is therefore as many
 * deployments as cities; here the {@code C} cities of a shape are groups of counties of the one
 * deployed city, so "per city" means the batches of that group's schools, measured to the one city
 * figure. The per-school costs are what the capacity plan ({@code docs/capacity-plan.md}) scales.
 *
 * <p>Ids: county {@code 9908<tag><cc><kk>} (tag = two digits, new for every shape and run; cc the
 * city, kk the county, from 01), school = county + four digits. {@code 9908…} is this tool's own
 * range; other tools use {@code 9901…} (bench, growth) and the demo's realm ids.
 */
final class Province {

  private Province() {}

  /** One shape: {@code cities} groups of {@code counties} counties of {@code schools} schools each. */
  record Shape(int cities, int counties, int schools) {

    Shape {
      if (cities < 1 || cities > 99 || counties < 1 || counties > 99 || schools < 1 || schools > 9999) {
        throw new IllegalArgumentException("shape out of range (cities 1-99, counties 1-99, schools 1-9999): "
            + cities + "x" + counties + "x" + schools);
      }
    }

    int totalSchools() {
      return cities * counties * schools;
    }

    @Override
    public String toString() {
      return cities + "x" + counties + "x" + schools;
    }

    /** {@code CxKxS}, e.g. {@code 3x10x20}. */
    static Shape parse(String text) {
      String[] p = text.trim().toLowerCase().split("x");
      if (p.length != 3) {
        throw new IllegalArgumentException("a shape is CITIESxCOUNTIESxSCHOOLS, e.g. 3x10x20: '" + text + "'");
      }
      try {
        return new Shape(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("a shape is CITIESxCOUNTIESxSCHOOLS, e.g. 3x10x20: '" + text + "'", e);
      }
    }

    /** {@code 2x5x20,3x10x20}: the shapes in the order given. */
    static List<Shape> parseAll(String text) {
      List<Shape> shapes = new ArrayList<>();
      for (String s : text.split(",")) {
        if (!s.isBlank()) {
          shapes.add(parse(s));
        }
      }
      if (shapes.isEmpty()) {
        throw new IllegalArgumentException("no shape in '" + text + "'");
      }
      return shapes;
    }

    /** County {@code k} (from 1) of city {@code c} (from 1): {@code 9908<tag><cc><kk>}. */
    static String countyId(int tag, int c, int k) {
      return String.format("9908%02d%02d%02d", tag % 100, c, k);
    }

    static String schoolId(String county, int s) {
      return county + String.format("%04d", s);
    }
  }

  /**
   * @param registrations registrations per school per semester (one student each)
   * @param learning      learning activities per school per semester
   * @param setupThreads  schools set up (registry, class, user, login) at a time
   */
  record Options(String gateway, String keycloak, String kafka, Footprint.Source source, List<Shape> shapes, int registrations,
      int learning, int registrationBatch, int learningBatch, int concurrency, int setupThreads) {}

  /** One school of the run, with the city group it belongs to. */
  private record School(String id, int city) {}

  /** What one family's load measured. */
  record Phase(long records, int batches, double ingestSeconds, double endToEndSeconds, double[] freshness,
      Map<Integer, double[]> freshnessByCity, double[] batchMillis, long snapshots, long events) {}

  /** Runs every shape in order and prints one section per shape, then the table. */
  static void run(Options o, PrintStream out) throws Exception {
    Map<Shape, String> rows = new LinkedHashMap<>();
    int tag = (int) ((System.currentTimeMillis() / 1000) % 100);
    out.printf("province: shapes %s; per school per semester %,d registrations (batches of %d) and %,d learning activities"
        + " (batches of %d); concurrency %d; counties 9908%02d… onwards%n", o.shapes(), o.registrations(), o.registrationBatch(),
        o.learning(), o.learningBatch(), o.concurrency(), tag);
    for (Shape shape : o.shapes()) {
      rows.put(shape, shape(o, shape, tag, out));
      tag = (tag + 1) % 100;
    }
    out.println();
    out.println("province scaling (one run per shape; records = registrations + learning activities, rec/s over both phases, reg/s and lrn/s"
        + " each phase end to end; freshness school -> city;"
        + " RSS = sum of the run dir's processes after the shape; KB/school and rows/school = growth of the four databases during the shape):");
    out.println(header());
    rows.values().forEach(out::println);
  }

  static String header() {
    return String.format("%-9s %7s %10s %9s %7s %7s %7s %17s %17s %9s %8s %8s %8s %8s %8s %8s %9s %9s %9s",
        "shape", "schools", "records", "rec/s e2e", "reg/s", "lrn/s", "snaps/s", "reg fresh p50/p99", "lrn fresh p50/p99", "batch p50", "RSS MB",
        "school", "district", "city", "report", "kafka MB", "KB/school", "rows/schl", "kafkaKB/sc");
  }

  private static String shape(Options o, Shape shape, int tag, PrintStream out) throws Exception {
    GongyuClient client = new GongyuClient(o.gateway(), o.keycloak(), false);
    Semester semester = Semester.containing(Instant.now().atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT);
    String run = Long.toString(System.currentTimeMillis(), 36);
    out.printf("%n=== province shape %s: %d cities x %d counties x %d schools = %,d schools, run %s ===%n", shape, shape.cities(),
        shape.counties(), shape.schools(), shape.totalSchools(), run);

    long setupStart = System.nanoTime();
    List<School> schools = new ArrayList<>();
    List<String> counties = new ArrayList<>();
    for (int c = 1; c <= shape.cities(); c++) {
      for (int k = 1; k <= shape.counties(); k++) {
        String county = Shape.countyId(tag, c, k);
        counties.add(county);
        client.putCounty(county, "省压测" + c + "市" + k + "县");
        for (int s = 1; s <= shape.schools(); s++) {
          schools.add(new School(Shape.schoolId(county, s), c));
        }
      }
    }
    int classes = Math.max(1, (int) Math.ceil(o.registrations() / 4000.0));
    // each school's registry entry (as its county's admin), its classes and its own user's login (as that user),
    // several schools at a time: Keycloak's password hashing is the slow part, and it runs in Keycloak, not here
    parallel(o.setupThreads(), schools, school -> {
      String county = school.id().substring(0, school.id().length() - 4);
      client.putSchool(county, school.id(), "省压测学校" + school.id().substring(school.id().length() - 4), "PRIMARY", null);
      for (int c = 1; c <= classes; c++) {
        client.putClass(school.id(), "P" + run + "-" + c, semester.schoolYear(), 1, "压测班" + c, 5000);
      }
    });
    double setupSeconds = (System.nanoTime() - setupStart) / 1e9;
    out.printf("set up %,d counties and %,d schools (registry, %d class(es) and a user per school) in %.1f s%n", counties.size(),
        schools.size(), classes, setupSeconds);

    Instant at = Instant.now().minusSeconds(60);
    Instant semesterStart = semester.start(SchoolCalendar.DEFAULT).atStartOfDay(DemoCity.ZONE).toInstant();
    String occurredAt = (at.isBefore(semesterStart) ? semesterStart : at).toString();
    Footprint before = Footprint.read(o.source());
    Map<String, Long> offsetsBefore = o.kafka() == null ? Map.of() : PlatformEvents.endOffsets(o.kafka());

    int regPerSchool = (int) Math.ceil((double) o.registrations() / o.registrationBatch());
    Phase reg = o.registrations() == 0 ? null : phase(o, client, schools, "registrations", IndicatorCodes.PLATFORM_REGISTRATION,
        semester.id(), regPerSchool, (school, n) -> {
          int size = Math.min(o.registrationBatch(), o.registrations() - n * o.registrationBatch());
          List<Registration> records = new ArrayList<>(size);
          for (int i = 0; i < size; i++) {
            String student = "PV-" + run + "-" + school.id() + "-" + n + "-" + i;
            records.add(new Registration("pv-" + run + "-" + n + "-" + i, "P" + run + "-" + (1 + (n * o.registrationBatch() + i) / 4000),
                student, student + "-P", occurredAt));
          }
          return new TimedBatches.Batch(size, school.city(), () -> client.postRegistrations(school.id(), semester.id(), records));
        }, out);
    Footprint afterReg = Footprint.read(o.source());

    int lrnPerSchool = (int) Math.ceil((double) o.learning() / o.learningBatch());
    Phase lrn = o.learning() == 0 ? null : phase(o, client, schools, "learning activities", IndicatorCodes.PARENT_LEARNING_PER_CAPITA,
        semester.schoolYear(), lrnPerSchool, (school, n) -> {
          int size = Math.min(o.learningBatch(), o.learning() - n * o.learningBatch());
          List<Map<String, Object>> activities = new ArrayList<>(size);
          for (int i = 0; i < size; i++) {
            activities.add(Map.of("externalId", "pv-" + run + "-" + n + "-" + i, "guardianRef", "PV-" + run + "-G" + (i % 200),
                "resourceId", "R" + (i % 50), "occurredAt", occurredAt, "minutes", 10 + i % 30));
          }
          return new TimedBatches.Batch(size, school.city(), () -> client.post("/api/school/schools/" + school.id() + "/platform-learning",
              Map.of("activities", activities)));
        }, out);
    GongyuClient.sleep(1500); // the read models' last writes and the refresher's last round settle
    Footprint after = Footprint.read(o.source());
    Map<String, Long> offsetsAfter = o.kafka() == null ? Map.of() : PlatformEvents.endOffsets(o.kafka());

    Footprint.PerSchool per = Footprint.perSchool(before, after, schools.size());
    long records = (reg == null ? 0 : reg.records()) + (lrn == null ? 0 : lrn.records());
    double seconds = (reg == null ? 0 : reg.endToEndSeconds()) + (lrn == null ? 0 : lrn.endToEndSeconds());
    long snapshots = (reg == null ? 0 : reg.snapshots()) + (lrn == null ? 0 : lrn.snapshots());
    List<Double> allBatches = new ArrayList<>();
    for (Phase p : new Phase[] {reg, lrn}) {
      if (p != null) {
        for (double d : p.batchMillis()) {
          allBatches.add(d);
        }
      }
    }
    double[] batchMs = allBatches.stream().mapToDouble(Double::doubleValue).sorted().toArray();

    out.printf("%nfootprint after shape %s (databases %s*):%n", shape, o.source().dbPrefix());
    for (String db : Footprint.DATABASES) {
      out.printf("  %-9s database %,8.1f MB (+%,.1f MB), +%,.0f rows; grew most:", db, after.databaseBytes().get(db) / 1e6,
          (after.databaseBytes().get(db) - before.databaseBytes().get(db)) / 1e6, per.rows().get(db) * schools.size());
      for (Map.Entry<String, Footprint.Table> t : Footprint.grown(before, after, db, 3)) {
        out.printf(" %s +%,d rows +%,.1f MB;", t.getKey().replace("public.", ""), t.getValue().rows(), t.getValue().bytes() / 1e6);
      }
      out.println();
    }
    if (reg != null) {
      Footprint.PerSchool r = Footprint.perSchool(before, afterReg, schools.size());
      out.printf("  registrations phase alone: %,.0f bytes and %,.1f rows per school in the databases (%,.0f bytes per registration)%n",
          r.databaseBytesTotal(), r.rowsTotal(), r.databaseBytesTotal() * schools.size() / reg.records());
    }
    if (lrn != null) {
      Footprint.PerSchool l = Footprint.perSchool(afterReg, after, schools.size());
      out.printf("  learning phase alone: %,.0f bytes and %,.1f rows per school in the databases (%,.0f bytes per activity)%n",
          l.databaseBytesTotal(), l.rowsTotal(), l.databaseBytesTotal() * schools.size() / lrn.records());
    }
    out.printf("  kafka data (du) %,.1f MB (+%,.1f MB, %,.0f bytes per school)%n", after.kafkaBytes() / 1e6,
        (after.kafkaBytes() - before.kafkaBytes()) / 1e6, per.kafkaBytes());
    out.print("  kafka per topic during the load (events, +MB on disk, bytes per event):");
    for (String topic : new java.util.TreeSet<>(offsetsAfter.keySet())) {
      long events = PlatformEvents.produced(offsetsBefore, offsetsAfter, topic);
      long bytes = after.kafkaTopicBytes().getOrDefault(topic, 0L) - before.kafkaTopicBytes().getOrDefault(topic, 0L);
      if (events > 0) {
        out.printf(" %s %,d +%,.1f MB %,.0f B;", topic.replace("gongyu.", ""), events, bytes / 1e6, (double) bytes / events);
      }
    }
    out.println();
    out.print("  kafka on disk per topic (all so far):");
    after.kafkaTopicBytes().entrySet().stream().filter(e -> e.getKey().startsWith("gongyu.") && e.getValue() > 1_000_000)
        .forEach(e -> out.printf(" %s %,.1f MB;", e.getKey().replace("gongyu.", ""), e.getValue() / 1e6));
    out.println();
    long rssSum = after.rssBytes().values().stream().mapToLong(Long::longValue).sum();
    out.printf("  RSS:");
    after.rssBytes().forEach((p, b) -> out.printf(" %s %,.0f MB;", p, b / 1e6));
    out.printf(" sum %,.0f MB%n", rssSum / 1e6);
    Map<String, Double> cpu = Footprint.cpuBetween(before, after);
    double wall = (after.takenNanos() - before.takenNanos()) / 1e9;
    out.printf("  CPU seconds during the load (%.1f s wall):", wall);
    cpu.forEach((p, s) -> out.printf(" %s %.1f;", p, s));
    out.printf(" postgres (every backend on the machine) %.1f; per 1,000 records: services+kafka %.2f s, postgres %.2f s%n",
        after.postgresCpuSeconds() - before.postgresCpuSeconds(),
        cpu.values().stream().mapToDouble(Double::doubleValue).sum() * 1000 / Math.max(1, records),
        (after.postgresCpuSeconds() - before.postgresCpuSeconds()) * 1000 / Math.max(1, records));

    return String.format("%-9s %,7d %,10d %9.0f %7.0f %7.0f %7.1f %17s %17s %7.0fms %,8.0f %,8.1f %,8.1f %,8.1f %,8.1f %,8.1f %,9.1f %,9.1f %,9.1f",
        shape, schools.size(), records, records / seconds, rate(reg), rate(lrn), snapshots / seconds, fresh(reg), fresh(lrn), Bench.pct(batchMs, 50),
        rssSum / 1e6, after.databaseBytes().get("school") / 1e6, after.databaseBytes().get("district") / 1e6,
        after.databaseBytes().get("city") / 1e6, after.databaseBytes().get("reporting") / 1e6, after.kafkaBytes() / 1e6,
        per.databaseBytesTotal() / 1024, per.rowsTotal(), per.kafkaBytes() / 1024);
  }

  private static double rate(Phase p) {
    return p == null ? Double.NaN : p.records() / p.endToEndSeconds();
  }

  private static String fresh(Phase p) {
    return p == null ? "-" : String.format("%.2f/%.2fs", Bench.pct(p.freshness(), 50), Bench.pct(p.freshness(), 99));
  }

  private interface BatchMaker {
    TimedBatches.Batch make(School school, int n);
  }

  private interface SchoolTask {
    void run(School school) throws Exception;
  }

  private static void parallel(int threads, List<School> schools, SchoolTask task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (School s : schools) {
        futures.add(pool.submit(() -> {
          task.run(s);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Sends {@code perSchool} batches to every school, round robin over the schools so every city
   * progresses together, {@code concurrency} at a time, while the city figure is polled ({@link
   * TimedBatches}, as {@link Bench} measures).
   */
  private static Phase phase(Options o, GongyuClient client, List<School> schools, String what, String indicator, String periodId,
      int perSchool, BatchMaker maker, PrintStream out) throws Exception {
    // tokens live 5 minutes: renew them outside the timed part (a login is Keycloak's cost, not the platform's)
    GongyuClient.sleep(1000);
    parallel(o.setupThreads(), schools, s -> client.warmToken("/api/school/schools/" + s.id() + "/platform-registrations"));
    long baseline = -1;
    for (int i = 0; i < 150 && baseline < 0; i++) {
      baseline = client.cityNumerator(indicator, periodId);
      if (baseline < 0) {
        GongyuClient.sleep(200);
      }
    }
    baseline = Math.max(0, baseline);
    // the city figure must be still before the clock starts: the setup's own figures may still be travelling
    long settled = baseline;
    for (int i = 0; i < 10; i++) {
      GongyuClient.sleep(300);
      long n = Math.max(0, client.cityNumerator(indicator, periodId));
      if (n == settled) {
        break;
      }
      settled = n;
    }
    baseline = settled;
    List<TimedBatches.Batch> batches = new ArrayList<>();
    for (int n = 0; n < perSchool; n++) {
      for (School s : schools) {
        batches.add(maker.make(s, n));
      }
    }
    long total = batches.stream().mapToLong(TimedBatches.Batch::size).sum();
    PlannerStatistics.of(o.source()).refreshIfNoAutovacuum(out);
    Map<String, Long> offsetsBefore = o.kafka() == null ? Map.of() : PlatformEvents.endOffsets(o.kafka());
    TimedBatches.Result timed = TimedBatches.send(client, indicator, periodId, baseline, batches, o.concurrency(),
        TimedBatches.POLL, Duration.ofSeconds(1800), what);
    Map<String, Long> offsetsAfter = o.kafka() == null ? Map.of() : PlatformEvents.endOffsets(o.kafka());
    long lastSeen = timed.lastSeen();
    long expected = baseline + total;
    Map<Integer, double[]> freshnessByCity = timed.freshnessByGroup();
    double[] batchMs = timed.batchMillis();
    Phase p = new Phase(total, batches.size(), timed.ingestSeconds(), timed.endToEndSeconds(), timed.freshness(), freshnessByCity,
        batchMs, PlatformEvents.produced(offsetsBefore, offsetsAfter, Topics.SCHOOL_INDICATOR_SNAPSHOTS),
        PlatformEvents.produced(offsetsBefore, offsetsAfter, null));
    out.printf("%s: %,d in %,d batches; accepted %.0f/s over %.1f s; end to end %.0f/s (all visible at the city after %.1f s);"
        + " %,d snapshot changes (%.1f/s), %,d events%n", what, total, batches.size(), total / p.ingestSeconds(), p.ingestSeconds(),
        total / p.endToEndSeconds(), p.endToEndSeconds(), p.snapshots(), p.snapshots() / p.endToEndSeconds(), p.events());
    out.printf("  freshness school -> city, s: p50 %.2f p90 %.2f p99 %.2f max %.2f (n=%d); batch ms p50 %.0f p99 %.0f%n",
        Bench.pct(p.freshness(), 50), Bench.pct(p.freshness(), 90), Bench.pct(p.freshness(), 99),
        p.freshness()[p.freshness().length - 1], p.freshness().length, Bench.pct(batchMs, 50), Bench.pct(batchMs, 99));
    out.print("  per city, freshness p50/p99 s:");
    freshnessByCity.forEach((c, f) -> out.printf(" city %02d %.2f/%.2f;", c, Bench.pct(f, 50), Bench.pct(f, 99)));
    out.println();
    out.printf("  city numerator %,d -> %,d (expected %,d)%n", baseline, lastSeen, expected);
    return p;
  }
}
