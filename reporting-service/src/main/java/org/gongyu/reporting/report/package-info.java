/**
 * The reporting API ({@code /api/reports/**}): for one indicator and a period of its type, the city
 * with its counties, one county with its schools (and the lineage of its rollup, with when each
 * school snapshot version was made), or one school, and the below-target lists; the city, county
 * and school scorecards across the whole catalogue (the school's with what is missing); "what needs
 * attention" per tier (below target, missing, late); trends over consecutive periods. Shows each
 * tier's figures exactly as that tier published them and derives only presentation: rate, whether
 * the period's target is met, completeness, timeliness, gaps, directions, lateness, and the
 * withholding of small cells of sensitive indicators. Its services and views are public for the
 * exports, which render exactly what these endpoints answer. Owns no tables.
 */
package org.gongyu.reporting.report;
