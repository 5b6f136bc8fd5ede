package org.gongyu.district.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.gongyu.district.approval.SignOffTally.Counted;
import org.gongyu.district.approval.SignOffTally.Tally;
import org.junit.jupiter.api.Test;

class SignOffTallyTest {

  static final Instant DEADLINE = Instant.parse("2026-01-15T16:00:00Z");

  @Test
  void countsSignOffsInForceThoseByTheDeadlineAndTheApprovedOnes() {
    List<Counted> signOffs = List.of(
        new Counted(SchoolState.SIGNED_OFF, DEADLINE.minusSeconds(3600)),
        new Counted(SchoolState.APPROVED, DEADLINE),
        new Counted(SchoolState.APPROVED, DEADLINE.plusSeconds(1)),
        new Counted(SchoolState.RETURNED, DEADLINE.minusSeconds(7200)),
        new Counted(SchoolState.REOPENED, DEADLINE.minusSeconds(7200)));

    assertThat(Tally.of(signOffs, DEADLINE)).isEqualTo(new Tally(3, 2, 2));
  }

  @Test
  void withoutADeadlineThereIsNoTimeliness() {
    assertThat(Tally.of(List.of(new Counted(SchoolState.APPROVED, DEADLINE)), null)).isEqualTo(new Tally(1, null, 1));
    assertThat(Tally.of(List.of(), DEADLINE)).isEqualTo(new Tally(0, 0, 0));
  }
}
