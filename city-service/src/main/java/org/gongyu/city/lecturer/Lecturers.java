package org.gongyu.city.lecturer;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's tables: entries, their teams and their trail. */
@Repository
class Lecturers {

  private static final String COLUMNS = "id, name, affiliation, expertise, age_groups, nominated_by_county, nominated_at, "
      + "nominated_by, status, status_reason, registered_at, trained_on, version";

  private final JdbcClient jdbc;

  Lecturers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Lecturer l, Instant now) {
    jdbc.sql("""
            insert into lecturer (id, name, affiliation, expertise, age_groups, nominated_by_county, nominated_at, nominated_by,
              status, version, updated_at)
            values (:id, :name, :affiliation, :expertise, string_to_array(:ageGroups, ','), :county, :at, :by, :status, 1, :at)
            """)
        .param("id", l.id()).param("name", l.name()).param("affiliation", l.affiliation()).param("expertise", l.expertise())
        .param("ageGroups", String.join(",", l.ageGroups())).param("county", l.nominatedByCounty())
        .param("at", Timestamp.from(now)).param("by", l.nominatedBy()).param("status", l.status().name())
        .update();
  }

  /** Writes the entry's new state if it is still at {@code expected.version()}; the caller holds the row lock. */
  void update(Lecturer changed, Instant now) {
    jdbc.sql("""
            update lecturer set status = :status, status_reason = :reason, registered_at = :registeredAt,
              trained_on = :trainedOn, version = :version, updated_at = :at
            where id = :id and version = :version - 1
            """)
        .param("status", changed.status().name()).param("reason", changed.statusReason())
        .param("registeredAt", changed.registeredAt() == null ? null : Timestamp.from(changed.registeredAt()))
        .param("trainedOn", changed.trainedOn()).param("version", changed.version()).param("at", Timestamp.from(now))
        .param("id", changed.id())
        .update();
  }

  /** Writes a nomination's corrected fields and status (NOMINATED); the caller holds the row lock. */
  void updateNomination(Lecturer changed, Instant now) {
    jdbc.sql("""
            update lecturer set name = :name, affiliation = :affiliation, expertise = :expertise,
              age_groups = string_to_array(:ageGroups, ','), status = :status, status_reason = null, version = :version,
              updated_at = :at
            where id = :id and version = :version - 1
            """)
        .param("name", changed.name()).param("affiliation", changed.affiliation()).param("expertise", changed.expertise())
        .param("ageGroups", String.join(",", changed.ageGroups())).param("status", changed.status().name())
        .param("version", changed.version()).param("at", Timestamp.from(now)).param("id", changed.id())
        .update();
  }

  void replaceTeams(String id, List<Lecturer.Team> teams) {
    jdbc.sql("delete from lecturer_team where lecturer_id = ?").param(id).update();
    for (Lecturer.Team t : teams) {
      jdbc.sql("insert into lecturer_team (lecturer_id, team, county_id) values (?, ?, ?)")
          .params(id, t.team().name(), t.countyId() == null ? "" : t.countyId()).update();
    }
  }

  void trail(String id, Instant at, String actor, String action, long version, String comment) {
    jdbc.sql("insert into lecturer_trail (lecturer_id, at, actor, action, version, comment) values (?, ?, ?, ?, ?, ?)")
        .params(id, Timestamp.from(at), actor, action, version, comment).update();
  }

  List<LecturerResponse.Step> trailOf(String id) {
    return jdbc.sql("select at, actor, action, version, comment from lecturer_trail where lecturer_id = ? order by id")
        .param(id)
        .query((rs, n) -> new LecturerResponse.Step(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
            rs.getLong(4), rs.getString(5)))
        .list();
  }

  Optional<Lecturer> lock(String id) {
    return one("select " + COLUMNS + " from lecturer where id = ? for update", id);
  }

  Optional<Lecturer> find(String id) {
    return one("select " + COLUMNS + " from lecturer where id = ?", id);
  }

  /**
   * Entries, newest nomination first: of one nominating county ({@code ""} for city-direct, null for
   * every one), one status (null for every one), one team (null for any).
   */
  List<Lecturer> list(String county, Lecturer.Status status, Lecturer.TeamKind team, String teamCounty) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from lecturer l where true");
    Map<String, Object> params = new HashMap<>();
    if (county != null && county.isEmpty()) {
      sql.append(" and nominated_by_county is null");
    } else if (county != null) {
      sql.append(" and nominated_by_county = :county");
      params.put("county", county);
    }
    if (status != null) {
      sql.append(" and status = :status");
      params.put("status", status.name());
    }
    if (team != null) {
      sql.append(" and exists (select 1 from lecturer_team t where t.lecturer_id = l.id and t.team = :team");
      params.put("team", team.name());
      if (teamCounty != null) {
        sql.append(" and t.county_id = :teamCounty");
        params.put("teamCounty", teamCounty);
      }
      sql.append(")");
    }
    sql.append(" order by nominated_at desc, id");
    List<Lecturer> bare = jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs, List.of())).list();
    Map<String, List<Lecturer.Team>> teams = teams(bare.stream().map(Lecturer::id).toList());
    List<Lecturer> out = new ArrayList<>(bare.size());
    bare.forEach(l -> out.add(withTeams(l, teams.getOrDefault(l.id(), List.of()))));
    return out;
  }

  /** The names of the city's counties by id. */
  Map<String, String> countyNames(String cityId) {
    Map<String, String> out = new HashMap<>();
    jdbc.sql("select id, name from county where city_id = ?").param(cityId)
        .query((rs, n) -> out.put(rs.getString(1), rs.getString(2))).list();
    return out;
  }

  private Optional<Lecturer> one(String sql, String id) {
    Optional<Lecturer> bare = jdbc.sql(sql).param(id).query((rs, n) -> map(rs, List.of())).optional();
    return bare.map(l -> withTeams(l, teams(List.of(l.id())).getOrDefault(l.id(), List.of())));
  }

  private Map<String, List<Lecturer.Team>> teams(List<String> ids) {
    Map<String, List<Lecturer.Team>> out = new HashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    jdbc.sql("select lecturer_id, team, county_id from lecturer_team where lecturer_id in (:ids) order by lecturer_id, team, county_id")
        .param("ids", ids)
        .query((rs, n) -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Lecturer.Team(
            Lecturer.TeamKind.valueOf(rs.getString(2)), rs.getString(3).isEmpty() ? null : rs.getString(3))))
        .list();
    return out;
  }

  private static Lecturer withTeams(Lecturer l, List<Lecturer.Team> teams) {
    return new Lecturer(l.id(), l.name(), l.affiliation(), l.expertise(), l.ageGroups(), l.nominatedByCounty(), l.nominatedAt(),
        l.nominatedBy(), l.status(), l.statusReason(), l.registeredAt(), l.trainedOn(), l.version(), List.copyOf(teams));
  }

  private static Lecturer map(ResultSet rs, List<Lecturer.Team> teams) throws SQLException {
    Array groups = rs.getArray(5);
    Timestamp registered = rs.getTimestamp(11);
    return new Lecturer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        groups == null ? List.of() : Arrays.asList((String[]) groups.getArray()), rs.getString(6),
        rs.getTimestamp(7).toInstant(), rs.getString(8), Lecturer.Status.valueOf(rs.getString(9)), rs.getString(10),
        registered == null ? null : registered.toInstant(), rs.getObject(12, LocalDate.class), rs.getLong(13), teams);
  }
}
