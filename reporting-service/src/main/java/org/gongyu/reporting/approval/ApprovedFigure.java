package org.gongyu.reporting.approval;

import java.time.Instant;
import org.gongyu.contracts.indicator.Figure;

/**
 * A school's approved figure of one indicator and period: what it signed off, approved by its county.
 *
 * @param snapshotVersion the school snapshot version signed off
 * @param signOffVersion  the sign-off version the county approved
 */
public record ApprovedFigure(String schoolId, long numerator, long denominator, long snapshotVersion, long signOffVersion,
    Instant signedOffAt, Instant approvedAt) {

  public Figure figure() {
    return new Figure(numerator, denominator);
  }
}
