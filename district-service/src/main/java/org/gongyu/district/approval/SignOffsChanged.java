package org.gongyu.district.approval;

/**
 * Published in-process, inside the transaction that stored a school's sign-off of a period or the
 * county's review of one: completeness, timeliness and approvals of that county's period changed.
 */
public record SignOffsChanged(String countyId, String periodId) {}
