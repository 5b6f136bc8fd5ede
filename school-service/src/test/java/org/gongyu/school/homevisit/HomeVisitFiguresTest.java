package org.gongyu.school.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.school.homevisit.ContactMode.AT_SCHOOL;
import static org.gongyu.school.homevisit.ContactMode.IN_HOME;
import static org.gongyu.school.homevisit.ContactMode.PHONE;
import static org.gongyu.school.homevisit.ContactMode.WECHAT;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.Figure;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.period.SchoolCalendar;
import org.junit.jupiter.api.Test;

class HomeVisitFiguresTest {

  static final SchoolCalendar CAL = SchoolCalendar.DEFAULT;
  static final Period SEMESTER = Period.parse("2026-2027-1");
  static final LocalDate START = SEMESTER.start(CAL); // 2026-09-01
  static final LocalDate END = SEMESTER.endExclusive(CAL); // 2027-02-01
  static final Period CYCLE = Period.parse("2024-2027");

  static HomeVisitFigures.Contact contact(String student, String year, String date, ContactMode mode) {
    return new HomeVisitFigures.Contact(student, year, LocalDate.parse(date), mode);
  }

  @Test
  void parentContactCountsEachStudentOnceOnlyForContactsFromTheFirstToTheLastDayOfTheSemester() {
    var contacts = List.of(
        contact("before", "2026-2027", "2026-08-31", PHONE),
        contact("first-day", "2026-2027", "2026-09-01", WECHAT),
        contact("last-day", "2026-2027", "2027-01-31", AT_SCHOOL),
        contact("last-day", "2026-2027", "2026-10-01", IN_HOME),
        contact("next-semester", "2026-2027", "2027-02-01", IN_HOME),
        contact("other-year-class", "2025-2026", "2026-10-01", PHONE));
    assertThat(HomeVisitFigures.parentContact(contacts, "2026-2027", START, END, 40)).isEqualTo(new Figure(2, 40));
  }

  @Test
  void parentContactOfTheSecondSemesterStartsOnItsFirstDay() {
    Period second = SEMESTER.next();
    var contacts = List.of(contact("a", "2026-2027", "2027-01-31", PHONE), contact("b", "2026-2027", "2027-02-01", PHONE));
    assertThat(HomeVisitFigures.parentContact(contacts, "2026-2027", second.start(CAL), second.endExclusive(CAL), 10))
        .isEqualTo(new Figure(1, 10));
  }

  @Test
  void homeVisit3yCountsStudentsContactedThisSchoolYearWithAHomeVisitAnywhereInTheCycle() {
    var contacts = List.of(
        // visited at home in the cycle's first year, contacted by phone this year: counts
        contact("visited-2024", "2024-2025", "2024-10-10", IN_HOME),
        contact("visited-2024", "2026-2027", "2026-10-10", PHONE),
        // visited at home this year: counts
        contact("visited-now", "2026-2027", "2026-11-01", IN_HOME),
        // visited in 2025 but not contacted this year (left the school): does not count
        contact("left", "2025-2026", "2025-03-01", IN_HOME),
        // only phoned: does not count
        contact("phoned", "2026-2027", "2026-10-10", PHONE),
        contact("phoned", "2025-2026", "2025-10-10", WECHAT),
        // visited before the cycle began: does not count
        contact("visited-2023", "2023-2024", "2024-05-01", IN_HOME),
        contact("visited-2023", "2026-2027", "2026-09-15", AT_SCHOOL));
    String current = HomeVisitFigures.currentSchoolYear(CYCLE, CAL, LocalDate.parse("2026-11-23")).id();
    assertThat(current).isEqualTo("2026-2027");
    assertThat(HomeVisitFigures.homeVisit3y(contacts, current, CYCLE.start(CAL), CYCLE.endExclusive(CAL), 120))
        .isEqualTo(new Figure(2, 120));
  }

  @Test
  void homeVisit3yInTheCyclesSecondYearMeasuresThatYearsStudents() {
    var contacts = List.of(
        contact("a", "2024-2025", "2024-10-10", IN_HOME),
        contact("a", "2025-2026", "2025-09-10", PHONE),
        contact("b", "2024-2025", "2025-01-10", IN_HOME));
    String current = HomeVisitFigures.currentSchoolYear(CYCLE, CAL, LocalDate.parse("2025-09-01")).id();
    assertThat(current).isEqualTo("2025-2026");
    assertThat(HomeVisitFigures.homeVisit3y(contacts, current, CYCLE.start(CAL), CYCLE.endExclusive(CAL), 50))
        .isEqualTo(new Figure(1, 50));
  }

  @Test
  void theCurrentSchoolYearIsTheLatestOfTheCycleThatHasStarted() {
    assertThat(HomeVisitFigures.currentSchoolYear(CYCLE, CAL, LocalDate.parse("2024-09-01")).id()).isEqualTo("2024-2025");
    assertThat(HomeVisitFigures.currentSchoolYear(CYCLE, CAL, LocalDate.parse("2025-08-31")).id()).isEqualTo("2024-2025");
    assertThat(HomeVisitFigures.currentSchoolYear(CYCLE, CAL, LocalDate.parse("2025-09-01")).id()).isEqualTo("2025-2026");
    assertThat(HomeVisitFigures.currentSchoolYear(CYCLE, CAL, LocalDate.parse("2027-08-31")).id()).isEqualTo("2026-2027");
    // a past cycle is measured by its last year
    assertThat(HomeVisitFigures.currentSchoolYear(CYCLE, CAL, LocalDate.parse("2031-01-01")).id()).isEqualTo("2026-2027");
    assertThat(HomeVisitFigures.currentSchoolYear(CYCLE, CAL, LocalDate.parse("2031-01-01")).type()).isEqualTo(PeriodType.SCHOOL_YEAR);
  }

  @Test
  void visitFilesCountOnlyFilesOpenedByTheSemestersLastDayAmongStudentsVisitedAtHomeInIt() {
    var contacts = List.of(
        contact("file-early", "2026-2027", "2026-10-01", IN_HOME),
        contact("file-in-semester", "2026-2027", "2026-11-01", IN_HOME),
        contact("file-last-day", "2026-2027", "2027-01-20", IN_HOME),
        contact("file-after-end", "2026-2027", "2026-12-01", IN_HOME),
        contact("no-file", "2026-2027", "2026-12-01", IN_HOME),
        contact("phoned", "2026-2027", "2026-12-01", PHONE),
        contact("visited-next-semester", "2026-2027", "2027-02-01", IN_HOME));
    Map<String, LocalDate> files = Map.of(
        "file-early", LocalDate.parse("2025-05-01"),
        "file-in-semester", LocalDate.parse("2026-11-02"),
        "file-last-day", LocalDate.parse("2027-01-31"),
        "file-after-end", LocalDate.parse("2027-02-01"),
        "phoned", LocalDate.parse("2026-12-01"),
        "visited-next-semester", LocalDate.parse("2026-09-01"));
    assertThat(HomeVisitFigures.visitFiles(contacts, files, START, END)).isEqualTo(new Figure(3, 5));
  }

  @Test
  void visitFilesWithoutHomeVisitsIsZeroOverZero() {
    assertThat(HomeVisitFigures.visitFiles(List.of(contact("a", "2026-2027", "2026-10-01", PHONE)), Map.of(), START, END))
        .isEqualTo(new Figure(0, 0));
  }
}
