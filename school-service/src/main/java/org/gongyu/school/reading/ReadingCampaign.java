package org.gongyu.school.reading;

import java.time.LocalDate;

/**
 * A class's reading campaign as stored, read back and kept in its trail.
 *
 * @param lastDay the campaign's last day: {@code startDate + days - 1}
 */
record ReadingCampaign(String campaignId, String classId, String name, LocalDate startDate, int days, int targetMinutes,
    LocalDate lastDay) {

  static ReadingCampaign of(String campaignId, String classId, String name, LocalDate startDate, int days, int targetMinutes) {
    return new ReadingCampaign(campaignId, classId, name, startDate, days, targetMinutes, startDate.plusDays(days - 1L));
  }

  boolean covers(LocalDate day) {
    return !day.isBefore(startDate) && !day.isAfter(lastDay);
  }
}
