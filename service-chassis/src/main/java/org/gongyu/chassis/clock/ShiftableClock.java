package org.gongyu.chassis.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock plus an offset that can be changed while the service runs (test deployments only). */
public final class ShiftableClock extends Clock {

  private final Clock base;
  private final AtomicReference<Duration> offset;

  public ShiftableClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private ShiftableClock(Clock base, AtomicReference<Duration> offset) {
    this.base = base;
    this.offset = offset;
  }

  public Duration offset() {
    return offset.get();
  }

  /** Sets the offset from the system clock; it may not be negative (time never runs backwards). */
  public void setOffset(Duration newOffset) {
    if (newOffset.isNegative()) {
      throw new IllegalArgumentException("the offset may not be negative: " + newOffset);
    }
    offset.set(newOffset);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ShiftableClock(base.withZone(zone), offset);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }
}
