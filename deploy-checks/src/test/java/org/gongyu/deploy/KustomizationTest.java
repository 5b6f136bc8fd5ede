package org.gongyu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Without running kustomize: every file a kustomization names exists, and every manifest is named. */
class KustomizationTest {

  @Test
  void everyListedFileExistsAndEveryManifestIsListed() {
    List<Path> kustomizations = Repo.files(Repo.K8S, "kustomization.yaml");
    assertThat(kustomizations).extracting(p -> Repo.K8S.relativize(p).toString())
        .contains("base/kustomization.yaml", "overlays/demo/kustomization.yaml");
    List<String> problems = new ArrayList<>();
    for (Path k : kustomizations) {
      Path dir = k.getParent();
      JsonNode kz = Repo.yaml(k);
      if (!"Kustomization".equals(kz.path("kind").asString())) {
        problems.add(k + ": kind is not Kustomization");
      }
      Set<Path> listed = new HashSet<>();
      for (String field : List.of("resources", "patches", "components")) {
        for (JsonNode entry : kz.path(field)) {
          String rel = entry.isString() ? entry.asString() : entry.path("path").asString("");
          if (rel.isEmpty()) {
            continue; // an inline patch
          }
          Path p = dir.resolve(rel).normalize();
          listed.add(p);
          boolean ok = Files.isRegularFile(p) || Files.isRegularFile(p.resolve("kustomization.yaml"));
          if (!ok) {
            problems.add(Repo.ROOT.relativize(k) + ": " + field + " names " + rel + ", which does not exist");
          }
        }
      }
      for (Path f : Repo.files(dir, ".yaml", ".yml")) {
        if (f.equals(k) || ownedByAnotherKustomization(f, dir)) {
          continue;
        }
        if (!listed.contains(f.normalize())) {
          problems.add(Repo.ROOT.relativize(k) + " does not list " + dir.relativize(f));
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theDemoOverlayBuildsOnTheBaseInItsOwnNamespace() {
    JsonNode demo = Repo.yaml(Repo.K8S.resolve("overlays/demo/kustomization.yaml"));
    assertThat(demo.path("resources").values()).extracting(JsonNode::asString).contains("../../base");
    assertThat(demo.path("namespace").asString()).isEqualTo("gongyu-demo");
    // every image of ours gets its tag from the overlay, and every one it names exists in the base
    Set<String> images = new HashSet<>();
    for (Repo.Doc d : Repo.resources()) {
      for (JsonNode c : d.node().path("spec").path("template").path("spec").path("containers")) {
        String image = c.path("image").asString();
        if (image.startsWith("gongyu/")) {
          images.add(image.substring(0, image.indexOf(':')));
        }
      }
    }
    assertThat(demo.path("images").values()).extracting(i -> i.path("name").asString())
        .containsExactlyInAnyOrderElementsOf(images);
  }

  @Test
  void everyPatchChangesAResourceOfTheBase() {
    Set<String> resources = new HashSet<>();
    Repo.resources().forEach(d -> resources.add(d.node().path("apiVersion").asString() + " " + d.kind() + " " + d.name()));
    List<Repo.Doc> patches = Repo.manifests().stream().filter(d -> Repo.isPatch(d.file())).toList();
    assertThat(patches).isNotEmpty();
    for (Repo.Doc p : patches) {
      assertThat(resources).as(p.where() + " patches a resource that exists")
          .contains(p.node().path("apiVersion").asString() + " " + p.kind() + " " + p.name());
    }
  }

  private static boolean ownedByAnotherKustomization(Path file, Path dir) {
    for (Path p = file.getParent(); !p.equals(dir); p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("kustomization.yaml"))) {
        return true;
      }
    }
    return false;
  }
}
