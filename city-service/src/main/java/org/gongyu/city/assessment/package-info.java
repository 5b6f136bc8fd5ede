/**
 * The city's management assessment of counties (管理考核, seed 000; issue 17 item 7, ADR 0028): city
 * staff issue versioned scoring schemes over catalogue indicators and compute them for a school
 * year over the county rollups the city holds ({@code county_rollup}); each run keeps the version,
 * the figures and every county's points and explanation per item, total and rank, and is exported
 * as {@code .xlsx}. A county reads its own row of a run. The scheme model, rules and arithmetic are
 * shared with district-service's 学区 assessment ({@code org.gongyu.chassis.assessment}, {@code
 * org.gongyu.contracts.assessment}); the tables are {@code assessment_*} (V17), owner = the city.
 */
package org.gongyu.city.assessment;
