package org.gongyu.district.demonstration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.gongyu.contracts.demonstration.DemonstrationStatus;

/**
 * A row of {@code demonstration_application}.
 *
 * @param xuequKey the school's 学区 when it applied, {@code ""} for a school directly under the county
 * @param round    the self-evaluation round last received (0 before the first)
 * @param version  the status version: 1 on receipt, +1 per transition
 */
public record Application(
    UUID id, String programmeId, String countyId, String schoolId, String xuequKey, DemonstrationStatus status,
    long version, Instant appliedAt, LocalDate creationEndsOn, int round, BigDecimal finalScore) {}
