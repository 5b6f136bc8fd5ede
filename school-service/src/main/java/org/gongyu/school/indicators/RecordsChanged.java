package org.gongyu.school.indicators;

/**
 * Announced, inside its transaction, by a feature whose records feed indicators. The school's
 * snapshots for that school year are re-derived before the transaction commits. The announcer must
 * hold the school's lock.
 */
public record RecordsChanged(String schoolId, String schoolYear) {}
