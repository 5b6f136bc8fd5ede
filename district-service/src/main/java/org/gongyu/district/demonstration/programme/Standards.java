package org.gongyu.district.demonstration.programme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongyu.chassis.messaging.PayloadCheck;
import org.gongyu.contracts.city.v1.StandardPublished;
import org.gongyu.contracts.demonstration.Rubric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city's standards as this service received them: every version, immutable, because each
 * programme keeps the version it started with and its applications are scored against it.
 */
@Repository
public class Standards {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  Standards(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The rubric of a stored version. */
  public Optional<Rubric> rubric(String standardId, long version) {
    return find(standardId, version).map(StandardVersion::rubric);
  }

  Optional<StandardVersion> find(String standardId, long version) {
    return jdbc.sql("select standard_id, version, published_at, rubric::text as rubric from demonstration_standard"
            + " where standard_id = ? and version = ?")
        .params(standardId, version).query(Standards::map).optional();
  }

  /** Every stored version, by standard id and version. */
  List<StandardVersion> all() {
    return jdbc.sql("select standard_id, version, published_at, rubric::text as rubric from demonstration_standard"
            + " order by standard_id, version")
        .query(Standards::map).list();
  }

  /**
   * Stores a version unless it is there. A version is immutable: the same version again with
   * another rubric can never be applied (it goes to the dead-letter topic); with the same rubric
   * it changes nothing.
   *
   * @return whether this call stored it
   */
  boolean store(StandardPublished s) {
    int inserted = jdbc.sql("""
            insert into demonstration_standard (standard_id, version, published_at, rubric)
            values (?, ?, ?, cast(? as jsonb)) on conflict do nothing""")
        .params(s.standardId(), s.version(), Timestamp.from(s.publishedAt()), JSON.writeValueAsString(s.rubric()))
        .update();
    if (inserted == 1) {
      return true;
    }
    String stored = jdbc.sql("select rubric::text from demonstration_standard where standard_id = ? and version = ?")
        .params(s.standardId(), s.version()).query(String.class).single();
    PayloadCheck.require(JSON.readValue(stored, Rubric.class).equals(s.rubric()),
        "standard " + s.standardId() + " version " + s.version() + " is stored with another rubric; versions never change");
    return false;
  }

  private static StandardVersion map(ResultSet rs, int n) throws SQLException {
    return new StandardVersion(rs.getString("standard_id"), rs.getLong("version"), rs.getTimestamp("published_at").toInstant(),
        JSON.readValue(rs.getString("rubric"), Rubric.class));
  }

  /** A stored version of a standard. */
  record StandardVersion(String standardId, long version, Instant publishedAt, Rubric rubric) {}
}
