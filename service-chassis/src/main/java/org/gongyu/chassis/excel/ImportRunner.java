package org.gongyu.chassis.excel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs import jobs on a bounded executor: reads the file row by row, hands readable rows to the
 * family's {@link ChunkApplier} a chunk at a time, writes refused rows to the error workbook, and
 * records progress after each chunk, where it also honours a cancellation. The uploaded file is
 * deleted when the job ends. Logs name the job, never a row's content.
 *
 * <p>Keeps the heartbeat of the jobs it holds and, at start-up and every {@value #SWEEP_SECONDS}
 * seconds, marks FAILED the unfinished jobs whose heartbeat stopped (their process died), and
 * purges expired error workbooks.
 */
public class ImportRunner implements InitializingBean, DisposableBean {

  static final int SWEEP_SECONDS = 30;
  private static final Duration STALE = Duration.ofSeconds(3L * SWEEP_SECONDS / 2);
  private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

  private final ImportJobs jobs;
  private final ImportProperties properties;
  private final ThreadPoolExecutor executor;
  private final ScheduledExecutorService sweeper;
  private final Set<UUID> held = ConcurrentHashMap.newKeySet();

  public ImportRunner(ImportJobs jobs, ImportProperties properties) {
    this.jobs = jobs;
    this.properties = properties;
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(properties.queue()), r -> {
          Thread t = new Thread(r, "excel-import-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "excel-import-sweeper");
      t.setDaemon(true);
      return t;
    });
  }

  public ImportProperties properties() {
    return properties;
  }

  @Override
  public void afterPropertiesSet() {
    sweep();
    sweeper.scheduleWithFixedDelay(this::sweepQuietly, SWEEP_SECONDS / 2, SWEEP_SECONDS / 2, TimeUnit.SECONDS);
  }

  /** Heartbeat of held jobs, then abandoned jobs failed and expired workbooks purged. */
  public void sweep() {
    jobs.heartbeat(held);
    int failed = jobs.failAbandoned(STALE);
    if (failed > 0) {
      log.warn("{} import job(s) of a process that stopped marked FAILED", failed);
    }
    jobs.purgeExpired();
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      log.warn("import sweep failed: {}", e.toString());
    }
  }

  @Override
  public void destroy() {
    sweeper.shutdownNow();
    executor.shutdownNow();
  }

  /**
   * Queues {@code job} (QUEUED in the table) to read {@code file}, which the runner deletes when
   * done. 503 when the queue is full (the job is then marked FAILED and the file deleted).
   *
   * @param texts resolves a message in the job's language, for the error workbook
   */
  public void submit(ImportJobs.Job job, Path file, TemplateSpec spec, ChunkApplier applier, Function<Object, String> texts) {
    held.add(job.jobId());
    try {
      executor.execute(() -> run(job, file, spec, applier, texts));
    } catch (RejectedExecutionException e) {
      held.remove(job.jobId());
      delete(file);
      ApiProblem busy = ApiProblem.serviceUnavailable(Msg.msg("excel.job.busy", properties.queue()));
      jobs.finish(job.jobId(), ImportJobs.Status.FAILED, new ImportJobs.Counts(0, 0, 0, 0, 0), ImportJobs.Problem.of(busy), null);
      throw busy;
    }
  }

  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }

  private void run(ImportJobs.Job job, Path file, TemplateSpec spec, ChunkApplier applier, Function<Object, String> texts) {
    UUID id = job.jobId();
    long started = System.nanoTime();
    int[] c = new int[5]; // rowsDone, read, applied, refused, unchanged
    ErrorWorkbookWriter[] errors = {null};
    // one chunk is applied on this thread while the job's thread reads and converts the next
    java.util.concurrent.ExecutorService applying = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "excel-import-apply-" + id.toString().substring(0, 8));
      t.setDaemon(true);
      return t;
    });
    InFlight[] inFlight = {null};
    Lang lang = Lang.of(job.lang());
    java.util.function.Consumer<ImportRow> refuse = row -> writer(errors, spec, lang, texts).add(row);
    try {
      if (!jobs.start(id)) {
        return; // cancelled while queued
      }
      List<ImportRow> chunk = new ArrayList<>(properties.chunkSize());
      Runnable collect = () -> {
        if (inFlight[0] != null) {
          ChunkApplier.Result r = inFlight[0].await();
          c[0] = inFlight[0].readUpTo();
          inFlight[0] = null;
          c[2] += r.applied();
          c[4] += r.unchanged();
          for (ImportRow refused : r.refused()) {
            c[3]++;
            writer(errors, spec, lang, texts).add(refused);
          }
        }
        if (jobs.progress(id, counts(c))) {
          throw new Cancelled();
        }
      };
      Runnable flush = () -> {
        collect.run();
        if (!chunk.isEmpty()) {
          List<ImportRow> rows = List.copyOf(chunk);
          chunk.clear();
          inFlight[0] = new InFlight(applying.submit(() -> applier.apply(rows)), c[1]);
        }
      };
      ExcelReader.read(file, spec, properties.limits(), row -> {
        c[1]++;
        if (row.readable()) {
          chunk.add(row);
        } else {
          c[3]++;
          writer(errors, spec, lang, texts).add(row);
        }
        if (chunk.size() >= properties.chunkSize() || c[1] % properties.chunkSize() == 0) {
          flush.run();
        }
      });
      flush.run();
      collect.run();
      c[0] = c[1];
      applier.finish();
      finish(id, ImportJobs.Status.DONE, c, null, errors[0], job.fileName());
      log.info("import job {} ({}) done: {} rows read in {} ms", id, spec.family(), c[1], (System.nanoTime() - started) / 1_000_000);
    } catch (Cancelled e) {
      settle(inFlight[0], c, refuse);
      finishApplier(id, applier);
      finish(id, ImportJobs.Status.CANCELLED, c, null, errors[0], job.fileName());
      log.info("import job {} cancelled after {} rows", id, c[1]);
    } catch (ApiProblem p) {
      settle(inFlight[0], c, refuse);
      finishApplier(id, applier);
      finish(id, ImportJobs.Status.FAILED, c, ImportJobs.Problem.of(p), errors[0], job.fileName());
      log.info("import job {} refused: {}", id, p.getDetailMessageCode());
    } catch (RuntimeException | Error e) {
      log.error("import job {} failed: {}", id, e.getClass().getName());
      settle(inFlight[0], c, refuse);
      finishApplier(id, applier);
      finish(id, ImportJobs.Status.FAILED, c, new ImportJobs.Problem("problem.title.internal", "excel.job.failed", List.of()),
          errors[0], job.fileName());
    } finally {
      applying.shutdownNow();
      if (errors[0] != null) {
        errors[0].close();
      }
      held.remove(id);
      delete(file);
    }
  }

  /** A chunk being applied, and how many rows had been read when it was handed over. */
  private record InFlight(java.util.concurrent.Future<ChunkApplier.Result> result, int readUpTo) {

    /** Its result; its exception rethrown as it was thrown. */
    ChunkApplier.Result await() {
      try {
        return result.get();
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while a chunk was applied", e);
      }
    }
  }

  /** After a job stopped early: waits for the chunk still being applied and counts it if it was applied. */
  private static void settle(InFlight inFlight, int[] c, java.util.function.Consumer<ImportRow> refuse) {
    if (inFlight == null) {
      return;
    }
    try {
      ChunkApplier.Result r = inFlight.await();
      c[0] = inFlight.readUpTo();
      c[2] += r.applied();
      c[4] += r.unchanged();
      c[3] += r.refused().size();
      r.refused().forEach(refuse);
    } catch (RuntimeException | Error e) {
      // it failed: nothing of it counts
    }
  }

  /** {@link ChunkApplier#finish} after a job stopped early: the chunks applied so far still count. */
  private static void finishApplier(UUID id, ChunkApplier applier) {
    try {
      applier.finish();
    } catch (RuntimeException e) {
      log.error("import job {}: finishing its chunks failed: {}", id, e.getClass().getName());
    }
  }

  private static ErrorWorkbookWriter writer(ErrorWorkbookWriter[] holder, TemplateSpec spec, Lang lang,
      Function<Object, String> texts) {
    if (holder[0] == null) {
      holder[0] = new ErrorWorkbookWriter(spec, lang, texts);
    }
    return holder[0];
  }

  private void finish(UUID id, ImportJobs.Status status, int[] c, ImportJobs.Problem problem, ErrorWorkbookWriter errors,
      String fileName) {
    byte[] workbook = null;
    if (errors != null && errors.rows() > 0) {
      workbook = errors.finish(new ErrorWorkbookWriter.Summary(fileName, c[1], c[2], c[3], c[4]));
    }
    jobs.finish(id, status, counts(c), problem, workbook);
  }

  private static ImportJobs.Counts counts(int[] c) {
    return new ImportJobs.Counts(c[0], c[1], c[2], c[3], c[4]);
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("could not delete an uploaded import file: {}", e.toString());
    }
  }
}
