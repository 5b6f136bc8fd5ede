package org.gongyu.school.records;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST {record}/withdrawal}.
 *
 * @param reason why the record is withdrawn, 1 to 500 characters (kept in the record's trail)
 */
public record WithdrawalRequest(@NotBlank @Size(max = RecordTrail.MAX_REASON) String reason) {}
