package org.gongyu.district.demonstration.assessment;

/** An assessor on an application round: assigned until they declare, then cleared or recused (removed). */
enum AssignmentStatus {
  ASSIGNED,
  CLEARED,
  RECUSED
}
