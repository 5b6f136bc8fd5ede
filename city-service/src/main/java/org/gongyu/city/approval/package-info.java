/**
 * The city's part of the approval chain (ADR 0019, issue 15 items 2 and 6): the counties'
 * submissions of a period as received from district-service ({@code CountyPeriodSubmission} on
 * {@code gongyu.district.period-approvals.v1}; highest version per (county, period) wins), and city
 * staff accepting or returning (with a comment) the submission in force: {@code
 * CountyPeriodDecided} on {@code gongyu.city.period-decisions.v1}, key county id. Every decision is
 * one transaction under the (county, period) lock: state row (optimistic version), trail row,
 * outbox event.
 */
package org.gongyu.city.approval;
