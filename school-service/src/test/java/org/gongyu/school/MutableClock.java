package org.gongyu.school;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it: deadlines and windows can be tested on both
 * sides without waiting. Every reader (the calendar, the outbox, the services) sees the move at once.
 */
public final class MutableClock extends Clock {

  private final Instant start;
  private final AtomicReference<Instant> now;

  public MutableClock(Instant start) {
    this.start = start;
    this.now = new AtomicReference<>(start);
  }

  public void set(Instant instant) {
    now.set(instant);
  }

  public void advance(Duration by) {
    now.updateAndGet(i -> i.plus(by));
  }

  /** Back to the instant it was made with. */
  public void reset() {
    now.set(start);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }
}
