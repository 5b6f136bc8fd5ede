package org.gongyu.city.county;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CountyRepository {

  private final JdbcClient jdbc;

  CountyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<CountyRow> find(String cityId, String countyId) {
    return jdbc.sql("select id, city_id, name, version, kind from county where id = ? and city_id = ?")
        .params(countyId, cityId).query(CountyRepository::row).optional();
  }

  List<CountyRow> all(String cityId) {
    return jdbc.sql("select id, city_id, name, version, kind from county where city_id = ? order by id")
        .param(cityId).query(CountyRepository::row).list();
  }

  /** The city's city-direct unit, if one is registered. */
  Optional<String> cityDirect(String cityId) {
    return jdbc.sql("select id from county where city_id = ? and kind = 'CITY_DIRECT'").param(cityId).query(String.class).optional();
  }

  void save(CountyRow c, Instant at) {
    jdbc.sql(
            """
            insert into county (id, city_id, name, version, updated_at, kind) values (:id, :cityId, :name, :version, :at, :kind)
            on conflict (id) do update set name = excluded.name, version = excluded.version, updated_at = excluded.updated_at
            """)
        .param("id", c.id()).param("cityId", c.cityId()).param("name", c.name()).param("version", c.version())
        .param("at", Timestamp.from(at)).param("kind", c.kind().name())
        .update();
  }

  private static CountyRow row(ResultSet rs, int i) throws SQLException {
    return new CountyRow(rs.getString("id"), rs.getString("city_id"), rs.getString("name"), rs.getLong("version"),
        CountyRegistered.Kind.valueOf(rs.getString("kind")));
  }
}
