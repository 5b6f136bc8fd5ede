package org.gongyu.district.approval;

/** Where a school's period stands at the county. */
enum SchoolState {
  /** No sign-off received. */
  NOT_SIGNED_OFF,
  /** Signed off, awaiting the county's review. */
  SIGNED_OFF,
  /** Approved by the county. */
  APPROVED,
  /** Returned to the school with a comment; the school may change and sign off again. */
  RETURNED,
  /** An approved period opened again with a reason; the school signs off again. */
  REOPENED
}
