package org.gongyu.school;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.stream.Collectors;
import org.gongyu.contracts.indicator.Figure;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of the platform's bulk feeds follow their batches within the coalesce interval (ADR
 * 0021): what an IT reads after a batch, where it used to read the batch's answer.
 */
public final class CoalescedFigures {

  private CoalescedFigures() {}

  /** Waits until no note of the school is due any more: every batch it has had is in its figures. */
  public static void awaitCounted(JdbcClient jdbc, String schoolId) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.sql(
            "select count(*) from figure_refresh_pending where school_id = ? and due_at <= now()")
        .param(schoolId).query(Long.class).single() == 0);
  }

  /**
   * {@link #awaitCounted}, then the latest figure of every indicator and period of the school, each
   * as a batch answer's {@code snapshots} item ({@code {"indicatorCode":...,"version":n}}).
   */
  public static String latest(JdbcClient jdbc, String schoolId) {
    awaitCounted(jdbc, schoolId);
    return jdbc.sql("""
            select distinct on (indicator_code, period_id) indicator_code, period_id, numerator, denominator, version
            from indicator_snapshot where school_id = ? order by indicator_code, period_id, version desc""")
        .param(schoolId)
        .query((rs, n) -> "{\"indicatorCode\":\"" + rs.getString(1) + "\",\"periodId\":\"" + rs.getString(2) + "\",\"numerator\":"
            + rs.getLong(3) + ",\"denominator\":" + rs.getLong(4) + ",\"rate\":" + new Figure(rs.getLong(3), rs.getLong(4)).rate()
            + ",\"version\":" + rs.getLong(5) + "}")
        .list().stream().collect(Collectors.joining(",", "[", "]"));
  }
}
