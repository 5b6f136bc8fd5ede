package org.gongyu.chassis.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gongyu.contracts.EventCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

/** Outbox, relay, inbox and the dead-letter policy for every service that has a database and Kafka. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
    })
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  MessagingSchema messagingSchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      ObjectProvider<Flyway> serviceFlyway, Environment environment) {
    return new MessagingSchema(dataSource, serviceMigrations, serviceFlyway, environment);
  }

  /** The tracing library's tracer and propagator when tracing is on (ADR 0030); otherwise no traces. */
  @Bean
  TraceContexts traceContexts(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
    Tracer t = tracer.getIfAvailable();
    Propagator p = propagator.getIfAvailable();
    return t == null || p == null || t == Tracer.NOOP ? TraceContexts.none() : new TraceContexts(t, p);
  }

  /** Record listeners continue the trace of the record they handle (Boot gives the bean to the listener factory). */
  @Bean
  @ConditionalOnMissingBean
  RecordInterceptor<Object, Object> tracingRecordInterceptor(TraceContexts traces) {
    return new TracingRecordInterceptor(traces);
  }

  @Bean
  OutboxRelay outboxRelay(
      MessagingSchema schema,
      JdbcTemplate jdbc,
      TransactionTemplate tx,
      KafkaTemplate<String, String> kafka,
      MessagingProperties props,
      Clock clock,
      ObjectProvider<MeterRegistry> meters,
      TraceContexts traces) {
    return new OutboxRelay(jdbc, tx, kafka, props, clock, meters.getIfAvailable(), traces);
  }

  @Bean
  Outbox outbox(MessagingSchema schema, JdbcTemplate jdbc, OutboxRelay relay, MessagingProperties props, Clock clock,
      TraceContexts traces) {
    if (props.producer() == null || props.producer().isBlank()) {
      throw new IllegalStateException("set gongyu.messaging.producer to the service's name");
    }
    return new Outbox(jdbc, relay, props.producer(), clock, traces);
  }

  @Bean
  Inbox inbox(MessagingSchema schema, JdbcTemplate jdbc) {
    return new Inbox(jdbc);
  }

  @Bean
  BatchDelivery batchDelivery(MessagingSchema schema, TransactionTemplate tx, TraceContexts traces) {
    return new BatchDelivery(tx, traces);
  }

  @Bean
  Freshness freshness(Clock clock, ObjectProvider<MeterRegistry> meters) {
    return new Freshness(meters.getIfAvailable(() -> Metrics.globalRegistry), clock);
  }

  @Bean
  DeadLetters deadLetters(ObjectProvider<MeterRegistry> meters) {
    return new DeadLetters(meters.getIfAvailable(() -> Metrics.globalRegistry));
  }

  /** Every listener's dead-letter counters at 0 once the containers exist (see {@link DeadLetters}). */
  @Bean
  ApplicationListener<ApplicationReadyEvent> deadLetterCounters(
      DeadLetters deadLetters, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
    return ready -> listeners.ifAvailable(registry -> registry.getListenerContainers().forEach(c -> {
      String[] topics = c.getContainerProperties().getTopics();
      if (topics != null) {
        deadLetters.expect(c.getGroupId(), List.of(topics));
      }
    }));
  }

  /**
   * Redeliver a failing record a few times, then park it on {@code <topic>-dlt} so the partition
   * moves on; a record that can never be decoded goes there at once.
   */
  @Bean
  @ConditionalOnMissingBean
  DefaultErrorHandler kafkaErrorHandler(KafkaOperations<Object, Object> kafka, MessagingProperties props,
      DeadLetters deadLetters) {
    var publisher = new DeadLetterPublishingRecoverer(
        kafka, (record, e) -> new org.apache.kafka.common.TopicPartition(record.topic() + "-dlt", -1));
    // counted once the dead-letter topic has it (a failed publish throws and the record is retried)
    ConsumerAwareRecordRecoverer recoverer = (record, consumer, e) -> {
      publisher.accept(record, consumer, e);
      String group = KafkaUtils.getConsumerGroupId();
      deadLetters.parked(group == null ? props.producer() : group, record.topic());
    };
    var handler = new DefaultErrorHandler(
        recoverer, new FixedBackOff(props.retryBackoff().toMillis(), props.retryAttempts()));
    handler.addNotRetryableExceptions(EventCodec.MalformedEventException.class);
    return handler;
  }
}
