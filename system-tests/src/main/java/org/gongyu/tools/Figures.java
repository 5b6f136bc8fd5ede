package org.gongyu.tools;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The arithmetic of the benchmark's report, kept apart from the measuring so it can be tested:
 * the spread of a figure over repetitions, and each platform figure as a share (or a multiple) of
 * the raw limit measured in the same repetition. Figures vary ±2× between runs on a busy machine,
 * so a single run is never reported alone when several were made.
 */
final class Figures {

  private Figures() {}

  /** Minimum, median (mean of the two middle values for an even count) and maximum. */
  record Spread(double min, double median, double max, int n) {

    static Spread of(List<Double> values) {
      double[] v = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sorted().toArray();
      if (v.length == 0) {
        return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
      }
      int mid = v.length / 2;
      double median = v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
      return new Spread(v[0], median, v[v.length - 1], v.length);
    }
  }

  /**
   * How a platform figure compares with a raw limit. {@code SHARE}: a rate against the rate the
   * machine allows (per cent, higher is better). {@code MULTIPLE}: a cost against the bare cost of
   * the same work (×, lower is better), e.g. a batch's latency against the raw insert of as many rows.
   */
  enum Kind { SHARE, MULTIPLE }

  /** A platform figure set against a limit, both named by their keys in a repetition's figures. */
  record Ratio(String figure, String limit, Kind kind) {

    double of(Map<String, Double> figures) {
      Double f = figures.get(figure);
      Double l = figures.get(limit);
      if (f == null || l == null || l == 0 || f.isNaN() || l.isNaN()) {
        return Double.NaN;
      }
      return f / l;
    }

    String format(double ratio) {
      return kind == Kind.SHARE ? percent(ratio) : times(ratio);
    }
  }

  /** A ratio as a percentage with two significant digits below 10 % ({@code 0.0312 -> "3.1 %"}). */
  static String percent(double ratio) {
    if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
      return "n/a";
    }
    double p = ratio * 100;
    if (p == 0) {
      return "0 %";
    }
    if (Math.abs(p) >= 10) {
      return String.format(Locale.ROOT, "%.0f %%", p);
    }
    int decimals = Math.max(1, 1 - (int) Math.floor(Math.log10(Math.abs(p))));
    return String.format(Locale.ROOT, "%." + decimals + "f %%", p);
  }

  /** A ratio as a multiple ({@code 41.7 -> "42×"}, {@code 1.25 -> "1.3×"}). */
  static String times(double ratio) {
    if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, Math.abs(ratio) >= 10 ? "%.0f×" : "%.1f×", ratio);
  }

  /** A figure with thousands separators and as many decimals as its size deserves. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    return String.format(Locale.ROOT, a >= 100 ? "%,.0f" : a >= 10 ? "%,.1f" : a >= 1 ? "%,.2f" : "%,.3f", v);
  }

  /** Label and unit of a figure, in the order it is printed. */
  record Label(String key, String text, String unit) {}

  /**
   * Prints, for every labelled figure present in at least one repetition, its value (one
   * repetition) or its min/median/max (several), then every ratio the same way, each ratio taken
   * within one repetition before the spread is computed.
   */
  static void summarise(List<Map<String, Double>> repetitions, List<Label> labels, List<Ratio> ratios, PrintStream out) {
    int n = repetitions.size();
    Map<String, Label> byKey = new LinkedHashMap<>();
    labels.forEach(l -> byKey.put(l.key(), l));
    int width = labels.stream().mapToInt(l -> l.text().length()).max().orElse(10);
    for (Label l : labels) {
      List<Double> values = column(repetitions, l.key());
      if (values.isEmpty()) {
        continue;
      }
      out.printf("  %-" + width + "s  %s%n", l.text(), spread(Spread.of(values), n, Figures::number) + " " + l.unit());
    }
    boolean header = false;
    for (Ratio r : ratios) {
      List<Double> values = new ArrayList<>();
      repetitions.forEach(rep -> values.add(r.of(rep)));
      if (values.stream().allMatch(d -> d.isNaN())) {
        continue;
      }
      if (!header) {
        out.println("ratios (platform figure / raw limit, each taken within one repetition):");
        header = true;
      }
      String f = byKey.containsKey(r.figure()) ? byKey.get(r.figure()).text() : r.figure();
      String l = byKey.containsKey(r.limit()) ? byKey.get(r.limit()).text() : r.limit();
      out.printf("  %s / %s: %s%n", f, l, spread(Spread.of(values), n, r::format));
    }
  }

  private static List<Double> column(List<Map<String, Double>> repetitions, String key) {
    return repetitions.stream().filter(r -> r.containsKey(key)).map(r -> r.get(key)).toList();
  }

  private static String spread(Spread s, int repetitions, java.util.function.DoubleFunction<String> format) {
    if (repetitions == 1 || s.n() <= 1) {
      return format.apply(s.median());
    }
    return "median " + format.apply(s.median()) + " (min " + format.apply(s.min()) + ", max " + format.apply(s.max()) + ", n=" + s.n() + ")";
  }
}
