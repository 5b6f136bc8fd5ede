package org.gongyu.district.deadline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

  /** A county's deadline for a period. */
  public record Deadline(String countyId, String periodId, Instant deadline) {}

  /** Every deadline from {@code from} to {@code until} (both included), oldest first (the deadline notices scan them). */
  public List<Deadline> between(Instant from, Instant until) {
    return jdbc.sql("""
            select county_id, period_id, deadline from county_deadline where deadline between ? and ?
            order by deadline, county_id, period_id""")
        .params(Timestamp.from(from), Timestamp.from(until))
        .query((rs, n) -> new Deadline(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
  }
}
