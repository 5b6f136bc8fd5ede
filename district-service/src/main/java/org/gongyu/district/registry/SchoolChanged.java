package org.gongyu.district.registry;

import java.util.List;

/**
 * Published in-process, inside the transaction that registered a school, changed its type or moved
 * it: the rollups of these counties (sorted, the lock order) that the school may count in must
 * follow.
 */
public record SchoolChanged(String schoolId, List<String> countyIds) {

  public SchoolChanged {
    countyIds = countyIds.stream().distinct().sorted().toList();
  }
}
