package org.gongyu.chassis.calendar;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongyu.chassis.web.Msg;

/**
 * The refusal of a period, semester or school-year id ({@code Period.parse}, {@code Semester.parse},
 * {@code Semester.ofSchoolYear}, {@link CityCalendar#parse}) as a {@link Msg}, so that a problem
 * detail can say it in the request's language. The parsers word their refusals in English; each
 * known wording maps to a message code whose English text is that same wording, and an unknown
 * one is kept as it is.
 */
public final class PeriodMessages {

  private record Wording(Pattern pattern, Function<Matcher, Msg> msg) {}

  private static final String ID = "'(.*)'";
  private static final List<Wording> WORDINGS = List.of(
      wording("period is missing; expected a semester \\(2025-2026-1\\), a school year \\(2025-2026\\), a calendar year \\(2026\\) or a programme cycle \\(2024-2027\\)",
          m -> Msg.msg("period.missing")),
      wording(ID + " spans neither one school year \\(2025-2026\\) nor a 3-year cycle \\(2024-2027\\)",
          m -> Msg.msg("period.spans-neither", m.group(1))),
      wording(ID + " is not a period; expected a semester \\(2025-2026-1\\), a school year \\(2025-2026\\), a calendar year \\(2026\\) or a programme cycle \\(2024-2027\\)",
          m -> Msg.msg("period.not-a-period", m.group(1))),
      wording(ID + " is a (semester|school year|calendar year|programme cycle), but this indicator is evaluated per (semester|school year|calendar year|programme cycle), e\\.g\\. (.*)",
          m -> Msg.msg("period.wrong-type", m.group(1), type(m.group(2)), type(m.group(3)), m.group(4))),
      wording(ID + " is not a programme cycle of this city; cycles start in (\\d+) and every third year, e\\.g\\. (.*)",
          m -> Msg.msg("period.not-a-cycle", m.group(1), m.group(2), m.group(3))),
      wording("a period must start between 2000 and 2100, not (-?\\d+)",
          m -> Msg.msg("period.out-of-range", m.group(1))),
      wording("semester is missing; expected e\\.g\\. 2025-2026-1",
          m -> Msg.msg("semester.missing")),
      wording(ID + " is not a semester; expected e\\.g\\. 2025-2026-1",
          m -> Msg.msg("semester.invalid", m.group(1))),
      wording(ID + " is not a semester: a school year spans two consecutive years",
          m -> Msg.msg("semester.not-consecutive", m.group(1))),
      wording(ID + " is not a school year; expected two consecutive years such as 2025-2026",
          m -> Msg.msg("school-year.invalid", m.group(1))),
      wording("school year must start between 2000 and 2100, not (-?\\d+)",
          m -> Msg.msg("school-year.out-of-range", m.group(1))));

  private PeriodMessages() {}

  /** The refusal in words of either language. */
  public static Msg of(IllegalArgumentException refusal) {
    String text = String.valueOf(refusal.getMessage());
    for (Wording w : WORDINGS) {
      Matcher m = w.pattern().matcher(text);
      if (m.matches()) {
        return w.msg().apply(m);
      }
    }
    return Msg.verbatim(text);
  }

  /** {@code field: refusal}, e.g. {@code periodId: '2026' is a calendar year, ...}. */
  public static Msg of(String field, IllegalArgumentException refusal) {
    return Msg.msg("problem.detail.field", field, of(refusal));
  }

  private static Msg type(String label) {
    return Msg.msg("period.type." + label.replace(' ', '-'));
  }

  private static Wording wording(String regex, Function<Matcher, Msg> msg) {
    return new Wording(Pattern.compile(regex), msg);
  }
}
