package org.gongyu.district.demonstration.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An application after a status change of this step (start, decision).
 *
 * @param titleValidUntil after an award: the title's last valid day
 */
record ApplicationStateResponse(
    UUID applicationId, String status, long version, int round, BigDecimal finalScore, BigDecimal passMark,
    LocalDate titleAwardedOn, LocalDate titleValidUntil) {}
