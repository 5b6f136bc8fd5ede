package org.gongyu.reporting.report;

import java.util.List;

/** The county view: the county's rollup and every registered school of the county. */
public record CountyReport(IndicatorView indicator, String periodId, CountyDetail county, List<SchoolFigures> schools,
    Basis basis) {}
