package org.gongyu.tools;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The {@code snapshots} feed of {@link Bench}: the tiers above the school measured on their own.
 * Instead of sending records through school-service, the benchmark publishes schools' figures on
 * {@link Topics#SCHOOL_INDICATOR_SNAPSHOTS} as school-service's outbox relay does (key = the school,
 * the envelope encoded with {@link EventCodec}), at a paced rate, and watches the city figure in
 * reporting-service take them in: what district-, city- and reporting-service and Kafka sustain in
 * snapshot changes/s, and how fresh the city stays meanwhile (issue 16, item 2), whatever the school
 * tier's write path costs.
 *
 * <p>Each snapshot of a run raises its school's numerator by one: a school's k-th snapshot of the
 * run carries numerator {@link #PRIMED} + k and version {@code base + k}, where {@code base} is the
 * run's start in microseconds, above every version an earlier run or school-service gave these
 * schools. Before the timed part every school is primed (k = 0) and the city awaited at the value
 * that implies, so the city figure then rises by exactly one per snapshot.
 */
final class SnapshotFeed implements AutoCloseable {

  /** Every school's numerator once primed; the denominator stays {@link #DENOMINATOR}. */
  static final long PRIMED = 1_000;
  static final long DENOMINATOR = 1_000_000;

  private final KafkaProducer<String, String> producer;
  private final List<String> schools;
  private final String periodId;
  private final long base;
  private final double rate;

  /**
   * @param rate snapshots per second the batches are released at (0: as fast as they are acknowledged)
   */
  SnapshotFeed(String bootstrap, List<String> schools, String periodId, long base, double rate) {
    if (rate < 0) {
      throw new IllegalArgumentException("--rate must be 0 (unpaced) or more snapshots/s, not " + rate);
    }
    this.producer = new KafkaProducer<>(RawLimits.servicesProducer(bootstrap, "gongyu-bench-snapshots"));
    this.schools = List.copyOf(schools);
    this.periodId = periodId;
    this.base = base;
    this.rate = rate;
  }

  /** The snapshot of the run's {@code index}-th change (0-based, round robin over the schools; k = index / schools + 1). */
  static IndicatorSnapshotPublished snapshot(List<String> schools, String periodId, long base, long index, Instant at) {
    return figure(schools.get((int) (index % schools.size())), periodId, base, index / schools.size() + 1, at);
  }

  /** A school's k-th figure of the run (k = 0: the primed one). */
  private static IndicatorSnapshotPublished figure(String school, String periodId, long base, long k, Instant at) {
    return new IndicatorSnapshotPublished(school, IndicatorCodes.PLATFORM_REGISTRATION, periodId, PRIMED + k, DENOMINATOR, base + k, at);
  }

  /** When (nanoseconds after the first batch went out) the batch starting {@code offset} changes later is due at {@code rate} per second. */
  static long dueNanos(long offset, double rate) {
    return rate == 0 ? 0 : (long) (offset / rate * 1e9);
  }

  /** Publishes every school's numerator {@link #PRIMED} (version {@code base}) and waits for the broker's acknowledgements. */
  void prime() throws Exception {
    Instant now = Instant.now();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (String school : schools) {
      sent.add(send(figure(school, periodId, base, 0, now)));
    }
    for (Future<RecordMetadata> f : sent) {
      f.get();
    }
  }

  /**
   * {@code count} batches of {@code size} snapshots each, the run's changes from {@code firstChange}
   * on, released at the feed's rate from the moment the first of them is sent.
   */
  List<TimedBatches.Batch> batches(long firstChange, int count, int size) {
    AtomicLong startNanos = new AtomicLong();
    List<TimedBatches.Batch> batches = new ArrayList<>(count);
    for (int b = 0; b < count; b++) {
      long offset = (long) b * size;
      batches.add(new TimedBatches.Batch(size, 0, () -> publish(startNanos, offset, firstChange + offset, size)));
    }
    return batches;
  }

  private GongyuClient.Reply publish(AtomicLong startNanos, long offset, long first, int size) {
    startNanos.compareAndSet(0, System.nanoTime());
    long wait = startNanos.get() + dueNanos(offset, rate) - System.nanoTime();
    if (wait > 0) {
      GongyuClient.sleep(wait / 1_000_000);
    }
    Instant now = Instant.now();
    List<Future<RecordMetadata>> sent = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      sent.add(send(snapshot(schools, periodId, base, first + i, now)));
    }
    try {
      for (Future<RecordMetadata> f : sent) {
        f.get();
      }
      return new GongyuClient.Reply(202, JsonNodeFactory.instance.missingNode());
    } catch (Exception e) {
      return new GongyuClient.Reply(503, JsonNodeFactory.instance.stringNode("the broker refused a snapshot: " + e.getMessage()));
    }
  }

  private Future<RecordMetadata> send(IndicatorSnapshotPublished s) {
    return producer.send(new ProducerRecord<>(Topics.SCHOOL_INDICATOR_SNAPSHOTS, s.schoolId(),
        EventCodec.encode(EventEnvelope.wrap("school-service", s.asOf(), s))));
  }

  @Override
  public void close() {
    producer.close();
  }
}
