/**
 * The county's part of the approval chain (ADR 0019, issue 15 items 2 and 6): school sign-offs
 * received from school-service ({@code PeriodSignedOff}), the county admin's review of each
 * school's latest sign-off (approve, return with a comment, reopen an approved one with a reason:
 * {@code SchoolPeriodReviewed}), the county's submission of the period to the city once every
 * expected school is approved, or its withdrawal ({@code CountyPeriodSubmission}), and the city's
 * decision as received ({@code CountyPeriodDecided}). Every step is one transaction: state row
 * (optimistic version), trail row and outbox event, under the (county, period) lock.
 */
package org.gongyu.district.approval;
