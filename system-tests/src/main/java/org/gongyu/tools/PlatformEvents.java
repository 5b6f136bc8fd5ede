package org.gongyu.tools;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How many events the platform produced during a benchmark: the end offsets of its topics before
 * and after, read from the broker (no consumer, nothing changed). Dead-letter and scratch topics
 * are left out.
 */
final class PlatformEvents {

  private PlatformEvents() {}

  /** A topic of the platform's own: {@code gongyu.*}, not a dead-letter ({@code -dlt}) nor a benchmark's scratch topic. */
  static boolean platformTopic(String topic) {
    return topic.startsWith("gongyu.") && !topic.startsWith("gongyu.bench.") && !topic.endsWith("-dlt");
  }

  /** The sum of the partitions' end offsets of every platform topic, by topic. */
  static Map<String, Long> endOffsets(String bootstrap) throws Exception {
    Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin admin = Admin.create(config)) {
      Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
          .filter(PlatformEvents::platformTopic).collect(Collectors.toSet());
      Map<TopicPartition, OffsetSpec> request = new HashMap<>();
      for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
        d.partitions().forEach(p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
      }
      Map<String, Long> byTopic = new HashMap<>();
      admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
          .forEach((tp, info) -> byTopic.merge(tp.topic(), info.offset(), Long::sum));
      return byTopic;
    }
  }

  /** Events produced between two readings, on one topic or (topic null) on all; a topic new since the first counts from 0. */
  static long produced(Map<String, Long> before, Map<String, Long> after, String topic) {
    long n = 0;
    for (Map.Entry<String, Long> e : after.entrySet()) {
      if (topic == null || topic.equals(e.getKey())) {
        n += e.getValue() - before.getOrDefault(e.getKey(), 0L);
      }
    }
    return n;
  }
}
