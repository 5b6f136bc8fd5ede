package org.gongyu.school.guardduty;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A duty.
 *
 * @param date      the school day
 * @param slot      ARRIVAL or DISMISSAL
 * @param memberIds at least one member, each once, each active on {@code date} and on no other duty of
 *                  the same day and slot
 * @param reason    why a recorded duty is corrected: required when the content changes
 */
record GuardDutyRequest(
    @NotNull LocalDate date,
    @NotNull GuardDuty.Slot slot,
    @NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String> memberIds,
    @Size(max = 500) String reason) {}
