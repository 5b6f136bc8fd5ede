package org.gongyu.district.demonstration.title;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Body of {@code POST …/applications/{applicationId}/reinspection}: the day of the visit, an optional note. */
record ScheduleReinspectionRequest(@NotNull LocalDate scheduledOn, @Size(max = 2000) String note) {}
