package org.gongyu.chassis.notify;

import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs the e-mail sender and the digest job every {@code gongyu.notify.send-interval} on a thread of
 * their own, while the application runs (each run holds its ShedLock, see {@link NotifyMailer}).
 */
class NotifyJobs implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(NotifyJobs.class);

  private final NotifyMailer mailer;
  private final NotifyProperties props;
  private ThreadPoolTaskScheduler scheduler;
  private volatile boolean running;

  NotifyJobs(NotifyMailer mailer, NotifyProperties props) {
    this.mailer = mailer;
    this.props = props;
  }

  @Override
  public synchronized void start() {
    scheduler = new ThreadPoolTaskScheduler();
    scheduler.setPoolSize(1);
    scheduler.setThreadNamePrefix("notify-mail-");
    scheduler.initialize();
    ScheduledFuture<?> unused = scheduler.scheduleWithFixedDelay(() -> run("sender", mailer::sendDue), props.sendInterval());
    unused = scheduler.scheduleWithFixedDelay(() -> run("digest", mailer::sendDigests), props.sendInterval());
    running = true;
  }

  private static void run(String job, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      log.error("notification {} job failed: {}", job, e.getMessage(), e);
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdown();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
