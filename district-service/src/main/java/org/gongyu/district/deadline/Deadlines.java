package org.gongyu.district.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deadline a county set for a period. A rollup recompute holds the county row shared, a
 * deadline change holds it exclusively, so a recompute always sees the deadline as of its commit.
 */
@Component
public class Deadlines {

  private final JdbcClient jdbc;

  Deadlines(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Instant> of(String countyId, String periodId) {
    return jdbc.sql("select deadline from county_deadline where county_id = ? and period_id = ?")
        .params(countyId, periodId)
        .query(Timestamp.class).optional().map(Timestamp::toInstant);
  }
}
