package org.gongyu.city.standard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.contracts.demonstration.Rubric;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StandardRepository {

  private static final String VERSION_COLUMNS =
      "standard_id, version, title_zh, title_en, pass_mark, created_at, created_by, published_at";

  private final JdbcClient jdbc;

  StandardRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The latest published version of every standard, by standard id. */
  List<StandardVersion> latestPublished() {
    return withRubrics(jdbc.sql("select distinct on (standard_id) " + VERSION_COLUMNS
            + " from demonstration_standard_version where published_at is not null order by standard_id, version desc")
        .query(StandardRepository::header).list());
  }

  /** The published versions of one standard, oldest first; empty if it has none. */
  List<StandardVersion> published(String standardId) {
    return withRubrics(jdbc.sql("select " + VERSION_COLUMNS
            + " from demonstration_standard_version where standard_id = ? and published_at is not null order by version")
        .param(standardId).query(StandardRepository::header).list());
  }

  Optional<StandardVersion> published(String standardId, long version) {
    return withRubrics(jdbc.sql("select " + VERSION_COLUMNS
            + " from demonstration_standard_version where standard_id = ? and version = ? and published_at is not null")
        .params(standardId, version).query(StandardRepository::header).list()).stream().findFirst();
  }

  /**
   * Claims the next version of the standard (1 for a new standard) and keeps its row locked until
   * the transaction ends, so concurrent issues of one standard get consecutive versions.
   */
  long claimNextVersion(String standardId) {
    return jdbc.sql("""
            insert into demonstration_standard (id, version) values (?, 1)
            on conflict (id) do update set version = demonstration_standard.version + 1
            returning version
            """)
        .param(standardId).query(Long.class).single();
  }

  /** Stores a new (unpublished) version with its areas and criteria in order. */
  void insert(String standardId, long version, Rubric rubric, Instant createdAt, String createdBy) {
    jdbc.sql("""
            insert into demonstration_standard_version (standard_id, version, title_zh, title_en, pass_mark, created_at, created_by)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(standardId, version, rubric.titleZh(), rubric.titleEn(), rubric.passMark(), Timestamp.from(createdAt), createdBy)
        .update();
    int areaPosition = 0;
    for (Rubric.Area area : rubric.areas()) {
      jdbc.sql("""
              insert into demonstration_standard_area (standard_id, version, code, position, name_zh, name_en)
              values (?, ?, ?, ?, ?, ?)
              """)
          .params(standardId, version, area.code(), ++areaPosition, area.nameZh(), area.nameEn())
          .update();
      int position = 0;
      for (Rubric.Criterion c : area.criteria()) {
        jdbc.sql("""
                insert into demonstration_standard_criterion (standard_id, version, area_code, code, position, name_zh,
                  name_en, points, evidence_required, indicator_codes)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            .params(standardId, version, area.code(), c.code(), ++position, c.nameZh(), c.nameEn(), c.points(),
                c.evidenceRequired(), c.indicatorCodes().toArray(String[]::new))
            .update();
      }
    }
  }

  /** Ids of standards with versions not yet published, their rows locked so two instances cannot both publish them. */
  List<String> lockUnpublished() {
    return jdbc.sql("select id from demonstration_standard where published_version < version order by id for update")
        .query(String.class).list();
  }

  /** The versions of a (locked) standard above its published version, oldest first. */
  List<StandardVersion> unpublished(String standardId) {
    return withRubrics(jdbc.sql("select " + VERSION_COLUMNS + " from demonstration_standard_version v"
            + " where standard_id = ? and version > (select published_version from demonstration_standard where id = ?)"
            + " order by version")
        .params(standardId, standardId).query(StandardRepository::header).list());
  }

  void markPublished(String standardId, long version, Instant at) {
    jdbc.sql("update demonstration_standard_version set published_at = ? where standard_id = ? and version = ?")
        .params(Timestamp.from(at), standardId, version).update();
    jdbc.sql("update demonstration_standard set published_version = ? where id = ?").params(version, standardId).update();
  }

  // ---- mapping

  /** A version row before its areas are attached. */
  private record Header(
      String standardId, long version, String titleZh, String titleEn, BigDecimal passMark, Instant createdAt,
      String createdBy, Instant publishedAt) {

    String key() {
      return standardId + "#" + version;
    }
  }

  private record AreaRow(String key, String code, String nameZh, String nameEn) {}

  private static Header header(ResultSet rs, int i) throws SQLException {
    Timestamp published = rs.getTimestamp("published_at");
    return new Header(rs.getString("standard_id"), rs.getLong("version"), rs.getString("title_zh"), rs.getString("title_en"),
        plain(rs.getBigDecimal("pass_mark")), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
        published == null ? null : published.toInstant());
  }

  /** Attaches areas and criteria in their stored order. */
  private List<StandardVersion> withRubrics(List<Header> headers) {
    if (headers.isEmpty()) {
      return List.of();
    }
    String[] ids = headers.stream().map(Header::standardId).distinct().toArray(String[]::new);
    Map<String, List<Rubric.Criterion>> criteria = new HashMap<>();
    jdbc.sql("""
            select standard_id, version, area_code, code, name_zh, name_en, points, evidence_required, indicator_codes
            from demonstration_standard_criterion where standard_id = any(?) order by standard_id, version, area_code, position
            """)
        .param(ids)
        .query((ResultSet rs) -> {
          criteria.computeIfAbsent(rs.getString("standard_id") + "#" + rs.getLong("version") + "#" + rs.getString("area_code"),
              k -> new ArrayList<>()).add(new Rubric.Criterion(rs.getString("code"), rs.getString("name_zh"),
              rs.getString("name_en"), plain(rs.getBigDecimal("points")), rs.getString("evidence_required"),
              List.of((String[]) rs.getArray("indicator_codes").getArray())));
        });
    Map<String, List<AreaRow>> areas = new LinkedHashMap<>();
    jdbc.sql("select standard_id, version, code, name_zh, name_en from demonstration_standard_area"
            + " where standard_id = any(?) order by standard_id, version, position")
        .param(ids)
        .query((ResultSet rs) -> {
          String key = rs.getString("standard_id") + "#" + rs.getLong("version");
          areas.computeIfAbsent(key, k -> new ArrayList<>())
              .add(new AreaRow(key, rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en")));
        });
    return headers.stream().map(h -> new StandardVersion(h.standardId(), h.version(),
            new Rubric(h.titleZh(), h.titleEn(), h.passMark(), areas.getOrDefault(h.key(), List.of()).stream()
                .map(a -> new Rubric.Area(a.code(), a.nameZh(), a.nameEn(), criteria.getOrDefault(a.key() + "#" + a.code(), List.of())))
                .toList()),
            h.createdAt(), h.createdBy(), h.publishedAt()))
        .toList();
  }

  /** {@code numeric(8,2)} without its padding: 12.00 → 12, 7.50 → 7.5 (what was issued, as the event shows it). */
  private static BigDecimal plain(BigDecimal stored) {
    BigDecimal stripped = stored.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
