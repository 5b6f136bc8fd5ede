package org.gongyu.district.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which county a school belonged to on a day, which schools a county is expected to count, and the
 * school id lock. Registering or moving a school and storing a snapshot of it all take the school
 * id lock first, so a snapshot that arrives while its school is being registered or moved is either
 * rolled up by the snapshot's transaction or seen by the registry change's.
 */
@Component
public class SchoolDirectory {

  /** Namespace of the school id advisory locks (first key of {@code pg_advisory_xact_lock(int, int)}). */
  static final int SCHOOL_LOCK_NAMESPACE = 2;

  /** The membership in force on :day: the latest from on or before it, else the first. */
  private static final String COUNTY_ON_DAY =
      """
      (select m.county_id from school_membership m where m.school_id = %s
       order by (m.from_day <= :day) desc, case when m.from_day <= :day then m.from_day end desc, m.from_day
       limit 1)
      """;

  private final JdbcClient jdbc;

  SchoolDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public void lockSchoolId(String schoolId) {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").param(SCHOOL_LOCK_NAMESPACE).param(schoolId).query().singleRow();
  }

  /**
   * The county a registered school belonged to on a day (a period's first day); empty if
   * unregistered or closed by that day.
   */
  public Optional<String> countyOn(String schoolId, LocalDate day) {
    // empty too for a day on or after the school's closure (its membership then names no county)
    return jdbc.sql("select " + COUNTY_ON_DAY.formatted(":school"))
        .param("school", schoolId).param("day", day)
        .query(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
  }

  /**
   * The schools that belonged to the county on a day, with their (current) school type; only
   * schools that were ever members of the county are looked at.
   */
  public List<Member> membersOn(String countyId, LocalDate day) {
    return jdbc.sql(
            "select s.id, s.school_type from school s where s.id in (select school_id from school_membership where county_id = :county)"
                + " and " + COUNTY_ON_DAY.formatted("s.id") + " = :county order by s.id")
        .param("county", countyId).param("day", day)
        .query((rs, i) -> new Member(rs.getString(1), rs.getString(2)))
        .list();
  }

  /** A school counted in a county on some day. */
  public record Member(String schoolId, String schoolType) {}

  /**
   * The schools of a 学区 on a day: those whose membership in force that day (the same rule as
   * {@link #membersOn}) names this county and this 学区, with their current name and type, by id.
   * Every school counted here is also counted by {@link #membersOn} for the county, and in no other
   * 学区 of it.
   */
  public List<XuequMember> membersOfXuequOn(String countyId, String xuequId, LocalDate day) {
    return jdbc.sql(
            """
            select s.id, s.name, s.school_type from school s
            join lateral (select m.county_id, m.xuequ_id from school_membership m where m.school_id = s.id
                          order by (m.from_day <= :day) desc, case when m.from_day <= :day then m.from_day end desc, m.from_day
                          limit 1) m on true
            where s.id in (select school_id from school_membership where county_id = :county and xuequ_id = :xuequ)
              and m.county_id = :county and m.xuequ_id = :xuequ
            order by s.id
            """)
        .param("county", countyId).param("xuequ", xuequId).param("day", day)
        .query((rs, i) -> new XuequMember(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** The 学区 of a county by id, with its name; empty when the county has no such 学区. */
  public Optional<String> xuequName(String countyId, String xuequId) {
    return jdbc.sql("select name from xuequ where county_id = ? and id = ?")
        .params(countyId, xuequId).query(String.class).optional();
  }

  /** A school counted in a 学区 on some day. */
  public record XuequMember(String schoolId, String name, String schoolType) {}
}
