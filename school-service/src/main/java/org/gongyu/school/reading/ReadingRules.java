package org.gongyu.school.reading;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongyu.contracts.indicator.Figure;

/** The rule of {@code READING_CAMPAIGN_COMPLETION}, free of storage. */
final class ReadingRules {

  private ReadingRules() {}

  /** Whether a student checked in on every day of the campaign (its {@code days} consecutive days). */
  static boolean completed(Set<LocalDate> daysCheckedIn, ReadingCampaign campaign) {
    for (LocalDate d = campaign.startDate(); !d.isAfter(campaign.lastDay()); d = d.plusDays(1)) {
      if (!daysCheckedIn.contains(d)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Of the students who checked in at least once in {@code campaigns} (those whose last day is in
   * the semester), the students who checked in on every day of at least one of them / all of them.
   * A student is counted once however many campaigns they joined.
   *
   * @param checkIns campaign id -> student key -> days checked in
   */
  static Figure completion(List<ReadingCampaign> campaigns, Map<String, Map<String, Set<LocalDate>>> checkIns) {
    Set<String> joined = new HashSet<>();
    Set<String> completed = new HashSet<>();
    for (ReadingCampaign c : campaigns) {
      for (var e : checkIns.getOrDefault(c.campaignId(), Map.of()).entrySet()) {
        Set<LocalDate> within = new HashSet<>();
        e.getValue().stream().filter(c::covers).forEach(within::add);
        if (within.isEmpty()) {
          continue;
        }
        joined.add(e.getKey());
        if (completed(within, c)) {
          completed.add(e.getKey());
        }
      }
    }
    return new Figure(completed.size(), joined.size());
  }
}
