package org.gongyu.district.demonstration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code demonstration_title} has one owner: only the title package writes it (the AWARD decision
 * goes through {@code Titles.award}), so the rules of a held title live in one place.
 */
class TitleOwnerTest {

  static final Pattern WRITE = Pattern.compile("(insert\\s+into|update|delete\\s+from)\\s+demonstration_title\\b",
      Pattern.CASE_INSENSITIVE);

  @Test
  void onlyTheTitlePackageWritesTheTitleTable() throws IOException {
    Path sources = Path.of("src/main/java/org/gongyu/district");
    List<String> writers;
    try (Stream<Path> files = Files.walk(sources)) {
      writers = files.filter(f -> f.toString().endsWith(".java")).filter(TitleOwnerTest::writesTitles)
          .map(f -> sources.relativize(f).toString().replace('\\', '/')).sorted().toList();
    }
    assertThat(writers).isNotEmpty().allMatch(f -> f.startsWith("demonstration/title/"), "is in demonstration/title/");
  }

  private static boolean writesTitles(Path file) {
    try {
      return WRITE.matcher(Files.readString(file)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
