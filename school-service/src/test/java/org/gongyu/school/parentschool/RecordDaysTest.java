package org.gongyu.school.parentschool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.contracts.period.SchoolCalendar;
import org.junit.jupiter.api.Test;

class RecordDaysTest {

  /** 2026-11-23 in Beijing. */
  static final CityCalendar CALENDAR = new CityCalendar(new SchoolCalendar(MonthDay.of(9, 1), MonthDay.of(2, 1), 2024),
      ZoneId.of("Asia/Shanghai"), Clock.fixed(Instant.parse("2026-11-23T04:00:00Z"), ZoneOffset.UTC));

  @Test
  void aStateFromADayOnTouchesThatDayAndEveryLaterStartedSemester() {
    assertThat(RecordDays.onward(LocalDate.of(2025, 10, 9), CALENDAR))
        .containsExactly(LocalDate.of(2025, 10, 9), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 9, 1));
    assertThat(RecordDays.onward(LocalDate.of(2026, 11, 23), CALENDAR)).containsExactly(LocalDate.of(2026, 11, 23));
  }

  @Test
  void daysInTheFutureOrBefore2001AreRefusedByField() {
    List<String> errors = new ArrayList<>();
    LocalDate today = CALENDAR.today();
    RecordDays.check(errors, "date", today, today);
    RecordDays.check(errors, "leftOn", today.plusDays(1), today);
    RecordDays.check(errors, "certifiedOn", LocalDate.of(1999, 12, 31), today);
    assertThat(errors).containsExactly("leftOn: 2026-11-24 is in the future", "certifiedOn: 1999-12-31 is before 2001-01-01");
  }
}
