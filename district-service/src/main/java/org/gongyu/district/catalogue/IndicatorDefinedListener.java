package org.gongyu.district.catalogue;

import java.util.HashSet;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.district.county.CountyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the latest version of each catalogue entry (v2: target schedule and school types); a version
 * that judges rollups differently recomputes that indicator's rollups.
 */
@Component
class IndicatorDefinedListener {

  static final String CONSUMER = "district-service.catalogue";
  private static final Logger log = LoggerFactory.getLogger(IndicatorDefinedListener.class);

  private final Inbox inbox;
  private final JdbcClient jdbc;
  private final IndicatorDefinitions definitions;
  private final CountyDirectory counties;
  private final CityCalendar calendar;
  private final ApplicationEventPublisher events;

  IndicatorDefinedListener(
      Inbox inbox, JdbcClient jdbc, IndicatorDefinitions definitions, CountyDirectory counties, CityCalendar calendar,
      ApplicationEventPublisher events) {
    this.inbox = inbox;
    this.jdbc = jdbc;
    this.definitions = definitions;
    this.counties = counties;
    this.calendar = calendar;
    this.events = events;
  }

  @KafkaListener(id = "district-service-catalogue", idIsGroup = false, topics = Topics.CITY_CATALOGUE)
  @Transactional
  void on(String json) {
    EventEnvelope<IndicatorDefined> env = EventCodec.decode(json, IndicatorDefined.class);
    if (!inbox.firstDelivery(CONSUMER, env.eventId())) {
      return;
    }
    IndicatorDefined d = env.payload();
    check(d);
    // Lock order: counties before the indicator (recomputes take county, then indicator).
    counties.lockAllShared();
    definitions.lockExclusively(d.code());
    IndicatorDefined before = definitions.find(d.code()).orElse(null);
    int applied =
        jdbc.sql(
                """
                insert into indicator_definition
                  (code, name_zh, name_en, kind, period_type, comparator, sensitive, school_types, targets, version)
                values (:code, :nameZh, :nameEn, :kind, :periodType, :comparator, :sensitive,
                  cast(:schoolTypes as jsonb), cast(:targets as jsonb), :version)
                on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en, kind = excluded.kind,
                  period_type = excluded.period_type, comparator = excluded.comparator, sensitive = excluded.sensitive,
                  school_types = excluded.school_types, targets = excluded.targets, version = excluded.version
                where indicator_definition.version < excluded.version
                """)
            .param("code", d.code())
            .param("nameZh", d.nameZh())
            .param("nameEn", d.nameEn())
            .param("kind", d.kind().name())
            .param("periodType", d.periodType().name())
            .param("comparator", d.comparator().name())
            .param("sensitive", d.sensitive())
            .param("schoolTypes", IndicatorDefinitions.JSON.writeValueAsString(d.schoolTypes()))
            .param("targets", IndicatorDefinitions.JSON.writeValueAsString(d.targets()))
            .param("version", d.version())
            .update();
    if (applied == 0) {
      log.debug("ignored indicator {} version {}: not newer than the stored one", d.code(), d.version());
      return;
    }
    log.info("indicator {} now at version {}", d.code(), d.version());
    if (!IndicatorDefinitions.sameRules(before, d)) {
      events.publishEvent(new TargetChanged(d.code()));
    }
  }

  private void check(IndicatorDefined d) {
    PayloadCheck.indicatorCode(d.code());
    PayloadCheck.require(d.nameZh() != null && d.nameEn() != null, "indicator names are required");
    PayloadCheck.require(d.kind() != null && d.periodType() != null && d.comparator() != null,
        "kind, periodType and comparator are required");
    PayloadCheck.version(d.version());
    PayloadCheck.require(d.schoolTypes().stream().allMatch(t -> t != null && t.matches("[A-Z_]{1,30}")),
        "schoolTypes must be registry school types");
    var from = new HashSet<String>();
    for (PeriodTarget t : d.targets()) {
      PayloadCheck.require(t != null, "a target step is missing");
      try {
        PayloadCheck.require(from.add(calendar.parse(d.periodType(), t.fromPeriod()).id()),
            "two target steps from " + t.fromPeriod());
      } catch (IllegalArgumentException e) {
        PayloadCheck.require(false, "target step fromPeriod: " + e.getMessage());
      }
    }
  }
}
