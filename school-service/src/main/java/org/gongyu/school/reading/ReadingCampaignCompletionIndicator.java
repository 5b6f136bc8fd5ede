package org.gongyu.school.reading;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.indicators.IndicatorDerivation;
import org.springframework.stereotype.Component;

/**
 * {@code READING_CAMPAIGN_COMPLETION} per semester (T24): of the students who checked in at least
 * once in a class reading campaign whose last day falls in the semester, those who checked in on
 * every one of its days (21 by default: the 21-day check-in).
 */
@Component
class ReadingCampaignCompletionIndicator implements IndicatorDerivation {

  private final ReadingCampaigns campaigns;
  private final CityCalendar calendar;

  ReadingCampaignCompletionIndicator(ReadingCampaigns campaigns, CityCalendar calendar) {
    this.campaigns = campaigns;
    this.calendar = calendar;
  }

  @Override
  public String indicatorCode() {
    return IndicatorCodes.READING_CAMPAIGN_COMPLETION;
  }

  @Override
  public PeriodType periodType() {
    return PeriodType.SEMESTER;
  }

  @Override
  public Figure derive(String schoolId, Period period, Instant endExclusive) {
    LocalDate start = period.start(calendar.calendar());
    LocalDate end = period.endExclusive(calendar.calendar());
    List<ReadingCampaign> ended = campaigns.endingBetween(schoolId, start, end);
    return ReadingRules.completion(ended, campaigns.checkIns(schoolId, ended.stream().map(ReadingCampaign::campaignId).toList()));
  }
}
