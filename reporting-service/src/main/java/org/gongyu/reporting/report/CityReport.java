package org.gongyu.reporting.report;

import java.util.List;

/** The city view: the city's rollup ({@code null} if it has not published one) and every known county. */
public record CityReport(IndicatorView indicator, String periodId, CityFigures city, List<CountyFigures> counties,
    Basis basis) {}
