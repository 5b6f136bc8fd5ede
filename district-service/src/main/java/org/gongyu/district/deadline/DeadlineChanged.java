package org.gongyu.district.deadline;

/** Published in-process, inside the transaction that set or changed a county's deadline for a period. */
public record DeadlineChanged(String countyId, String periodId) {}
