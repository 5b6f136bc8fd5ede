package org.gongyu.school.signoff;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongyu.contracts.district.v1.ReportingDeadlineSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The counties' reporting deadlines as received ({@code county_deadline}), the highest version kept. */
@Component
class CountyDeadlines {

  private final JdbcClient jdbc;
  private final Clock clock;

  CountyDeadlines(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Keeps the deadline if its version is above the stored one; true if it was kept. */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean store(ReportingDeadlineSet d) {
    return jdbc.sql("""
            insert into county_deadline (county_id, period_id, deadline, version, received_at)
            values (:county, :period, :deadline, :version, :now)
            on conflict (county_id, period_id) do update set deadline = excluded.deadline, version = excluded.version,
              received_at = excluded.received_at
            where county_deadline.version < excluded.version""")
        .param("county", d.countyId()).param("period", d.periodId()).param("deadline", Timestamp.from(d.deadline()))
        .param("version", d.version()).param("now", Timestamp.from(clock.instant()))
        .update() == 1;
  }

  /** The deadline of the school's (current) county for a period, if it set one. */
  Optional<Instant> of(String schoolId, String periodId) {
    return jdbc.sql("""
            select d.deadline from county_deadline d join school s on s.county_id = d.county_id
            where s.id = ? and d.period_id = ?""")
        .params(schoolId, periodId).query(Timestamp.class).optional().map(Timestamp::toInstant);
  }

  /** A deadline that falls in a window, with the schools of its county that have no sign-off in force. */
  record Due(String countyId, String periodId, Instant deadline, List<String> schoolsNotSignedOff) {}

  /** The deadlines between {@code from} and {@code to}, each with its county's schools not signed off. */
  List<Due> between(Instant from, Instant to) {
    return jdbc.sql("""
            select county_id, period_id, deadline from county_deadline where deadline between ? and ?
            order by deadline, county_id, period_id""")
        .params(Timestamp.from(from), Timestamp.from(to))
        .query((rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), List.of()))
        .list().stream()
        .map(d -> new Due(d.countyId(), d.periodId(), d.deadline(), jdbc.sql("""
                select s.id from school s where s.county_id = ? and not exists (
                  select 1 from sign_off_state o where o.school_id = s.id and o.period_id = ?
                    and o.state in ('SIGNED_OFF', 'APPROVED'))
                order by s.id""")
            .params(d.countyId(), d.periodId()).query(String.class).list()))
        .toList();
  }
}
