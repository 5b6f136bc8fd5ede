package org.gongyu.chassis.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Within one poll, the records that a later version of the same thing makes moot (issue 16). A
 * consumer that keeps only the highest version of each key ends in the same state whether it
 * applies every record of a poll or only the highest of each key, so it applies only those: a
 * burst of versions of one county's rollup (a rebuild, or a busy minute) costs one write instead of
 * one per version. Not for a consumer that keeps more than the highest version (an earliest time,
 * a history).
 */
public final class Superseded {

  private Superseded() {}

  /**
   * The record of the highest version of each key among {@code records} (the first of equal
   * versions), in the order in which the keys first appear.
   */
  public static <T, K> List<T> latestPerKey(List<T> records, Function<T, K> key, ToLongFunction<T> version) {
    Map<K, T> latest = new LinkedHashMap<>();
    for (T r : records) {
      latest.merge(key.apply(r), r, (kept, next) -> version.applyAsLong(next) > version.applyAsLong(kept) ? next : kept);
    }
    return new ArrayList<>(latest.values());
  }
}
