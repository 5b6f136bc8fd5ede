package org.gongyu.reporting.approval;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.contracts.district.v1.SchoolPeriodReviewed;
import org.gongyu.contracts.school.v1.PeriodSignedOff;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sign-offs and reviews as they arrive, and the approved figures they make. */
@Repository
public class ApprovedFigures {

  private static final String APPROVED = """
      select f.school_id, f.numerator, f.denominator, f.snapshot_version, s.version as sign_off_version,
             s.signed_off_at, r.reviewed_at
        from sign_off_figure f
        join sign_off s on s.school_id = f.school_id and s.period_id = f.period_id and s.version = f.sign_off_version
        join school_review r on r.school_id = s.school_id and r.period_id = s.period_id
                            and r.sign_off_version = s.version and r.action = 'APPROVED'
       where f.indicator_code = :code and f.period_id = :period
      """;

  private final JdbcClient jdbc;

  ApprovedFigures(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps a sign-off newer than the one held, with its figures; false if it was not newer. */
  boolean save(PeriodSignedOff s) {
    int changed = jdbc.sql("""
        insert into sign_off (school_id, period_id, version, signed_off_at) values (?, ?, ?, ?)
        on conflict (school_id, period_id) do update set version = excluded.version, signed_off_at = excluded.signed_off_at
         where sign_off.version < excluded.version
        """).params(s.schoolId(), s.periodId(), s.version(), Timestamp.from(s.signedOffAt())).update();
    if (changed == 0) {
      return false;
    }
    jdbc.sql("delete from sign_off_figure where school_id = ? and period_id = ?").params(s.schoolId(), s.periodId()).update();
    for (PeriodSignedOff.SignedFigure f : s.figures()) {
      jdbc.sql("""
          insert into sign_off_figure (indicator_code, period_id, school_id, sign_off_version, numerator, denominator, snapshot_version)
          values (?, ?, ?, ?, ?, ?, ?)
          """).params(f.indicatorCode(), s.periodId(), s.schoolId(), s.version(), f.numerator(), f.denominator(),
          f.snapshotVersion()).update();
    }
    return true;
  }

  /** Keeps a review newer than the one held; false if it was not newer. */
  boolean save(SchoolPeriodReviewed r) {
    return jdbc.sql("""
        insert into school_review (school_id, period_id, county_id, version, sign_off_version, action, reviewed_at)
        values (?, ?, ?, ?, ?, ?, ?)
        on conflict (school_id, period_id) do update set county_id = excluded.county_id, version = excluded.version,
            sign_off_version = excluded.sign_off_version, action = excluded.action, reviewed_at = excluded.reviewed_at
         where school_review.version < excluded.version
        """).params(r.schoolId(), r.periodId(), r.countyId(), r.version(), r.signOffVersion(), r.action().name(),
        Timestamp.from(r.at())).update() > 0;
  }

  /** The approved figures of these schools, by school; a school without one is absent. */
  public Map<String, ApprovedFigure> of(String code, String periodId, Collection<String> schoolIds) {
    if (schoolIds.isEmpty()) {
      return Map.of();
    }
    return jdbc.sql(APPROVED + " and f.school_id in (:schools)")
        .param("code", code).param("period", periodId).param("schools", List.copyOf(schoolIds))
        .query(ApprovedFigures::row).list().stream()
        .collect(Collectors.toMap(ApprovedFigure::schoolId, Function.identity()));
  }

  /** Every approved figure of the indicator and period, across the city. */
  public List<ApprovedFigure> all(String code, String periodId) {
    return jdbc.sql(APPROVED).param("code", code).param("period", periodId).query(ApprovedFigures::row).list();
  }

  private static ApprovedFigure row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new ApprovedFigure(rs.getString("school_id"), rs.getLong("numerator"), rs.getLong("denominator"),
        rs.getLong("snapshot_version"), rs.getLong("sign_off_version"), rs.getTimestamp("signed_off_at").toInstant(),
        rs.getTimestamp("reviewed_at").toInstant());
  }
}
