package org.gongyu.school.platform;

import java.time.Instant;
import java.util.List;
import org.gongyu.school.indicators.SnapshotService;

/**
 * What the platform's batches share beyond {@link org.gongyu.school.records.IdempotentBatch}: the
 * plausible range of a time and the answer's shape.
 */
final class Batches {

  /** Periods are defined from 2000 on; an earlier time is certainly a platform error. */
  static final Instant EARLIEST = Instant.parse("2001-01-01T00:00:00Z");

  private Batches() {}

  /**
   * What a batch did; {@code snapshots} are the latest stored figures, {@code figuresPending} whether
   * the batch's records are still to be counted in them (within the coalesce interval, ADR 0021).
   */
  record Outcome(int received, int accepted, int alreadyRecorded, List<SnapshotService.Snapshot> snapshots, boolean figuresPending) {}

  /** The outcome of a PUT of one item: whether it was created, the item as read back, its version, the figures it touched. */
  record Saved<V>(boolean created, V item, int version, List<SnapshotService.Snapshot> snapshots) {}

  /** Adds an error for a time after now or implausibly early. */
  static void checkTime(List<String> errors, String field, Instant at, Instant now) {
    if (at.isAfter(now)) {
      errors.add(field + ": " + at + " is in the future");
    } else if (at.isBefore(EARLIEST)) {
      errors.add(field + ": " + at + " is before " + EARLIEST);
    }
  }
}
