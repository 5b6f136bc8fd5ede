package org.gongyu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongyu.contracts.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The KafkaTopic resources are the platform's topics as the code has them: every name of
 * {@link Topics} with the partitions its producer creates it with, and a dead-letter topic for every
 * topic a listener consumes; replication 3 and min ISR 2 for all.
 */
class KafkaTopicsTest {

  private static final Pattern BUILDER = Pattern.compile(
      "TopicBuilder\\.name\\(Topics\\.([A-Z_]+)\\)\\s*\\.partitions\\(([^)]+)\\)");
  private static final Pattern DEFAULT_PARTITIONS = Pattern.compile("partitions = partitions == null \\? (\\d+)");
  private static final Pattern TOPIC_CONSTANT = Pattern.compile("Topics\\.([A-Z_]+)");

  @Test
  void everyTopicOfTheCodeIsAKafkaTopicWithItsPartitionsAndEveryConsumedTopicHasItsDeadLetterTopic() throws Exception {
    Map<String, String> constants = topicConstants();
    Map<String, Integer> expected = new TreeMap<>();
    partitionsFromTheCode(constants).forEach(expected::put);
    assertThat(expected.keySet()).as("every topic of Topics is created by its producer")
        .containsExactlyInAnyOrderElementsOf(constants.values());
    int brokerDefault = 6; // num.partitions of deploy/local/kafka.sh, what an auto-created DLT gets
    assertThat(Repo.read(Repo.ROOT.resolve("deploy/local/kafka.sh"))).contains("num.partitions=" + brokerDefault);
    for (String consumed : consumedTopics(constants)) {
      expected.put(consumed + "-dlt", brokerDefault);
    }

    Map<String, Integer> declared = new TreeMap<>();
    for (JsonNode t : kafkaTopics()) {
      String name = t.path("spec").path("topicName").asString(t.path("metadata").path("name").asString());
      declared.put(name, t.path("spec").path("partitions").asInt());
      assertThat(t.path("spec").path("replicas").asInt()).as(name + " replicas").isEqualTo(3);
      assertThat(t.path("spec").path("config").path("min.insync.replicas").asInt()).as(name + " min ISR").isEqualTo(2);
      assertThat(t.path("metadata").path("labels").path("strimzi.io/cluster").asString()).isEqualTo("gongyu");
    }
    assertThat(declared).isEqualTo(expected);
  }

  @Test
  void theKafkaClusterHasThreeControllersThreeBrokersAndMinIsrTwo() {
    List<Repo.Doc> docs = Repo.docs(Repo.K8S.resolve("base/kafka/kafka.yaml"));
    int brokers = 0;
    int controllers = 0;
    for (Repo.Doc d : docs) {
      if (d.kind().equals("KafkaNodePool")) {
        List<String> roles = d.node().path("spec").path("roles").values().stream().map(JsonNode::asString).toList();
        int replicas = d.node().path("spec").path("replicas").asInt();
        brokers += roles.contains("broker") ? replicas : 0;
        controllers += roles.contains("controller") ? replicas : 0;
      }
    }
    assertThat(brokers).isEqualTo(3);
    assertThat(controllers).isEqualTo(3);
    JsonNode config = docs.stream().filter(d -> d.kind().equals("Kafka")).findFirst().orElseThrow()
        .node().path("spec").path("kafka").path("config");
    assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
    assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
    assertThat(config.path("auto.create.topics.enable").asBoolean(true)).isFalse();
  }

  private static List<JsonNode> kafkaTopics() {
    return Repo.resources().stream().filter(d -> d.kind().equals("KafkaTopic")).map(Repo.Doc::node).toList();
  }

  static Map<String, String> topicConstants() throws IllegalAccessException {
    Map<String, String> constants = new TreeMap<>();
    for (Field f : Topics.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
        constants.put(f.getName(), (String) f.get(null));
      }
    }
    return constants;
  }

  /** Topic name to partitions, from each service's TopicBuilder beans. */
  private static Map<String, Integer> partitionsFromTheCode(Map<String, String> constants) {
    String props = Repo.read(Repo.ROOT.resolve(
        "service-chassis/src/main/java/org/gongyu/chassis/messaging/MessagingProperties.java"));
    Matcher dm = DEFAULT_PARTITIONS.matcher(props);
    assertThat(dm.find()).as("MessagingProperties' default partitions").isTrue();
    int chassisDefault = Integer.parseInt(dm.group(1));
    Map<String, Integer> partitions = new TreeMap<>();
    for (String service : Repo.SERVICES) {
      String configured = Repo.read(Repo.ROOT.resolve(service + "/src/main/resources/application.yml"));
      assertThat(configured).as(service + " sets no gongyu.messaging.partitions").doesNotContainPattern("\\n\\s+partitions:");
      for (Path java : Repo.files(Repo.ROOT.resolve(service + "/src/main/java"), ".java")) {
        Matcher m = BUILDER.matcher(Repo.read(java));
        while (m.find()) {
          String arg = m.group(2).trim();
          int n = arg.matches("\\d+") ? Integer.parseInt(arg) : chassisDefault;
          partitions.put(constants.get(m.group(1)), n);
        }
      }
    }
    return partitions;
  }

  /** Topics some @KafkaListener reads: the chassis' error handler parks their failures on <topic>-dlt. */
  private static TreeSet<String> consumedTopics(Map<String, String> constants) {
    TreeSet<String> consumed = new TreeSet<>();
    for (String service : Repo.SERVICES) {
      for (Path java : Repo.files(Repo.ROOT.resolve(service + "/src/main/java"), ".java")) {
        String src = Repo.read(java);
        int at = 0;
        while ((at = src.indexOf("@KafkaListener(", at)) >= 0) {
          int end = closing(src, at + "@KafkaListener".length());
          Matcher m = TOPIC_CONSTANT.matcher(src.substring(at, end));
          while (m.find()) {
            consumed.add(constants.get(m.group(1)));
          }
          at = end;
        }
      }
    }
    assertThat(consumed).doesNotContainNull().isNotEmpty();
    return consumed;
  }

  private static int closing(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      if (s.charAt(i) == '(') {
        depth++;
      } else if (s.charAt(i) == ')' && --depth == 0) {
        return i + 1;
      }
    }
    throw new IllegalStateException("unbalanced annotation");
  }

  @SuppressWarnings("unused")
  private static String list(Map<String, ?> m) {
    return m.entrySet().stream().map(Object::toString).collect(Collectors.joining("\n"));
  }
}
