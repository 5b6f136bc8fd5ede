package org.gongyu.district.approval;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Counts, for a county's rollups, the sign-offs of a period among the schools it counts (ADR 0019,
 * "Completeness, timeliness"): a sign-off is <em>in force</em> while it is signed off or approved
 * (a returned or reopened one is not: the school has to sign off again). Read without the
 * (county, period) approval lock: the rollup's own row lock orders the recomputations, and each
 * change of a sign-off recomputes the county's rollups of the period in its own transaction
 * ({@link SignOffsChanged}).
 */
@Component
public class SignOffTally {

  private final Approvals approvals;

  SignOffTally(Approvals approvals) {
    this.approvals = approvals;
  }

  /**
   * @param periodId  the period
   * @param schoolIds the schools counted (the county's members the indicator applies to)
   * @param deadline  the county's deadline for the period, or null when it set none
   */
  public Tally of(String periodId, Collection<String> schoolIds, Instant deadline) {
    return Tally.of(approvals.signOffs(periodId, schoolIds).stream()
        .map(s -> new Counted(s.state(), s.signedOffAt())).toList(), deadline);
  }

  /** One school's sign-off as the tally counts it. */
  record Counted(SchoolState state, Instant signedOffAt) {}

  /**
   * Sign-offs of a period among the schools counted.
   *
   * @param signedOff       sign-offs in force (signed off or approved): completeness
   * @param signedOffOnTime those made by the deadline: timeliness; null without a deadline
   * @param approved        sign-offs the county approved
   */
  public record Tally(int signedOff, Integer signedOffOnTime, int approved) {

    static Tally of(List<Counted> signOffs, Instant deadline) {
      List<Counted> inForce = signOffs.stream()
          .filter(s -> s.state() == SchoolState.SIGNED_OFF || s.state() == SchoolState.APPROVED)
          .toList();
      Integer onTime = deadline == null
          ? null
          : (int) inForce.stream().filter(s -> !s.signedOffAt().isAfter(deadline)).count();
      int approved = (int) inForce.stream().filter(s -> s.state() == SchoolState.APPROVED).count();
      return new Tally(inForce.size(), onTime, approved);
    }
  }
}
