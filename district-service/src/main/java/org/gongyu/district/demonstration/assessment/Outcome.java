package org.gongyu.district.demonstration.assessment;

import org.gongyu.contracts.demonstration.DemonstrationStatus;

/** The county's decision on an assessed application, and the status each one leads to. */
enum Outcome {
  AWARD(DemonstrationStatus.TITLED),
  REJECT(DemonstrationStatus.REJECTED),
  DEFER(DemonstrationStatus.DEFERRED);

  private final DemonstrationStatus to;

  Outcome(DemonstrationStatus to) {
    this.to = to;
  }

  DemonstrationStatus to() {
    return to;
  }
}
