package org.gongyu.district.demonstration;

import static org.gongyu.contracts.demonstration.DemonstrationStatus.APPLIED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.ASSESSING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.CREATING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.DECLINED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.DEFERRED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.EXPIRED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.RECTIFYING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.REINSPECTING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.REJECTED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.REVOKED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.SELF_EVALUATED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.TITLED;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.gongyu.contracts.demonstration.DemonstrationStatus;

/**
 * Every move the state machine allows; anything else is refused with 409. W1: applied → creating
 * (selected) → self-evaluated → assessing → titled, rejected or deferred (a deferred school submits
 * again) → re-inspecting → titled (kept), rectifying or revoked; rectifying → titled or revoked;
 * a held title expires when its validity ends.
 */
public final class Transitions {

  private static final Map<DemonstrationStatus, Set<DemonstrationStatus>> ALLOWED = new EnumMap<>(DemonstrationStatus.class);

  static {
    ALLOWED.put(APPLIED, EnumSet.of(CREATING, DECLINED));
    ALLOWED.put(DECLINED, EnumSet.noneOf(DemonstrationStatus.class));
    ALLOWED.put(CREATING, EnumSet.of(SELF_EVALUATED));
    ALLOWED.put(SELF_EVALUATED, EnumSet.of(ASSESSING));
    ALLOWED.put(ASSESSING, EnumSet.of(TITLED, REJECTED, DEFERRED));
    ALLOWED.put(DEFERRED, EnumSet.of(SELF_EVALUATED));
    ALLOWED.put(REJECTED, EnumSet.noneOf(DemonstrationStatus.class));
    ALLOWED.put(TITLED, EnumSet.of(REINSPECTING, EXPIRED));
    ALLOWED.put(REINSPECTING, EnumSet.of(TITLED, RECTIFYING, REVOKED, EXPIRED));
    ALLOWED.put(RECTIFYING, EnumSet.of(TITLED, REVOKED, EXPIRED));
    ALLOWED.put(REVOKED, EnumSet.noneOf(DemonstrationStatus.class));
    ALLOWED.put(EXPIRED, EnumSet.noneOf(DemonstrationStatus.class));
  }

  private Transitions() {}

  public static boolean allowed(DemonstrationStatus from, DemonstrationStatus to) {
    return ALLOWED.get(from).contains(to);
  }

  /** The statuses reachable from {@code from} in one move (empty for a final status). */
  public static Set<DemonstrationStatus> from(DemonstrationStatus from) {
    Set<DemonstrationStatus> to = ALLOWED.get(from);
    return to.isEmpty() ? Set.of() : EnumSet.copyOf(to);
  }

  public static boolean isFinal(DemonstrationStatus status) {
    return ALLOWED.get(status).isEmpty();
  }
}
