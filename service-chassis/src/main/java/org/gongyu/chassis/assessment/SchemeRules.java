package org.gongyu.chassis.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.assessment.ScoringItem;
import org.gongyu.contracts.assessment.ScoringRule;
import org.gongyu.contracts.assessment.ScoringScheme;
import org.gongyu.contracts.indicator.IndicatorKind;

/**
 * The rules a new scheme version must keep before anything is stored: titles and names present, at
 * least one item, codes well-formed and used once, indicators the catalogue defines, points above 0
 * with at most 2 decimals, <b>the items' points adding up to the total</b>, and a rule of the right
 * shape (a threshold not negative, a rate's at most 1, a floor below its target, bands rising and
 * giving at most the item's points). Every broken rule is reported, each naming its field
 * ({@code items[2].rule.floor}).
 */
public final class SchemeRules {

  static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{0,9}(\\.[A-Z0-9]{1,5}){0,2}");
  static final int MAX_ITEMS = 50;
  static final int MAX_BANDS = 10;
  static final int MAX_NAME = 200;
  static final BigDecimal MAX_POINTS = new BigDecimal("1000");
  static final BigDecimal MAX_THRESHOLD = new BigDecimal("100000");

  private final Function<String, Optional<IndicatorKind>> catalogue;
  private final List<Msg> errors = new ArrayList<>();

  private SchemeRules(Function<String, Optional<IndicatorKind>> catalogue) {
    this.catalogue = catalogue;
  }

  /**
   * The scheme of {@code body}, or a 422 listing every broken rule.
   *
   * @param catalogue the kind of each indicator the catalogue defines, empty for an unknown code
   */
  public static ScoringScheme check(IssueSchemeRequest body, Function<String, Optional<IndicatorKind>> catalogue) {
    SchemeRules rules = new SchemeRules(catalogue);
    List<IndicatorKind> kinds = rules.checkScheme(body);
    if (!rules.errors.isEmpty()) {
      throw ApiProblem.unprocessable(
          Msg.msg("assessment.problems", rules.errors.size(), Msg.joined(rules.errors)), rules.errors);
    }
    List<ScoringItem> items = new ArrayList<>();
    for (int i = 0; i < body.items().size(); i++) {
      IssueSchemeRequest.Item it = body.items().get(i);
      IssueSchemeRequest.Rule r = it.rule();
      ScoringRule rule = new ScoringRule(ScoringRule.Type.valueOf(r.type()), r.floor(), r.target(),
          r.bands() == null ? List.of() : r.bands().stream().map(b -> new ScoringRule.Band(b.atLeast(), b.points())).toList());
      items.add(new ScoringItem(it.code(), it.nameZh().strip(), it.nameEn().strip(), it.indicatorCode(), kinds.get(i),
          it.points(), rule));
    }
    return new ScoringScheme(body.titleZh().strip(), body.titleEn().strip(), body.totalPoints(), items);
  }

  /** Checks everything; returns each item's indicator kind (null where unknown). */
  private List<IndicatorKind> checkScheme(IssueSchemeRequest body) {
    text("titleZh", body.titleZh());
    text("titleEn", body.titleEn());
    BigDecimal total = body.totalPoints();
    boolean totalOk = total != null && points("totalPoints", total);
    if (total == null) {
      errors.add(Msg.msg("assessment.required", "totalPoints"));
    }
    List<IndicatorKind> kinds = new ArrayList<>();
    if (body.items() == null || body.items().isEmpty()) {
      errors.add(Msg.msg("assessment.no-item", "items"));
      return kinds;
    }
    if (body.items().size() > MAX_ITEMS) {
      errors.add(Msg.msg("assessment.too-many-items", "items", MAX_ITEMS, body.items().size()));
      return kinds;
    }
    Set<String> codes = new HashSet<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < body.items().size(); i++) {
      String at = "items[" + i + "]";
      IssueSchemeRequest.Item item = body.items().get(i);
      if (item == null) {
        errors.add(Msg.msg("assessment.required", at));
        kinds.add(null);
        sum = null;
        continue;
      }
      code(at + ".code", item.code(), codes);
      text(at + ".nameZh", item.nameZh());
      text(at + ".nameEn", item.nameEn());
      IndicatorKind kind = null;
      if (item.indicatorCode() == null || item.indicatorCode().isBlank()) {
        errors.add(Msg.msg("assessment.required", at + ".indicatorCode"));
      } else {
        kind = catalogue.apply(item.indicatorCode()).orElse(null);
        if (kind == null) {
          errors.add(Msg.msg("assessment.unknown-indicator", at + ".indicatorCode", item.indicatorCode()));
        }
      }
      kinds.add(kind);
      boolean pointsOk = false;
      if (item.points() == null) {
        errors.add(Msg.msg("assessment.required", at + ".points"));
      } else {
        pointsOk = points(at + ".points", item.points());
      }
      if (pointsOk && sum != null) {
        sum = sum.add(item.points());
      } else {
        sum = null;
      }
      rule(at + ".rule", item.rule(), kind, pointsOk ? item.points() : null);
    }
    if (totalOk && sum != null && sum.compareTo(total) != 0) {
      errors.add(Msg.msg("assessment.points-sum", "totalPoints", sum.stripTrailingZeros().toPlainString(),
          total.stripTrailingZeros().toPlainString()));
    }
    return kinds;
  }

  private void rule(String at, IssueSchemeRequest.Rule rule, IndicatorKind kind, BigDecimal itemPoints) {
    if (rule == null) {
      errors.add(Msg.msg("assessment.required", at));
      return;
    }
    ScoringRule.Type type;
    try {
      type = rule.type() == null ? null : ScoringRule.Type.valueOf(rule.type());
    } catch (IllegalArgumentException e) {
      type = null;
    }
    if (type == null) {
      errors.add(Msg.msg("assessment.rule-type", at + ".type", String.valueOf(rule.type())));
      return;
    }
    boolean usesFloor = type == ScoringRule.Type.LINEAR;
    boolean usesTarget = type != ScoringRule.Type.BANDS;
    boolean usesBands = type == ScoringRule.Type.BANDS;
    if (!usesFloor && rule.floor() != null) {
      errors.add(Msg.msg("assessment.not-for-rule", at + ".floor", type.name()));
    }
    if (!usesTarget && rule.target() != null) {
      errors.add(Msg.msg("assessment.not-for-rule", at + ".target", type.name()));
    }
    if (!usesBands && rule.bands() != null && !rule.bands().isEmpty()) {
      errors.add(Msg.msg("assessment.not-for-rule", at + ".bands", type.name()));
    }
    boolean floorOk = !usesFloor || threshold(at + ".floor", rule.floor(), kind);
    boolean targetOk = !usesTarget || threshold(at + ".target", rule.target(), kind);
    if (usesFloor && floorOk && targetOk && rule.floor().compareTo(rule.target()) >= 0) {
      errors.add(Msg.msg("assessment.floor-not-below-target", at + ".floor", plain(rule.floor()), plain(rule.target())));
    }
    if (usesBands) {
      bands(at + ".bands", rule.bands(), kind, itemPoints);
    }
  }

  private void bands(String at, List<IssueSchemeRequest.Band> bands, IndicatorKind kind, BigDecimal itemPoints) {
    if (bands == null || bands.isEmpty()) {
      errors.add(Msg.msg("assessment.no-band", at));
      return;
    }
    if (bands.size() > MAX_BANDS) {
      errors.add(Msg.msg("assessment.too-many-bands", at, MAX_BANDS, bands.size()));
      return;
    }
    IssueSchemeRequest.Band previous = null;
    for (int k = 0; k < bands.size(); k++) {
      String bat = at + "[" + k + "]";
      IssueSchemeRequest.Band b = bands.get(k);
      if (b == null) {
        errors.add(Msg.msg("assessment.required", bat));
        previous = null;
        continue;
      }
      boolean atLeastOk = threshold(bat + ".atLeast", b.atLeast(), kind);
      boolean pointsOk = false;
      if (b.points() == null) {
        errors.add(Msg.msg("assessment.required", bat + ".points"));
      } else if (b.points().signum() < 0) {
        errors.add(Msg.msg("assessment.band-points-negative", bat + ".points", plain(b.points())));
      } else if (b.points().stripTrailingZeros().scale() > 2) {
        errors.add(Msg.msg("assessment.points-scale", bat + ".points", 2, b.points().toPlainString()));
      } else if (itemPoints != null && b.points().compareTo(itemPoints) > 0) {
        errors.add(Msg.msg("assessment.band-above-item", bat + ".points", plain(b.points()), plain(itemPoints)));
      } else {
        pointsOk = true;
      }
      if (previous != null && atLeastOk && previous.atLeast() != null) {
        if (b.atLeast().compareTo(previous.atLeast()) <= 0) {
          errors.add(Msg.msg("assessment.bands-order", bat + ".atLeast", plain(b.atLeast()), plain(previous.atLeast())));
        } else if (pointsOk && previous.points() != null && b.points().compareTo(previous.points()) < 0) {
          errors.add(Msg.msg("assessment.band-points-fall", bat + ".points", plain(b.points()), plain(previous.points())));
        }
      }
      previous = atLeastOk && pointsOk ? b : null;
    }
  }

  private boolean threshold(String at, BigDecimal value, IndicatorKind kind) {
    if (value == null) {
      errors.add(Msg.msg("assessment.required", at));
      return false;
    }
    if (value.signum() < 0) {
      errors.add(Msg.msg("assessment.threshold-negative", at, plain(value)));
      return false;
    }
    if ((kind == IndicatorKind.RATIO || kind == IndicatorKind.SCHOOL_THRESHOLD) && value.compareTo(BigDecimal.ONE) > 0) {
      errors.add(Msg.msg("assessment.rate-above-one", at, plain(value)));
      return false;
    }
    if (value.compareTo(MAX_THRESHOLD) > 0 || value.stripTrailingZeros().scale() > 4) {
      errors.add(Msg.msg("assessment.threshold-format", at, plain(value)));
      return false;
    }
    return true;
  }

  private boolean points(String at, BigDecimal value) {
    if (value.signum() <= 0) {
      errors.add(Msg.msg("assessment.points-positive", at, plain(value)));
      return false;
    }
    if (value.stripTrailingZeros().scale() > 2) {
      errors.add(Msg.msg("assessment.points-scale", at, 2, value.toPlainString()));
      return false;
    }
    if (value.compareTo(MAX_POINTS) > 0) {
      errors.add(Msg.msg("assessment.points-max", at, plain(MAX_POINTS), plain(value)));
      return false;
    }
    return true;
  }

  private void code(String at, String code, Set<String> seen) {
    if (code == null || code.isBlank()) {
      errors.add(Msg.msg("assessment.required", at));
    } else if (!CODE.matcher(code).matches()) {
      errors.add(Msg.msg("assessment.code-format", at, code));
    } else if (!seen.add(code)) {
      errors.add(Msg.msg("assessment.code-twice", at, code));
    }
  }

  private void text(String at, String value) {
    if (value == null || value.isBlank()) {
      errors.add(Msg.msg("assessment.required", at));
    } else if (value.strip().length() > MAX_NAME) {
      errors.add(Msg.msg("assessment.text-too-long", at, MAX_NAME, value.strip().length()));
    }
  }

  private static String plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
  }
}
