package org.gongyu.district.registry;

import java.time.LocalDate;

/**
 * A stored {@code school} row. {@code closedFrom} and {@code successorId} are set by a closure
 * (the school then keeps {@code countyId}, its last county).
 */
record SchoolRow(
    String id, String countyId, String xuequId, String name, SchoolType schoolType, long version,
    LocalDate closedFrom, String successorId) {

  /** An open school. */
  SchoolRow(String id, String countyId, String xuequId, String name, SchoolType schoolType, long version) {
    this(id, countyId, xuequId, name, schoolType, version, null, null);
  }

  boolean closed() {
    return closedFrom != null;
  }

  boolean sameContent(String xuequId, String name, SchoolType schoolType) {
    return java.util.Objects.equals(this.xuequId, xuequId) && this.name.equals(name) && this.schoolType == schoolType;
  }
}
