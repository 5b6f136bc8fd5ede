package org.gongyu.district.demonstration.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A programme as the API shows it, with its breakdown table.
 *
 * @param quotaTotal        the sum of the quotas; equals the target unless the target changed
 *                          after the quotas were put (then the quotas must be put again)
 * @param quotasMatchTarget whether {@code quotaTotal} equals the target (false before the quotas are put)
 */
record ProgrammeResponse(
    String id, String countyId, String name, int target, LocalDate startsOn, LocalDate endsOn,
    LocalDate applicationOpensOn, LocalDate applicationDeadline, int creationMonths, int titleValidityYears,
    BigDecimal consensusMargin, String standardId, long standardVersion, long version, List<QuotaLine> quotas,
    int quotaTotal, boolean quotasMatchTarget) {

  /** @param xuequId the 学区, null for the schools directly under the county (直属) */
  record QuotaLine(String xuequId, int quota) {}

  static ProgrammeResponse of(Programme p, List<Quota> quotas) {
    int total = quotas.stream().mapToInt(Quota::quota).sum();
    return new ProgrammeResponse(p.id(), p.countyId(), p.name(), p.target(), p.startsOn(), p.endsOn(),
        p.applicationOpensOn(), p.applicationDeadline(), p.creationMonths(), p.titleValidityYears(), p.consensusMargin(),
        p.standardId(), p.standardVersion(), p.version(),
        quotas.stream().map(q -> new QuotaLine(q.xuequKey().isEmpty() ? null : q.xuequKey(), q.quota())).toList(),
        total, total == p.target());
  }
}
