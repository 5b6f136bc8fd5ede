package org.gongyu.district.registry;

/**
 * The outcome of a PUT: the stored row, whether this request created it, and whether it changed
 * anything at all (false when the content was already as asked: no new version, no event).
 */
record Upserted<T>(T row, boolean created, boolean changed) {

  static <T> Upserted<T> created(T row) {
    return new Upserted<>(row, true, true);
  }

  static <T> Upserted<T> changed(T row) {
    return new Upserted<>(row, false, true);
  }

  static <T> Upserted<T> unchanged(T row) {
    return new Upserted<>(row, false, false);
  }
}
