package org.gongyu.chassis.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Span;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends committed outbox rows to Kafka in id order and marks them sent in the same transaction
 * that locked them. If a send fails nothing is marked and the rows go again on the next pass, so
 * delivery is at least once; consumers are idempotent. {@code FOR UPDATE SKIP LOCKED} lets several
 * instances of a service relay without sending a row twice while both are healthy.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final KafkaTemplate<String, String> kafka;
  private final MessagingProperties props;
  private final Clock clock;
  private final Counter published;
  private final Counter failures;
  private final AtomicBoolean nudged = new AtomicBoolean();
  private final TraceContexts traces;
  private volatile ScheduledExecutorService scheduler;
  private volatile ExecutorService worker;

  public OutboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      KafkaTemplate<String, String> kafka,
      MessagingProperties props,
      Clock clock,
      MeterRegistry meters) {
    this(jdbc, tx, kafka, props, clock, meters, TraceContexts.none());
  }

  /** {@code traces}: each row's stored trace goes on in the record's {@code traceparent} header (ADR 0030). */
  public OutboxRelay(
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      KafkaTemplate<String, String> kafka,
      MessagingProperties props,
      Clock clock,
      MeterRegistry meters,
      TraceContexts traces) {
    this.traces = traces;
    this.jdbc = jdbc;
    this.tx = tx;
    this.kafka = kafka;
    this.props = props;
    this.clock = clock;
    MeterRegistry registry = meters != null ? meters : Metrics.globalRegistry;
    this.published = Counter.builder("gongyu.outbox.published").description("events relayed to Kafka").register(registry);
    this.failures = Counter.builder("gongyu.outbox.failures").description("relay passes that failed").register(registry);
    registry.gauge("gongyu.outbox.pending", this, OutboxRelay::pendingSafely);
    Gauge.builder("gongyu.outbox.oldest.age", this, OutboxRelay::oldestAgeSafely)
        .description("age of the oldest unsent outbox row (0 when none is waiting)")
        .baseUnit("seconds")
        .register(registry);
  }

  /** Asks for a relay pass soon; called after a transaction with outbox rows commits. */
  public void nudge() {
    ExecutorService w = worker;
    if (w != null && nudged.compareAndSet(false, true)) {
      w.execute(
          () -> {
            nudged.set(false);
            drainAll();
          });
    }
  }

  /** Relays until no unsent rows are left; returns how many were sent. */
  public synchronized int drainAll() {
    int total = 0;
    try {
      int sent;
      do {
        sent = relayOneBatch();
        total += sent;
      } while (sent == props.batchSize());
    } catch (RuntimeException e) {
      failures.increment();
      log.warn("outbox relay pass failed, will retry: {}", e.toString());
    }
    return total;
  }

  private int relayOneBatch() {
    Integer sent =
        tx.execute(
            status -> {
              List<Row> rows =
                  jdbc.query(
                      "select id, topic, record_key, payload, traceparent from outbox_event where published_at is null"
                          + " order by id limit ? for update skip locked",
                      (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                      props.batchSize());
              if (rows.isEmpty()) {
                return 0;
              }
              List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
              for (Row row : rows) {
                acks.add(send(row));
              }
              kafka.flush();
              try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge the outbox batch", e);
              }
              Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
              jdbc.update(
                  con -> {
                    var ps = con.prepareStatement("update outbox_event set published_at = ? where id = any(?)");
                    ps.setTimestamp(1, Timestamp.from(clock.instant()));
                    ps.setArray(2, con.createArrayOf("bigint", ids));
                    return ps;
                  });
              return rows.size();
            });
    int n = sent == null ? 0 : sent;
    published.increment(n);
    return n;
  }

  private CompletableFuture<?> send(Row row) {
    ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
    Span span = traces.startProducer(row.traceparent(), row.topic(), record.headers());
    CompletableFuture<?> ack;
    try {
      ack = kafka.send(record);
    } catch (RuntimeException e) {
      if (span != null) {
        span.error(e);
        span.end();
      }
      throw e;
    }
    return span == null ? ack : ack.whenComplete((result, e) -> {
      if (e != null) {
        span.error(e);
      }
      span.end();
    });
  }

  /** Deletes sent rows and consumed-event ids older than the retention. */
  public void purgeExpired() {
    Timestamp cutoff = Timestamp.from(clock.instant().minus(props.retention()));
    jdbc.update("delete from outbox_event where published_at < ?", cutoff);
    jdbc.update("delete from inbox_event where received_at < ?", cutoff);
  }

  long pending() {
    Long n = jdbc.queryForObject("select count(*) from outbox_event where published_at is null", Long.class);
    return n == null ? 0 : n;
  }

  /**
   * Seconds since the oldest unsent row was written, 0 when none waits: one read of the partial
   * index on unsent rows per scrape. A backlog that grows is normal under a burst; one whose oldest
   * row keeps ageing is a relay that cannot send.
   */
  double oldestAgeSeconds() {
    List<Timestamp> oldest = jdbc.queryForList(
        "select created_at from outbox_event where published_at is null order by id limit 1", Timestamp.class);
    if (oldest.isEmpty()) {
      return 0;
    }
    long millis = clock.millis() - oldest.getFirst().getTime();
    return Math.max(0, millis) / 1000.0;
  }

  private double oldestAgeSafely() {
    try {
      return oldestAgeSeconds();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private double pendingSafely() {
    try {
      return pending();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  @Override
  public void start() {
    worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("outbox-relay").daemon().factory());
    scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-poll").daemon().factory());
    long every = props.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::nudge, 0, every, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::purgeSafely, 1, 60, TimeUnit.MINUTES);
  }

  private void purgeSafely() {
    try {
      purgeExpired();
    } catch (RuntimeException e) {
      log.warn("outbox purge failed: {}", e.toString());
    }
  }

  @Override
  public void stop() {
    ScheduledExecutorService s = scheduler;
    ExecutorService w = worker;
    scheduler = null;
    worker = null;
    if (s != null) {
      s.shutdownNow();
    }
    if (w != null) {
      w.shutdown();
      try {
        w.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return worker != null;
  }

  /** Stop before Kafka's producer factory and the data source go away. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 2000;
  }

  private record Row(long id, String topic, String key, String payload, String traceparent) {}
}
