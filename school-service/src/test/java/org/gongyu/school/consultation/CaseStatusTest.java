package org.gongyu.school.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongyu.school.consultation.CaseRequest.Status;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

  @Test
  void aCaseMovesForwardAndNeverLeavesResolved() {
    assertThat(Status.OPEN.mayBecome(Status.RESOLVED)).isTrue();
    assertThat(Status.OPEN.mayBecome(Status.REFERRED)).isTrue();
    assertThat(Status.REFERRED.mayBecome(Status.RESOLVED)).isTrue();
    assertThat(Status.RESOLVED.mayBecome(Status.OPEN)).isFalse();
    assertThat(Status.RESOLVED.mayBecome(Status.REFERRED)).isFalse();
    assertThat(Status.REFERRED.mayBecome(Status.OPEN)).isFalse();
    for (Status s : Status.values()) {
      assertThat(s.mayBecome(s)).as("a correction keeps the status").isTrue();
    }
  }
}
