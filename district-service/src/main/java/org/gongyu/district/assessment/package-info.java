/**
 * The county's 学区 performance assessment (学区教育发展业绩考核, seed 001; issue 17 item 7, ADR 0028):
 * the county admin issues versioned scoring schemes over catalogue indicators and computes them for
 * a school year over the figures of each 学区 of the county; each run keeps the version, the figures
 * and every 学区's points and explanation per item, total and rank, and is exported as {@code .xlsx}.
 * A 学区's figures come through {@link org.gongyu.district.assessment.XuequFigures}: {@link
 * org.gongyu.district.assessment.RollupXuequFigures} takes them from the 学区's rollup ({@code
 * rollup.XuequRollups}, the county's rules over the effective-dated membership), so the assessment
 * scores what the 学区 page shows. Model, rules and arithmetic are shared with city-service's management
 * assessment ({@code org.gongyu.chassis.assessment}); tables {@code assessment_*} (V12), owner = the county.
 */
package org.gongyu.district.assessment;
