package org.gongyu.city.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.PeriodType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CatalogueRepository {

  private static final String COLUMNS =
      "code, name_zh, name_en, kind, period_type, target, comparator, sensitive, version, published_version";

  private final JdbcClient jdbc;

  CatalogueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<IndicatorDefinitionRow> all() {
    return jdbc.sql("select " + COLUMNS + " from indicator_definition order by code").query(CatalogueRepository::row).list();
  }

  /** Definitions with a version not yet published, locked so two instances cannot both publish it. */
  List<IndicatorDefinitionRow> lockUnpublished() {
    return jdbc.sql("select " + COLUMNS + " from indicator_definition where published_version < version order by code for update")
        .query(CatalogueRepository::row).list();
  }

  void markPublished(String code, long version) {
    jdbc.sql("update indicator_definition set published_version = ? where code = ?").params(version, code).update();
  }

  private static IndicatorDefinitionRow row(ResultSet rs, int i) throws SQLException {
    return new IndicatorDefinitionRow(
        rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
        IndicatorKind.valueOf(rs.getString("kind")), PeriodType.valueOf(rs.getString("period_type")),
        rs.getBigDecimal("target"), TargetComparator.valueOf(rs.getString("comparator")),
        rs.getBoolean("sensitive"), rs.getLong("version"), rs.getLong("published_version"));
  }
}
