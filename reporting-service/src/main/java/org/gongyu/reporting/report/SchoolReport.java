package org.gongyu.reporting.report;

/** The school view: one school's row and the county it is registered in. */
public record SchoolReport(IndicatorView indicator, String periodId, String countyId, SchoolFigures school,
    Basis basis) {}
