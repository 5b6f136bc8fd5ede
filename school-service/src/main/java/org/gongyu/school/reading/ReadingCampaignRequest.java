package org.gongyu.school.reading;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A class's reading campaign.
 *
 * @param classId       a class of this school whose school year contains {@code startDate}
 * @param name          what the campaign is called (no personal data)
 * @param startDate     its first day (not in the future)
 * @param days          how many consecutive days it runs: 21 if absent, 1 to 100
 * @param targetMinutes minutes of reading a day it asks for: 20 if absent, 20 to 30 (seeds T23)
 * @param reason        why a recorded campaign is corrected: required when the content changes
 */
record ReadingCampaignRequest(
    @NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
    @NotBlank @Size(max = 200) String name,
    @NotNull LocalDate startDate,
    @Min(1) @Max(100) Integer days,
    @Min(20) @Max(30) Integer targetMinutes,
    @Size(max = 500) String reason) {

  static final int DEFAULT_DAYS = 21;
  static final int DEFAULT_TARGET_MINUTES = 20;
}
