package org.gongyu.school.records;

import java.util.List;
import java.util.regex.Matcher;
import org.gongyu.chassis.web.Msg;
import org.gongyu.chassis.web.Wordings;

/**
 * The rule findings of this service's checks ({@code field: what is wrong}), as messages in either
 * language: the English text of each code is the check's own wording ({@code FindingsTest} holds
 * them equal), the Chinese its translation; an unknown wording stays as written.
 */
public final class Findings {

  private static final String F = "(\\S+): ";
  private static final String D = "(\\S+)";

  private static final Wordings WORDINGS = new Wordings()
      .when(F + D + " is in the future \\(today is " + D + "\\)", "school.finding.future-today")
      .when(F + D + " is in the future", "school.finding.future")
      .when(F + D + " is before the first school year this service records \\(2000-2001\\)", "school.finding.before-first-year")
      .when(F + D + " is before (registeredOn|foundedOn|certifiedOn|receivedOn|openedOn) " + D, "school.finding.before-field")
      .when(F + D + " is before " + D, "school.finding.before")
      .when(F + D + " must be after foundedOn " + D, "school.finding.after-founded")
      .when(F + D + " is after semester " + D + " ended", "school.finding.after-semester")
      .when(F + "class " + D + " is not recorded at school " + D, "school.finding.class-unknown")
      .when(F + "class " + D + " belongs to school year " + D + ", but " + D + " falls in school year " + D,
          "school.finding.class-year-date")
      .when(F + "class " + D + " belongs to school year " + D + ", but (foundedOn|openedOn|deliveredOn) " + D
          + " falls in school year " + D, "school.finding.class-year-field")
      .when(F + "class " + D + " belongs to school year " + D + ", but the session's date " + D + " is in " + D,
          "school.finding.class-year-session")
      .when(F + "class " + D + " belongs to school year " + D + ", not to " + D, "school.finding.class-year-semester")
      .when(F + D + " appears twice in the batch with different content", "school.finding.duplicate")
      .when(F + "the same student as files\\[(\\d+)\\] with another class or date; a student has one file",
          "school.finding.same-student")
      .when(F + "the student's file was opened on " + D + " in class " + D, "school.finding.file-opened")
      .when(F + "only a CLASS committee belongs to a class, this one is " + D, "school.finding.class-committee-only")
      .when(F + "only a RESOLVED suggestion has a resolvedOn, this one is " + D, "school.finding.resolved-only.suggestion")
      .when(F + "only a RESOLVED case has a resolvedOn, this one is " + D, "school.finding.resolved-only.case")
      .when("baseline: at least one area's level is required \\(areas (.*)\\)", "school.finding.baseline-required")
      .when(F + "is required \\(1 to (\\d+) characters\\)", "school.finding.text-required")
      .when(F + "is required \\(" + D + " to " + D + "\\)", "school.finding.required-range")
      .when(F + "is required", "school.finding.required")
      .when(F + "is missing", "school.self-evaluation.item-missing")
      .when(F + D + " is not an area of the programme's rubric \\(areas (.*)\\)", "school.finding.not-an-area")
      .when(F + "area " + D + " is given more than once", "school.finding.area-twice")
      .when(F + "must be between 0 and the criterion's " + D + " points, not " + D, "school.finding.self-score-range")
      .when(F + "must be between " + D + " and " + D + ", not " + D, "school.finding.between")
      .when(F + "at most (\\d+) characters, not (\\d+)", "school.finding.too-long")
      .when(F + "at most 2 decimals, not " + D, "school.finding.decimals")
      .when(F + "at least 1 piece of evidence is required \\(at most (\\d+)\\)", "school.finding.evidence-required")
      .when(F + "at most (\\d+) pieces of evidence, not (\\d+)", "school.finding.evidence-too-many")
      .when(F + "contains (.+); personal data of students and parents may not be written here", Findings::personalData)
      .when("enrolment: must be at least (\\d+)", "school.enrolment.at-least")
      .when("period: " + D + " starts on " + D, "school.period.starts-on");

  private static final List<String> KINDS = List.of(
      "a resident identity card number", "a mobile phone number", "an e-mail address",
      "a student's or parent's name (a name after a label such as 学生/家长/监护人)",
      "a student or guardian reference used in this school's records",
      "a student's or parent's name (such as 学生张三, 张三同学 or 王五的妈妈)");

  private Findings() {}

  /** One finding in words of either language. */
  public static Msg of(String finding) {
    return WORDINGS.of(finding);
  }

  /** Each finding in words of either language. */
  public static List<Msg> of(List<String> findings) {
    return WORDINGS.of(findings);
  }

  private static Msg personalData(Matcher m) {
    Object kinds = null;
    for (String kind : m.group(2).split(" and ")) {
      int k = KINDS.indexOf(kind);
      Object text = k < 0 ? Msg.verbatim(kind) : Msg.msg("school.finding.kind." + k);
      kinds = kinds == null ? text : Msg.msg("school.finding.and", kinds, text);
    }
    return Msg.msg("school.finding.personal-data", m.group(1), kinds);
  }
}
