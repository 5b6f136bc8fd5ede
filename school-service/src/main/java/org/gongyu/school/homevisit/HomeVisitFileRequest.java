package org.gongyu.school.homevisit;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A correction of one home-visit file (its file id in the path): the class and the opening day. The
 * student of a file is not changed: a file opened for the wrong student is withdrawn and the right
 * student's file is sent in a batch.
 *
 * @param classId    the student's class, of the school year {@code openedOn} falls in
 * @param openedOn   the day the file was opened, not in the future
 * @param studentRef not taken: given, the request is refused with a 400 naming it (rather than
 *                   changing the student or being silently ignored)
 * @param reason     why the file is corrected: required when the content changes (1 to 500 characters)
 */
record HomeVisitFileRequest(
    @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
    @NotNull LocalDate openedOn,
    String studentRef,
    @Size(max = 500) String reason) {}
