package org.gongyu.school.guardduty;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A guard-duty member.
 *
 * @param kind       SECURITY_GUARD, TEACHER or PARENT
 * @param personRef  the school's reference of the person: stored as a keyed pseudonym, never answered back
 * @param signedUpOn the day they signed up (not in the future)
 * @param voluntary  required for a PARENT (whether they volunteered), absent for staff
 * @param leftOn     the day they stopped, after {@code signedUpOn}; not before a duty they are on
 * @param reason     why a recorded member is corrected: required when the content changes
 */
record GuardMemberRequest(
    @NotNull GuardMember.Kind kind,
    @NotBlank @Size(max = 100) String personRef,
    @NotNull LocalDate signedUpOn,
    Boolean voluntary,
    LocalDate leftOn,
    @Size(max = 500) String reason) {}
