package org.gongyu.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Every event on every Gongyu topic travels in this envelope.
 *
 * @param eventId       unique id of this event; consumers record it to ignore redeliveries
 * @param type          payload type name, e.g. {@code IndicatorSnapshotPublished}
 * @param occurredAt    when the change happened at the producer, UTC
 * @param producer      the producing service, e.g. {@code school-service}
 * @param schemaVersion version of the payload schema; equals the topic's {@code v<N>}
 * @param payload       the event itself
 * @param <T>           payload record type
 */
public record EventEnvelope<T>(
    UUID eventId, String type, Instant occurredAt, String producer, int schemaVersion, T payload) {

  public EventEnvelope {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(payload, "payload");
    if (schemaVersion < 1) {
      throw new IllegalArgumentException("schemaVersion must be >= 1");
    }
  }

  /** A new envelope with a random id, the payload's simple class name as type, schema v1. */
  public static <T> EventEnvelope<T> wrap(String producer, Instant occurredAt, T payload) {
    return new EventEnvelope<>(
        UUID.randomUUID(), payload.getClass().getSimpleName(), occurredAt, producer, 1, payload);
  }
}
