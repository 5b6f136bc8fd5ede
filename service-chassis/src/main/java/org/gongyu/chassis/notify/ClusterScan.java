package org.gongyu.chassis.notify;

import java.time.Duration;
import java.util.function.IntSupplier;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Runs a scheduled scan (deadline reminders and the like) once across a service's instances: under
 * the ShedLock of its name, held for at most 10 minutes; an instance that finds it held skips the
 * run. The scans make each notice once by its dedup key, so a skipped or repeated run loses nothing.
 */
public final class ClusterScan {

  private static final Duration AT_MOST = Duration.ofMinutes(10);

  private final LockingTaskExecutor locks;

  public ClusterScan(LockProvider provider) {
    this.locks = new DefaultLockingTaskExecutor(provider);
  }

  /** @return what the scan returned (e.g. notices made), 0 when another instance holds the lock */
  public int run(String lockName, IntSupplier scan) {
    int[] result = {0};
    locks.executeWithLock((Runnable) () -> result[0] = scan.getAsInt(),
        new LockConfiguration(ClockProvider.now(), lockName, AT_MOST, Duration.ZERO));
    return result[0];
  }
}
