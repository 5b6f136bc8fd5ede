package org.gongyu.district.registry;

/** A stored {@code school} row. */
record SchoolRow(String id, String countyId, String xuequId, String name, SchoolType schoolType, long version) {

  boolean sameContent(String xuequId, String name, SchoolType schoolType) {
    return java.util.Objects.equals(this.xuequId, xuequId) && this.name.equals(name) && this.schoolType == schoolType;
  }
}
