package org.gongyu.tools;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Issue 16 item 5: the two Kafka steps of rebuilding a service's read model from the topics
 * ({@code deploy/local/rebuild.sh}). {@code forget}: with the service stopped, notes the partitions
 * its consumer group reads (to {@code --state}) and deletes the group, so the restarted service
 * reads every topic from its start; with {@code --topics}, only those topics' partitions are noted
 * and only their committed offsets deleted, so the service's other listeners in the same group
 * carry on where they were (district and city rebuild their rollups, not their registries).
 * {@code await}: once the service runs again, waits until the
 * group has committed the end offset (as of the wait's start) of every noted partition, and prints
 * how long that took and the records per second.
 */
final class ConsumerGroups {

  private ConsumerGroups() {}

  static void forget(String kafka, String group, Path state, PrintStream out) throws Exception {
    forget(kafka, group, Set.of(), state, out);
  }

  /** As {@link #forget(String, String, Path, PrintStream)}, for {@code topics} only unless it is empty. */
  static void forget(String kafka, String group, Set<String> topics, Path state, PrintStream out) throws Exception {
    try (Admin admin = admin(kafka)) {
      Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS));
      if (!topics.isEmpty()) {
        committed.keySet().removeIf(tp -> !topics.contains(tp.topic()));
      }
      if (committed.isEmpty()) {
        throw new IllegalStateException("consumer group " + group + " has no committed offsets"
            + (topics.isEmpty() ? "" : " on " + topics) + ": nothing to rebuild from");
      }
      Files.write(state, committed.keySet().stream().map(tp -> tp.topic() + " " + tp.partition()).sorted().toList());
      if (topics.isEmpty()) {
        admin.deleteConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS);
      } else {
        // the group must be empty (the service stopped): the broker refuses otherwise
        admin.deleteConsumerGroupOffsets(group, committed.keySet()).all().get(30, TimeUnit.SECONDS);
      }
      long records = committed.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
      out.printf("consumer group %s %s: %d partitions of %d topics, %,d records consumed so far%n", group,
          topics.isEmpty() ? "deleted" : "reset to the start of " + String.join(", ", new TreeSet<>(topics)),
          committed.size(), committed.keySet().stream().map(TopicPartition::topic).distinct().count(), records);
    }
  }

  static void await(String kafka, String group, Path state, Duration timeout, PrintStream out) throws Exception {
    List<TopicPartition> partitions = Files.readAllLines(state).stream().filter(l -> !l.isBlank()).map(l -> {
      String[] p = l.trim().split(" ");
      return new TopicPartition(p[0], Integer.parseInt(p[1]));
    }).toList();
    long start = System.nanoTime();
    try (Admin admin = admin(kafka)) {
      Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
      Map<TopicPartition, Long> ends = new HashMap<>();
      for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> e
          : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
        ends.put(e.getKey(), e.getValue().offset());
      }
      long total = ends.values().stream().mapToLong(Long::longValue).sum();
      long behind = total;
      while (System.nanoTime() - start < timeout.toNanos()) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        behind = 0;
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
          OffsetAndMetadata c = committed.get(e.getKey());
          behind += Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
        }
        if (behind == 0) {
          double s = (System.nanoTime() - start) / 1e9;
          out.printf("consumer group %s caught up with %,d records of %d partitions in %.1f s (%,.0f records/s)%n",
              group, total, ends.size(), s, total / s);
          return;
        }
        Thread.sleep(250);
      }
      throw new IllegalStateException("consumer group " + group + " still " + behind + " records behind after " + timeout);
    }
  }

  private static Admin admin(String kafka) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    return Admin.create(p);
  }
}
