package org.gongyu.district.catalogue;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The known indicators: target per period and the school types each applies to. Reading a
 * definition for a recompute takes the indicator lock shared; storing a new definition takes it
 * exclusively. That way a rollup created while a definition changes is either computed with the new
 * one or seen (and recomputed) by the change.
 */
@Component
public class IndicatorDefinitions {

  /** Namespace of the indicator advisory locks (first key of {@code pg_advisory_xact_lock(int, int)}). */
  static final int LOCK_NAMESPACE = 1;

  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<PeriodTarget>> TARGETS = new TypeReference<>() {};
  private static final TypeReference<List<String>> TYPES = new TypeReference<>() {};

  private final JdbcClient jdbc;

  IndicatorDefinitions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * What a recompute of the indicator needs, under the shared indicator lock. An indicator the
   * catalogue has not defined yet has no target and applies to every school type.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Rules rulesForRecompute(String indicatorCode) {
    jdbc.sql("select pg_advisory_xact_lock_shared(?, hashtext(?))").param(LOCK_NAMESPACE).param(indicatorCode).query().singleRow();
    return new Rules(find(indicatorCode).orElse(null));
  }

  /** The stored definition, without locking (for reads that judge nothing). */
  public Optional<IndicatorDefined> find(String indicatorCode) {
    return jdbc.sql(
            """
            select code, name_zh, name_en, kind, period_type, comparator, sensitive, school_types, targets, version
            from indicator_definition where code = ?
            """)
        .param(indicatorCode)
        .query(IndicatorDefinitions::definition)
        .optional();
  }

  /** Every stored definition, by code, without locking (for reads that judge nothing). */
  public List<IndicatorDefined> all() {
    return jdbc.sql(
            """
            select code, name_zh, name_en, kind, period_type, comparator, sensitive, school_types, targets, version
            from indicator_definition order by code
            """)
        .query(IndicatorDefinitions::definition)
        .list();
  }

  private static IndicatorDefined definition(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new IndicatorDefined(
            rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
            IndicatorKind.valueOf(rs.getString("kind")), PeriodType.valueOf(rs.getString("period_type")),
            TargetComparator.valueOf(rs.getString("comparator")), rs.getBoolean("sensitive"),
            JSON.readValue(rs.getString("school_types"), TYPES), JSON.readValue(rs.getString("targets"), TARGETS),
            rs.getLong("version"));
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void lockExclusively(String indicatorCode) {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").param(LOCK_NAMESPACE).param(indicatorCode).query().singleRow();
  }

  /**
   * Whether two versions judge every rollup alike: same kind, comparator and period type, the same
   * target for every period (steps compared by value, so 0.6000 equals 0.60) and the same school
   * types. Names and the sensitive flag do not change a figure.
   */
  static boolean sameRules(IndicatorDefined a, IndicatorDefined b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.kind() == b.kind() && a.comparator() == b.comparator() && a.periodType() == b.periodType()
        && new HashSet<>(a.schoolTypes()).equals(new HashSet<>(b.schoolTypes()))
        && steps(a).equals(steps(b));
  }

  /** The schedule as the targets it gives: sorted by period, equal values merged into one step. */
  private static List<Step> steps(IndicatorDefined d) {
    List<Step> sorted = d.targets().stream()
        .map(t -> new Step(Period.parse(d.periodType(), t.fromPeriod()), t.value() == null ? null : t.value().stripTrailingZeros()))
        .sorted(Comparator.comparing(Step::from))
        .toList();
    List<Step> merged = new java.util.ArrayList<>();
    for (Step s : sorted) {
      if (merged.isEmpty() || !sameValue(merged.getLast().value(), s.value())) {
        merged.add(s);
      }
    }
    return merged;
  }

  private static boolean sameValue(BigDecimal a, BigDecimal b) {
    return a == null || b == null ? a == b : a.compareTo(b) == 0;
  }

  private record Step(Period from, BigDecimal value) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Step s && from.equals(s.from) && sameValue(value, s.value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(from);
    }
  }

  /** How an indicator judges schools; {@code definition} is null while the catalogue has not defined it. */
  public record Rules(IndicatorDefined definition) {

    /** The target for a period, or {@code null} (undefined indicator, no step yet, or "rising"). */
    public Target targetFor(Period period) {
      return definition == null ? null : definition.targetFor(period);
    }

    /** Whether a school of this type counts for the indicator (every type while it is undefined). */
    public boolean appliesTo(String schoolType) {
      return definition == null || definition.appliesTo(schoolType);
    }

    public boolean sensitive() {
      return definition != null && definition.sensitive();
    }
  }
}
