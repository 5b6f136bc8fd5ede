package org.gongyu.contracts.demonstration;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A demonstration-school standard (示范学校建设/认定标准) as scored: task areas, each with criteria
 * worth points; the points of all criteria are the full mark, and a school passes with a final score
 * of at least {@code passMark}. Issued by the city (versioned), copied by each county programme,
 * which keeps the version it started with.
 *
 * @param titleZh  the standard's title
 * @param titleEn  its English title
 * @param passMark the final score a school needs for the title, at most the full mark
 * @param areas    the task areas in order, at least one
 */
public record Rubric(String titleZh, String titleEn, BigDecimal passMark, List<Area> areas) {

  public Rubric {
    Objects.requireNonNull(titleZh, "titleZh");
    Objects.requireNonNull(titleEn, "titleEn");
    Objects.requireNonNull(passMark, "passMark");
    areas = List.copyOf(Objects.requireNonNull(areas, "areas"));
    if (areas.isEmpty()) {
      throw new IllegalArgumentException("a rubric needs at least one area");
    }
    Set<String> codes = new HashSet<>();
    for (Area a : areas) {
      if (!codes.add(a.code())) {
        throw new IllegalArgumentException("area code " + a.code() + " is used twice");
      }
      for (Criterion c : a.criteria()) {
        if (!codes.add(c.code())) {
          throw new IllegalArgumentException("criterion code " + c.code() + " is used twice");
        }
      }
    }
    if (passMark.signum() <= 0 || passMark.compareTo(fullMark(areas)) > 0) {
      throw new IllegalArgumentException("passMark " + passMark + " must be above 0 and at most the full mark " + fullMark(areas));
    }
  }

  /** The sum of all criteria's points. */
  public BigDecimal fullMark() {
    return fullMark(areas);
  }

  /** Every criterion, area by area, in order. */
  public List<Criterion> criteria() {
    return areas.stream().flatMap(a -> a.criteria().stream()).toList();
  }

  public Optional<Criterion> criterion(String code) {
    return criteria().stream().filter(c -> c.code().equals(code)).findFirst();
  }

  private static BigDecimal fullMark(List<Area> areas) {
    return areas.stream().flatMap(a -> a.criteria().stream()).map(Criterion::points).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * A task area (任务), e.g. family-education guidance.
   *
   * @param code     stable code, e.g. {@code A1}
   * @param nameZh   name
   * @param nameEn   English name
   * @param criteria its criteria (sub-tasks) in order, at least one
   */
  public record Area(String code, String nameZh, String nameEn, List<Criterion> criteria) {
    public Area {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(nameZh, "nameZh");
      Objects.requireNonNull(nameEn, "nameEn");
      criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
      if (criteria.isEmpty()) {
        throw new IllegalArgumentException("area " + code + " needs at least one criterion");
      }
    }
  }

  /**
   * A criterion scored from 0 to {@code points}.
   *
   * @param code             stable code, e.g. {@code A1.1}
   * @param nameZh           name
   * @param nameEn           English name
   * @param points           the most a school can score on it (its weight), above 0
   * @param evidenceRequired what the school must show for it
   * @param indicatorCodes   the catalogue indicators the criterion is tied to, possibly none
   */
  public record Criterion(
      String code, String nameZh, String nameEn, BigDecimal points, String evidenceRequired, List<String> indicatorCodes) {
    public Criterion {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(nameZh, "nameZh");
      Objects.requireNonNull(nameEn, "nameEn");
      Objects.requireNonNull(points, "points");
      Objects.requireNonNull(evidenceRequired, "evidenceRequired");
      indicatorCodes = indicatorCodes == null ? List.of() : List.copyOf(indicatorCodes);
      if (points.signum() <= 0) {
        throw new IllegalArgumentException("criterion " + code + " must be worth more than 0 points");
      }
    }
  }
}
