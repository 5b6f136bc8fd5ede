package org.gongyu.chassis.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.gongyu.testing.TopicRecords.readAll;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chassis against a real PostgreSQL and a real broker: an event leaves only with the change it
 * belongs to, in commit order per key, and an event saved while Kafka is unreachable (or before a
 * crash) goes out later; the inbox accepts an event id once, and forgets it with a rollback.
 */
@SpringBootTest(
    classes = OutboxAndInboxIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {"gongyu.messaging.producer=chassis-it", "gongyu.messaging.poll-interval=100ms", "spring.flyway.enabled=false"})
class OutboxAndInboxIT {

  static final String TOPIC = "gongyu.test.chassis-outbox.v1";
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @SpringBootApplication
  static class App {
    @Bean
    NewTopic chassisTestTopic() {
      return TopicBuilder.name(TOPIC).partitions(3).replicas(1).build();
    }
  }

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry r) {
    RealInfrastructure.register(r, "chassis");
  }

  @Autowired Outbox outbox;
  @Autowired Inbox inbox;
  @Autowired OutboxRelay relay;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired MessagingProperties props;

  @Test
  void aRolledBackChangeLeavesNoEventBehind() {
    String key = "rollback-" + UUID.randomUUID();
    tx.executeWithoutResult(status -> {
      outbox.publish(TOPIC, key, new CountyRegistered("990101", "990100", "东城县", 1));
      status.setRollbackOnly();
    });
    // a committed marker published after it: once the marker is on the topic, the relay has passed
    String marker = "marker-" + UUID.randomUUID();
    tx.executeWithoutResult(status -> outbox.publish(TOPIC, marker, new CountyRegistered("990102", "990100", "西山县", 1)));
    await().atMost(PATIENCE).until(() -> keys().contains(marker));
    assertThat(keys()).doesNotContain(key);
    assertThat(jdbc.queryForObject("select count(*) from outbox_event where record_key = ?", Long.class, key)).isZero();
  }

  @Test
  void committedEventsArriveInCommitOrderForEachKey() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, List<Long>> sent = new LinkedHashMap<>();
    for (int i = 1; i <= 60; i++) {
      String key = "order-" + run + "-" + (i % 4);
      long version = i;
      tx.executeWithoutResult(status -> outbox.publish(TOPIC, key, new CountyRegistered("990101", "990100", "东城县", version)));
      sent.computeIfAbsent(key, k -> new ArrayList<>()).add(version);
    }
    await().atMost(PATIENCE).until(() -> pendingFor("order-" + run) == 0);
    Map<String, List<Long>> received = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> r : readAll(TOPIC)) {
      if (r.key().startsWith("order-" + run)) {
        received.computeIfAbsent(r.key(), k -> new ArrayList<>())
            .add(EventCodec.decode(r.value(), CountyRegistered.class).payload().version());
      }
    }
    assertThat(received).isEqualTo(sent);
  }

  @Test
  void eventsSavedWhileKafkaIsUnreachableGoOutOnceItIsBack() {
    String key = "outage-" + UUID.randomUUID();
    relay.stop(); // as if the service had crashed right after committing
    try {
      for (long v = 1; v <= 5; v++) {
        long version = v;
        tx.executeWithoutResult(status -> outbox.publish(TOPIC, key, new CountyRegistered("990103", "990100", "南湖区", version)));
      }
      assertThat(pendingFor(key)).isEqualTo(5);

      // a relay whose broker is unreachable sends nothing and marks nothing
      Map<String, Object> dead = Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
          ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500,
          ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 500,
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      DefaultKafkaProducerFactory<String, String> deadFactory = new DefaultKafkaProducerFactory<>(dead);
      KafkaTemplate<String, String> unreachable = new KafkaTemplate<>(deadFactory);
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      // its clock 90 s on: the rows saved just now are a minute and a half old to it
      OutboxRelay cutOff = new OutboxRelay(jdbc, tx, unreachable, props, Clock.offset(Clock.systemUTC(), Duration.ofSeconds(90)), meters);
      assertThat(cutOff.drainAll()).isZero();
      assertThat(meters.get("gongyu.outbox.failures").counter().count()).isEqualTo(1);
      assertThat(meters.get("gongyu.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(5);
      assertThat(meters.get("gongyu.outbox.oldest.age").gauge().value())
          .as("the backlog alert's age of the oldest unsent row (docs/observability.md)").isGreaterThanOrEqualTo(90);
      assertThat(pendingFor(key)).isEqualTo(5);
      assertThat(keys()).doesNotContain(key);
      deadFactory.destroy();
    } finally {
      relay.start(); // the restarted service
    }
    await().atMost(PATIENCE).until(() -> pendingFor(key) == 0);
    List<Long> versions = readAll(TOPIC).stream().filter(r -> r.key().equals(key))
        .map(r -> EventCodec.decode(r.value(), CountyRegistered.class).payload().version()).toList();
    assertThat(versions).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void theInboxAcceptsAnEventOnceAndForgetsItWithARollback() {
    UUID event = UUID.randomUUID();
    Boolean rolledBack = tx.execute(status -> {
      boolean first = inbox.firstDelivery("chassis-it", event);
      status.setRollbackOnly();
      return first;
    });
    assertThat(rolledBack).isTrue();
    assertThat(deliver("chassis-it", event)).as("the rolled-back delivery left nothing").isTrue();
    assertThat(deliver("chassis-it", event)).as("a redelivery").isFalse();
    assertThat(deliver("another-consumer", event)).as("per consumer").isTrue();
  }

  private boolean deliver(String consumer, UUID event) {
    Boolean first = tx.execute(status -> inbox.firstDelivery(consumer, event));
    return Boolean.TRUE.equals(first);
  }

  private List<String> keys() {
    return readAll(TOPIC).stream().map(ConsumerRecord::key).toList();
  }

  private long pendingFor(String keyPrefix) {
    Long n = jdbc.queryForObject(
        "select count(*) from outbox_event where published_at is null and record_key like ?", Long.class, keyPrefix + "%");
    return n == null ? 0 : n;
  }
}
