package org.gongyu.district.catalogue;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.IndicatorDefined;
import org.gongyu.contracts.indicator.Target;
import org.gongyu.district.county.CountyDirectory;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps the latest version of each catalogue entry; a changed target recomputes the rollups. */
@Component
class IndicatorDefinedListener {

  static final String CONSUMER = "district-service.catalogue";
  private static final Logger log = LoggerFactory.getLogger(IndicatorDefinedListener.class);

  private final Inbox inbox;
  private final JdbcClient jdbc;
  private final IndicatorDefinitions definitions;
  private final CountyDirectory counties;
  private final ApplicationEventPublisher events;

  IndicatorDefinedListener(
      Inbox inbox, JdbcClient jdbc, IndicatorDefinitions definitions, CountyDirectory counties, ApplicationEventPublisher events) {
    this.inbox = inbox;
    this.jdbc = jdbc;
    this.definitions = definitions;
    this.counties = counties;
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
    Target before = definitions.targetForRecompute(d.code());
    int applied =
        jdbc.sql(
                """
                insert into indicator_definition (code, name_zh, name_en, kind, period_type, target, comparator, sensitive, version)
                values (:code, :nameZh, :nameEn, :kind, :periodType, :target, :comparator, :sensitive, :version)
                on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en, kind = excluded.kind,
                  period_type = excluded.period_type, target = excluded.target, comparator = excluded.comparator,
                  sensitive = excluded.sensitive, version = excluded.version
                where indicator_definition.version < excluded.version
                """)
            .param("code", d.code())
            .param("nameZh", d.nameZh())
            .param("nameEn", d.nameEn())
            .param("kind", d.kind().name())
            .param("periodType", d.periodType().name())
            .param("target", d.target())
            .param("comparator", d.comparator().name())
            .param("sensitive", d.sensitive())
            .param("version", d.version())
            .update();
    if (applied == 0) {
      log.debug("ignored indicator {} version {}: not newer than the stored one", d.code(), d.version());
      return;
    }
    Target after = new Target(d.kind(), d.target(), d.comparator());
    log.info("indicator {} now at version {}", d.code(), d.version());
    if (!IndicatorDefinitions.sameTarget(before, after)) {
      events.publishEvent(new TargetChanged(d.code()));
    }
  }

  private static void check(IndicatorDefined d) {
    PayloadCheck.indicatorCode(d.code());
    PayloadCheck.require(d.nameZh() != null && d.nameEn() != null, "indicator names are required");
    PayloadCheck.require(d.kind() != null && d.periodType() != null && d.comparator() != null,
        "kind, periodType and comparator are required");
    PayloadCheck.require(d.target() != null && d.target().signum() >= 0, "target must be a non-negative number");
    PayloadCheck.version(d.version());
  }
}
