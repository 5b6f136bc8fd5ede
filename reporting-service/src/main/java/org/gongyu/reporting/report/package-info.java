/**
 * The reporting API ({@code /api/reports/**}): for one indicator and semester, the city with its
 * counties, one county with its schools, or one school. Shows each tier's figures exactly as that
 * tier published them (the county and city figures are the counties' and the city's own rollups)
 * and derives only presentation: rate, whether the target is met, completeness. Owns no tables.
 */
package org.gongyu.reporting.report;
