package org.gongyu.reporting.catalogue;

import java.util.Optional;
import org.gongyu.contracts.city.v1.IndicatorDefined;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.TargetComparator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Catalogue entries; reads are public, writes belong to this feature's listener. */
@Repository
public class CatalogueRepository {

  private final JdbcClient jdbc;

  CatalogueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<IndicatorRow> find(String code) {
    return jdbc.sql("""
            select code, name_zh, name_en, kind, target, comparator, sensitive, version
            from indicator where code = ?
            """)
        .param(code)
        .query((rs, i) -> new IndicatorRow(
            rs.getString("code"),
            rs.getString("name_zh"),
            rs.getString("name_en"),
            IndicatorKind.valueOf(rs.getString("kind")),
            rs.getBigDecimal("target"),
            rs.getString("comparator") == null ? null : TargetComparator.valueOf(rs.getString("comparator")),
            rs.getBoolean("sensitive"),
            rs.getLong("version")))
        .optional();
  }

  /** Stores the entry unless a version at least as new is stored; true if it was stored. */
  boolean save(IndicatorDefined d) {
    return jdbc.sql("""
            insert into indicator (code, name_zh, name_en, kind, period_type, target, comparator, sensitive, version)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (code) do update
              set name_zh = excluded.name_zh, name_en = excluded.name_en, kind = excluded.kind,
                  period_type = excluded.period_type, target = excluded.target,
                  comparator = excluded.comparator, sensitive = excluded.sensitive, version = excluded.version
              where indicator.version < excluded.version
            """)
        .params(
            d.code(),
            d.nameZh(),
            d.nameEn(),
            d.kind().name(),
            d.periodType().name(),
            d.target(),
            d.comparator() == null ? null : d.comparator().name(),
            d.sensitive(),
            d.version())
        .update() == 1;
  }
}
