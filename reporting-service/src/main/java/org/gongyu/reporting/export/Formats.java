package org.gongyu.reporting.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How figures read for people, and how text is made safe for a spreadsheet. Pure functions.
 *
 * <p>Values by the indicator's kind: a rate (RATIO) as {@code 54.4 %}; a per-capita figure as
 * {@code 3.2 次/人} ({@code 3.2 per person}); a share of schools (SCHOOL_THRESHOLD) as {@code 9/10
 * 所} ({@code 9/10 schools}) from numerator and denominator; counts (COUNT, UNIT_COUNT) with at
 * most one decimal. A withheld small cell reads {@code <5}, nothing to show {@code —}.
 */
final class Formats {

  static final String SUPPRESSED = "<5";
  static final String NOTHING = "—";
  static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private Formats() {}

  /**
   * A text cell that a spreadsheet would take as a formula (it starts with {@code =}, {@code +},
   * {@code -}, {@code @}, a tab or a carriage return) is prefixed with {@code '} so it stays text
   * (CSV/formula injection); other text is returned as it is.
   */
  static String neutralise(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
  }

  /**
   * The value of a figure of {@code kind} for people; {@code numerator}/{@code denominator} for a
   * share of schools. A rate or per-capita value that differs from its {@code target} keeps as many
   * decimals (1 to 4) as it takes not to read like the target, as the web app shows it: 3.96 次/人
   * against ≥ 4, not 4.0 beside 未达标.
   */
  static String value(String kind, BigDecimal value, BigDecimal target, Long numerator, Long denominator,
      boolean suppressed, Lang lang) {
    if (suppressed) {
      return SUPPRESSED;
    }
    if ("SCHOOL_THRESHOLD".equals(kind) && numerator != null && denominator != null) {
      return numerator + "/" + denominator + lang.pick(" 所", " schools");
    }
    if (value == null) {
      return NOTHING;
    }
    return switch (kind) {
      case "RATIO" -> apart(value.movePointRight(2), target == null ? null : target.movePointRight(2)) + " %";
      case "PER_CAPITA" -> apart(value, target) + lang.pick(" 次/人", " per person");
      default -> amount(kind, value, lang);
    };
  }

  private static String apart(BigDecimal value, BigDecimal target) {
    int decimals = 1;
    if (target != null && value.compareTo(target) != 0) {
      while (decimals < 4 && value.setScale(decimals, RoundingMode.HALF_UP)
          .compareTo(target.setScale(decimals, RoundingMode.HALF_UP)) == 0) {
        decimals++;
      }
    }
    return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * A county's or the city's cell as the web app shows it: for a per-school COUNT the schools
   * meeting the per-school target out of those expected ({@code 6/30 所}), since that is what its
   * met / not met judges; any other kind as {@link #value}.
   */
  static String rollup(String kind, org.gongyu.reporting.report.RollupCell c, Lang lang) {
    if ("COUNT".equals(kind) && !c.suppressed() && c.schoolsMeetingTarget() != null && c.schoolsExpected() != null) {
      return c.schoolsMeetingTarget() + "/" + c.schoolsExpected() + lang.pick(" 所", " schools");
    }
    return value(kind, c.value(), c.target(), c.numerator(), c.denominator(), c.suppressed(), lang);
  }

  /** A value or target of {@code kind} without numerator and denominator: 54.4 %, 3.2 次/人, 1.5. */
  static String amount(String kind, BigDecimal value, Lang lang) {
    if (value == null) {
      return NOTHING;
    }
    return switch (kind) {
      case "RATIO", "SCHOOL_THRESHOLD" -> percent(value);
      case "PER_CAPITA" -> oneDecimal(value) + lang.pick(" 次/人", " per person");
      default -> upToOneDecimal(value);
    };
  }

  /** 0.5440 → 54.4 %; 1 → 100.0 %. */
  static String percent(BigDecimal rate) {
    if (rate == null) {
      return NOTHING;
    }
    return rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
  }

  static String oneDecimal(BigDecimal value) {
    return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  /** 3 → 3, 1.5 → 1.5, 2.6667 → 2.7. */
  static String upToOneDecimal(BigDecimal value) {
    BigDecimal v = value.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }

  /** Whether the figure met its target, in words (the PDF never relies on colour alone). */
  static String met(Boolean met, Lang lang) {
    if (met == null) {
      return "";
    }
    return met ? lang.pick("达标", "met") : lang.pick("未达标", "not met");
  }

  /** A local time in the city, e.g. 2026-12-04 16:05. */
  static String local(Instant instant, ZoneId zone) {
    return instant == null ? NOTHING : LOCAL.format(instant.atZone(zone));
  }

  /**
   * A file name for {@code Content-Disposition}: characters that no file system takes (and
   * controls) replaced by {@code _}.
   */
  static String fileName(String name) {
    return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
  }

  /**
   * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>} (RFC 6266
   * with the RFC 5987 extended parameter), so Chinese names survive every browser.
   */
  static String contentDisposition(String fileName, String asciiFallback) {
    return "attachment; filename=\"" + asciiFallback.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''"
        + rfc5987(fileName);
  }

  /** Percent-encodes everything but RFC 5987 attr-chars, byte by byte in UTF-8. */
  static String rfc5987(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
