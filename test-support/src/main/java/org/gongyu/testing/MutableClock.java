package org.gongyu.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The {@link Clock} bean of an integration-test context, moved by the tests so that deadlines and
 * windows are tested on both sides without waiting: it stands at its start instant ({@code null}:
 * the system time) until a test sets or advances it, and {@link #reset} returns it there. Every
 * reader (the calendar, the outbox, the services) sees a move at once. Prefer past instants or short
 * moves forward: the outbox relay purges sent rows and consumed event ids older than its retention
 * (30 days) by this clock.
 */
public final class MutableClock extends Clock {

  private final Instant start;
  private volatile Instant fixed;

  /** The system time until a test sets it. */
  public MutableClock() {
    this(null);
  }

  /** Standing at {@code start} until a test moves it; {@code null} for the system time. */
  public MutableClock(Instant start) {
    this.start = start;
    this.fixed = start;
  }

  /** Stops the clock at {@code instant}. */
  public void set(Instant instant) {
    fixed = instant;
  }

  /** Stops the clock {@code by} after its current instant. */
  public void advance(Duration by) {
    fixed = instant().plus(by);
  }

  /** Back to where it started (the system time for a clock made without a start). */
  public void reset() {
    fixed = start;
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

  /** A clock of another zone at the current setting (not moved by later calls). */
  @Override
  public Clock withZone(ZoneId zone) {
    Instant f = fixed;
    return f == null ? Clock.system(zone) : Clock.fixed(f, zone);
  }
}
