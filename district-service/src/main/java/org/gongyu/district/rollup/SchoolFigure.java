package org.gongyu.district.rollup;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;

/**
 * A counted school's latest snapshot for one indicator and period.
 *
 * @param firstAsOf the earliest {@code asOf} of any version of it (when the school first reported)
 */
record SchoolFigure(String schoolId, long version, Figure figure, Instant firstAsOf) {}
