package org.gongyu.district.demonstration.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gongyu.contracts.demonstration.Rubric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programmes, their quotas and arrangements. A change of a programme (settings, quotas,
 * arrangement) holds its row exclusively; receiving an application holds it shared, so "has it any
 * application yet" and the application window are read consistently by both.
 */
@Repository
public class Programmes {

  /** Namespace of the programme id advisory locks (two creations of one id wait for each other). */
  private static final int PROGRAMME_LOCK_NAMESPACE = 50;
  private static final String COLUMNS = "id, county_id, name, target, starts_on, ends_on, application_opens_on,"
      + " application_deadline, creation_months, title_validity_years, consensus_margin, standard_id, standard_version, version";

  private final JdbcClient jdbc;
  private final Standards standards;

  Programmes(JdbcClient jdbc, Standards standards) {
    this.jdbc = jdbc;
    this.standards = standards;
  }

  /** The programme, whatever its county. */
  public Optional<Programme> find(String programmeId) {
    return jdbc.sql("select " + COLUMNS + " from demonstration_programme where id = ?")
        .param(programmeId).query(Programmes::map).optional();
  }

  /** The programme if it is this county's (another county's looks missing). */
  public Optional<Programme> find(String countyId, String programmeId) {
    return find(programmeId).filter(p -> p.countyId().equals(countyId));
  }

  /** As {@link #find(String)}, holding the row shared until the transaction ends (no change meanwhile). */
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<Programme> lockShared(String programmeId) {
    return jdbc.sql("select " + COLUMNS + " from demonstration_programme where id = ? for share")
        .param(programmeId).query(Programmes::map).optional();
  }

  /** The rubric of the standard version the programme keeps (stored before the programme could name it). */
  public Rubric rubricOf(Programme p) {
    return standards.rubric(p.standardId(), p.standardVersion())
        .orElseThrow(() -> new IllegalStateException("standard " + p.standardId() + " v" + p.standardVersion() + " is missing"));
  }

  /** Takes the programme id lock, then the row exclusively if it exists (any county). */
  @Transactional(propagation = Propagation.MANDATORY)
  Optional<Programme> lockForChange(String programmeId) {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").param(PROGRAMME_LOCK_NAMESPACE).param(programmeId).query().singleRow();
    return jdbc.sql("select " + COLUMNS + " from demonstration_programme where id = ? for update")
        .param(programmeId).query(Programmes::map).optional();
  }

  List<Programme> ofCounty(String countyId) {
    return jdbc.sql("select " + COLUMNS + " from demonstration_programme where county_id = ? order by starts_on, id")
        .param(countyId).query(Programmes::map).list();
  }

  boolean hasApplications(String programmeId) {
    return jdbc.sql("select exists (select 1 from demonstration_application where programme_id = ?)")
        .param(programmeId).query(Boolean.class).single();
  }

  void save(Programme p, Instant at) {
    jdbc.sql("""
            insert into demonstration_programme (id, county_id, name, target, starts_on, ends_on, application_opens_on,
              application_deadline, creation_months, title_validity_years, consensus_margin, standard_id, standard_version,
              version, updated_at)
            values (:id, :county, :name, :target, :startsOn, :endsOn, :opensOn, :deadline, :creationMonths, :validityYears,
              :margin, :standardId, :standardVersion, :version, :at)
            on conflict (id) do update set name = excluded.name, target = excluded.target, starts_on = excluded.starts_on,
              ends_on = excluded.ends_on, application_opens_on = excluded.application_opens_on,
              application_deadline = excluded.application_deadline, creation_months = excluded.creation_months,
              title_validity_years = excluded.title_validity_years, consensus_margin = excluded.consensus_margin,
              standard_id = excluded.standard_id, standard_version = excluded.standard_version, version = excluded.version,
              updated_at = excluded.updated_at""")
        .param("id", p.id()).param("county", p.countyId()).param("name", p.name()).param("target", p.target())
        .param("startsOn", p.startsOn()).param("endsOn", p.endsOn()).param("opensOn", p.applicationOpensOn())
        .param("deadline", p.applicationDeadline()).param("creationMonths", p.creationMonths())
        .param("validityYears", p.titleValidityYears()).param("margin", p.consensusMargin())
        .param("standardId", p.standardId()).param("standardVersion", p.standardVersion()).param("version", p.version())
        .param("at", Timestamp.from(at))
        .update();
  }

  /** Version + 1 after a change of the quotas or the arrangement. */
  Programme bump(Programme p, Instant at) {
    jdbc.sql("update demonstration_programme set version = ?, updated_at = ? where id = ?")
        .params(p.version() + 1, Timestamp.from(at), p.id()).update();
    return p.withVersion(p.version() + 1);
  }

  /** The breakdown table, 直属 ({@code ""}) first, then by 学区 id. */
  List<Quota> quotas(String programmeId) {
    return jdbc.sql("select xuequ_key, quota from demonstration_quota where programme_id = ? order by xuequ_key")
        .param(programmeId).query((rs, n) -> new Quota(rs.getString(1), rs.getInt(2))).list();
  }

  void replaceQuotas(String programmeId, List<Quota> quotas) {
    jdbc.sql("delete from demonstration_quota where programme_id = ?").param(programmeId).update();
    for (Quota q : quotas) {
      jdbc.sql("insert into demonstration_quota (programme_id, xuequ_key, quota) values (?, ?, ?)")
          .params(programmeId, q.xuequKey(), q.quota()).update();
    }
  }

  /** The arrangement by 学区 key, then planned year, then school id. */
  List<Arranged> arrangement(String programmeId) {
    return jdbc.sql("""
            select a.xuequ_key, a.school_id, s.name, a.planned_year from demonstration_arrangement a
            join school s on s.id = a.school_id where a.programme_id = ? order by a.xuequ_key, a.planned_year, a.school_id""")
        .param(programmeId)
        .query((rs, n) -> new Arranged(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .list();
  }

  void replaceArrangement(String programmeId, String xuequKey, List<Arranged> schools) {
    jdbc.sql("delete from demonstration_arrangement where programme_id = ? and xuequ_key = ?").params(programmeId, xuequKey).update();
    for (Arranged a : schools) {
      jdbc.sql("insert into demonstration_arrangement (programme_id, school_id, xuequ_key, planned_year) values (?, ?, ?, ?)")
          .params(programmeId, a.schoolId(), xuequKey, a.plannedYear()).update();
    }
  }

  private static Programme map(ResultSet rs, int n) throws SQLException {
    return new Programme(
        rs.getString("id"), rs.getString("county_id"), rs.getString("name"), rs.getInt("target"),
        rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
        rs.getObject("application_opens_on", LocalDate.class), rs.getObject("application_deadline", LocalDate.class),
        rs.getInt("creation_months"), rs.getInt("title_validity_years"), rs.getBigDecimal("consensus_margin"),
        rs.getString("standard_id"), rs.getLong("standard_version"), rs.getLong("version"));
  }
}
