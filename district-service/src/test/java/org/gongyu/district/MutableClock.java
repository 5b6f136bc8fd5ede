package org.gongyu.district;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The ITs' clock: the system time until a test sets it, then that instant until it is moved or
 * reset. One bean for the whole shared context; {@code DistrictITSupport} resets it after each test.
 * Prefer past instants or short moves forward: the outbox relay purges sent rows and consumed event
 * ids older than its retention (30 days) by this clock.
 */
public final class MutableClock extends Clock {

  private volatile Instant fixed;

  public void set(Instant instant) {
    fixed = instant;
  }

  public void advance(Duration by) {
    fixed = instant().plus(by);
  }

  /** Back to the system time. */
  public void reset() {
    fixed = null;
  }

  @Override
  public Instant instant() {
    Instant f = fixed;
    return f == null ? Clock.systemUTC().instant() : f;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    Instant f = fixed;
    return f == null ? Clock.system(zone) : Clock.fixed(f, zone);
  }
}
