package org.gongyu.school.specialcare;

/** Why a student is on the register. */
enum Category {
  /** 留守儿童 */
  LEFT_BEHIND,
  /** 特殊需要 */
  SPECIAL_NEEDS,
  /** 困难家庭 */
  HARDSHIP,
  OTHER
}
