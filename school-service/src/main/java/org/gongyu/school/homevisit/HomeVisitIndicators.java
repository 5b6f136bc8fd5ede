package org.gongyu.school.homevisit;

import java.time.LocalDate;
import java.util.List;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The three indicators home contacts and files feed, and the rows they read. */
final class HomeVisitIndicators {

  /** What a batch of contacts re-derives (each in its derivation's period type). */
  static final List<String> CONTACT_FEEDS = List.of(
      IndicatorCodes.PARENT_CONTACT, IndicatorCodes.HOME_VISIT_3Y, IndicatorCodes.VISIT_FILES);

  /** What a batch of files re-derives. */
  static final List<String> FILE_FEEDS = List.of(IndicatorCodes.VISIT_FILES);

  private HomeVisitIndicators() {}

  /** Contacts of a school dated in {@code [from, endExclusive)}, with the school year of their class. */
  static List<HomeVisitFigures.Contact> contacts(JdbcClient jdbc, String schoolId, LocalDate from, LocalDate endExclusive,
      boolean inHomeOnly) {
    return jdbc.sql("""
            select h.student_key, c.school_year, h.contact_date, h.mode
            from home_contact h join school_class c on c.school_id = h.school_id and c.class_id = h.class_id
            where h.school_id = ? and h.contact_date >= ? and h.contact_date < ? and (h.mode = 'IN_HOME' or not ?)
            """)
        .params(schoolId, java.sql.Date.valueOf(from), java.sql.Date.valueOf(endExclusive), inHomeOnly)
        .query((rs, n) -> new HomeVisitFigures.Contact(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
            ContactMode.valueOf(rs.getString(4))))
        .list();
  }

}
