package org.gongyu.city.certification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of cohorts, participants and certificates. Certificate status EXPIRED is worked out against {@code today}. */
@Repository
class Trainings {

  private static final String COHORT = """
      select c.id, c.name, c.kind, c.mode, c.starts_on, c.ends_on, c.organiser, c.sessions, c.status, c.status_reason,
        (select count(*) from training_participant p where p.cohort_id = c.id),
        (select count(*) from training_participant p where p.cohort_id = c.id and p.result = 'PASSED'),
        (select count(*) from instructor_certificate x where x.cohort_id = c.id), c.version
      from training_cohort c""";

  private static final String CERTIFICATE = """
      select number, participant_id, cohort_id, holder_name, school_id, county_id, issued_on, expires_on, status, revoked_on,
        revoked_reason, version
      from instructor_certificate""";

  private static final String PARTICIPANT = """
      select p.id, p.cohort_id, c.name, c.kind, p.name, p.role, p.county_id, p.school_id, p.sessions_attended, p.score,
        p.result, p.version, x.number
      from training_participant p join training_cohort c on c.id = p.cohort_id
        left join instructor_certificate x on x.participant_id = p.id""";

  private final JdbcClient jdbc;

  Trainings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  // ------------------------------------------------------------------ cohorts

  void insertCohort(String id, TrainingRequests.Cohort c, String kind, String mode, Instant now, String actor) {
    jdbc.sql("""
            insert into training_cohort (id, name, kind, mode, starts_on, ends_on, organiser, sessions, status, created_at,
              created_by, version, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'PLANNED', ?, ?, 1, ?)""")
        .params(id, c.name().strip(), kind, mode, c.startsOn(), c.endsOn(), c.organiser().strip(), c.sessions(),
            Timestamp.from(now), actor, Timestamp.from(now))
        .update();
  }

  void setCohortStatus(String id, String status, String reason, Instant now) {
    jdbc.sql("update training_cohort set status = ?, status_reason = ?, version = version + 1, updated_at = ? where id = ?")
        .params(status, reason, Timestamp.from(now), id).update();
  }

  Optional<TrainingResponses.Cohort> lockCohort(String id) {
    jdbc.sql("select id from training_cohort where id = ? for update").param(id).query(String.class).optional();
    return cohort(id);
  }

  Optional<TrainingResponses.Cohort> cohort(String id) {
    return jdbc.sql(COHORT + " where c.id = ?").param(id).query((rs, n) -> cohort(rs)).optional();
  }

  /** Cohorts, latest start first, of one status if asked. */
  List<TrainingResponses.Cohort> cohorts(String status) {
    return jdbc.sql(COHORT + " where (cast(:status as varchar) is null or c.status = :status) order by c.starts_on desc, c.id")
        .param("status", status).query((rs, n) -> cohort(rs)).list();
  }

  // ------------------------------------------------------------------ participants

  void insertParticipant(String id, String cohortId, String name, String role, String countyId, String schoolId, Instant now) {
    jdbc.sql("""
            insert into training_participant (id, cohort_id, name, role, county_id, school_id, version, updated_at)
            values (?, ?, ?, ?, ?, ?, 1, ?)""")
        .params(id, cohortId, name, role, countyId, schoolId, Timestamp.from(now)).update();
  }

  void setAttendance(String id, int sessions, Instant now) {
    jdbc.sql("update training_participant set sessions_attended = ?, version = version + 1, updated_at = ? where id = ?")
        .params(sessions, Timestamp.from(now), id).update();
  }

  void setAssessment(String id, java.math.BigDecimal score, String result, Instant now) {
    jdbc.sql("update training_participant set score = ?, result = ?, version = version + 1, updated_at = ? where id = ?")
        .params(score, result, Timestamp.from(now), id).update();
  }

  Optional<TrainingResponses.Participant> participant(String cohortId, String id, Map<String, String> counties, LocalDate today) {
    return jdbc.sql(PARTICIPANT + " where p.cohort_id = ? and p.id = ?").params(cohortId, id)
        .query((rs, n) -> participant(rs, counties, today)).optional();
  }

  List<TrainingResponses.Participant> participantsOfCohort(String cohortId, Map<String, String> counties, LocalDate today) {
    return jdbc.sql(PARTICIPANT + " where p.cohort_id = ? order by p.name, p.id").param(cohortId)
        .query((rs, n) -> participant(rs, counties, today)).list();
  }

  /** A county's participants, latest cohort first. */
  List<TrainingResponses.Participant> participantsOfCounty(String countyId, Map<String, String> counties, LocalDate today) {
    return jdbc.sql(PARTICIPANT + " where p.county_id = ? order by c.starts_on desc, c.id, p.name, p.id").param(countyId)
        .query((rs, n) -> participant(rs, counties, today)).list();
  }

  // ------------------------------------------------------------------ certificates

  void insertCertificate(TrainingResponses.Participant p, String number, LocalDate issuedOn, LocalDate expiresOn, String actor,
      Instant now) {
    jdbc.sql("""
            insert into instructor_certificate (number, participant_id, cohort_id, holder_name, school_id, county_id, issued_on,
              expires_on, status, issued_by, version, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'VALID', ?, 1, ?)""")
        .params(number, p.id(), p.cohortId(), p.name(), p.schoolId(), p.countyId(), issuedOn, expiresOn, actor, Timestamp.from(now))
        .update();
  }

  void renew(String number, LocalDate expiresOn, Instant now) {
    jdbc.sql("update instructor_certificate set expires_on = ?, version = version + 1, updated_at = ? where number = ?")
        .params(expiresOn, Timestamp.from(now), number).update();
  }

  void revoke(String number, LocalDate revokedOn, String reason, Instant now) {
    jdbc.sql("""
            update instructor_certificate set status = 'REVOKED', revoked_on = ?, revoked_reason = ?, version = version + 1,
              updated_at = ? where number = ?""")
        .params(revokedOn, reason, Timestamp.from(now), number).update();
  }

  boolean numberTaken(String number) {
    return jdbc.sql("select count(*) from instructor_certificate where number = ?").param(number).query(Long.class).single() > 0;
  }

  Optional<TrainingResponses.Certificate> lockCertificate(String number, LocalDate today) {
    return jdbc.sql(CERTIFICATE + " where number = ? for update").param(number).query((rs, n) -> certificate(rs, today)).optional();
  }

  Optional<TrainingResponses.Certificate> certificate(String number, LocalDate today) {
    return jdbc.sql(CERTIFICATE + " where number = ?").param(number).query((rs, n) -> certificate(rs, today)).optional();
  }

  /** Certificates by number, of one county ({@code ""} for none) if asked. */
  List<TrainingResponses.Certificate> certificates(String countyId, LocalDate today) {
    String where = countyId == null ? "" : countyId.isEmpty() ? " where county_id is null" : " where county_id = :county";
    var spec = jdbc.sql(CERTIFICATE + where + " order by number");
    if (countyId != null && !countyId.isEmpty()) {
      spec = spec.param("county", countyId);
    }
    return spec.query((rs, n) -> certificate(rs, today)).list();
  }

  /** The names of the city's counties by id. */
  Map<String, String> countyNames(String cityId) {
    Map<String, String> out = new HashMap<>();
    jdbc.sql("select id, name from county where city_id = ?").param(cityId)
        .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
    return out;
  }

  private static TrainingResponses.Cohort cohort(ResultSet rs) throws SQLException {
    return new TrainingResponses.Cohort(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getInt(8), rs.getString(9),
        rs.getString(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getLong(14), null);
  }

  private TrainingResponses.Participant participant(ResultSet rs, Map<String, String> counties, LocalDate today) throws SQLException {
    String number = rs.getString(13);
    String county = rs.getString(7);
    return new TrainingResponses.Participant(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), county, county == null ? null : counties.get(county), rs.getString(8),
        (Integer) rs.getObject(9), rs.getBigDecimal(10), rs.getString(11),
        number == null ? null : certificate(number, today).orElse(null), rs.getLong(12));
  }

  static TrainingResponses.Certificate certificate(ResultSet rs, LocalDate today) throws SQLException {
    LocalDate expires = rs.getObject(8, LocalDate.class);
    String status = rs.getString(9);
    if ("VALID".equals(status) && !today.isBefore(expires)) {
      status = "EXPIRED";
    }
    return new TrainingResponses.Certificate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), expires, status,
        rs.getObject(10, LocalDate.class), rs.getString(11), rs.getLong(12));
  }

}
