package org.gongyu.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves and watches a service's consumer group on the test broker, the way an operator replays a
 * topic: stop the consumers, rewind the group to offset 0, start them again, wait until the group
 * has committed the end of every partition.
 */
public final class ConsumerGroups {

  private ConsumerGroups() {}

  /**
   * Rewinds {@code group} to offset 0 on every partition of {@code topics}. The group's consumers
   * must be stopped; while the broker still sees them as members this retries until {@code patience}.
   */
  public static void rewindToZero(String group, Collection<String> topics, Duration patience) {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetAndMetadata> zero = new HashMap<>();
      partitions(admin, topics).forEach(tp -> zero.put(tp, new OffsetAndMetadata(0)));
      await().atMost(patience).ignoreExceptions().untilAsserted(() -> admin.alterConsumerGroupOffsets(group, zero).all().get());
      Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
      assertThat(zero.keySet()).allSatisfy(tp -> assertThat(committed.get(tp)).as("%s of %s", tp, group)
          .isNotNull().extracting(OffsetAndMetadata::offset).isEqualTo(0L));
    }
  }

  /**
   * Waits until {@code group} has committed the current end of every non-empty partition of
   * {@code topics}.
   *
   * @return the number of records on those topics (the sum of the end offsets)
   */
  public static long awaitCaughtUp(String group, Collection<String> topics, Duration patience) {
    try (Admin admin = admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions(admin, topics).forEach(tp -> latest.put(tp, OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
      await().atMost(patience).untilAsserted(() -> {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(admin, group);
        ends.forEach((tp, end) -> {
          if (end > 0) {
            assertThat(committed.get(tp)).as("%s of %s", tp, group).isNotNull();
            assertThat(committed.get(tp).offset()).as("%s of %s", tp, group).isEqualTo(end);
          }
        });
      });
      return ends.values().stream().mapToLong(Long::longValue).sum();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the end offsets of " + topics, e);
    }
  }

  private static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.kafkaBootstrap()));
  }

  private static Collection<TopicPartition> partitions(Admin admin, Collection<String> topics) {
    try {
      return admin.describeTopics(topics).allTopicNames().get().values().stream()
          .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
          .toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot describe " + topics, e);
    }
  }

  private static Map<TopicPartition, OffsetAndMetadata> committed(Admin admin, String group) {
    try {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of " + group, e);
    }
  }
}
