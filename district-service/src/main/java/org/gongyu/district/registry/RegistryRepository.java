package org.gongyu.district.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.gongyu.contracts.district.v1.SchoolRegistered.Membership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RegistryRepository {

  /** Namespace of the xuequ id advisory locks. */
  private static final int XUEQU_LOCK_NAMESPACE = 3;

  private final JdbcClient jdbc;

  RegistryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void lockXuequId(String xuequId) {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))").param(XUEQU_LOCK_NAMESPACE).param(xuequId).query().singleRow();
  }

  Optional<XuequRow> findXuequ(String xuequId) {
    return jdbc.sql("select id, county_id, name, version from xuequ where id = ?").param(xuequId).query(RegistryRepository::xuequ).optional();
  }

  List<XuequRow> xuequOfCounty(String countyId) {
    return jdbc.sql("select id, county_id, name, version from xuequ where county_id = ? order by id")
        .param(countyId).query(RegistryRepository::xuequ).list();
  }

  void saveXuequ(XuequRow x, Instant at) {
    jdbc.sql(
            """
            insert into xuequ (id, county_id, name, version, updated_at) values (:id, :countyId, :name, :version, :at)
            on conflict (id) do update set name = excluded.name, version = excluded.version, updated_at = excluded.updated_at
            """)
        .param("id", x.id()).param("countyId", x.countyId()).param("name", x.name()).param("version", x.version())
        .param("at", Timestamp.from(at))
        .update();
  }

  Optional<SchoolRow> findSchool(String schoolId) {
    return jdbc.sql("select id, county_id, xuequ_id, name, school_type, version, closed_from, successor_id from school where id = ?")
        .param(schoolId).query(RegistryRepository::school).optional();
  }

  List<SchoolRow> schoolsOfCounty(String countyId) {
    return jdbc.sql("select id, county_id, xuequ_id, name, school_type, version, closed_from, successor_id from school where county_id = ? order by id")
        .param(countyId).query(RegistryRepository::school).list();
  }

  void saveSchool(SchoolRow s, Instant at) {
    jdbc.sql(
            """
            insert into school (id, county_id, xuequ_id, name, school_type, version, updated_at)
            values (:id, :countyId, :xuequId, :name, :schoolType, :version, :at)
            on conflict (id) do update set xuequ_id = excluded.xuequ_id, name = excluded.name,
              school_type = excluded.school_type, version = excluded.version, updated_at = excluded.updated_at
            """)
        .param("id", s.id()).param("countyId", s.countyId()).param("xuequId", s.xuequId()).param("name", s.name())
        .param("schoolType", s.schoolType().name()).param("version", s.version()).param("at", Timestamp.from(at))
        .update();
  }

  /** The school's memberships in a county, oldest first (a closure's membership, with no county, is left out). */
  List<Membership> memberships(String schoolId) {
    return jdbc.sql("select county_id, xuequ_id, from_day from school_membership where school_id = ? and county_id is not null order by from_day")
        .param(schoolId)
        .query((rs, i) -> new Membership(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
        .list();
  }

  void addMembership(String schoolId, Membership m) {
    jdbc.sql("insert into school_membership (school_id, county_id, xuequ_id, from_day) values (?, ?, ?, ?)")
        .params(schoolId, m.countyId(), m.xuequId(), m.from())
        .update();
  }

  /** A PUT corrects the 学区 of the school's latest membership (the one {@code school} mirrors). */
  void setLatestXuequ(String schoolId, String xuequId) {
    jdbc.sql(
            """
            update school_membership set xuequ_id = ? where school_id = ?
              and from_day = (select max(from_day) from school_membership where school_id = ?)
            """)
        .params(xuequId, schoolId, schoolId)
        .update();
  }

  /** The first day of the school's latest membership, a closure's included. */
  LocalDate latestMembershipFrom(String schoolId) {
    return jdbc.sql("select max(from_day) from school_membership where school_id = ?").param(schoolId).query(LocalDate.class).single();
  }

  /**
   * Closes the school from {@code from}: a membership with no county from that day and the closure
   * on the school row (which keeps its last county and 学区).
   */
  void closeSchool(String schoolId, LocalDate from, String successorId, long version, Instant at) {
    jdbc.sql("insert into school_membership (school_id, county_id, xuequ_id, from_day) values (?, null, null, ?)")
        .params(schoolId, from)
        .update();
    jdbc.sql("update school set closed_from = ?, successor_id = ?, version = ?, updated_at = ? where id = ?")
        .params(from, successorId, version, Timestamp.from(at), schoolId)
        .update();
  }

  /** Points the school's current row at its new latest membership. */
  void moveSchool(String schoolId, String countyId, String xuequId, long version, Instant at) {
    jdbc.sql("update school set county_id = ?, xuequ_id = ?, version = ?, updated_at = ? where id = ?")
        .params(countyId, xuequId, version, Timestamp.from(at), schoolId)
        .update();
  }

  private static XuequRow xuequ(ResultSet rs, int i) throws SQLException {
    return new XuequRow(rs.getString("id"), rs.getString("county_id"), rs.getString("name"), rs.getLong("version"));
  }

  private static SchoolRow school(ResultSet rs, int i) throws SQLException {
    return new SchoolRow(rs.getString("id"), rs.getString("county_id"), rs.getString("xuequ_id"), rs.getString("name"),
        SchoolType.valueOf(rs.getString("school_type")), rs.getLong("version"),
        rs.getObject("closed_from", LocalDate.class), rs.getString("successor_id"));
  }
}
