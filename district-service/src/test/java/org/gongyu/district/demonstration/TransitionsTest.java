package org.gongyu.district.demonstration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.*;

import java.util.EnumSet;
import java.util.Set;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.junit.jupiter.api.Test;

class TransitionsTest {

  @Test
  void theLifecycleOfSeed001CanBeWalkedFromApplicationToRevocation() {
    DemonstrationStatus[] path = {APPLIED, CREATING, SELF_EVALUATED, ASSESSING, DEFERRED, SELF_EVALUATED, ASSESSING,
        TITLED, REINSPECTING, RECTIFYING, TITLED, REINSPECTING, RECTIFYING, REVOKED};
    for (int i = 1; i < path.length; i++) {
      assertThat(Transitions.allowed(path[i - 1], path[i])).as(path[i - 1] + " -> " + path[i]).isTrue();
    }
  }

  @Test
  void finalStatusesGoNowhere() {
    for (DemonstrationStatus s : EnumSet.of(DECLINED, REJECTED, REVOKED, EXPIRED)) {
      assertThat(Transitions.isFinal(s)).isTrue();
      assertThat(Transitions.from(s)).isEmpty();
    }
  }

  @Test
  void noShortcutsPastTheAssessment() {
    for (DemonstrationStatus s : EnumSet.of(APPLIED, CREATING, SELF_EVALUATED, DEFERRED)) {
      assertThat(Transitions.allowed(s, TITLED)).as(s + " -> TITLED").isFalse();
    }
    assertThat(Transitions.allowed(TITLED, REVOKED)).as("revocation needs a re-inspection").isFalse();
    assertThat(Transitions.allowed(TITLED, RECTIFYING)).isFalse();
    assertThat(Transitions.allowed(REVOKED, TITLED)).isFalse();
  }

  @Test
  void onlyHeldTitlesCanExpire() {
    Set<DemonstrationStatus> expiring = EnumSet.noneOf(DemonstrationStatus.class);
    for (DemonstrationStatus s : DemonstrationStatus.values()) {
      if (Transitions.allowed(s, EXPIRED)) {
        expiring.add(s);
      }
      assertThat(s.holdsTitle()).as(s.name()).isEqualTo(EnumSet.of(TITLED, REINSPECTING, RECTIFYING).contains(s));
    }
    assertThat(expiring).containsExactlyInAnyOrder(TITLED, REINSPECTING, RECTIFYING);
  }
}
