package org.gongyu.district.demonstration;

import java.util.List;
import org.gongyu.chassis.web.Msg;
import org.gongyu.chassis.web.Wordings;

/**
 * The rule findings of the demonstration checks (programme, quotas, arrangement, titles) and the
 * steps a scoresheet still misses, as messages in either language: the English text of each code
 * is the check's own wording ({@code FindingsTest} holds them equal), the Chinese its translation;
 * an unknown wording stays as written.
 */
public final class Findings {

  private static final String F = "(\\S+): ";
  private static final String D = "(\\S+)";

  private static final Wordings WORDINGS = new Wordings()
      .when(F + D + " is before today \\(" + D + "\\)", "district.finding.before-today")
      .when(F + D + " is after the title's last valid day " + D, "district.finding.after-valid")
      .when(F + "required for " + D + " \\(the school is told why\\)", "district.finding.note-required")
      .when(F + "only a RECTIFY outcome takes a deadline", "district.finding.deadline-rectify-only")
      .when(F + "required for RECTIFY", "district.finding.deadline-required")
      .when(F + D + " must be after today \\(" + D + "\\)", "district.finding.after-today")
      .when(F + "must be on or after (startsOn|applicationOpensOn) " + D, "district.finding.on-or-after")
      .when(F + "must be on or before endsOn " + D, "district.finding.on-or-before-end")
      .when(F + "standard " + D + " version " + D + " has not been received from the city", "district.finding.standard-missing")
      .when(F + "the county-direct line \\(xuequId null\\) appears more than once", "district.finding.direct-twice")
      .when(F + "学区 " + D + " appears more than once", "district.finding.xuequ-twice")
      .when(F + D + " is not a 学区 of county " + D, "district.finding.not-a-xuequ")
      .when(F + "they add up to " + D + ", the programme's target is " + D, "district.finding.quota-sum")
      .when(F + D + " appears more than once", "district.finding.school-twice")
      .when(F + D + " is not registered in county " + D, "district.finding.school-elsewhere")
      .when(F + D + " is directly under the county, not in 学区 " + D, "district.finding.direct-not-xuequ")
      .when(F + D + " is in 学区 " + D + ", not directly under the county", "district.finding.xuequ-not-direct")
      .when(F + D + " is in 学区 " + D + ", not in 学区 " + D, "district.finding.other-xuequ")
      .when(F + "plannedYear " + D + " of " + D + " is not a year of the programme \\((\\d+)–(\\d+)\\)", "district.finding.planned-year")
      .when("at least (\\d+) cleared assessors \\((\\d+) so far\\)", "district.missing.assessors")
      .when("the submitted scores of " + D, "district.missing.scores-of")
      .when("a consensus on " + D + " \\(spread " + D + " > margin " + D + "\\)", "district.missing.consensus")
      .when("a score on " + D, "district.missing.score");

  private Findings() {}

  /** One finding in words of either language. */
  public static Msg of(String finding) {
    return WORDINGS.of(finding);
  }

  /** Each finding in words of either language. */
  public static List<Msg> of(List<String> findings) {
    return WORDINGS.of(findings);
  }
}
