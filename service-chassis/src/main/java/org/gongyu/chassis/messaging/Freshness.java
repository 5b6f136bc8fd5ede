package org.gongyu.chassis.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongyu.contracts.EventEnvelope;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How long after an event occurred at its producer (the envelope's {@code occurredAt}) a consumer
 * had applied it: {@code gongyu.freshness}, one timer per consumer (the listener's id), with a
 * histogram for p50/p99 and a bucket at the alert's 2 s. Time from the outbox to the broker, the
 * broker to the poll and the poll to the commit all count: what a person one tier up waits for. A
 * redelivered event counts again, with its original time: after a crash that is what it cost.
 *
 * <p>A listener calls {@link #applied} in the transaction that applies a batch (the one {@link
 * BatchDelivery} opens); the records count once that transaction commits, and not at all if it
 * rolls back.
 */
public final class Freshness {

  static final String METER = "gongyu.freshness";

  private final MeterRegistry meters;
  private final Clock clock;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public Freshness(MeterRegistry meters, Clock clock) {
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Records the envelopes among {@code applied} once the caller's transaction commits (now, if it
   * has none).
   *
   * @param consumer the listener's id: a fixed name, never a unit's or a person's id
   */
  public void applied(String consumer, List<? extends EventEnvelope<?>> applied) {
    List<Instant> occurred = applied.stream().map(EventEnvelope::occurredAt).toList();
    if (occurred.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      record(consumer, occurred);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        record(consumer, occurred);
      }
    });
  }

  private void record(String consumer, List<Instant> occurred) {
    Timer timer = timers.computeIfAbsent(consumer, c -> Timer.builder(METER)
        .description("time from an event's occurrence at its producer to its application by this consumer")
        .tag("consumer", c)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(5))
        .maximumExpectedValue(Duration.ofMinutes(15))
        .serviceLevelObjectives(Duration.ofSeconds(2))
        .register(meters));
    Instant now = clock.instant();
    for (Instant at : occurred) {
      Duration lag = Duration.between(at, now);
      // another host's clock may be a little ahead: that is no lag, not a negative one
      timer.record(lag.isNegative() ? Duration.ZERO : lag);
    }
  }
}
