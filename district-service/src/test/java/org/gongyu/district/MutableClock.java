package org.gongyu.district;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's {@link Clock} in the integration tests: the system time until a test sets it, so
 * that deadline rules can be tested on chosen days. A test that sets it resets it when it ends
 * (every test class shares the one Spring context). Prefer past instants or short moves forward:
 * the outbox relay purges sent rows and consumed event ids older than its retention (30 days) by
 * this clock.
 */
public final class MutableClock extends Clock {

  private volatile Instant fixed;

  /** Stops the clock at {@code instant}. */
  public void set(Instant instant) {
    fixed = instant;
  }

  /** Back to the system time. */
  public void reset() {
    fixed = null;
  }

  @Override
  public Instant instant() {
    Instant f = fixed;
    return f != null ? f : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** A clock of another zone at the current setting (not moved by later {@link #set} calls). */
  @Override
  public Clock withZone(ZoneId zone) {
    Instant f = fixed;
    return f != null ? Clock.fixed(f, zone) : Clock.system(zone);
  }
}
