package org.gongyu.school.imports;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When an import's figures are refreshed: not in every chunk (each derivation re-counts all the
 * school's records, which made a 100,000-row import spend most of its time re-deriving), but at
 * most every {@value #INTERVAL_SECONDS} seconds while the job runs and once when it stops, in a
 * transaction of its own under the school's lock, each indicator and period once.
 */
@Component
class ImportFigures {

  static final long INTERVAL_SECONDS = 30;

  private final SnapshotService snapshots;
  private final SchoolRegistry registry;
  private final TransactionTemplate transaction;

  ImportFigures(SnapshotService snapshots, SchoolRegistry registry, PlatformTransactionManager transactions) {
    this.snapshots = snapshots;
    this.registry = registry;
    this.transaction = new TransactionTemplate(transactions);
  }

  /** The family's chunks for a job, their figures refreshed as said above. */
  ChunkApplier applier(String schoolId, ImportFamily family) {
    return deferred(rows -> family.apply(schoolId, rows));
  }

  /**
   * {@code work}'s chunks with the refreshes they ask for deferred as said above; at each refresh,
   * every school they changed (a county-wide sheet names many) under that school's lock.
   */
  ChunkApplier deferred(ChunkApplier work) {
    List<RecordsChanged> pending = new ArrayList<>();
    long[] last = {System.nanoTime()};
    return new ChunkApplier() {
      @Override
      public Result apply(List<ImportRow> rows) {
        Result r = snapshots.deferring(pending, PendingFigures.STALE, () -> work.apply(rows));
        if (System.nanoTime() - last[0] > Duration.ofSeconds(INTERVAL_SECONDS).toNanos()) {
          finish();
        }
        return r;
      }

      @Override
      public void finish() {
        if (!pending.isEmpty()) {
          for (String schoolId : new LinkedHashSet<>(pending.stream().map(RecordsChanged::schoolId).toList())) {
            refresh(schoolId, List.copyOf(pending));
          }
          pending.clear();
        }
        last[0] = System.nanoTime();
      }
    };
  }

  private void refresh(String schoolId, List<RecordsChanged> pending) {
    transaction.executeWithoutResult(status -> {
      registry.lockForUpdate(schoolId);
      snapshots.refreshAll(schoolId, pending);
    });
  }
}
