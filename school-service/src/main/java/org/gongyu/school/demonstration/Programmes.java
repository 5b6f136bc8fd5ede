package org.gongyu.school.demonstration;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gongyu.contracts.demonstration.Rubric;
import org.gongyu.contracts.district.v1.DemonstrationProgrammePublished;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The county programmes as last published: the window to apply in and the rubric to self-evaluate against. */
@Component
class Programmes {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String COLUMNS = """
      id, county_id, name, target, starts_on, ends_on, application_opens_on, application_deadline, creation_months,
      title_validity_years, standard_id, standard_version, rubric, version""";

  private final JdbcClient jdbc;

  Programmes(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A programme as this tier keeps it. */
  record Programme(String id, String countyId, String name, int target, LocalDate startsOn, LocalDate endsOn,
      LocalDate applicationOpensOn, LocalDate applicationDeadline, int creationMonths, int titleValidityYears,
      String standardId, long standardVersion, Rubric rubric, long version) {

    /** Whether a school may apply on {@code day} (the deadline is inclusive, in city time). */
    boolean openOn(LocalDate day) {
      return !day.isBefore(applicationOpensOn) && !day.isAfter(applicationDeadline);
    }
  }

  /** Stores the programme unless a version at least as new is stored; true when it was stored. */
  boolean storeIfNewer(DemonstrationProgrammePublished p, Instant at) {
    return jdbc.sql("""
            insert into demonstration_programme (id, county_id, name, target, starts_on, ends_on, application_opens_on,
              application_deadline, creation_months, title_validity_years, standard_id, standard_version, rubric, quotas,
              version, updated_at)
            values (:id, :county, :name, :target, :starts, :ends, :opens, :deadline, :months, :validity, :standard,
              :standardVersion, cast(:rubric as jsonb), cast(:quotas as jsonb), :version, :at)
            on conflict (id) do update set county_id = excluded.county_id, name = excluded.name, target = excluded.target,
              starts_on = excluded.starts_on, ends_on = excluded.ends_on,
              application_opens_on = excluded.application_opens_on, application_deadline = excluded.application_deadline,
              creation_months = excluded.creation_months, title_validity_years = excluded.title_validity_years,
              standard_id = excluded.standard_id, standard_version = excluded.standard_version, rubric = excluded.rubric,
              quotas = excluded.quotas, version = excluded.version, updated_at = excluded.updated_at
            where demonstration_programme.version < excluded.version
            """)
        .param("id", p.programmeId())
        .param("county", p.countyId())
        .param("name", p.name())
        .param("target", p.target())
        .param("starts", p.startsOn() == null ? null : Date.valueOf(p.startsOn()))
        .param("ends", p.endsOn() == null ? null : Date.valueOf(p.endsOn()))
        .param("opens", Date.valueOf(p.applicationOpensOn()))
        .param("deadline", Date.valueOf(p.applicationDeadline()))
        .param("months", p.creationMonths())
        .param("validity", p.titleValidityYears())
        .param("standard", p.standardId())
        .param("standardVersion", p.standardVersion())
        .param("rubric", JSON.writeValueAsString(p.rubric()))
        .param("quotas", JSON.writeValueAsString(p.quotas()))
        .param("version", p.version())
        .param("at", Timestamp.from(at))
        .update() == 1;
  }

  Optional<Programme> find(String programmeId) {
    return jdbc.sql("select " + COLUMNS + " from demonstration_programme where id = ?")
        .param(programmeId)
        .query(Programmes::programme)
        .optional();
  }

  /** The county's programmes, the latest window first. */
  List<Programme> ofCounty(String countyId) {
    return jdbc.sql("select " + COLUMNS + " from demonstration_programme where county_id = ? order by application_opens_on desc, id")
        .param(countyId)
        .query(Programmes::programme)
        .list();
  }

  private static Programme programme(ResultSet rs, int n) throws SQLException {
    return new Programme(rs.getString("id"), rs.getString("county_id"), rs.getString("name"), rs.getInt("target"),
        day(rs, "starts_on"), day(rs, "ends_on"), day(rs, "application_opens_on"), day(rs, "application_deadline"),
        rs.getInt("creation_months"), rs.getInt("title_validity_years"), rs.getString("standard_id"),
        rs.getLong("standard_version"), JSON.readValue(rs.getString("rubric"), Rubric.class), rs.getLong("version"));
  }

  static LocalDate day(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
