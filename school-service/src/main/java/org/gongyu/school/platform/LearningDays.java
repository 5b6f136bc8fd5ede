package org.gongyu.school.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.gongyu.chassis.calendar.CityCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The learning activities per school and day (V34 {@code learning_daily}), which {@code
 * PARENT_LEARNING_PER_CAPITA} sums instead of counting every activity of the year (issue 16). Kept
 * in the writing transaction, under the school's lock, by every write to {@code platform_learning}:
 * an activity stored adds one to its day, a withdrawn one takes one away, a correction moves it.
 */
@Component
class LearningDays {

  private final JdbcClient jdbc;
  private final CityCalendar calendar;

  LearningDays(JdbcClient jdbc, CityCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** Activities stored: each adds one to the day (city's zone) it occurred on. */
  void added(String schoolId, Collection<Instant> occurred) {
    change(schoolId, occurred, 1);
  }

  /** Activities no longer stored (withdrawn, or moved away by a correction). */
  void removed(String schoolId, Collection<Instant> occurred) {
    change(schoolId, occurred, -1);
  }

  private void change(String schoolId, Collection<Instant> occurred, int sign) {
    Map<LocalDate, Integer> perDay = new TreeMap<>();
    occurred.forEach(t -> perDay.merge(calendar.dayOf(t), sign, Integer::sum));
    if (perDay.isEmpty()) {
      return;
    }
    jdbc.sql("""
            insert into learning_daily as d (school_id, day, activities)
            select ?, day, n from unnest(cast(? as date[]), cast(? as integer[])) as u(day, n)
            on conflict (school_id, day) do update set activities = d.activities + excluded.activities
            """)
        .params(schoolId, perDay.keySet().stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new),
            perDay.values().toArray(Integer[]::new))
        .update();
  }
}
