package org.gongyu.chassis.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;

/**
 * {@code gongyu.deadletter.records}: records parked on a dead-letter topic after their retries,
 * tagged with the consumer group and the topic they came from. Every listener's counters exist at 0
 * from the start ({@link #expect}), so that the first dead letter is an increase Prometheus sees,
 * not the appearance of a new series.
 */
public final class DeadLetters {

  static final String METER = "gongyu.deadletter.records";

  private final MeterRegistry meters;

  public DeadLetters(MeterRegistry meters) {
    this.meters = meters;
  }

  /** Registers the counters of a group's topics at 0. */
  public void expect(String group, Collection<String> topics) {
    topics.forEach(topic -> counter(group, topic));
  }

  /** One record of {@code topic} was published to its dead-letter topic. */
  public void parked(String group, String topic) {
    counter(group, topic).increment();
  }

  /** How many of {@code topic}'s records {@code group} parked. */
  public double count(String group, String topic) {
    return counter(group, topic).count();
  }

  private Counter counter(String group, String topic) {
    return Counter.builder(METER)
        .description("records sent to a dead-letter topic after their retries")
        .tag("consumer", group == null ? "unknown" : group)
        .tag("topic", topic)
        .register(meters);
  }
}
