package org.gongyu.school.privacy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways people write a number or an address so that a plain pattern misses it, undone before
 * {@link PersonalDataScan} looks: full-width and mixed-width characters ({@code １３８}, {@code ＠},
 * {@code ．}) by NFKC; Chinese digits ({@code 一三八零零…}, eleven or more in a row); digits split by
 * spaces, dots, dashes, slashes or brackets ({@code 138.0013.8000}, {@code 1 3 8 0 0 1 3 8 0 0 0}),
 * which are joined group by group so that a number glued to another ({@code 138 0013 8000 2}) is
 * still found; and e-mail addresses with the {@code @} or the dot spelled out ({@code a at b dot
 * com}, {@code a(at)b.com}, {@code a[at]b[dot]cn}, {@code a艾特b点com}).
 */
final class Evasions {

  private Evasions() {}

  private static final Pattern CHINESE_DIGITS = Pattern.compile("[〇零○一二三四五六七八九幺壹贰叁肆伍陆柒捌玖]{7,}");
  private static final String CHINESE_DIGIT_CHARS = "〇零○一二三四五六七八九幺壹贰叁肆伍陆柒捌玖";
  private static final String CHINESE_DIGIT_VALUES = "0001234567891123456789";

  /** NFKC (full-width → ASCII), ideographic full stops between Latin letters or digits → '.', Chinese digit runs → digits. */
  static String normalise(String text) {
    String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
    n = n.replaceAll("(?<=[A-Za-z0-9])[。｡](?=[A-Za-z0-9])", ".");
    Matcher m = CHINESE_DIGITS.matcher(n);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      StringBuilder digits = new StringBuilder();
      for (char c : m.group().toCharArray()) {
        digits.append(CHINESE_DIGIT_VALUES.charAt(CHINESE_DIGIT_CHARS.indexOf(c)));
      }
      m.appendReplacement(out, digits.toString());
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A run of digit groups, each group digits (the last may end in X), split by up to 3 separator characters. */
  private static final Pattern DIGIT_RUN = Pattern.compile(
      "\\d+(?:[\\s.\\-‐‑‒–—―_·•/\\\\()+]{1,3}(?:\\d+|[Xx](?![A-Za-z])))*[Xx]?");
  private static final Pattern GROUP = Pattern.compile("\\d+[Xx]?|[Xx]");
  private static final int MAX_WINDOW = 20;

  /**
   * Every concatenation of consecutive digit groups of a separated run (at most 20 characters), so
   * that {@code +86 138-0013-8000 / 2025} yields {@code 8613800138000}, {@code 13800138000}, …
   * Runs without separators are left to the plain patterns.
   */
  static List<String> digitWindows(String text) {
    List<String> windows = new ArrayList<>();
    Matcher run = DIGIT_RUN.matcher(text);
    while (run.find()) {
      List<String> groups = new ArrayList<>();
      Matcher g = GROUP.matcher(run.group());
      while (g.find()) {
        groups.add(g.group());
      }
      if (groups.size() < 2) {
        continue;
      }
      for (int i = 0; i < groups.size(); i++) {
        StringBuilder s = new StringBuilder();
        for (int j = i; j < groups.size(); j++) {
          if (j > i && groups.get(j - 1).matches(".*[Xx]")) {
            break;
          }
          s.append(groups.get(j));
          if (s.length() > MAX_WINDOW) {
            break;
          }
          if (j > i) {
            windows.add(s.toString());
          }
        }
      }
    }
    return windows;
  }

  private static final Pattern MOBILE_DIGITS = Pattern.compile("(?:0086|86)?1[3-9]\\d{9}");

  static boolean isMobile(String digits) {
    return MOBILE_DIGITS.matcher(digits).matches();
  }

  private static final String AT = "(?:\\s*@\\s*|\\s*[(\\[{<（【]\\s*(?i:at|艾特|圈a)\\s*[)\\]}>）】]\\s*|\\s+(?i:at)\\s+|\\s*(?:艾特|圈a)\\s*)";
  private static final String DOT = "(?:\\s*[.。．]\\s*|\\s*[(\\[{<（【]\\s*(?i:dot|点)\\s*[)\\]}>）】]\\s*|\\s+(?i:dot)\\s+|\\s*点\\s*)";
  private static final String TLD = "(?i:com|cn|net|org|edu|gov|info|top|xyz|io|me|cc|hk|tw|mo|co|biz|vip|club)(?![A-Za-z])";

  /** A local part, a spelled-out or spaced "at", a domain of labels joined by spelled-out or spaced dots, a known top-level domain. */
  private static final Pattern OBFUSCATED_EMAIL = Pattern.compile(
      "(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*" + AT
          + "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:" + DOT + "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*" + DOT + TLD);

  static boolean obfuscatedEmail(String text) {
    return OBFUSCATED_EMAIL.matcher(text).find();
  }
}
