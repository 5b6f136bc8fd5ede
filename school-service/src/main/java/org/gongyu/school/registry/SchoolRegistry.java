package org.gongyu.school.registry;

import java.util.Optional;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Schools known to this tier. */
@Component
public class SchoolRegistry {

  private final JdbcClient jdbc;

  SchoolRegistry(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the school's row for the rest of the transaction, so that writes to one school's records
   * (and the snapshot versions derived from them) happen one after another.
   *
   * @throws ApiProblem 404 if the school is not registered
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public School lockForUpdate(String schoolId) {
    return jdbc.sql("select id, county_id, xuequ_id, name, school_type from school where id = ? for update")
        .param(schoolId)
        .query(School.class)
        .optional()
        .orElseThrow(() -> notRegistered(schoolId));
  }

  public Optional<School> find(String schoolId) {
    return jdbc.sql("select id, county_id, xuequ_id, name, school_type from school where id = ?")
        .param(schoolId)
        .query(School.class)
        .optional();
  }

  public School require(String schoolId) {
    return find(schoolId).orElseThrow(() -> notRegistered(schoolId));
  }

  /**
   * The day the school closed (ADR 0027), empty while it is open or unknown. From that day on it
   * records nothing new: {@code SnapshotService} refuses a change dated on or after it with 409.
   */
  public Optional<java.time.LocalDate> closedFrom(String schoolId) {
    return jdbc.sql("select closed_from from school where id = ?")
        .param(schoolId)
        .query(java.time.LocalDate.class)
        .list().stream().filter(java.util.Objects::nonNull).findFirst();
  }

  private static ApiProblem notRegistered(String schoolId) {
    return ApiProblem.notFound(Msg.msg("school.not-registered", schoolId));
  }

  /** A registered school. */
  public record School(String id, String countyId, String xuequId, String name, String schoolType) {}
}
