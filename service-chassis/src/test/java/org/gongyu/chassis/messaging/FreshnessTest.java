package org.gongyu.chassis.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gongyu.contracts.EventEnvelope;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Freshness is recorded for what a committed transaction applied, never for a rolled-back one: a
 * listener calls {@link Freshness#applied} inside the transaction {@link BatchDelivery} opens.
 */
class FreshnessTest {

  static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

  final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  final NoDatabase database = new NoDatabase();
  final Freshness freshness = new Freshness(meters, Clock.fixed(NOW, ZoneOffset.UTC));
  final BatchDelivery delivery = new BatchDelivery(new TransactionTemplate(database));

  @Test
  void recordsEachAppliedEnvelopesAgeOnceItsTransactionCommits() {
    delivery.apply(List.of("3", "1"), this::envelopeSecondsAgo, this::listener);

    Timer timer = meters.find("gongyu.freshness").tag("consumer", "test-consumer").timer();
    assertThat(timer).isNotNull();
    assertThat(timer.count()).isEqualTo(2);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(4000);
    assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(3000);
  }

  @Test
  void aBatchThatRollsBackCountsOnlyTheRecordsAppliedAfterwardsOneByOne() {
    assertThatThrownBy(() -> delivery.apply(List.of("2", "5"), this::envelopeSecondsAgo, batch -> {
      listener(batch);
      if (batch.stream().anyMatch(e -> e.payload().equals("5"))) {
        throw new IllegalStateException("the database refuses record 5");
      }
    })).isInstanceOf(BatchListenerFailedException.class);

    Timer timer = meters.find("gongyu.freshness").tag("consumer", "test-consumer").timer();
    assertThat(timer.count()).as("record 2, applied alone; not the rolled-back batch, not record 5").isEqualTo(1);
    assertThat(timer.max(TimeUnit.MILLISECONDS)).isEqualTo(2000);
  }

  @Test
  void nothingIsRecordedWhenTheCommitItselfFails() {
    database.commitFails = true;
    assertThatThrownBy(() -> delivery.apply(List.of("2", "5"), this::envelopeSecondsAgo, this::listener))
        .isInstanceOf(BatchListenerFailedException.class);

    Timer timer = meters.find("gongyu.freshness").tag("consumer", "test-consumer").timer();
    assertThat(timer == null ? 0 : timer.count()).isZero();
  }

  @Test
  void anEventStampedAheadOfThisClockCountsAsNoLag() {
    delivery.apply(List.of("-2"), this::envelopeSecondsAgo, this::listener);

    assertThat(meters.find("gongyu.freshness").timer().max(TimeUnit.MILLISECONDS)).isZero();
  }

  /** What a batch listener does first in its transaction. */
  private void listener(List<EventEnvelope<String>> batch) {
    freshness.applied("test-consumer", batch);
  }

  private EventEnvelope<String> envelopeSecondsAgo(String seconds) {
    return EventEnvelope.wrap("test", NOW.minus(Duration.ofSeconds(Long.parseLong(seconds))), seconds);
  }

  /** Transactions without a resource: begin, commit and roll back do nothing but run the synchronizations. */
  static final class NoDatabase extends AbstractPlatformTransactionManager {
    volatile boolean commitFails;

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) { }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      if (commitFails) {
        throw new org.springframework.transaction.TransactionSystemException("the commit failed");
      }
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) { }
  }
}
