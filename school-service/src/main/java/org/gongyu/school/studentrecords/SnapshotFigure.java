package org.gongyu.school.studentrecords;

import java.math.BigDecimal;
import org.gongyu.school.indicators.SnapshotService;

/**
 * A figure as a record API answers it: the latest snapshot of one indicator and period after the
 * request.
 */
public record SnapshotFigure(String indicatorCode, String periodId, long numerator, long denominator, BigDecimal rate,
    long version) {

  public static SnapshotFigure of(SnapshotService.Snapshot s) {
    return new SnapshotFigure(s.indicatorCode(), s.periodId(), s.numerator(), s.denominator(), s.figure().rate(), s.version());
  }
}
