package org.gongyu.district.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    return jdbc.sql("select id, county_id, xuequ_id, name, school_type, version from school where id = ?")
        .param(schoolId).query(RegistryRepository::school).optional();
  }

  List<SchoolRow> schoolsOfCounty(String countyId) {
    return jdbc.sql("select id, county_id, xuequ_id, name, school_type, version from school where county_id = ? order by id")
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

  private static XuequRow xuequ(ResultSet rs, int i) throws SQLException {
    return new XuequRow(rs.getString("id"), rs.getString("county_id"), rs.getString("name"), rs.getLong("version"));
  }

  private static SchoolRow school(ResultSet rs, int i) throws SQLException {
    return new SchoolRow(rs.getString("id"), rs.getString("county_id"), rs.getString("xuequ_id"), rs.getString("name"),
        SchoolType.valueOf(rs.getString("school_type")), rs.getLong("version"));
  }
}
