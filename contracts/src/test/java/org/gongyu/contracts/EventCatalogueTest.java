package org.gongyu.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.junit.jupiter.api.Test;

/**
 * Guards every event record in the {@code *.v<N>} packages, including ones added later: each has a
 * golden file, and no field of it or of anything nested in it could carry a student's or a parent's
 * personal data.
 */
class EventCatalogueTest {

  /** Field names that would mean personal data of a minor or a parent is about to travel. */
  private static final Pattern PERSONAL = Pattern.compile(
      "(?i).*(student|pupil|child(?!unit)|guardian|parent(?!unit)|family|household|idcard|identity|phone|mobile|address"
          + "|birth|gender|ethnic|health|disab).*");

  @Test
  void everyEventHasAGoldenFile() throws Exception {
    List<Class<?>> events = eventRecords();
    assertThat(events).as("event records found").hasSizeGreaterThanOrEqualTo(6);
    for (Class<?> event : events) {
      assertThat(EventCatalogueTest.class.getResource("/golden/" + event.getSimpleName() + ".json"))
          .as("golden file for %s", event.getName()).isNotNull();
    }
  }

  @Test
  void noEventFieldCouldCarryPersonalData() throws Exception {
    List<String> offending = new ArrayList<>();
    for (Class<?> event : eventRecords()) {
      walk(event, event.getSimpleName(), new HashSet<>(), offending);
    }
    assertThat(offending).as("fields that look like personal data").isEmpty();
  }

  @Test
  void theGuardWouldCatchAStudentReference() {
    record Leaky(String schoolId, String studentRef) {}
    List<String> offending = new ArrayList<>();
    walk(Leaky.class, "Leaky", new HashSet<>(), offending);
    assertThat(offending).containsExactly("Leaky.studentRef");
  }

  private static void walk(Class<?> type, String path, Set<Class<?>> seen, List<String> offending) {
    if (!type.isRecord() || !seen.add(type)) {
      return;
    }
    for (RecordComponent c : type.getRecordComponents()) {
      String here = path + "." + c.getName();
      if (PERSONAL.matcher(c.getName()).matches()) {
        offending.add(here);
      }
      walk(c.getType(), here, seen, offending);
      Type generic = c.getGenericType();
      if (generic instanceof ParameterizedType p) {
        for (Type arg : p.getActualTypeArguments()) {
          if (arg instanceof Class<?> k) {
            walk(k, here + "[]", seen, offending);
          }
        }
      }
    }
  }

  /** Top-level records of every {@code org.gongyu.contracts.<tier>.v<N>} package on the main class path. */
  private static List<Class<?>> eventRecords() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes = Path.of(IndicatorSnapshotPublished.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
          .filter(f -> f.getParent().getFileName().toString().matches("v\\d+")).sorted().toList()) {
        String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> k = Class.forName(name);
        if (k.isRecord()) {
          out.add(k);
        }
      }
    }
    return out;
  }
}
