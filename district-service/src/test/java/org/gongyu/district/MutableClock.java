package org.gongyu.district;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's {@link Clock} in the integration tests: the system time, moved by an offset a test
 * sets and resets (time keeps running, so what happens in order still gets increasing instants).
 */
public final class MutableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  /** Moves the clock so that now is {@code instant}. */
  public void setTo(Instant instant) {
    offset = Duration.between(Clock.systemUTC().instant(), instant);
  }

  public void shift(Duration by) {
    offset = offset.plus(by);
  }

  /** Back to the system time. */
  public void reset() {
    offset = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return Clock.systemUTC().instant().plus(offset);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the service reads instants; zones come from the city calendar");
  }
}
