package org.gongyu.tools;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.gongyu.testing.KeycloakAccounts;

/**
 * Issue 16 item 6: how freshness, throughput and scorecard latency change as a county grows. For
 * each size, a county of its own with that many schools takes the registration benchmark ({@link
 * Bench}, two batches per school unless {@code --batches} asks for more); then its scorecard (the
 * county's figures with one row per school) is read through the gateway: the first read after the
 * writes (the document is rebuilt) and {@code n} reads in a row (the ready document), and the
 * city's scorecard likewise. Printed as one table, one row per size, so the cost curve is visible.
 */
final class Growth {

  static final String COUNTY_FIRST_MS = "growth.county-scorecard.first.ms";
  static final String COUNTY_P50 = "growth.county-scorecard.p50";
  static final String COUNTY_P95 = "growth.county-scorecard.p95";
  static final String CITY_P50 = "growth.city-scorecard.p50";
  static final String COUNTY_BYTES = "growth.county-scorecard.bytes";

  private Growth() {}

  /** Runs every size once, in order, and prints the table; answers each size's figures. */
  static Map<Integer, Map<String, Double>> run(Bench.Options template, List<Integer> sizes, int reads, PrintStream out)
      throws Exception {
    Map<Integer, Map<String, Double>> bySize = new LinkedHashMap<>();
    int n = 0;
    for (int size : sizes) {
      n++;
      // 9901xx: a county per size and run, so each holds exactly `size` schools
      String county = String.format("9901%02d", (int) ((System.currentTimeMillis() / 1000 + n) % 90) + 10);
      Bench.Options o = template.withSchools(county, size, Math.max(template.batches(), 2 * size));
      out.printf("%n=== growth: %,d schools in county %s ===%n", size, county);
      Map<String, Double> figures = new LinkedHashMap<>(Bench.run(o, out));
      figures.putAll(reads(o, reads, out));
      bySize.put(size, figures);
    }
    out.println();
    out.println("growth (one run per size):");
    out.printf("%8s %12s %12s %10s %10s %10s %12s %12s %12s %12s %12s%n", "schools",
        Map.of("registrations", "reg/s e2e", "activities", "act/s e2e", "snapshots", "sent/s e2e").get(template.records()), "snapshots/s",
        "fresh p50", "fresh p99", "batch p50", "county 1st", "county p50", "county p95", "county KB", "city p50");
    bySize.forEach((size, f) -> out.printf("%,8d %12.0f %12.1f %9.2fs %9.2fs %8.0fms %10.1fms %10.2fms %10.2fms %12.1f %10.2fms%n",
        size, f.getOrDefault(Bench.END_TO_END, Double.NaN), f.getOrDefault(Bench.SNAPSHOT_CHANGES, Double.NaN),
        f.get(Bench.FRESHNESS_P50), f.get(Bench.FRESHNESS_P99), f.get(Bench.BATCH_MEDIAN_MS), f.get(COUNTY_FIRST_MS),
        f.get(COUNTY_P50), f.get(COUNTY_P95), f.get(COUNTY_BYTES) / 1024, f.get(CITY_P50)));
    return bySize;
  }

  private static Map<String, Double> reads(Bench.Options o, int n, PrintStream out) throws Exception {
    String token = new KeycloakAccounts(o.keycloak()).token("city-staff");
    ReadBench.Reader reader = ReadBench.jdk(token);
    Semester semester = Semester.containing(Instant.now().atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT);
    String county = o.gateway() + "/api/reports/periods/" + semester.id() + "/counties/" + o.county() + "/scorecard";
    String city = o.gateway() + "/api/reports/periods/" + semester.id() + "/scorecard";
    long t0 = System.nanoTime();
    ReadBench.Answer first = reader.get(county, null);
    double firstMs = (System.nanoTime() - t0) / 1e6;
    if (first.status() != 200) {
      throw new IllegalStateException("GET " + county + " answered " + first.status());
    }
    ReadBench.Run c = ReadBench.sequential(reader, county, n);
    ReadBench.Run ci = ReadBench.sequential(reader, city, n);
    out.printf("county scorecard (%,d bytes gzip): first read after the writes %.1f ms, then %d in a row p50 %.2f ms p95 %.2f ms;"
        + " city scorecard p50 %.2f ms%n", first.bytes(), firstMs, n, c.p50(), c.p95(), ci.p50());
    Map<String, Double> f = new LinkedHashMap<>();
    f.put(COUNTY_FIRST_MS, firstMs);
    f.put(COUNTY_P50, c.p50());
    f.put(COUNTY_P95, c.p95());
    f.put(COUNTY_BYTES, (double) first.bytes());
    f.put(CITY_P50, ci.p50());
    return f;
  }

  static List<Integer> sizes(String arg) {
    List<Integer> sizes = new ArrayList<>();
    for (String s : arg.split(",")) {
      sizes.add(Integer.parseInt(s.trim()));
    }
    return sizes;
  }
}
