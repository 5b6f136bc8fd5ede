package org.gongyu.district.demonstration.title;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A {@code demonstration_title} with what the list shows of its application, school and 学区.
 *
 * @param xuequKey   the 学区 id, {@code ""} for a school directly under the county
 * @param schoolName null when the school is not (or no longer) in the registry
 * @param status     the application's status (a {@code DemonstrationStatus} name)
 */
record TitleRow(
    UUID applicationId, String programmeId, String countyId, String schoolId, String schoolName, String xuequKey,
    String xuequName, LocalDate awardedOn, LocalDate validUntil, String status, long version, LocalDate reinspectionOn,
    LocalDate rectificationDeadline, LocalDate endedOn, BigDecimal finalScore) {}
