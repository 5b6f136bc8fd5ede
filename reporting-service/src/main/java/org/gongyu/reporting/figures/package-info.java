/**
 * The figures each tier published, latest version per unit, indicator and period: school
 * snapshots ({@code gongyu.school.indicator-snapshots.v1}), county rollups with the school
 * snapshot versions they used ({@code gongyu.district.indicator-rollups.v1}) and city rollups with
 * the county rollup versions they used ({@code gongyu.city.indicator-rollups.v1}). Stored exactly
 * as published, never recomputed. Owns {@code school_snapshot}, {@code county_rollup(_lineage)}
 * and {@code city_rollup(_lineage)}; other features read them through {@link
 * org.gongyu.reporting.figures.FigureRepository}.
 */
package org.gongyu.reporting.figures;
