package org.gongyu.tools;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.tools.Figures.Kind;
import org.gongyu.tools.Figures.Label;
import org.gongyu.tools.Figures.Ratio;

/**
 * Issue 16 item 7: the raw limits and the platform's figures measured in the same run, repeated,
 * and each platform figure printed as a share of the limit measured in the same repetition
 * ({@code deploy/local/bench.sh --limits --repeat 3}, {@code deploy/local/limits-bench.sh}).
 */
final class BenchReport {

  private BenchReport() {}

  /**
   * @param limits   what to measure the raw limits with, or null for none
   * @param platform the platform benchmark, or null for the raw limits alone
   */
  static List<Map<String, Double>> run(RawLimits.Options limits, Bench.Options platform, int repeat, PrintStream out) throws Exception {
    List<Map<String, Double>> repetitions = new ArrayList<>();
    for (int i = 1; i <= repeat; i++) {
      if (repeat > 1) {
        out.printf("%n=== repetition %d of %d ===%n", i, repeat);
      }
      Map<String, Double> figures = new LinkedHashMap<>();
      if (limits != null) {
        figures.putAll(RawLimits.run(limits, out));
      }
      if (platform != null) {
        figures.putAll(Bench.run(platform, out));
      }
      repetitions.add(figures);
    }
    int batch = platform != null ? platform.batchSize() : limits != null ? limits.batch() : 50;
    out.println();
    out.println(repeat > 1 ? "summary of " + repeat + " repetitions (median, min, max):" : "summary:");
    Figures.summarise(repetitions, labels(batch, platform != null ? platform.records() : "registrations"),
        ratios(batch, platform != null ? platform.records() : "registrations"), out);
    return repetitions;
  }

  static List<Label> labels(int batchSize) {
    return labels(batchSize, "registrations");
  }

  /** @param records what the platform's batches carry: registrations, learning activities, or snapshots on the topic */
  static List<Label> labels(int batchSize, String records) {
    String from = "snapshots".equals(records) ? "topic" : "school";
    return List.of(
        new Label(RawLimits.KAFKA_PRODUCE, "limit: kafka produce", "messages/s"),
        new Label(RawLimits.KAFKA_PRODUCE_MB, "limit: kafka produce (bytes)", "MB/s"),
        new Label(RawLimits.KAFKA_CONSUME, "limit: kafka consume", "messages/s"),
        new Label(RawLimits.KAFKA_CONSUME_MB, "limit: kafka consume (bytes)", "MB/s"),
        new Label(RawLimits.PG_UPSERT_50, "limit: postgres upsert, 50 rows/tx", "rows/s"),
        new Label(RawLimits.PG_UPSERT_500, "limit: postgres upsert, 500 rows/tx", "rows/s"),
        new Label(RawLimits.PG_UPSERT_1, "limit: postgres upsert, 1 row/tx", "transactions/s"),
        new Label(RawLimits.PG_INSERT_50, "limit: postgres registrations, 50 rows/tx", "rows/s"),
        new Label(RawLimits.PG_INSERT_50_MS, "limit: postgres registrations, one batch of 50", "ms"),
        new Label(RawLimits.PG_INSERT_BATCH, "limit: postgres registrations, " + batchSize + " rows/tx", "rows/s"),
        new Label(RawLimits.PG_INSERT_BATCH_MS, "limit: postgres registrations, one batch of " + batchSize, "ms"),
        new Label(Bench.END_TO_END, "platform: " + records + " end to end", records + "/s"),
        new Label(Bench.INGEST, "platform: " + records + " accepted", records + "/s"),
        new Label(Bench.BATCH_MEDIAN_MS, "platform: one batch of " + batchSize + " (median)", "ms"),
        new Label(Bench.EVENTS, "platform: events produced", "events/s"),
        new Label(Bench.SNAPSHOT_CHANGES, "platform: snapshot changes", "changes/s"),
        new Label(Bench.FRESHNESS_P50, "platform: freshness " + from + " -> city p50", "s"),
        new Label(Bench.FRESHNESS_P99, "platform: freshness " + from + " -> city p99", "s"),
        new Label(Bench.CPU_MS, "platform: CPU per batch, all processes", "ms"),
        new Label(ServerTimes.GATEWAY_MS, "platform: a batch at the gateway (mean)", "ms"),
        new Label(ServerTimes.SCHOOL_MS, "platform: a batch inside school-service (mean)", "ms"),
        new Label(PostgresActivity.HIT, "postgres: block reads from shared buffers", "%"),
        new Label(PostgresActivity.WAL_KB, "postgres: WAL per batch", "KB"));
  }

  /**
   * Registrations against the raw insert of registration rows in batches of 50 (issue 16's target:
   * end to end ≥ 50 %) and, when the run's batches are not of 50, in batches of the run's size (the
   * figures of that size are only measured then); a batch's latency against a raw batch of the same
   * size; the events the platform produced against what plain kafka-clients produce and consume;
   * snapshot changes against single-row transactions, which is what a consumer that handles one
   * record per transaction can reach at best.
   */
  static List<Ratio> ratios(int batchSize) {
    return ratios(batchSize, "registrations");
  }

  /**
   * As {@link #ratios(int)}; for the {@code snapshots} feed only the events and snapshot changes:
   * its batches insert no registrations and pass no gateway.
   */
  static List<Ratio> ratios(int batchSize, String records) {
    if ("snapshots".equals(records)) {
      return List.of(
          new Ratio(Bench.EVENTS, RawLimits.KAFKA_PRODUCE, Kind.SHARE),
          new Ratio(Bench.EVENTS, RawLimits.KAFKA_CONSUME, Kind.SHARE),
          new Ratio(Bench.SNAPSHOT_CHANGES, RawLimits.PG_UPSERT_1, Kind.SHARE));
    }
    return List.of(
        new Ratio(Bench.END_TO_END, RawLimits.PG_INSERT_50, Kind.SHARE),
        new Ratio(Bench.INGEST, RawLimits.PG_INSERT_50, Kind.SHARE),
        new Ratio(Bench.END_TO_END, RawLimits.PG_INSERT_BATCH, Kind.SHARE),
        new Ratio(Bench.BATCH_MEDIAN_MS, batchSize == 50 ? RawLimits.PG_INSERT_50_MS : RawLimits.PG_INSERT_BATCH_MS, Kind.MULTIPLE),
        new Ratio(Bench.EVENTS, RawLimits.KAFKA_PRODUCE, Kind.SHARE),
        new Ratio(Bench.EVENTS, RawLimits.KAFKA_CONSUME, Kind.SHARE),
        new Ratio(Bench.SNAPSHOT_CHANGES, RawLimits.PG_UPSERT_1, Kind.SHARE));
  }
}
