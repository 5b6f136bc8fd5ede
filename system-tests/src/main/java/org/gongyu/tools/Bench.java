package org.gongyu.tools;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.gongyu.tools.GongyuClient.Registration;

/**
 * Pushes registration batches for many schools through the gateway and measures throughput and
 * end-to-end freshness: from a batch being accepted at the school to the city figure in
 * reporting-service including it (and every batch accepted before it).
 */
public final class Bench {

  private Bench() {}

  /**
   * @param kafka the platform's bootstrap servers, to count the events it produced during the run
   *              (null: no event figures)
   */
  /**
   * @param feed       what the batches carry: {@code registrations} (PLATFORM_REGISTRATION, per semester) or
   *                   {@code learning} (learning activities, PARENT_LEARNING_PER_CAPITA, per school year)
   * @param statistics the platform's databases, analysed before the timed part where autovacuum is off
   *                   (null: not looked at; ADR 0040)
   * @param warmup     batches of the same kind sent, and awaited at the city, before the timed part and
   *                   not counted in it: the services' JIT compiles the path first (0: none)
   * @param schoolService school-service's own address, whose request timer says how much of a batch's
   *                   time the gateway adds (null: not looked at; {@link ServerTimes})
   * @param rate       the {@code snapshots} feed only: snapshots/s the batches are released at (0: unpaced)
   * @param footprint  the platform's run dir and databases, whose processes' CPU time each run divides by
   *                   its batches (null: not looked at; {@link Footprint})
   * @param pollMillis how often the city figure is read while the batches go in ({@link TimedBatches}): the
   *                   freshness is overstated by up to this much, and each read costs the platform CPU
   */
  public record Options(String gateway, String keycloak, int schools, int batches, int batchSize, int concurrency, String kafka,
      String county, String feed, PlannerStatistics statistics, int warmup, String schoolService, double rate,
      Footprint.Source footprint, int pollMillis) {

    public Options(String gateway, String keycloak, int schools, int batches, int batchSize, int concurrency, String kafka) {
      this(gateway, keycloak, schools, batches, batchSize, concurrency, kafka, "990199", "registrations", null, 0, null, 0, null,
          (int) TimedBatches.POLL.toMillis());
    }

    public Options {
      if (warmup < 0) {
        throw new IllegalArgumentException("--warmup must be 0 or more batches, not " + warmup);
      }
      if (!FEEDS.contains(feed)) {
        throw new IllegalArgumentException("--feed must be one of " + FEEDS + ", not " + feed);
      }
      if ("snapshots".equals(feed) && kafka == null) {
        throw new IllegalArgumentException("--feed snapshots publishes on the platform's broker: --kafka is required");
      }
      if (rate < 0) {
        throw new IllegalArgumentException("--rate must be 0 (unpaced) or more snapshots/s, not " + rate);
      }
      if (pollMillis < 1 || pollMillis > 1000) {
        throw new IllegalArgumentException("--poll-ms must be between 1 and 1000 ms, not " + pollMillis);
      }
    }

    /** A copy for another county and size (the growth runs). */
    Options withSchools(String county, int schools, int batches) {
      return new Options(gateway, keycloak, schools, batches, batchSize, concurrency, kafka, county, feed, statistics, warmup,
          schoolService, rate, footprint, pollMillis);
    }

    Duration poll() {
      return Duration.ofMillis(pollMillis);
    }

    /**
     * The {@code snapshots} feed: schools' figures published straight on the snapshot topic, as
     * school-service's relay does ({@link SnapshotFeed}), to measure the tiers above the school alone.
     */
    boolean snapshots() {
      return "snapshots".equals(feed);
    }

    boolean learning() {
      return "learning".equals(feed);
    }

    /** What a batch carries, as the figures name it. */
    String records() {
      return snapshots() ? "snapshots" : learning() ? "activities" : "registrations";
    }
  }

  public static final String INGEST = "bench.registrations.ingest";
  public static final String END_TO_END = "bench.registrations.e2e";
  public static final String BATCH_MEDIAN_MS = "bench.batch.median.ms";
  public static final String FRESHNESS_P50 = "bench.freshness.p50";
  public static final String FRESHNESS_P99 = "bench.freshness.p99";
  public static final String EVENTS = "bench.events";
  public static final String SNAPSHOT_CHANGES = "bench.snapshots";
  /** The feeds: records through school-service, or snapshots straight on the topic. */
  static final List<String> FEEDS = List.of("registrations", "learning", "snapshots");
  /** The {@code snapshots} feed's county unless --county says otherwise: never the registration benchmark's, whose
   *  schools' figures it would outrank with its versions. */
  static final String SNAPSHOT_COUNTY = "990197";
  /** Milliseconds of CPU per batch, the platform's processes and PostgreSQL's together ({@link #cpuPerBatch}). */
  public static final String CPU_MS = "bench.cpu.ms";

  /** Runs the benchmark once, prints its figures and returns them by key. */
  public static Map<String, Double> run(Options o, PrintStream out) throws Exception {
    if (!o.snapshots()) {
      return run(o, null, out);
    }
    // above every version an earlier run (or school-service) gave these schools' figures
    long base = Instant.now().toEpochMilli() * 1000;
    List<String> schools = schoolIds(o);
    Semester semester = Semester.containing(Instant.now().atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT);
    try (SnapshotFeed feed = new SnapshotFeed(o.kafka(), schools, semester.id(), base, o.rate())) {
      return run(o, feed, out);
    }
  }

  private static List<String> schoolIds(Options o) {
    List<String> schools = new ArrayList<>();
    for (int s = 1; s <= o.schools(); s++) {
      schools.add(o.county() + String.format("%04d", s));
    }
    return schools;
  }

  private static Map<String, Double> run(Options o, SnapshotFeed feed, PrintStream out) throws Exception {
    GongyuClient client = new GongyuClient(o.gateway(), o.keycloak(), false);
    Instant now = Instant.now();
    Semester semester = Semester.containing(now.atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT);
    String run = Long.toString(System.currentTimeMillis(), 36);
    String county = o.county();
    int classesPerSchool = classesPerSchool(o.warmup() + o.batches(), o.batchSize(), o.schools());
    String indicator = o.learning() ? IndicatorCodes.PARENT_LEARNING_PER_CAPITA : IndicatorCodes.PLATFORM_REGISTRATION;
    String periodId = o.learning() ? semester.schoolYear() : semester.id();
    out.printf("bench: %d schools, %d batches x %d %s, concurrency %d, %s %s, run %s%s%s%n", o.schools(), o.batches(), o.batchSize(),
        o.learning() ? "learning activities" : o.records(), o.concurrency(), indicator, periodId, run,
        o.warmup() > 0 ? String.format(", after %,d batches of warm-up", o.warmup()) : "",
        feed == null ? "" : o.rate() > 0 ? String.format(", published on the snapshot topic at %,.0f/s", o.rate())
            : ", published on the snapshot topic unpaced");
    client.putCounty(county, "压测县");
    List<String> schools = schoolIds(o);
    for (int s = 1; s <= schools.size(); s++) {
      client.putSchool(county, schools.get(s - 1), "压测学校" + s, "PRIMARY", null);
    }
    if (feed == null) {
      for (String school : schools) {
        for (int c = 1; c <= classesPerSchool; c++) {
          client.putClass(school, "B" + run + "-" + c, semester.schoolYear(), 1, "压测班" + c, 5000);
        }
      }
    }
    long baseline;
    if (feed == null) {
      baseline = waitForCity(client, indicator, periodId, -1, 30_000);
    } else {
      // every school's figure to the same start, and the city awaited at exactly what that makes it:
      // from here each snapshot adds one to the city's numerator
      long city = Math.max(0, client.cityNumerator(indicator, periodId));
      long before = countyNumerator(client, indicator, periodId, county);
      feed.prime();
      baseline = awaitCity(client, indicator, periodId, city - before + schools.size() * SnapshotFeed.PRIMED, 120_000);
      out.printf("bench: primed %,d schools' %s at %,d each; the city shows %,d%n", schools.size(), indicator, SnapshotFeed.PRIMED,
          baseline);
    }
    Instant registeredAt = Instant.now().minusSeconds(60);
    if (registeredAt.isBefore(semester.start(SchoolCalendar.DEFAULT).atStartOfDay(DemoCity.ZONE).toInstant())) {
      registeredAt = semester.start(SchoolCalendar.DEFAULT).atStartOfDay(DemoCity.ZONE).toInstant();
    }

    String at = registeredAt.toString();
    if (o.warmup() > 0) {
      // The services' JIT compiles the write path over the first few thousand batches (a fresh
      // platform's batches took 2-4 times as long): the warm-up's batches go first, through the same
      // schools and classes, encoded as they go out, and are awaited at the city before anything is timed.
      List<TimedBatches.Batch> warm = feed != null ? feed.batches(0, o.warmup(), o.batchSize())
          : batches(o, client, schools, run, semester, at, classesPerSchool, 0, o.warmup(), false);
      TimedBatches.Result w = TimedBatches.send(client, indicator, periodId, baseline, warm, o.concurrency(), o.poll(), Duration.ofSeconds(600),
          "warm-up");
      baseline = w.lastSeen();
      out.printf("bench: warmed up with %,d batches in %.1f s (batch median %.1f ms), not counted below%n", o.warmup(),
          w.endToEndSeconds(), pct(w.batchMillis(), 50));
    }
    if (feed == null && !o.learning()) {
      // what a batch lands in: the same total spread over 20 or 500 schools makes a school's share of
      // the key indexes, which a batch of that school touches at random, 25 times larger or smaller
      out.println(behind(county, countyNumerator(client, indicator, periodId, county), schools.size()));
    }

    // Tokens live 5 minutes: setting up thousands of schools outlasts the first ones, and a login
    // (a password hash in Keycloak) inside the timed part would be measured as the platform's cost.
    for (String school : feed == null ? schools : List.<String>of()) {
      client.warmToken("/api/school/schools/" + school + "/platform-registrations");
    }
    // Every batch's JSON is encoded before the timed part: the benchmark shares the machine's cores
    // with the platform, and encoding 5,000 records per batch on the sending threads took a large
    // share of them while the platform was measured (issue 16). The bodies are held in memory
    // (about 170 bytes a record); a run too large for that encodes each batch as it goes out.
    long estimated = 170L * o.batches() * o.batchSize();
    boolean ahead = estimated <= Runtime.getRuntime().maxMemory() / 3;
    if (!ahead && feed == null) {
      out.printf("bench: %,d MB of bodies do not fit in memory: each batch is encoded as it goes out%n", estimated >> 20);
    }
    List<TimedBatches.Batch> batches = feed != null ? feed.batches((long) o.warmup() * o.batchSize(), o.batches(), o.batchSize())
        : batches(o, client, schools, run, semester, at, classesPerSchool, o.warmup(), o.batches(), ahead);
    if (o.statistics() != null) {
      o.statistics().refreshIfNoAutovacuum(out);
    }
    Map<String, Long> offsetsBefore = o.kafka() == null ? Map.of() : PlatformEvents.endOffsets(o.kafka());
    PostgresActivity pgBefore = o.statistics() == null ? null : PostgresActivity.read(o.statistics());
    String endpoint = o.learning() ? "platform-learning" : "platform-registrations";
    ServerTimes serversBefore = o.schoolService() == null || feed != null ? null : ServerTimes.read(o.gateway(), o.schoolService(), endpoint);
    Footprint cpuBefore = o.footprint() == null ? null : Footprint.cpu(o.footprint());
    TimedBatches.Result timed = TimedBatches.send(client, indicator, periodId, baseline, batches, o.concurrency(), o.poll(), Duration.ofSeconds(600),
        "bench");
    Footprint cpuAfter = cpuBefore == null ? null : Footprint.cpu(o.footprint());
    PostgresActivity pgAfter = o.statistics() == null ? null : PostgresActivity.read(o.statistics());
    ServerTimes serversAfter = serversBefore == null ? null : ServerTimes.read(o.gateway(), o.schoolService(), endpoint);
    Map<String, Long> offsetsAfter = o.kafka() == null ? Map.of() : PlatformEvents.endOffsets(o.kafka());
    double[] freshness = timed.freshness();
    long lastSeen = timed.lastSeen();
    long expectedTotal = baseline + (long) o.batches() * o.batchSize();
    long total = (long) o.batches() * o.batchSize();
    double ingestSeconds = timed.ingestSeconds();
    double endToEndSeconds = timed.endToEndSeconds();
    out.println();
    String records = o.records();
    out.printf("%-27s %d in %d batches%n", records + " accepted:", total, o.batches());
    out.printf("ingest throughput:          %.0f " + records + "/s (%.1f batches/s) over %.1f s%n",
        total / ingestSeconds, o.batches() / ingestSeconds, ingestSeconds);
    out.printf("sustained end to end:       %.0f " + records + "/s (all visible at the city after %.1f s)%n",
        total / endToEndSeconds, endToEndSeconds);
    out.printf("freshness " + (feed == null ? "school" : "topic") + " -> city (reporting-service), s: p50 %.3f  p90 %.3f  p99 %.3f  max %.3f  (n=%d; the city read %,d times, every ~%d ms, %,d of them answered 304)%n",
        pct(freshness, 50), pct(freshness, 90), pct(freshness, 99), freshness[freshness.length - 1], freshness.length, timed.reads(),
        o.pollMillis(), timed.unchanged());
    double[] batchMs = timed.batchMillis();
    out.printf("batch of %d %s, ms: p50 %.0f  p90 %.0f  p99 %.0f  max %.0f%n", o.batchSize(),
        feed == null ? "through the gateway" : "on the broker (acks=all, pacing included)",
        pct(batchMs, 50), pct(batchMs, 90), pct(batchMs, 99), batchMs[batchMs.length - 1]);
    out.printf("city numerator: %d -> %d (expected %d)%n", baseline, lastSeen, expectedTotal);
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put(INGEST, total / ingestSeconds);
    figures.put(END_TO_END, total / endToEndSeconds);
    figures.put(BATCH_MEDIAN_MS, pct(batchMs, 50));
    figures.put(FRESHNESS_P50, pct(freshness, 50));
    figures.put(FRESHNESS_P99, pct(freshness, 99));
    if (o.kafka() != null) {
      long events = PlatformEvents.produced(offsetsBefore, offsetsAfter, null);
      long snapshots = PlatformEvents.produced(offsetsBefore, offsetsAfter, Topics.SCHOOL_INDICATOR_SNAPSHOTS);
      figures.put(EVENTS, events / endToEndSeconds);
      figures.put(SNAPSHOT_CHANGES, snapshots / endToEndSeconds);
      out.printf("events the platform produced: %,d (%,d snapshot changes) = %.0f events/s, %.1f snapshot changes/s end to end%n",
          events, snapshots, events / endToEndSeconds, snapshots / endToEndSeconds);
    }
    if (serversAfter != null) {
      figures.put(ServerTimes.GATEWAY_MS, ServerTimes.gatewayMillis(serversBefore, serversAfter));
      figures.put(ServerTimes.SCHOOL_MS, ServerTimes.schoolMillis(serversBefore, serversAfter));
      out.println(ServerTimes.describe(serversBefore, serversAfter, o.batches()));
    }
    if (cpuBefore != null) {
      Map<String, Double> cpu = cpuPerBatch(cpuBefore, cpuAfter, o.batches());
      figures.put(CPU_MS, cpu.values().stream().mapToDouble(Double::doubleValue).sum());
      out.println(describeCpu(cpu, o.batchSize(), records));
    }
    if (pgBefore != null) {
      figures.put(PostgresActivity.HIT, PostgresActivity.hitPercent(pgBefore, pgAfter));
      figures.put(PostgresActivity.WAL_KB, PostgresActivity.walKbPerBatch(pgBefore, pgAfter, o.batches()));
      out.println(PostgresActivity.describe(pgBefore, pgAfter, o.batches()));
    }
    return figures;
  }

  /**
   * Milliseconds of CPU per batch between two readings, per platform process (the run dir's pid
   * files; Keycloak left out: it only signs the tokens fetched before the timed part) and for every
   * PostgreSQL process on the machine, largest first.
   */
  static Map<String, Double> cpuPerBatch(Footprint before, Footprint after, int batches) {
    Map<String, Double> perBatch = new LinkedHashMap<>();
    Footprint.cpuBetween(before, after).entrySet().stream()
        .filter(e -> !e.getKey().equals("keycloak"))
        .forEach(e -> perBatch.put(e.getKey(), e.getValue() * 1000 / batches));
    perBatch.put("postgres", (after.postgresCpuSeconds() - before.postgresCpuSeconds()) * 1000 / batches);
    Map<String, Double> sorted = new LinkedHashMap<>();
    perBatch.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  /** One line: the CPU a batch cost, in all and per process, and per record. */
  static String describeCpu(Map<String, Double> perBatch, int batchSize, String records) {
    double total = perBatch.values().stream().mapToDouble(Double::doubleValue).sum();
    StringBuilder line = new StringBuilder(String.format("CPU per batch of %d %s: %.1f ms in all (%.2f ms per record):", batchSize,
        records, total, total / batchSize));
    String sep = " ";
    for (Map.Entry<String, Double> e : perBatch.entrySet()) {
      line.append(sep).append(String.format("%s %.1f", e.getKey(), e.getValue()));
      sep = ", ";
    }
    return line.toString();
  }

  /** What the timed batches land in: the county's registered students before them, in all and per school. */
  static String behind(String county, long registered, int schools) {
    return String.format(Locale.ROOT, "bench: county %s counts %,d registered students before the timed part, %,d a school", county,
        registered, registered / Math.max(1, schools));
  }

  private static long countyNumerator(GongyuClient client, String indicator, String periodId, String county) {
    GongyuClient.Reply r = client.countyReport(indicator, periodId, county);
    return r.ok() ? Math.max(0, r.body().path("county").path("numerator").asLong(0)) : 0;
  }

  /** Waits until the city figure is exactly {@code target}; fails if it is not within {@code millis}. */
  private static long awaitCity(GongyuClient client, String indicator, String periodId, long target, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    long n;
    do {
      n = client.cityNumerator(indicator, periodId);
      if (n == target) {
        return n;
      }
      GongyuClient.sleep(200);
    } while (System.currentTimeMillis() < deadline);
    throw new IllegalStateException("the city's " + indicator + " of " + periodId + " is " + n + " after priming, not " + target
        + ": is anything else changing it (another benchmark, the demo)?");
  }

  /**
   * Classes per school for {@code batches} batches of {@code batchSize} over {@code schools} schools:
   * enough that none holds more than 4,000 of them (a class enrols 5,000, and the school refuses a
   * batch that registers more students than the class enrols).
   */
  static int classesPerSchool(int batches, int batchSize, int schools) {
    return Math.max(1, (int) Math.ceil((double) batches * batchSize / schools / 4000.0));
  }

  /**
   * Batches {@code first} to {@code first + count - 1} of a run: round robin over the schools, each
   * school's batches over its classes in turn, ids unique in the run by batch number. Encoded now if
   * {@code ahead}, else as each goes out.
   */
  private static List<TimedBatches.Batch> batches(Options o, GongyuClient client, List<String> schools, String run, Semester semester, String at,
      int classesPerSchool, int first, int count, boolean ahead) {
    List<TimedBatches.Batch> batches = new ArrayList<>(count);
    for (int b = first; b < first + count; b++) {
      int batch = b;
      String school = schools.get(batch % schools.size());
      String cls = "B" + run + "-" + classOf(batch, schools.size(), classesPerSchool);
      String path = "/api/school/schools/" + school + (o.learning() ? "/platform-learning" : "/platform-registrations");
      Supplier<Object> body = () -> {
        if (o.learning()) {
          List<Map<String, Object>> activities = new ArrayList<>(o.batchSize());
          for (int i = 0; i < o.batchSize(); i++) {
            activities.add(Map.of("externalId", "bench-" + run + "-" + batch + "-" + i, "guardianRef", "BENCH-" + run + "-G" + (i % 200),
                "resourceId", "R" + (i % 50), "occurredAt", at, "minutes", 10 + i % 30));
          }
          return Map.of("activities", activities);
        }
        List<Registration> records = new ArrayList<>(o.batchSize());
        for (int i = 0; i < o.batchSize(); i++) {
          String student = "BENCH-" + run + "-" + batch + "-" + i;
          records.add(new Registration("bench-" + run + "-" + batch + "-" + i, cls, student, student + "-P", at));
        }
        return Map.of("period", semester.id(), "registrations", records);
      };
      if (ahead) {
        byte[] json = GongyuClient.json(body.get());
        batches.add(new TimedBatches.Batch(o.batchSize(), 0, () -> client.postEncoded(path, json)));
      } else {
        batches.add(new TimedBatches.Batch(o.batchSize(), 0, () -> client.postEncoded(path, GongyuClient.json(body.get()))));
      }
    }
    return batches;
  }

  /** The class (1-based) of a run's batch: a school's batches go through its classes in turn. */
  static int classOf(int batch, int schools, int classesPerSchool) {
    return 1 + (batch / schools) % classesPerSchool;
  }

  private static long waitForCity(GongyuClient client, String indicator, String periodId, long atLeast, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    long n;
    do {
      n = client.cityNumerator(indicator, periodId);
      if (n > atLeast) {
        return n;
      }
      GongyuClient.sleep(200);
    } while (System.currentTimeMillis() < deadline);
    return Math.max(0, n);
  }

  static double pct(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
  }

  static int intArg(String[] args, String name, int fallback) {
    int i = Arrays.asList(args).indexOf(name);
    return i >= 0 && i + 1 < args.length ? Integer.parseInt(args[i + 1]) : fallback;
  }
}
