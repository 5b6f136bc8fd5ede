package org.gongyu.city.standard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.demonstration.Rubric;

/**
 * The rules a new standard version must keep before anything is stored: names and evidence text
 * present, at least one area and one criterion per area, codes well-formed and used once (a
 * criterion's code starts with its area's: {@code A1.2} in {@code A1}), points and pass mark above
 * 0 with at most 2 decimals ({@code numeric(8,2)}, and the half points assessors can give), the
 * pass mark at most the full mark, indicator codes the city catalogue defines. Every broken rule
 * is reported, each naming its field ({@code areas[0].criteria[2].points}).
 */
final class RubricRules {

  static final Pattern AREA_CODE = Pattern.compile("[A-Z][A-Z0-9]{0,9}");
  static final Pattern CRITERION_CODE = Pattern.compile("[A-Z][A-Z0-9]{0,9}(\\.[A-Z0-9]{1,5}){1,3}");
  static final int MAX_AREAS = 20;
  static final int MAX_CRITERIA_PER_AREA = 30;
  static final int MAX_NAME = 200;
  static final int MAX_EVIDENCE = 2000;
  static final int MAX_SCALE = 2;
  static final BigDecimal MAX_POINTS = new BigDecimal("1000");

  private final Set<String> indicatorCodes;
  private final List<Msg> errors = new ArrayList<>();

  private RubricRules(Set<String> indicatorCodes) {
    this.indicatorCodes = indicatorCodes;
  }

  /**
   * The rubric of {@code body}, or a 422 listing every broken rule.
   *
   * @param indicatorCodes the codes of the city catalogue
   */
  static Rubric check(IssueStandardRequest body, Set<String> indicatorCodes) {
    RubricRules rules = new RubricRules(indicatorCodes);
    rules.checkRubric(body);
    if (!rules.errors.isEmpty()) {
      throw ApiProblem.unprocessable(
          Msg.msg("city.standard.problems", rules.errors.size(), Msg.joined(rules.errors)), rules.errors);
    }
    return new Rubric(body.titleZh().strip(), body.titleEn().strip(), body.passMark(), body.areas().stream()
        .map(a -> new Rubric.Area(a.code(), a.nameZh().strip(), a.nameEn().strip(), a.criteria().stream()
            .map(c -> new Rubric.Criterion(c.code(), c.nameZh().strip(), c.nameEn().strip(), c.points(),
                c.evidenceRequired().strip(), c.indicatorCodes() == null ? List.of() : c.indicatorCodes()))
            .toList()))
        .toList());
  }

  private void checkRubric(IssueStandardRequest body) {
    text("titleZh", body.titleZh(), MAX_NAME);
    text("titleEn", body.titleEn(), MAX_NAME);
    BigDecimal fullMark = BigDecimal.ZERO;
    boolean fullMarkKnown = true;
    if (body.areas() == null || body.areas().isEmpty()) {
      errors.add(Msg.msg("city.rubric.no-area", "areas"));
      fullMarkKnown = false;
    } else if (body.areas().size() > MAX_AREAS) {
      errors.add(Msg.msg("city.rubric.too-many-areas", "areas", MAX_AREAS, body.areas().size()));
      fullMarkKnown = false;
    } else {
      Set<String> codes = new HashSet<>();
      for (int i = 0; i < body.areas().size(); i++) {
        BigDecimal points = area("areas[" + i + "]", body.areas().get(i), codes);
        if (points == null) {
          fullMarkKnown = false;
        } else {
          fullMark = fullMark.add(points);
        }
      }
    }
    BigDecimal pass = body.passMark();
    if (pass == null) {
      errors.add(Msg.msg("city.rubric.required", "passMark"));
    } else if (points("passMark", pass) && fullMarkKnown && pass.compareTo(fullMark) > 0) {
      errors.add(Msg.msg("city.rubric.pass-above-full", "passMark", pass.toPlainString(), fullMark.toPlainString()));
    }
  }

  /** Checks an area; returns the sum of its criteria's points, null if any is missing or invalid. */
  private BigDecimal area(String at, IssueStandardRequest.Area area, Set<String> codes) {
    if (area == null) {
      errors.add(Msg.msg("city.rubric.null-area", at));
      return null;
    }
    boolean codeOk = code(at + ".code", area.code(), AREA_CODE, "city.rubric.area-code-format", codes);
    text(at + ".nameZh", area.nameZh(), MAX_NAME);
    text(at + ".nameEn", area.nameEn(), MAX_NAME);
    List<IssueStandardRequest.Criterion> criteria = area.criteria();
    if (criteria == null || criteria.isEmpty()) {
      errors.add(Msg.msg("city.rubric.no-criterion", at + ".criteria"));
      return null;
    }
    if (criteria.size() > MAX_CRITERIA_PER_AREA) {
      errors.add(Msg.msg("city.rubric.too-many-criteria", at + ".criteria", MAX_CRITERIA_PER_AREA, criteria.size()));
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int j = 0; j < criteria.size(); j++) {
      String cat = at + ".criteria[" + j + "]";
      IssueStandardRequest.Criterion c = criteria.get(j);
      if (c == null) {
        errors.add(Msg.msg("city.rubric.null-criterion", cat));
        sum = null;
        continue;
      }
      if (code(cat + ".code", c.code(), CRITERION_CODE, "city.rubric.criterion-code-format", codes)
          && codeOk && !c.code().startsWith(area.code() + ".")) {
        errors.add(Msg.msg("city.rubric.criterion-prefix", cat + ".code", c.code(), area.code()));
      }
      text(cat + ".nameZh", c.nameZh(), MAX_NAME);
      text(cat + ".nameEn", c.nameEn(), MAX_NAME);
      text(cat + ".evidenceRequired", c.evidenceRequired(), MAX_EVIDENCE);
      indicators(cat + ".indicatorCodes", c.indicatorCodes());
      if (c.points() == null) {
        errors.add(Msg.msg("city.rubric.required", cat + ".points"));
        sum = null;
      } else if (!points(cat + ".points", c.points())) {
        sum = null;
      } else if (sum != null) {
        sum = sum.add(c.points());
      }
    }
    return sum;
  }

  private boolean points(String at, BigDecimal value) {
    if (value.signum() <= 0) {
      errors.add(Msg.msg("city.rubric.points-positive", at, value.toPlainString()));
      return false;
    }
    if (value.stripTrailingZeros().scale() > MAX_SCALE) {
      errors.add(Msg.msg("city.rubric.points-scale", at, MAX_SCALE, value.toPlainString()));
      return false;
    }
    if (value.compareTo(MAX_POINTS) > 0) {
      errors.add(Msg.msg("city.rubric.points-max", at, MAX_POINTS.toPlainString(), value.toPlainString()));
      return false;
    }
    return true;
  }

  private boolean code(String at, String code, Pattern format, String expected, Set<String> seen) {
    if (code == null || code.isBlank()) {
      errors.add(Msg.msg("city.rubric.required", at));
      return false;
    }
    if (!format.matcher(code).matches()) {
      errors.add(Msg.msg("city.rubric.not-a-code", at, code, Msg.msg(expected)));
      return false;
    }
    if (!seen.add(code)) {
      errors.add(Msg.msg("city.rubric.code-twice", at, code));
      return false;
    }
    return true;
  }

  private void text(String at, String value, int max) {
    if (value == null || value.isBlank()) {
      errors.add(Msg.msg("city.rubric.text-required", at));
    } else if (value.strip().length() > max) {
      errors.add(Msg.msg("city.rubric.text-too-long", at, max, value.strip().length()));
    }
  }

  private void indicators(String at, List<String> codes) {
    if (codes == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < codes.size(); k++) {
      String code = codes.get(k);
      if (code == null || !indicatorCodes.contains(code)) {
        errors.add(Msg.msg("city.rubric.unknown-indicator", at + "[" + k + "]", code));
      } else if (!seen.add(code)) {
        errors.add(Msg.msg("city.rubric.indicator-twice", at + "[" + k + "]", code));
      }
    }
  }
}
