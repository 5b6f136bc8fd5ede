package org.gongyu.district.rollup;

import org.gongyu.contracts.indicator.Figure;

/** A registered school's latest snapshot for one indicator and period. */
record SchoolFigure(String schoolId, long version, Figure figure) {}
