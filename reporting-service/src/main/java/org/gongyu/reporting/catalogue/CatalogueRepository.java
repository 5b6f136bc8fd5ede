package org.gongyu.reporting.catalogue;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.PeriodTarget;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.PeriodType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Catalogue entries; reads are public, writes belong to this feature's listener. */
@Repository
public class CatalogueRepository {

  /** The catalogue's own order (IndicatorCodes.ALL), codes it does not know after them by code. */
  private static final Comparator<IndicatorRow> CATALOGUE_ORDER = Comparator.comparing(IndicatorRow::code,
      IndicatorCodes.CATALOGUE_ORDER);

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  CatalogueRepository(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  public Optional<IndicatorRow> find(String code) {
    return load("where code = :code", Map.of("code", code)).stream().findFirst();
  }

  /** Every entry of the catalogue (about 18), in the catalogue's order. */
  public List<IndicatorRow> all() {
    return load("", Map.of()).stream().sorted(CATALOGUE_ORDER).toList();
  }

  private List<IndicatorRow> load(String where, Map<String, ?> params) {
    record Head(String code, String nameZh, String nameEn, String kind, String periodType, String comparator,
        boolean sensitive, long version) {}
    List<Head> heads = jdbc.sql("select code, name_zh, name_en, kind, period_type, comparator, sensitive, version"
            + " from indicator " + where)
        .params(params)
        .query((rs, i) -> new Head(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
            rs.getString("kind"), rs.getString("period_type"), rs.getString("comparator"), rs.getBoolean("sensitive"),
            rs.getLong("version")))
        .list();
    if (heads.isEmpty()) {
      return List.of();
    }
    List<String> codes = heads.stream().map(Head::code).toList();
    Map<String, List<PeriodTarget>> targets = new HashMap<>();
    jdbc.sql("select code, from_period, value from indicator_target where code in (:codes) order by code, from_period")
        .param("codes", codes)
        .query((ResultSet rs) -> {
          targets.computeIfAbsent(rs.getString("code"), c -> new ArrayList<>())
              .add(new PeriodTarget(rs.getString("from_period"), rs.getBigDecimal("value")));
        });
    Map<String, List<String>> types = new HashMap<>();
    jdbc.sql("select code, school_type from indicator_school_type where code in (:codes) order by code, school_type")
        .param("codes", codes)
        .query((ResultSet rs) -> {
          types.computeIfAbsent(rs.getString("code"), c -> new ArrayList<>()).add(rs.getString("school_type"));
        });
    return heads.stream()
        .map(h -> new IndicatorRow(
            h.code(),
            h.nameZh(),
            h.nameEn(),
            IndicatorKind.valueOf(h.kind()),
            PeriodType.valueOf(h.periodType()),
            h.comparator() == null ? null : TargetComparator.valueOf(h.comparator()),
            h.sensitive(),
            types.getOrDefault(h.code(), List.of()),
            targets.getOrDefault(h.code(), List.of()),
            h.version()))
        .toList();
  }

  /**
   * Stores the entry, with its whole schedule and school types, unless a version at least as new
   * is stored; true if it was stored. The upsert locks the entry's row until commit, so the
   * replacement of its schedule cannot interleave with another version's.
   */
  boolean save(IndicatorDefined d) {
    boolean stored = jdbc.sql("""
            insert into indicator (code, name_zh, name_en, kind, period_type, comparator, sensitive, version)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (code) do update
              set name_zh = excluded.name_zh, name_en = excluded.name_en, kind = excluded.kind,
                  period_type = excluded.period_type, comparator = excluded.comparator,
                  sensitive = excluded.sensitive, version = excluded.version
              where indicator.version < excluded.version
            """)
        .params(
            d.code(),
            d.nameZh(),
            d.nameEn(),
            d.kind().name(),
            d.periodType().name(),
            d.comparator() == null ? null : d.comparator().name(),
            d.sensitive(),
            d.version())
        .update() == 1;
    if (stored) {
      jdbc.sql("delete from indicator_target where code = ?").param(d.code()).update();
      jdbc.sql("delete from indicator_school_type where code = ?").param(d.code()).update();
      batch.batchUpdate("insert into indicator_target (code, from_period, value) values (?, ?, ?)",
          d.targets().stream().map(t -> new Object[] {d.code(), t.fromPeriod(), t.value()}).toList());
      batch.batchUpdate("insert into indicator_school_type (code, school_type) values (?, ?)",
          d.schoolTypes().stream().distinct().map(t -> new Object[] {d.code(), t}).toList());
    }
    return stored;
  }
}
