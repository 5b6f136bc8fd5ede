package org.gongyu.school.openschool;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gongyu.contracts.indicator.Figure;
import org.junit.jupiter.api.Test;

class OpenSchoolIndicatorsTest {

  static final LocalDate START = LocalDate.of(2026, 9, 1);
  static final LocalDate END = LocalDate.of(2027, 2, 1);

  static OpenSchoolEvent e(OpenSchoolEvent.Type type, String classId, String date) {
    return new OpenSchoolEvent("E-" + date + classId, type, classId, LocalDate.parse(date), OpenSchoolEvent.Mode.OFFLINE, "t", 1, null,
        false);
  }

  @Test
  void parentMeetingsAreDistinctDaysInsideThePeriod() {
    List<OpenSchoolEvent> events = List.of(
        e(OpenSchoolEvent.Type.PARENT_MEETING, null, "2026-09-10"),
        e(OpenSchoolEvent.Type.PARENT_MEETING, "C1", "2026-09-10"),
        e(OpenSchoolEvent.Type.PARENT_MEETING, "C2", "2026-09-10"),
        e(OpenSchoolEvent.Type.PARENT_MEETING, "C2", "2027-01-31"),
        e(OpenSchoolEvent.Type.PARENT_MEETING, null, "2027-02-01"),
        e(OpenSchoolEvent.Type.PARENT_MEETING, null, "2026-08-31"),
        e(OpenSchoolEvent.Type.OPEN_DAY, null, "2026-10-10"));
    assertThat(OpenSchoolIndicators.parentMeetings(events, START, END)).isEqualTo(new Figure(2, 1));
    assertThat(OpenSchoolIndicators.parentMeetings(List.of(), START, END)).isEqualTo(new Figure(0, 1));
  }

  @Test
  void lectureHallSessionsCountEverySessionInsideThePeriod() {
    List<OpenSchoolEvent> events = List.of(
        e(OpenSchoolEvent.Type.PARENTS_LECTURE_HALL, null, "2026-09-10"),
        e(OpenSchoolEvent.Type.PARENTS_LECTURE_HALL, "C1", "2026-09-10"),
        e(OpenSchoolEvent.Type.PARENTS_LECTURE_HALL, null, "2027-02-01"),
        e(OpenSchoolEvent.Type.MODEL_TALK, null, "2026-10-10"));
    assertThat(OpenSchoolIndicators.lectureHallSessions(events, START, END)).isEqualTo(new Figure(2, 1));
  }
}
