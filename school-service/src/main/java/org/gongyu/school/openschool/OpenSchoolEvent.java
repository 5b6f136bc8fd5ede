package org.gongyu.school.openschool;

import java.time.LocalDate;

/**
 * An open-school event as the school reads it back and as its trail keeps it: no parent reference
 * (whether one is recorded is {@code parentRecorded}).
 *
 * @param classId null for a whole-school event
 */
record OpenSchoolEvent(String eventId, Type type, String classId, LocalDate date, Mode mode, String theme, int attendance,
    String profession, boolean parentRecorded) {

  /** The kinds of event of W11. */
  enum Type {
    /** 家长会 */
    PARENT_MEETING,
    /** 开放日 */
    OPEN_DAY,
    /** 家长接待日 */
    RECEPTION_DAY,
    /** 家长进课堂: a parent teaches a class about their profession */
    PARENTS_INTO_CLASSROOM,
    /** 父母大讲堂 */
    PARENTS_LECTURE_HALL,
    /** 劳模/榜样进校园 */
    MODEL_TALK,
    /** 线上主题活动 */
    ONLINE_THEME
  }

  /** How it was held. */
  enum Mode { ONLINE, OFFLINE }
}
