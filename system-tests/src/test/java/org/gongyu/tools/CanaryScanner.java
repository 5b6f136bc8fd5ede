package org.gongyu.tools;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Unique fake personal data for one run (the "canaries") and a scanner that looks for them, and
 * for their obvious derived forms, in text read from the places the data must never reach. Each
 * place is named; the scanner counts what it read there (items and characters), records every hit
 * as place × item × canary kind (never the value itself, so a failure message carries nothing
 * either), and fails a run in which a place had nothing to read (a scan of nothing proves nothing).
 *
 * <p>Derived forms: the digit canaries (resident id, mobile) with any single separator between
 * digits ({@code 138 1234 5678}, {@code 138-1234-5678}, {@code 4401…-…}); each canary
 * case-insensitively, JSON-escaped ({@code \u6b27\u9633…}) and URL-encoded. A keyed HMAC of a
 * reference (school-service's pseudonym) is not derived from it in any way an outsider can undo,
 * so it is not a form of the canary and may appear.
 */
final class CanaryScanner {

  /** The kinds of personal data a canary stands for. */
  enum Kind {
    RESIDENT_ID("居民身份证号"), MOBILE("手机号"), EMAIL("电子邮箱"), NAME("姓名"), STUDENT_REF("学生编号");

    final String zh;

    Kind(String zh) {
      this.zh = zh;
    }
  }

  /** One run's canary values. */
  record Canaries(String residentId, String mobile, String email, String name, String studentRef) {

    /** Rare given-name characters: a compound surname and two of these is nobody's name in the data. */
    private static final String RARE = "翀翾燊湉瑀珝曌犇淼垚鑫森焱骉鱻羴猋龘";

    static Canaries random(Random r) {
      String suffix = Long.toString(Math.abs(r.nextLong()) % 2_176_782_336L, 36);
      String name = "欧阳" + RARE.charAt(r.nextInt(RARE.length())) + RARE.charAt(r.nextInt(RARE.length()));
      String mobile = "1" + (3 + r.nextInt(7)) + digits(r, 9);
      String email = "gy" + suffix + "." + digits(r, 4) + "@canary-mail.cn";
      String ref = "XS" + suffix.toUpperCase() + digits(r, 6);
      return new Canaries(residentId(r), mobile, email, name, ref);
    }

    Map<Kind, String> byKind() {
      Map<Kind, String> m = new EnumMap<>(Kind.class);
      m.put(Kind.RESIDENT_ID, residentId);
      m.put(Kind.MOBILE, mobile);
      m.put(Kind.EMAIL, email);
      m.put(Kind.NAME, name);
      m.put(Kind.STUDENT_REF, studentRef);
      return m;
    }

    /** Every canary in one text, in the phrasing a school might use (and the guard looks for). */
    String sentence() {
      return "学生" + name + "同学的家长电话 " + mobile + "，身份证 " + residentId + "，邮箱 " + email + "，学号 " + studentRef;
    }

    /** A GB 11643 number: a real area code, a birth date, a sequence and the MOD 11-2 check character. */
    static String residentId(Random r) {
      String[] areas = {"110101", "310104", "440106", "510107", "330106", "420102"};
      String body = areas[r.nextInt(areas.length)] + (2015 + r.nextInt(8))
          + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)) + digits(r, 3);
      int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
      int sum = 0;
      for (int i = 0; i < 17; i++) {
        sum += (body.charAt(i) - '0') * weights[i];
      }
      return body + "10X98765432".charAt(sum % 11);
    }

    private static String digits(Random r, int n) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < n; i++) {
        b.append(r.nextInt(10));
      }
      return b.toString();
    }
  }

  /** A place scanned: how many items (messages, rows, files, responses) and characters it gave. */
  static final class Place {
    final String name;
    long items;
    long chars;

    Place(String name) {
      this.name = name;
    }
  }

  record Hit(String place, String item, Kind kind) {
    @Override
    public String toString() {
      return place + " › " + item + ": " + kind + " (" + kind.zh + ")";
    }
  }

  private final Map<Kind, List<Pattern>> patterns = new EnumMap<>(Kind.class);
  private final Map<String, Place> places = new LinkedHashMap<>();
  private final List<Hit> hits = new ArrayList<>();

  CanaryScanner(Canaries canaries) {
    canaries.byKind().forEach((kind, value) -> patterns.put(kind, forms(kind, value)));
  }

  /** The patterns that find a canary and its derived forms. */
  static List<Pattern> forms(Kind kind, String value) {
    List<Pattern> p = new ArrayList<>();
    if (kind == Kind.RESIDENT_ID || kind == Kind.MOBILE) {
      // the digits with at most one separator (space, dash, dot, slash, underscore, comma) between any two
      String sep = "[\\s\\-./_,\\u3000]?";
      p.add(Pattern.compile(value.chars().mapToObj(c -> Pattern.quote(String.valueOf((char) c)))
          .collect(Collectors.joining(sep)), Pattern.CASE_INSENSITIVE));
    } else if (kind == Kind.NAME) {
      // the characters, also with blanks between them
      p.add(Pattern.compile(value.chars().mapToObj(c -> Pattern.quote(String.valueOf((char) c)))
          .collect(Collectors.joining("\\s*"))));
    } else {
      p.add(Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE));
    }
    String json = jsonEscaped(value);
    if (!json.equals(value)) {
      p.add(Pattern.compile(Pattern.quote(json), Pattern.CASE_INSENSITIVE));
    }
    String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
    if (!url.equals(value)) {
      p.add(Pattern.compile(Pattern.quote(url), Pattern.CASE_INSENSITIVE));
    }
    return p;
  }

  private static String jsonEscaped(String value) {
    StringBuilder b = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c < 0x80) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04x", (int) c));
      }
    }
    return b.toString();
  }

  /** Declares a place before it is read, so a place that gives nothing is noticed. */
  Place place(String name) {
    return places.computeIfAbsent(name, Place::new);
  }

  /** Scans one item of a place: a message, a row, a file, a response. */
  void scan(String placeName, String item, String text) {
    Place place = place(placeName);
    place.items++;
    if (text == null) {
      return;
    }
    place.chars += text.length();
    patterns.forEach((kind, forms) -> {
      if (forms.stream().anyMatch(f -> f.matcher(text).find())) {
        hits.add(new Hit(placeName, item, kind));
      }
    });
  }

  List<Hit> hits() {
    return List.copyOf(hits);
  }

  Map<String, Place> places() {
    return places;
  }

  /** The places that were declared but gave nothing to read. */
  List<String> emptyPlaces() {
    return places.values().stream().filter(p -> p.items == 0 || p.chars == 0).map(p -> p.name).toList();
  }

  /** One line per place: items and characters read, hits. */
  String coverage() {
    StringBuilder b = new StringBuilder();
    b.append(String.format("%-48s %10s %14s %6s%n", "place", "items", "characters", "hits"));
    places.values().forEach(p -> b.append(String.format("%-48s %10d %14d %6d%n", p.name, p.items, p.chars,
        hits.stream().filter(h -> h.place().equals(p.name)).count())));
    return b.toString();
  }

  /**
   * Nothing found anywhere and every place read something; otherwise an AssertionError naming each
   * place, item and kind of canary found (never the value).
   */
  void assertClean() {
    List<String> problems = new ArrayList<>();
    List<String> empty = emptyPlaces();
    if (!empty.isEmpty()) {
      problems.add("nothing was read from " + empty + ": the canary cannot pass on a place it did not scan");
    }
    if (!hits.isEmpty()) {
      problems.add("personal-data canary found in " + hits.size() + " place(s):\n  "
          + hits.stream().map(Hit::toString).distinct().collect(Collectors.joining("\n  ")));
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join("\n", problems) + "\n" + coverage());
    }
  }
}
