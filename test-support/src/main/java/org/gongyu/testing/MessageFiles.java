package org.gongyu.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The translations of a module's {@code *messages.properties} (English, the default) and
 * {@code *messages_zh_CN.properties}: the same keys in both, every Chinese value different from
 * the English one (a forgotten translation), and every value a valid {@link MessageFormat} with
 * arguments that, in both languages together, run 0, 1, ... n without a gap (a language may leave
 * one out, e.g. Chinese an English-only list of rule findings, and say how many there are instead).
 */
public final class MessageFiles {

  private MessageFiles() {}

  /** The shortcomings of the message files under {@code resources} (e.g. {@code src/main/resources}). */
  public static List<String> shortcomings(Path resources, Set<String> sameInBothLanguages) throws IOException {
    List<String> wrong = new ArrayList<>();
    List<Path> english;
    try (Stream<Path> files = Files.list(resources)) {
      english = files.filter(f -> f.getFileName().toString().matches("([\\w-]*-)?messages\\.properties")).sorted().toList();
    }
    if (english.isEmpty()) {
      wrong.add("no *messages.properties in " + resources);
    }
    for (Path en : english) {
      Path zh = en.resolveSibling(en.getFileName().toString().replace(".properties", "_zh_CN.properties"));
      if (!Files.exists(zh)) {
        wrong.add(en.getFileName() + " has no Chinese twin " + zh.getFileName());
        continue;
      }
      Properties e = load(en);
      Properties c = load(zh);
      for (String key : new TreeSet<>(e.stringPropertyNames())) {
        if (!c.containsKey(key)) {
          wrong.add(zh.getFileName() + " lacks " + key);
        } else if (c.getProperty(key).equals(e.getProperty(key)) && !sameInBothLanguages.contains(key)) {
          wrong.add(zh.getFileName() + ": " + key + " is not translated");
        } else if (!contiguous(arguments(e.getProperty(key)), arguments(c.getProperty(key)))) {
          wrong.add(key + ": arguments " + arguments(e.getProperty(key)) + " in English and "
              + arguments(c.getProperty(key)) + " in Chinese leave a gap (a mistyped {n}?)");
        }
      }
      for (String key : new TreeSet<>(c.stringPropertyNames())) {
        if (!e.containsKey(key)) {
          wrong.add(en.getFileName() + " lacks " + key);
        }
      }
      for (Properties p : List.of(e, c)) {
        for (String key : p.stringPropertyNames()) {
          try {
            new MessageFormat(p.getProperty(key), Locale.ROOT);
          } catch (IllegalArgumentException ex) {
            wrong.add(key + ": not a valid MessageFormat: " + ex.getMessage());
          }
        }
      }
    }
    return wrong;
  }

  /** The arguments both languages use together are 0, 1, ... n: none skipped, none mistyped. */
  private static boolean contiguous(Set<Integer> english, Set<Integer> chinese) {
    Set<Integer> all = new TreeSet<>(english);
    all.addAll(chinese);
    int expected = 0;
    for (int i : all) {
      if (i != expected++) {
        return false;
      }
    }
    return true;
  }

  private static Set<Integer> arguments(String pattern) {
    try {
      MessageFormat format = new MessageFormat(pattern, Locale.ROOT);
      Set<Integer> used = new TreeSet<>();
      // formats by argument index: a slot exists for every index up to the highest one used
      for (int i = 0; i < format.getFormatsByArgumentIndex().length; i++) {
        if (pattern.contains("{" + i)) {
          used.add(i);
        }
      }
      return used;
    } catch (IllegalArgumentException e) {
      return Set.of(-1);
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
