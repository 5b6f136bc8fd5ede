package org.gongyu.district.registry;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which county a school belongs to, and the school id lock. Registering a school and storing a
 * snapshot of it both take the school id lock first, so a snapshot that arrives while its school is
 * being registered is either rolled up by the snapshot's transaction or seen by the registration's.
 */
@Component
public class SchoolDirectory {

  /** Namespace of the school id advisory locks (first key of {@code pg_advisory_xact_lock(int, int)}). */
  static final int SCHOOL_LOCK_NAMESPACE = 2;

  private final JdbcClient jdbc;

  SchoolDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void lockSchoolId(String schoolId) {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").param(SCHOOL_LOCK_NAMESPACE).param(schoolId).query().singleRow();
  }

  public Optional<String> countyOf(String schoolId) {
    return jdbc.sql("select county_id from school where id = ?").param(schoolId).query(String.class).optional();
  }

  public int countInCounty(String countyId) {
    return jdbc.sql("select count(*) from school where county_id = ?").param(countyId).query(Integer.class).single();
  }
}
