package org.gongyu.district;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.contracts.city.v1.IndicatorDefined;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.contracts.school.v1.IndicatorSnapshotPublished;

/** Input events as the other tiers would send them, already encoded for the wire. */
final class TestEvents {

  static final String CITY = "990100";
  static final String PERIOD = "2025-2026-1";
  static final Instant T0 = Instant.parse("2025-10-01T00:00:00Z");

  private TestEvents() {}

  static String county(String countyId, long version) {
    return encode(new CountyRegistered(countyId, CITY, "县" + countyId, version));
  }

  static String indicator(String code, String target, long version) {
    return encode(new IndicatorDefined(code, "测试指标", "Test indicator", IndicatorKind.RATIO, PeriodType.SEMESTER,
        new BigDecimal(target), TargetComparator.AT_LEAST, false, version));
  }

  /** A snapshot of one school; {@link #json()} gives the same event id on every call. */
  record Snapshot(UUID eventId, String schoolId, String indicatorCode, long numerator, long denominator, long version) {

    static Snapshot of(String schoolId, String indicatorCode, long numerator, long denominator, long version) {
      return new Snapshot(UUID.randomUUID(), schoolId, indicatorCode, numerator, denominator, version);
    }

    /** The same snapshot again as a new event (a stale or repeated publication, not a redelivery). */
    Snapshot republished() {
      return new Snapshot(UUID.randomUUID(), schoolId, indicatorCode, numerator, denominator, version);
    }

    boolean meetsSixtyPercent() {
      return numerator * 100 >= 60 * denominator;
    }

    String json() {
      var payload = new IndicatorSnapshotPublished(
          schoolId, indicatorCode, PERIOD, numerator, denominator, version, T0.plusSeconds(version));
      return EventCodec.encode(new EventEnvelope<>(
          eventId, "IndicatorSnapshotPublished", T0.plusSeconds(version), "school-service", 1, payload));
    }
  }

  private static String encode(Object payload) {
    return EventCodec.encode(EventEnvelope.wrap("city-service", T0, payload));
  }
}
