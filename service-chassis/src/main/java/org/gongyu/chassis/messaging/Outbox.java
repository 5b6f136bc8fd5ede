package org.gongyu.chassis.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Saves events in the caller's transaction; {@link OutboxRelay} sends them once it commits. There
 * is no other way to publish, so a business change and its event are never written separately.
 */
public class Outbox {

  private final JdbcTemplate jdbc;
  private final OutboxRelay relay;
  private final String producer;
  private final Clock clock;
  private final TraceContexts traces;

  public Outbox(JdbcTemplate jdbc, OutboxRelay relay, String producer, Clock clock) {
    this(jdbc, relay, producer, clock, TraceContexts.none());
  }

  /** {@code traces}: the row keeps the trace it was written in, which the relay passes on (ADR 0030). */
  public Outbox(JdbcTemplate jdbc, OutboxRelay relay, String producer, Clock clock, TraceContexts traces) {
    this.jdbc = jdbc;
    this.relay = relay;
    this.producer = producer;
    this.clock = clock;
    this.traces = traces;
  }

  /** Wraps the payload in a new envelope from this service and saves it for {@code topic}. */
  @Transactional(propagation = Propagation.MANDATORY)
  public <T> EventEnvelope<T> publish(String topic, String key, T payload) {
    EventEnvelope<T> envelope = EventEnvelope.wrap(producer, clock.instant(), payload);
    jdbc.update(
        "insert into outbox_event (event_id, topic, record_key, payload, created_at, traceparent) values (?, ?, ?, ?, ?, ?)",
        envelope.eventId(), topic, key, EventCodec.encode(envelope), Timestamp.from(envelope.occurredAt()), traces.current());
    nudgeRelayAfterCommit();
    return envelope;
  }

  private void nudgeRelayAfterCommit() {
    if (TransactionSynchronizationManager.hasResource(this)) {
      return;
    }
    TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
            if (status == STATUS_COMMITTED) {
              relay.nudge();
            }
          }
        });
  }
}
