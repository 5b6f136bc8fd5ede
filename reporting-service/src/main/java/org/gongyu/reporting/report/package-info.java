/**
 * The reporting API ({@code /api/reports/**}): for one indicator and a period of its type, the city
 * with its counties, one county with its schools, or one school, and the below-target lists; the
 * city and county scorecards across the whole catalogue; trends over consecutive periods. Shows
 * each tier's figures exactly as that tier published them and derives only presentation: rate,
 * whether the period's target is met, completeness, timeliness, gaps, directions, and the
 * withholding of small cells of sensitive indicators. Owns no tables.
 */
package org.gongyu.reporting.report;
