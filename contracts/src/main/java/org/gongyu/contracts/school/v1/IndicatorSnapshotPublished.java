package org.gongyu.contracts.school.v1;

import java.time.Instant;

/**
 * A school's figure for one indicator and period, derived by school-service from its own records.
 * Aggregates only: nothing here identifies a student or parent. A correction is a new, higher
 * version, never an update in place; consumers keep the highest version per (school, indicator,
 * period) and ignore older ones.
 *
 * @param schoolId      the school
 * @param indicatorCode catalogue code, e.g. {@code PLATFORM_REGISTRATION}
 * @param periodId      period id in the indicator's period type, e.g. {@code 2025-2026-1}
 * @param numerator     e.g. students with a registered guardian
 * @param denominator   e.g. enrolled students
 * @param version       strictly increasing per (school, indicator, period), from 1
 * @param asOf          when the school computed this figure, UTC
 */
public record IndicatorSnapshotPublished(
    String schoolId,
    String indicatorCode,
    String periodId,
    long numerator,
    long denominator,
    long version,
    Instant asOf) {}
