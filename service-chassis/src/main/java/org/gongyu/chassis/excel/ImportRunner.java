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
    try {
      if (!jobs.start(id)) {
        return; // cancelled while queued
      }
      Lang lang = Lang.of(job.lang());
      List<ImportRow> chunk = new ArrayList<>(properties.chunkSize());
      Runnable flush = () -> {
        if (!chunk.isEmpty()) {
          ChunkApplier.Result r = applier.apply(List.copyOf(chunk));
          c[2] += r.applied();
          c[4] += r.unchanged();
          for (ImportRow refused : r.refused()) {
            c[3]++;
            writer(errors, spec, lang, texts).add(refused);
          }
          chunk.clear();
        }
        c[0] = c[1];
        if (jobs.progress(id, counts(c))) {
          throw new Cancelled();
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
      finish(id, ImportJobs.Status.DONE, c, null, errors[0], job.fileName());
      log.info("import job {} ({}) done: {} rows read in {} ms", id, spec.family(), c[1], (System.nanoTime() - started) / 1_000_000);
    } catch (Cancelled e) {
      finish(id, ImportJobs.Status.CANCELLED, c, null, errors[0], job.fileName());
      log.info("import job {} cancelled after {} rows", id, c[1]);
    } catch (ApiProblem p) {
      finish(id, ImportJobs.Status.FAILED, c, ImportJobs.Problem.of(p), errors[0], job.fileName());
      log.info("import job {} refused: {}", id, p.getDetailMessageCode());
    } catch (RuntimeException | Error e) {
      log.error("import job {} failed: {}", id, e.getClass().getName());
      finish(id, ImportJobs.Status.FAILED, c, new ImportJobs.Problem("problem.title.internal", "excel.job.failed", List.of()),
          errors[0], job.fileName());
    } finally {
      if (errors[0] != null) {
        errors[0].close();
      }
      held.remove(id);
      delete(file);
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
