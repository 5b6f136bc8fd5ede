package org.gongyu.reporting.report;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The approved figure beside a live one (issue 15, ADR 0019): for a school, what it signed off and
 * its county approved; for a county or the city, the sum over its schools with an approved figure.
 * {@code schoolsApproved} of {@code schoolsExpected} (null for a school); {@code approvedAt}: the
 * latest approval it includes; {@code differsFromLive}: the live figure is another (a correction
 * after approval, late data, or schools not yet approved); {@code suppressed}: a small cell of a
 * sensitive indicator, numerator, denominator, rate and met withheld.
 */
public record Approval(
    boolean suppressed,
    Long numerator,
    Long denominator,
    BigDecimal rate,
    Boolean met,
    int schoolsApproved,
    Integer schoolsExpected,
    Instant approvedAt,
    boolean differsFromLive) {}
