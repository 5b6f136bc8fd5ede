package org.gongyu.school.imports;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.gongyu.chassis.scheduling.ClusterScan;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.indicators.SnapshotService;
import org.gongyu.school.registry.SchoolRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Brings figures up to date after an import whose process died between two refreshes: an import
 * defers its figures ({@link ImportFigures}), and each chunk notes what it changed in its own
 * transaction (V15); a refresh deletes its notes. Notes left behind are refreshed at start-up (no
 * import of this process is running then) and by a sweep once they are older than any running
 * import leaves them ({@link #STALE}: it refreshes every {@value ImportFigures#INTERVAL_SECONDS} s),
 * so a crash delays a figure, never changes it. A refresh re-derives from the stored records under
 * the school's lock, so doing one twice or beside a live import is harmless.
 */
@Component
class PendingFigures {

  private static final Logger log = LoggerFactory.getLogger(PendingFigures.class);

  /** A note older than this belongs to no live import. */
  static final Duration STALE = Duration.ofSeconds(ImportFigures.INTERVAL_SECONDS * 4);

  private final SnapshotService snapshots;
  private final SchoolRegistry registry;
  private final TransactionTemplate transaction;
  private final ClusterScan scans;

  static final String LOCK = "school-pending-figures";

  PendingFigures(SnapshotService snapshots, SchoolRegistry registry, PlatformTransactionManager transactions, ClusterScan scans) {
    this.scans = scans;
    this.snapshots = snapshots;
    this.registry = registry;
    this.transaction = new TransactionTemplate(transactions);
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    refresh(Duration.ZERO);
  }

  @Scheduled(fixedDelayString = "${gongyu.school.imports.pending-figures-sweep:PT1M}", initialDelayString = "PT1M")
  void sweep() {
    scans.run(LOCK, () -> refresh(STALE));
  }

  /** Refreshes every school's notes older than {@code age}; answers how many schools it refreshed. */
  int refresh(Duration age) {
    Map<String, List<RecordsChanged>> pending = snapshots.pendingNotes(age);
    pending.forEach((schoolId, changes) -> transaction.executeWithoutResult(status -> {
      registry.lockForUpdate(schoolId);
      snapshots.refreshAll(schoolId, changes);
    }));
    if (!pending.isEmpty()) {
      log.info("figures of {} school(s) refreshed from notes an interrupted import left", pending.size());
    }
    return pending.size();
  }
}
