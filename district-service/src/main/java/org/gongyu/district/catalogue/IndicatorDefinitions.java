package org.gongyu.district.catalogue;

import java.math.BigDecimal;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.contracts.indicator.TargetComparator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets of the known indicators. Reading a target for a recompute takes the indicator lock
 * shared; storing a new definition takes it exclusively. That way a rollup created while a target
 * changes is either computed with the new target or seen (and recomputed) by the change.
 */
@Component
public class IndicatorDefinitions {

  /** Namespace of the indicator advisory locks (first key of {@code pg_advisory_xact_lock(int, int)}). */
  static final int LOCK_NAMESPACE = 1;

  private final JdbcClient jdbc;

  IndicatorDefinitions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The current target of an indicator, or {@code null} while the catalogue has not defined it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Target targetForRecompute(String indicatorCode) {
    jdbc.sql("select pg_advisory_xact_lock_shared(?, hashtext(?))").param(LOCK_NAMESPACE).param(indicatorCode).query().singleRow();
    return jdbc.sql("select kind, target, comparator from indicator_definition where code = ?")
        .param(indicatorCode)
        .query((rs, i) -> new Target(
            IndicatorKind.valueOf(rs.getString("kind")),
            rs.getBigDecimal("target"),
            TargetComparator.valueOf(rs.getString("comparator"))))
        .optional()
        .orElse(null);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void lockExclusively(String indicatorCode) {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").param(LOCK_NAMESPACE).param(indicatorCode).query().singleRow();
  }

  static boolean sameTarget(Target a, Target b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.kind() == b.kind() && a.comparator() == b.comparator() && compare(a.value(), b.value());
  }

  private static boolean compare(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) == 0;
  }
}
