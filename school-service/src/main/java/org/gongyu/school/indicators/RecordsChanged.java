package org.gongyu.school.indicators;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Announced, inside its transaction, by a feature whose records feed indicators. The snapshots of
 * the named indicators, for every started period (of each indicator's own type) that contains one
 * of {@code days}, are re-derived before the transaction commits. The announcer must hold the
 * school's lock.
 *
 * @param schoolId       the school
 * @param days           days whose periods the change touches (a corrected date: old and new day)
 * @param indicatorCodes the indicators the records feed; empty means all
 */
public record RecordsChanged(String schoolId, Set<LocalDate> days, Set<String> indicatorCodes) {

  public RecordsChanged {
    days = Set.copyOf(days);
    indicatorCodes = Set.copyOf(indicatorCodes);
  }

  public static RecordsChanged of(String schoolId, Collection<LocalDate> days, String... indicatorCodes) {
    return new RecordsChanged(schoolId, Set.copyOf(days), Set.of(indicatorCodes));
  }

  public static RecordsChanged of(String schoolId, LocalDate day, String... indicatorCodes) {
    return of(schoolId, List.of(day), indicatorCodes);
  }

  boolean concerns(String indicatorCode) {
    return indicatorCodes.isEmpty() || indicatorCodes.contains(indicatorCode);
  }
}
