package org.gongyu.school.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gongyu.chassis.scheduling.EveryInstance;
import org.gongyu.school.registry.SchoolRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-derives the figures the platform's bulk feeds noted (issue 16, ADR 0021): every {@code
 * gongyu.school.figures.coalesce-interval} (200 ms), each school with a due note is refreshed in a
 * transaction of its own, under the school's lock, each indicator and period once however many
 * batches came in since the last round. A batch therefore answers fast and its figures follow
 * within about one interval.
 *
 * <p>Several instances may run it at once: each takes the school's lock before it reads the notes
 * and claims them by deleting them ({@link SnapshotService#refreshDue}), so the second finds nothing
 * left and derives nothing; one school per transaction, so two refreshers never wait for each other
 * in a cycle. A note an Excel import writes falls due only when no live import would refresh it
 * itself (V18), so the same rounds also bring the figures of an import whose process died up to
 * date; {@code imports.PendingFigures} still refreshes every note at start-up.
 */
@Component
class FigureRefresher {

  private static final Logger log = LoggerFactory.getLogger(FigureRefresher.class);

  private final SnapshotService snapshots;
  private final SchoolRegistry registry;
  private final TransactionTemplate transaction;

  private final ExecutorService workers;
  private final int threads;

  FigureRefresher(SnapshotService snapshots, SchoolRegistry registry, PlatformTransactionManager transactions,
      @Value("${gongyu.school.figures.refresh-threads:4}") int threads) {
    this.snapshots = snapshots;
    this.registry = registry;
    this.transaction = new TransactionTemplate(transactions);
    this.threads = Math.max(1, threads);
    this.workers = Executors.newFixedThreadPool(this.threads, Thread.ofPlatform().name("figure-refresh-", 0).daemon().factory());
  }

  /**
   * One round: the due schools are shared among {@code gongyu.school.figures.refresh-threads}
   * workers (4), each school in its own transaction, so a round over hundreds of schools is not one
   * long queue (measured: serially, 100 schools made a round of ~2-3 s under load and freshness
   * followed). The round ends when every school of it is done.
   */
  @EveryInstance("each school's notes are claimed under the school's row lock, so instances share the rounds' work")
  @Scheduled(fixedDelayString = "${gongyu.school.figures.coalesce-interval:200ms}",
      initialDelayString = "${gongyu.school.figures.coalesce-interval:200ms}")
  void refreshDue() {
    List<String> due = snapshots.schoolsDue();
    if (due.size() <= 1 || threads == 1) {
      due.forEach(this::refreshSafely);
      return;
    }
    List<Future<?>> done = new ArrayList<>(due.size());
    for (String schoolId : due) {
      done.add(workers.submit(() -> refreshSafely(schoolId)));
    }
    for (Future<?> f : done) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        log.warn("a figure refresh failed unexpectedly", e.getCause());
      }
    }
  }

  private void refreshSafely(String schoolId) {
    try {
      refresh(schoolId);
    } catch (RuntimeException e) {
      // the notes stay (the transaction rolled back); the next round tries again
      log.warn("figures of school {} not refreshed, retried next round", schoolId, e);
    }
  }

  /** A last round when the service stops, so that a batch answered just before is not left for the next start. */
  @jakarta.annotation.PreDestroy
  void atStop() {
    try {
      refreshDue();
    } catch (RuntimeException e) {
      // the notes stay: the next start refreshes them (imports.PendingFigures)
      log.warn("figures not refreshed at stop; the notes are refreshed at the next start", e);
    } finally {
      workers.shutdown();
    }
  }

  /** Refreshes one school's due notes; answers how many there were (0 if another refresher took them). */
  int refresh(String schoolId) {
    Integer notes = transaction.execute(status -> {
      registry.lockForUpdate(schoolId);
      return snapshots.refreshDue(schoolId);
    });
    return notes == null ? 0 : notes;
  }
}
