/**
 * Org units as the web app names them ({@code /api/reports/units/{unitId}}): the city, a county or
 * a school with the names of the units above it, for the top bar and the breadcrumbs; and the
 * scope rule {@code @reportUnits.visible(#unitId)} that decides which of them a caller may read.
 * Owns no tables: reads the org units and the city's name from the read models.
 */
package org.gongyu.reporting.units;
