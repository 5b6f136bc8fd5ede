package org.gongyu.school.practicebase;

import java.time.LocalDate;

/** A social practice education base as stored, read back and kept in its trail. */
record PracticeBase(String baseId, String name, Type type, String partnerUnit, LocalDate agreementSignedOn, int courses, boolean active) {

  /** 劳动 / 综合实践 / 志愿服务 / 法治 / 安全 / 研学 */
  enum Type { LABOUR, PRACTICE, VOLUNTEER, LEGAL, SAFETY, STUDY_TOUR }
}
