package org.gongyu.reporting.report;

import java.util.Locale;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;

/**
 * Which figures a report answers with (issue 15, ADR 0019): the live ones (every school's latest
 * snapshot, the tiers' latest rollups), with the approved ones beside them, or the approved ones
 * only (each school's signed-off figure its county approved, summed over such schools).
 */
public enum Basis {
  LIVE, APPROVED;

  /** {@code live} (the default, also when absent) or {@code approved}; anything else is a 400. */
  public static Basis of(String value) {
    if (value == null || value.isBlank()) {
      return LIVE;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "live" -> LIVE;
      case "approved" -> APPROVED;
      default -> throw ApiProblem.badRequest(Msg.msg("reporting.basis.unknown", value));
    };
  }
}
