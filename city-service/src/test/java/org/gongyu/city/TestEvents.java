package org.gongyu.city;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.district.v1.CountyRollupPublished;

/** County rollups as district-service would send them. */
final class TestEvents {

  static final String PERIOD = "2025-2026-1";
  static final Instant T0 = Instant.parse("2025-10-01T00:00:00Z");

  private TestEvents() {}

  /** One county rollup version; {@link #json()} gives the same event id on every call. */
  record CountyRollup(
      UUID eventId, String countyId, String indicatorCode, long numerator, long denominator,
      int schoolsReporting, int schoolsExpected, int schoolsMeetingTarget, long version, Integer schoolsOnTime,
      Instant deadline, Integer schoolsSignedOff, Integer schoolsSignedOffOnTime, Integer schoolsApproved) {

    static CountyRollup of(String countyId, String indicatorCode, long numerator, long denominator,
        int schoolsReporting, int schoolsExpected, int schoolsMeetingTarget, long version) {
      return new CountyRollup(UUID.randomUUID(), countyId, indicatorCode, numerator, denominator,
          schoolsReporting, schoolsExpected, schoolsMeetingTarget, version, null, null, null, null, null);
    }

    /** This version as a county with a reporting deadline for the period publishes it. */
    CountyRollup withDeadline(int onTime, Instant deadline) {
      return new CountyRollup(eventId, countyId, indicatorCode, numerator, denominator,
          schoolsReporting, schoolsExpected, schoolsMeetingTarget, version, onTime, deadline, schoolsSignedOff,
          schoolsSignedOffOnTime, schoolsApproved);
    }

    /** This version as a county that counts sign-offs publishes it; on time only with a deadline. */
    CountyRollup withSignOffs(int signedOff, int signedOffOnTime, int approved) {
      return new CountyRollup(eventId, countyId, indicatorCode, numerator, denominator,
          schoolsReporting, schoolsExpected, schoolsMeetingTarget, version, schoolsOnTime, deadline, signedOff,
          deadline == null ? null : signedOffOnTime, approved);
    }

    /** The same rollup again as a new event (a stale or repeated publication, not a redelivery). */
    CountyRollup republished() {
      return new CountyRollup(UUID.randomUUID(), countyId, indicatorCode, numerator, denominator,
          schoolsReporting, schoolsExpected, schoolsMeetingTarget, version, schoolsOnTime, deadline, schoolsSignedOff,
          schoolsSignedOffOnTime, schoolsApproved);
    }

    String json() {
      var payload = new CountyRollupPublished(countyId, indicatorCode, PERIOD, numerator, denominator,
          schoolsReporting, schoolsExpected, schoolsMeetingTarget, version, T0.plusSeconds(version),
          List.of(new CountyRollupPublished.SnapshotRef(countyId + "0001", version)), schoolsOnTime, deadline,
          schoolsSignedOff, schoolsSignedOffOnTime, schoolsApproved);
      return EventCodec.encode(new EventEnvelope<>(
          eventId, "CountyRollupPublished", T0.plusSeconds(version), "district-service", 1, payload));
    }
  }
}
