package org.gongyu.city.rollup;

import org.gongyu.contracts.indicator.Rollup;

/** A known county's latest rollup for one indicator and period. */
record CountyFigure(String countyId, long version, Rollup rollup) {}
