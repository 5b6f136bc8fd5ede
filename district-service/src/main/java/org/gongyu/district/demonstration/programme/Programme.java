package org.gongyu.district.demonstration.programme;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stored county programme ({@code demonstration_programme}).
 *
 * @param applicationDeadline the last day schools may apply, inclusive, in the city's zone
 * @param consensusMargin     the spread of assessors' points on a criterion above which a consensus is needed
 * @param version             +1 for every change of the programme, its quotas or its arrangement
 */
public record Programme(
    String id, String countyId, String name, int target, LocalDate startsOn, LocalDate endsOn,
    LocalDate applicationOpensOn, LocalDate applicationDeadline, int creationMonths, int titleValidityYears,
    BigDecimal consensusMargin, String standardId, long standardVersion, long version) {

  /** Whether the same settings were asked for (the version aside). */
  boolean sameSettings(Programme o) {
    return name.equals(o.name) && target == o.target && startsOn.equals(o.startsOn) && endsOn.equals(o.endsOn)
        && applicationOpensOn.equals(o.applicationOpensOn) && applicationDeadline.equals(o.applicationDeadline)
        && creationMonths == o.creationMonths && titleValidityYears == o.titleValidityYears
        && consensusMargin.compareTo(o.consensusMargin) == 0 && sameStandard(o);
  }

  boolean sameStandard(Programme o) {
    return standardId.equals(o.standardId) && standardVersion == o.standardVersion;
  }

  Programme withVersion(long v) {
    return new Programme(id, countyId, name, target, startsOn, endsOn, applicationOpensOn, applicationDeadline,
        creationMonths, titleValidityYears, consensusMargin, standardId, standardVersion, v);
  }
}
