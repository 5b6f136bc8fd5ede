package org.gongyu.district;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
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

  /** The city's unit of city-direct schools (市直学校, ADR 0027). */
  static String cityDirect(String countyId, long version) {
    return encode(new CountyRegistered(countyId, CITY, "市直学校", version, CountyRegistered.Kind.CITY_DIRECT));
  }

  /** A RATIO semester indicator for every school type with one target from long ago. */
  static String indicator(String code, String target, long version) {
    return indicator(Indicator.ratio(code).from("2020-2021-1", target), version);
  }

  static String indicator(Indicator i, long version) {
    return encode(new IndicatorDefined(i.code, "测试指标", "Test indicator", i.kind, i.periodType, TargetComparator.AT_LEAST,
        i.sensitive, i.schoolTypes, i.steps, version));
  }

  /** A catalogue entry under construction (a builder, not copied JSON). */
  static final class Indicator {
    final String code;
    IndicatorKind kind = IndicatorKind.RATIO;
    PeriodType periodType = PeriodType.SEMESTER;
    boolean sensitive;
    List<String> schoolTypes = List.of();
    final List<PeriodTarget> steps = new ArrayList<>();

    private Indicator(String code) {
      this.code = code;
    }

    static Indicator ratio(String code) {
      return new Indicator(code);
    }

    Indicator counting(IndicatorKind kind) {
      this.kind = kind;
      return this;
    }

    Indicator per(PeriodType type) {
      periodType = type;
      return this;
    }

    Indicator sensitive() {
      sensitive = true;
      return this;
    }

    Indicator onlyFor(String... types) {
      schoolTypes = List.of(types);
      return this;
    }

    /** A step; {@code value} null for "no fixed target". */
    Indicator from(String period, String value) {
      steps.add(new PeriodTarget(period, value == null ? null : new BigDecimal(value)));
      return this;
    }
  }

  /** A snapshot of one school; {@link #json()} gives the same event id on every call. */
  record Snapshot(
      UUID eventId, String schoolId, String indicatorCode, String periodId, long numerator, long denominator, long version,
      Instant asOf) {

    static Snapshot of(String schoolId, String indicatorCode, long numerator, long denominator, long version) {
      return new Snapshot(UUID.randomUUID(), schoolId, indicatorCode, PERIOD, numerator, denominator, version, T0.plusSeconds(version));
    }

    static Snapshot of(String schoolId, String indicatorCode, String periodId, long numerator, long denominator, long version, Instant asOf) {
      return new Snapshot(UUID.randomUUID(), schoolId, indicatorCode, periodId, numerator, denominator, version, asOf);
    }

    /** The same snapshot again as a new event (a stale or repeated publication, not a redelivery). */
    Snapshot republished() {
      return new Snapshot(UUID.randomUUID(), schoolId, indicatorCode, periodId, numerator, denominator, version, asOf);
    }

    boolean meetsSixtyPercent() {
      return numerator * 100 >= 60 * denominator;
    }

    String json() {
      var payload = new IndicatorSnapshotPublished(schoolId, indicatorCode, periodId, numerator, denominator, version, asOf);
      return EventCodec.encode(new EventEnvelope<>(eventId, "IndicatorSnapshotPublished", asOf, "school-service", 1, payload));
    }
  }

  private static String encode(Object payload) {
    return EventCodec.encode(EventEnvelope.wrap("city-service", T0, payload));
  }
}
