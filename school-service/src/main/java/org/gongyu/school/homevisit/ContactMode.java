package org.gongyu.school.homevisit;

/** How the school reached the family. Only {@link #IN_HOME} is a home visit. */
enum ContactMode {
  /** a home visit (入户家访) */
  IN_HOME,
  PHONE,
  WECHAT,
  /** the family came to the school */
  AT_SCHOOL
}
