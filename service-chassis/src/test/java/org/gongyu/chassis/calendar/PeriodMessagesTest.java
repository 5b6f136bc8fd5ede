package org.gongyu.chassis.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.MonthDay;
import java.util.Locale;
import org.gongyu.chassis.web.Msg;
import org.gongyu.chassis.web.Texts;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every refusal of the period parsers reads in English exactly as the parser words it, and in
 * Chinese without English words (ids and examples aside).
 */
class PeriodMessagesTest {

  static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

  static {
    MESSAGES.setBasenames("chassis-messages");
    MESSAGES.setDefaultEncoding("UTF-8");
    MESSAGES.setFallbackToSystemLocale(false);
    MESSAGES.setAlwaysUseMessageFormat(true);
  }

  static final SchoolCalendar CALENDAR = calendar();

  @ParameterizedTest
  @ValueSource(strings = {"", "2025-2027", "spring", "1999", "2025-2026-1|SCHOOL_YEAR", "2026|SEMESTER",
      "2025-2028", "2025-2026|PROGRAMME_CYCLE", "2024-2027|CALENDAR_YEAR", "2025-2027-1", "S:x", "S:2025-2027-1", "Y:2025-2027",
      "Y:bad", "S:"})
  void everyRefusalReadsTheSameInEnglishAndIsTranslated(String input) {
    IllegalArgumentException refusal = refusal(input);
    Msg msg = PeriodMessages.of(refusal);
    assertThat(msg.code()).as(refusal.getMessage()).isNotNull();
    assertThat(Texts.resolve(msg, MESSAGES, Locale.ENGLISH)).isEqualTo(refusal.getMessage());
    String zh = Texts.resolve(msg, MESSAGES, Locale.SIMPLIFIED_CHINESE);
    assertThat(zh).isNotEqualTo(refusal.getMessage());
    assertThat(zh.replaceAll("'[^']*'", "")).doesNotContainPattern("[A-Za-z]{3,}");
  }

  @Test
  void aWrongTypeNamesBothTypesInChinese() {
    IllegalArgumentException refusal = refusal("2026-2027-1|SCHOOL_YEAR");
    assertThat(Texts.resolve(PeriodMessages.of("periodId", refusal), MESSAGES, Locale.SIMPLIFIED_CHINESE))
        .isEqualTo("periodId: 期间 '2026-2027-1' 是学期，但该指标按学年评价，例如 2025-2026");
    assertThat(Texts.resolve(PeriodMessages.of("periodId", refusal), MESSAGES, Locale.ENGLISH))
        .isEqualTo("periodId: " + refusal.getMessage());
  }

  @Test
  void anUnknownWordingStaysAsItIs() {
    Msg msg = PeriodMessages.of(new IllegalArgumentException("something else"));
    assertThat(Texts.resolve(msg, MESSAGES, Locale.SIMPLIFIED_CHINESE)).isEqualTo("something else");
  }

  private static IllegalArgumentException refusal(String input) {
    if (input.startsWith("S:")) {
      return catchThrowableOfType(IllegalArgumentException.class, () -> Semester.parse(input.equals("S:") ? null : input.substring(2)));
    }
    if (input.startsWith("Y:")) {
      return catchThrowableOfType(IllegalArgumentException.class, () -> Semester.ofSchoolYear(input.substring(2)));
    }
    if (input.contains("|")) {
      String[] parts = input.split("\\|");
      return catchThrowableOfType(IllegalArgumentException.class,
          () -> Period.parse(PeriodType.valueOf(parts[1]), parts[0]).checkOn(CALENDAR));
    }
    return catchThrowableOfType(IllegalArgumentException.class, () -> Period.parse(input, CALENDAR));
  }

  private static SchoolCalendar calendar() {
    return new SchoolCalendar(MonthDay.of(9, 1), MonthDay.of(2, 1), 2024);
  }
}
