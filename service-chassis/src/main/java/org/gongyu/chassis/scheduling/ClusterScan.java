package org.gongyu.chassis.scheduling;

import java.time.Duration;
import java.util.function.IntSupplier;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Runs a scheduled job once across a service's instances (ADR 0031): under the ShedLock of its
 * name in the service's database (table {@code shedlock}, by the database's clock), held for at
 * most {@value #AT_MOST_MINUTES} minutes; an instance that finds it held skips the run. Every
 * {@code @Scheduled} method of a service either runs through here or says why it runs on every
 * instance ({@link EveryInstance}); the services' architecture test checks it.
 *
 * <p>The jobs stay idempotent all the same (a notice once per dedup key, a sweep that re-checks
 * each row under its lock): the lock saves the work and the noise of doing a job twice, it is not
 * what keeps the data right.
 */
public final class ClusterScan {

  static final int AT_MOST_MINUTES = 10;
  private static final Duration AT_MOST = Duration.ofMinutes(AT_MOST_MINUTES);

  /**
   * How long a nightly job's lock is held at least: instances fire the same cron trigger within
   * moments of each other, and one that fires after the first instance finished a short job would
   * otherwise run it again.
   */
  public static final Duration CRON_HOLD = Duration.ofMinutes(1);

  private final LockingTaskExecutor locks;

  public ClusterScan(LockProvider provider) {
    this.locks = new DefaultLockingTaskExecutor(provider);
  }

  /**
   * Runs a scan whose lock is released as soon as it ends (a scan that may run again at once, e.g.
   * from a test or an admin action).
   *
   * @return what the scan returned (e.g. notices made), 0 when another instance holds the lock
   */
  public int run(String lockName, IntSupplier scan) {
    int[] result = {0};
    locks.executeWithLock((Runnable) () -> result[0] = scan.getAsInt(),
        new LockConfiguration(ClockProvider.now(), lockName, AT_MOST, Duration.ZERO));
    return result[0];
  }

  /**
   * Runs a job unless another instance holds its lock, and keeps the lock at least {@code
   * holdAtLeast} after it started ({@link #CRON_HOLD} for a cron job), so that the other instances'
   * triggers of the same round find it held.
   *
   * @return whether this instance ran the job
   */
  public boolean once(String lockName, Duration holdAtLeast, Runnable job) {
    try {
      return locks.executeWithLock(() -> {
        job.run();
        return Boolean.TRUE;
      }, new LockConfiguration(ClockProvider.now(), lockName, AT_MOST, holdAtLeast)).wasExecuted();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t); // the job is a Runnable: only unchecked throwables come out of it
    }
  }
}
