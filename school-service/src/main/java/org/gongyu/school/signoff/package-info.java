/**
 * Period sign-off at the school tier (issue 15, ADR 0019 "Periods and sign-off"): a school admin
 * signs off a period (完成上报); the school's figures of that period are refreshed and kept as an
 * immutable signed-off version ({@code sign_off}, {@code sign_off_figure}) and announced as {@code
 * PeriodSignedOff} through the outbox in the same transaction. The county's reviews ({@code
 * SchoolPeriodReviewed}) arrive on its period-approvals topic and move the period's state ({@code
 * sign_off_state}): approved keeps the lock, returned or reopened lifts it and re-derives the
 * period's figures.
 *
 * <p>This feature owns the lock's state and offers it to the indicators feature as {@link
 * org.gongyu.school.indicators.PeriodLocks}; the lock itself is enforced where every record family
 * announces its change ({@code SnapshotService.refresh}), so no family knows about sign-offs.
 */
package org.gongyu.school.signoff;
