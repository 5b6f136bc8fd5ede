package org.gongyu.contracts.school.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A school admin signed off a period (完成上报): the school's figures of every indicator of that
 * period, as they stood, form an immutable version the county reviews. While the sign-off is in
 * force the school tier refuses changes that would alter those figures (ADR 0019). Aggregates only.
 * Consumers keep the highest {@code version} per (school, period), so a redelivered or late event
 * changes nothing.
 *
 * @param schoolId    the school
 * @param periodId    the period signed off, e.g. {@code 2025-2026-1} (a semester) or {@code 2025-2026}
 * @param version     strictly increasing per (school, period), from 1: a sign-off after a return or
 *                    a reopening is a new version
 * @param signedOffAt when the school admin signed off, UTC
 * @param figures     the signed-off figure of each indicator of the period
 */
public record PeriodSignedOff(String schoolId, String periodId, long version, Instant signedOffAt,
    List<SignedFigure> figures) {

  public PeriodSignedOff {
    Objects.requireNonNull(schoolId, "schoolId");
    Objects.requireNonNull(periodId, "periodId");
    Objects.requireNonNull(signedOffAt, "signedOffAt");
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
    figures = figures == null ? List.of() : List.copyOf(figures);
  }

  /**
   * One signed-off figure.
   *
   * @param indicatorCode   catalogue code
   * @param numerator       as in the snapshot
   * @param denominator     as in the snapshot
   * @param snapshotVersion the {@link IndicatorSnapshotPublished} version it is
   */
  public record SignedFigure(String indicatorCode, long numerator, long denominator, long snapshotVersion) {}
}
