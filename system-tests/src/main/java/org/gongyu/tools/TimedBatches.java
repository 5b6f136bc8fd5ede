package org.gongyu.tools;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The timed part of the write benchmarks ({@link Bench}, {@link Province}): batches sent through the
 * gateway {@code concurrency} at a time while the city figure is polled (every {@link #POLL} unless
 * the caller says otherwise, with the figure's ETag: {@link GongyuClient#cityFigure}) until it
 * includes every batch. A batch's freshness runs from its acceptance to the first city figure that
 * includes it and every batch accepted before it, so it is overstated by up to one interval.
 *
 * <p>The watching is not free: polled every 25 ms (40 reads/s) with full answers, it cost the
 * gateway and reporting-service about 6 ms of CPU a read on a warm platform (about 9 ms while their
 * JIT was still compiling), an eighth of this 2-core machine taken from the platform being measured
 * (issue 16). A 304 costs about 5 ms; read every 100 ms, the watching costs about a fifth of that.
 */
final class TimedBatches {

  private TimedBatches() {}

  /** How often the city figure is read unless the caller says otherwise. */
  static final Duration POLL = Duration.ofMillis(100);

  /**
   * One batch: how many records it adds to the city figure, which group it counts for (a city of the
   * province; 0 when there are none) and how to send it (called on a sending thread).
   */
  record Batch(int size, int group, Supplier<GongyuClient.Reply> post) {}

  private record Accepted(long nanos, long target, int group) {}

  /**
   * What the run measured; times are {@link System#nanoTime()} readings.
   *
   * @param freshness seconds per batch, sorted
   * @param freshnessByGroup the same per group, sorted
   * @param batchMillis each batch's round trip through the gateway, sorted
   * @param lastSeen the last city figure read
   * @param reads how many times the city figure was read
   * @param unchanged how many of those reads were answered 304
   */
  record Result(long start, long lastAccepted, long allVisible, double[] freshness, Map<Integer, double[]> freshnessByGroup,
      double[] batchMillis, long lastSeen, long reads, long unchanged) {

    double ingestSeconds() {
      return (lastAccepted - start) / 1e9;
    }

    double endToEndSeconds() {
      return (allVisible - start) / 1e9;
    }
  }

  /**
   * Sends {@code batches} and watches the city figure of {@code indicator} in {@code periodId} rise
   * from {@code baseline} by their sizes, reading it every {@code poll}; fails if a batch is refused
   * or the figure stops short within {@code stuckAfter}.
   */
  static Result send(GongyuClient client, String indicator, String periodId, long baseline, List<Batch> batches, int concurrency,
      Duration poll, Duration stuckAfter, String what) throws Exception {
    List<Accepted> accepted = new ArrayList<>();
    List<Double> batchMillis = Collections.synchronizedList(new ArrayList<>());
    long[] cumulative = {baseline};
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int b = 0; b < batches.size(); b++) {
      Batch batch = batches.get(b);
      int index = b;
      futures.add(pool.submit(() -> {
        long sent = System.nanoTime();
        GongyuClient.require(batch.post().get(), what + " batch " + index);
        batchMillis.add((System.nanoTime() - sent) / 1e6);
        synchronized (accepted) {
          cumulative[0] += batch.size();
          accepted.add(new Accepted(System.nanoTime(), cumulative[0], batch.group()));
        }
        return null;
      }));
    }
    List<long[]> observations = new ArrayList<>();
    long expected = baseline + batches.stream().mapToLong(Batch::size).sum();
    long lastSeen = baseline;
    GongyuClient.CityFigure figure = client.cityFigure(indicator, periodId);
    try {
      while (lastSeen < expected) {
        long n = figure.read();
        long t = System.nanoTime();
        if (n > lastSeen) {
          observations.add(new long[] {t, n});
          lastSeen = n;
        }
        if (futures.stream().anyMatch(f -> f.isDone() && failed(f))) {
          break; // the failed batch's cause is thrown below
        }
        if (t - start > stuckAfter.toNanos()) {
          throw new IllegalStateException("city figure of " + what + " stuck at " + lastSeen + " of " + expected);
        }
        GongyuClient.sleep(poll.toMillis());
      }
      long allVisible = System.nanoTime();
      for (Future<?> f : futures) {
        f.get();
      }
      List<Double> all = new ArrayList<>();
      Map<Integer, List<Double>> byGroup = new TreeMap<>();
      int next = 0; // observations rise with time, and so do the targets in acceptance order
      for (Accepted a : accepted) {
        while (next < observations.size() && observations.get(next)[1] < a.target()) {
          next++;
        }
        long visible = next < observations.size() ? observations.get(next)[0] : allVisible;
        double s = Math.max(0, visible - a.nanos()) / 1e9;
        all.add(s);
        byGroup.computeIfAbsent(a.group(), g -> new ArrayList<>()).add(s);
      }
      Map<Integer, double[]> freshnessByGroup = new TreeMap<>();
      byGroup.forEach((g, l) -> freshnessByGroup.put(g, sorted(l)));
      long lastAccepted = accepted.stream().mapToLong(Accepted::nanos).max().orElse(start);
      return new Result(start, lastAccepted, allVisible, sorted(all), freshnessByGroup, sorted(batchMillis), lastSeen, figure.reads(),
          figure.unchanged());
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean failed(Future<?> f) {
    try {
      f.get();
      return false;
    } catch (Exception e) {
      return true;
    }
  }

  private static double[] sorted(List<Double> values) {
    synchronized (values) {
      return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
  }
}
