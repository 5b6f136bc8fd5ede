package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;
import org.junit.jupiter.api.Test;

class SnapshotFeedTest {

  private static final List<String> SCHOOLS = List.of("9901970001", "9901970002", "9901970003");
  private static final Instant AT = Instant.parse("2026-12-07T03:00:00Z");

  @Test
  void eachSnapshotRaisesTheSumOfTheSchoolsLatestFiguresByExactlyOne() {
    long base = 1_765_000_000_000_000L;
    // what district keeps: the highest version per school; primed, every school is at PRIMED
    Map<String, IndicatorSnapshotPublished> latest = new HashMap<>();
    SCHOOLS.forEach(s -> latest.put(s, new IndicatorSnapshotPublished(s, IndicatorCodes.PLATFORM_REGISTRATION, "2026-2027-1",
        SnapshotFeed.PRIMED, SnapshotFeed.DENOMINATOR, base, AT)));
    long sum = SCHOOLS.size() * SnapshotFeed.PRIMED;
    for (long i = 0; i < 20; i++) {
      IndicatorSnapshotPublished s = SnapshotFeed.snapshot(SCHOOLS, "2026-2027-1", base, i, AT);
      assertThat(s.schoolId()).isEqualTo(SCHOOLS.get((int) (i % SCHOOLS.size())));
      assertThat(s.version()).as("newer than what the school has").isGreaterThan(latest.get(s.schoolId()).version());
      assertThat(s.denominator()).isEqualTo(SnapshotFeed.DENOMINATOR);
      latest.put(s.schoolId(), s);
      long now = latest.values().stream().mapToLong(IndicatorSnapshotPublished::numerator).sum();
      assertThat(now).as("after change %d", i).isEqualTo(sum + 1);
      sum = now;
    }
  }

  @Test
  void theWarmUpAndTheTimedPartContinueOneNumbering() {
    long base = 1_000;
    // the timed part starts at change warmup * batchSize: its first snapshot of a school follows the warm-up's last
    IndicatorSnapshotPublished lastWarm = SnapshotFeed.snapshot(SCHOOLS, "2026-2027-1", base, 5 * 3 - 3, AT);
    IndicatorSnapshotPublished firstTimed = SnapshotFeed.snapshot(SCHOOLS, "2026-2027-1", base, 5 * 3, AT);
    assertThat(firstTimed.schoolId()).isEqualTo(lastWarm.schoolId());
    assertThat(firstTimed.version()).isEqualTo(lastWarm.version() + 1);
    assertThat(firstTimed.numerator()).isEqualTo(lastWarm.numerator() + 1);
  }

  @Test
  void batchesAreReleasedAtTheRateFromTheFirstOne() {
    assertThat(SnapshotFeed.dueNanos(0, 1000)).isZero();
    assertThat(SnapshotFeed.dueNanos(10, 1000)).isEqualTo(10_000_000L);
    assertThat(SnapshotFeed.dueNanos(30_000, 1500)).isEqualTo(20_000_000_000L);
    assertThat(SnapshotFeed.dueNanos(30_000, 0)).as("unpaced").isZero();
  }
}
