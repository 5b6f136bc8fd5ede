/**
 * Approved figures (issue 15, ADR 0019): the figures a school signed off for a period, kept while
 * its county's latest review approves that sign-off, so reports can show them beside the live
 * figures, flag differences and answer with approved figures only. Fed by the school's sign-offs
 * and the county's reviews, in any order; aggregates only.
 */
package org.gongyu.reporting.approval;
