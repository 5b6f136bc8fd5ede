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
 * <p>{@code dated} are the days the written records are dated on (old and new): a period whose
 * sign-off is in force at the school refuses a change dated in it (409 {@code school.period.locked},
 * ADR 0019), and the announcer's transaction rolls back. For most families they are the {@code
 * days}; a state that holds onward (a parent school, a training, an instructor, a committee) touches
 * every later period but is dated only on its own days ({@link #datedOn}); a recount that writes no
 * record (the daily roll-over, a deferred import refresh) is dated on no day.
 *
 * @param schoolId       the school
 * @param days           days whose periods the change touches (a corrected date: old and new day)
 * @param indicatorCodes the indicators the records feed; empty means all
 * @param dated          days the written records are dated on
 */
public record RecordsChanged(String schoolId, Set<LocalDate> days, Set<String> indicatorCodes, Set<LocalDate> dated) {

  public RecordsChanged {
    days = Set.copyOf(days);
    indicatorCodes = Set.copyOf(indicatorCodes);
    dated = Set.copyOf(dated);
  }

  /** A change dated on the days it touches. */
  public RecordsChanged(String schoolId, Set<LocalDate> days, Set<String> indicatorCodes) {
    this(schoolId, days, indicatorCodes, days);
  }

  public static RecordsChanged of(String schoolId, Collection<LocalDate> days, String... indicatorCodes) {
    return new RecordsChanged(schoolId, Set.copyOf(days), Set.of(indicatorCodes));
  }

  /** This change, its records dated on {@code days} (nulls skipped) rather than on every day it touches. */
  public RecordsChanged datedOn(Collection<LocalDate> days) {
    return new RecordsChanged(schoolId, this.days, indicatorCodes,
        days.stream().filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
  }

  /** This change as a recount: no record is written, so no sign-off refuses it (its frozen periods are still skipped). */
  public RecordsChanged recount() {
    return datedOn(Set.of());
  }

  /** The code of {@link #noFigure}: no derivation computes it, so nothing is re-derived. */
  public static final String NO_INDICATOR = "-";

  /**
   * A change of records that feed no indicator (guard duty, practice bases), dated on {@code dated}:
   * only the sign-off lock applies to it (a period whose sign-off is in force refuses it with 409).
   */
  public static RecordsChanged noFigure(String schoolId, Collection<LocalDate> dated) {
    return of(schoolId, dated, NO_INDICATOR);
  }

  public static RecordsChanged of(String schoolId, LocalDate day, String... indicatorCodes) {
    return of(schoolId, List.of(day), indicatorCodes);
  }

  boolean concerns(String indicatorCode) {
    return indicatorCodes.isEmpty() || indicatorCodes.contains(indicatorCode);
  }
}
