package org.gongyu.district.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A registered school as the API shows it.
 *
 * @param closedFrom    the day the school closed, or {@code null} while it is open
 * @param successorId   the school it merged into (合并至), or {@code null}
 * @param successorName that school's name, when the county's list has it
 * @param mergedFrom    the schools of the county that merged into this one (合并自), by id
 */
record SchoolResponse(
    String id, String countyId, String xuequId, String name, String schoolType, long version,
    LocalDate closedFrom, String successorId, String successorName, List<MergedFrom> mergedFrom) {

  /** A school that merged into this one, from {@code closedFrom} on. */
  record MergedFrom(String id, String name, LocalDate closedFrom) {}
}
