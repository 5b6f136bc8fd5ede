package org.gongyu.district;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongyu.testing.TopicRecords.readAll;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.CountyRollupPublished;
import org.gongyu.district.TestEvents.Snapshot;
import org.junit.jupiter.api.Test;

/**
 * ADR 0030: a school snapshot's trace goes on through the county tier. The snapshot arrives with a
 * {@code traceparent} header (as school-service's relay sends it); the rollup it causes is written
 * to the outbox in that trace and relayed with a {@code traceparent} header of the same trace id,
 * so one school's change can be followed to the city figure. A record listener (the catalogue)
 * continues its record's trace the same way.
 */
class TraceAcrossKafkaIT extends DistrictITSupport {

  @Test
  void theCountyRollupASnapshotCausesCarriesTheSnapshotsTraceOn() {
    String county = "990171";
    String school = "9901710001";
    putSchool(county, school, "追踪小学", "PRIMARY", null);
    String traceId = hex(32);
    String traceparent = "00-" + traceId + "-" + hex(16) + "-01";

    ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SCHOOL_INDICATOR_SNAPSHOTS, school,
        Snapshot.of(school, PLATFORM, 45, 100, 1).json());
    record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    kafka.send(record).join();
    awaitRollup(county, PLATFORM, r -> r.get("version").asLong() == 1 && r.get("numerator").asLong() == 45);
    awaitOutboxDrained();

    List<String> relayed = readAll(Topics.DISTRICT_INDICATOR_ROLLUPS).stream()
        .filter(r -> r.key().equals(county))
        .filter(r -> {
          CountyRollupPublished p = EventCodec.decode(r.value(), CountyRollupPublished.class).payload();
          return p.indicatorCode().equals(PLATFORM) && p.version() == 1;
        })
        .map(TraceAcrossKafkaIT::traceparent)
        .toList();
    assertThat(relayed).hasSize(1);
    assertThat(relayed.getFirst()).as("the snapshot's trace, a span of district-service's own")
        .matches("00-" + traceId + "-[0-9a-f]{16}-01").isNotEqualTo(traceparent);
  }

  @Test
  void aRecordListenersRollupCarriesTheTraceOfTheCatalogueChangeThatCausedIt() {
    String county = "990171";
    String school = "9901710002";
    String indicator = "TRACE_TARGET";
    putSchool(county, school, "追踪中学", "PRIMARY", null);
    sendSnapshots(List.of(Snapshot.of(school, indicator, 70, 100, 1)));
    awaitRollup(county, indicator, r -> r.get("schoolsReporting").asInt() == 1);
    long before = rollup(county, indicator).getBody().get("version").asLong();
    String traceId = hex(32);

    ProducerRecord<String, String> record = new ProducerRecord<>(Topics.CITY_CATALOGUE, indicator,
        TestEvents.indicator(indicator, "0.60", 1));
    record.headers().add("traceparent", ("00-" + traceId + "-" + hex(16) + "-01").getBytes(StandardCharsets.UTF_8));
    kafka.send(record).join();
    awaitRollup(county, indicator, r -> r.get("version").asLong() == before + 1);
    awaitOutboxDrained();

    List<String> relayed = readAll(Topics.DISTRICT_INDICATOR_ROLLUPS).stream()
        .filter(r -> r.key().equals(county))
        .filter(r -> {
          CountyRollupPublished p = EventCodec.decode(r.value(), CountyRollupPublished.class).payload();
          return p.indicatorCode().equals(indicator) && p.version() == before + 1;
        })
        .map(TraceAcrossKafkaIT::traceparent)
        .toList();
    assertThat(relayed).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .matches("00-" + traceId + "-[0-9a-f]{16}-01");
  }

  private static String traceparent(ConsumerRecord<String, String> r) {
    Header h = r.headers().lastHeader("traceparent");
    return h == null ? "none" : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static String hex(int length) {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, length);
  }
}
