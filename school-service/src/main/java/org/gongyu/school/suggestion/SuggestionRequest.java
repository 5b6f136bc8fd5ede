package org.gongyu.school.suggestion;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * A parent's suggestion as the school records or corrects it. There is deliberately no field for
 * the parent or the text.
 *
 * @param receivedOn the day it was received, not in the future
 * @param category   what it is about
 * @param channel    how it reached the school
 * @param status     OPEN or RESOLVED
 * @param resolvedOn required exactly when RESOLVED; not before {@code receivedOn}, not in the future
 * @param reason     why a recorded suggestion is corrected: required when the content changes (1 to 500 characters)
 */
record SuggestionRequest(
    @NotNull LocalDate receivedOn,
    @NotNull Category category,
    @NotNull Channel channel,
    @NotNull Status status,
    LocalDate resolvedOn,
    @jakarta.validation.constraints.Size(max = 500) String reason) {

  enum Category { TEACHING, HOMEWORK, SAFETY, CATERING, FACILITIES, ACTIVITIES, HOME_SCHOOL, MANAGEMENT, OTHER }

  enum Channel { PARENT_STATION, MAILBOX, MEETING, ONLINE }

  enum Status { OPEN, RESOLVED }
}
