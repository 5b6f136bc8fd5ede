/**
 * The county's 学区 performance assessment (学区教育发展业绩考核, seed 001; issue 17 item 7, ADR 0028):
 * the county admin issues versioned scoring schemes over catalogue indicators and computes them for
 * a school year over the figures of each 学区 of the county; each run keeps the version, the figures
 * and every 学区's points and explanation per item, total and rank, and is exported as {@code .xlsx}.
 * A 学区's figures come through {@link org.gongyu.district.assessment.XuequFigures}: today {@link
 * org.gongyu.district.assessment.SchoolSumXuequFigures} sums the school snapshots of the schools that
 * belonged to the 学区 (effective-dated membership); a per-学区 rollup replaces it by being the bean
 * of that interface. Model, rules and arithmetic are shared with city-service's management
 * assessment ({@code org.gongyu.chassis.assessment}); tables {@code assessment_*} (V12), owner = the county.
 */
package org.gongyu.district.assessment;
