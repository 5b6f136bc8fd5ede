package org.gongyu.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The repository's files as the checks read them: YAML documents, sources, the deploy tree. */
final class Repo {

  static final ObjectMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  static final Path ROOT = root();
  static final Path K8S = ROOT.resolve("deploy/k8s");
  static final Path COMPOSE = ROOT.resolve("deploy/compose");

  /** The four services with a database and Kafka, then the gateway. */
  static final List<String> SERVICES = List.of("school-service", "district-service", "city-service", "reporting-service");
  static final List<String> APPLICATIONS = List.of(
      "school-service", "district-service", "city-service", "reporting-service", "gateway");

  private Repo() {}

  private static Path root() {
    String given = System.getProperty("gongyu.root");
    Path p = given != null ? Path.of(given) : Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("deploy/k8s"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no deploy/k8s above " + Path.of("").toAbsolutePath());
    }
    return p.toAbsolutePath().normalize();
  }

  /** A document of a YAML file, with where it came from for the messages. */
  record Doc(Path file, int index, JsonNode node) {
    String where() {
      return ROOT.relativize(file) + "#" + index + " " + node.path("kind").asString("?") + "/"
          + node.path("metadata").path("name").asString("?");
    }

    String kind() {
      return node.path("kind").asString("");
    }

    String name() {
      return node.path("metadata").path("name").asString("");
    }
  }

  /** Every non-empty document of a YAML file (comment-only documents are skipped). */
  static List<Doc> docs(Path file) {
    List<Doc> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      int i = 0;
      while (it.hasNext()) {
        JsonNode n = it.next();
        if (n != null && !n.isMissingNode() && !n.isNull() && !(n.isContainer() && n.isEmpty())) {
          docs.add(new Doc(file, i, n));
        }
        i++;
      }
    }
    return docs;
  }

  static JsonNode yaml(Path file) {
    List<Doc> docs = docs(file);
    if (docs.size() != 1) {
      throw new IllegalStateException(file + " has " + docs.size() + " documents, not one");
    }
    return docs.get(0).node();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> files(Path dir, String... suffixes) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(f -> Stream.of(suffixes).anyMatch(x -> f.getFileName().toString().endsWith(x)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every manifest under deploy/k8s (base and overlays), not the kustomizations or the vendored schemas. */
  static List<Doc> manifests() {
    if (manifests == null) {
      manifests = List.copyOf(readManifests());
    }
    return manifests;
  }

  private static volatile List<Doc> manifests;
  private static volatile java.util.Set<Path> patches;

  private static List<Doc> readManifests() {
    List<Doc> all = new ArrayList<>();
    for (Path f : files(K8S, ".yaml", ".yml")) {
      if (f.startsWith(K8S.resolve("crd-schemas")) || f.getFileName().toString().equals("kustomization.yaml")) {
        continue;
      }
      all.addAll(docs(f));
    }
    return all;
  }

  /** The manifests a `kubectl apply -k` would send, before patches: base and overlay resources. */
  static List<Doc> resources() {
    return manifests().stream().filter(d -> !isPatch(d.file())).toList();
  }

  /** Files a kustomization names under {@code patches}: partial resources, merged over the base's. */
  static boolean isPatch(Path file) {
    if (patches == null) {
      java.util.Set<Path> named = new java.util.HashSet<>();
      for (Path k : files(K8S, "kustomization.yaml")) {
        for (JsonNode p : yaml(k).path("patches")) {
          if (p.has("path")) {
            named.add(k.getParent().resolve(p.path("path").asString()).normalize());
          }
        }
      }
      patches = java.util.Set.copyOf(named);
    }
    return patches.contains(file.normalize());
  }
}
