package org.gongyu.city.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A catalogue entry as the API shows it: {@code schoolTypes} empty = every school type;
 * {@code targets} is the schedule ordered by period, a {@code null} value meaning no fixed target.
 */
record CatalogueEntryResponse(
    String code,
    String nameZh,
    String nameEn,
    String kind,
    String periodType,
    String comparator,
    boolean sensitive,
    List<String> schoolTypes,
    List<Step> targets,
    long version) {

  /** From {@code fromPeriod} on (until a later step) the target is {@code value}. */
  record Step(String fromPeriod, BigDecimal value, Instant setAt, String setBy) {}
}
