package org.gongyu.district.demonstration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.gongyu.chassis.calendar.CityCalendar;
import org.springframework.stereotype.Component;

/**
 * "Now" for the demonstration programme's rules: the injected {@link Clock}, except while a
 * backdated command of a past cycle runs on this thread (ADR 0015), when it is that command's
 * effective instant. The clock itself is never moved: the effective instant is set per request by
 * {@link BackdatedCommands} (county admin, strictly before the clock's now) and applies only to the
 * rules that read it here; the outbox, the audit log, rollups and the daily sweep keep the clock.
 */
@Component
public class EffectiveTime {

  /** The command being recorded with a past effective instant, and who recorded it when. */
  public record Backdated(Instant at, String recordedBy, Instant recordedAt) {}

  private static final ThreadLocal<Backdated> CURRENT = new ThreadLocal<>();

  private final Clock clock;
  private final CityCalendar calendar;

  public EffectiveTime(Clock clock, CityCalendar calendar) {
    this.clock = clock;
    this.calendar = calendar;
  }

  /** The effective instant: the backdated command's, else the clock's. */
  public Instant instant() {
    Backdated b = CURRENT.get();
    return b == null ? clock.instant() : b.at();
  }

  /** The effective day in the city's zone. */
  public LocalDate today() {
    return calendar.dayOf(instant());
  }

  /** The clock's instant, whatever is being recorded. */
  public Instant wallInstant() {
    return clock.instant();
  }

  /** The backdated command running on this thread, if one is. */
  public Optional<Backdated> backdated() {
    return Optional.ofNullable(CURRENT.get());
  }

  /**
   * Runs the rest of this thread's request as a command effective at {@code at}.
   *
   * @throws IllegalArgumentException if {@code at} is not before the clock's now (the effective
   *     instant can only lie in the past: the clock is never moved forward)
   */
  void begin(Instant at, String recordedBy) {
    Instant now = clock.instant();
    if (!at.isBefore(now)) {
      throw new IllegalArgumentException("a backdated command must be effective before now");
    }
    CURRENT.set(new Backdated(at, recordedBy, now));
  }

  void end() {
    CURRENT.remove();
  }
}
