package org.gongyu.city.catalogue;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongyu.contracts.indicator.IndicatorKind;
import org.gongyu.contracts.indicator.TargetComparator;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CatalogueRepository {

  private static final String COLUMNS =
      "code, name_zh, name_en, kind, period_type, comparator, sensitive, school_types, version";

  private final JdbcClient jdbc;

  CatalogueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The whole catalogue, in catalogue order. */
  List<Indicator> all() {
    return withSchedules(jdbc.sql("select " + COLUMNS + " from indicator_definition order by position, code")
        .query(CatalogueRepository::definition).list());
  }

  List<String> codes() {
    return jdbc.sql("select code from indicator_definition").query(String.class).list();
  }

  Optional<Indicator> find(String code) {
    return jdbc.sql("select " + COLUMNS + " from indicator_definition where code = ?").param(code)
        .query(CatalogueRepository::definition).optional()
        .map(d -> withSchedules(List.of(d)).getFirst());
  }

  /** The definition, its row locked until the transaction ends (every change of it goes through this lock). */
  Optional<Indicator> lock(String code) {
    return jdbc.sql("select " + COLUMNS + " from indicator_definition where code = ? for update").param(code)
        .query(CatalogueRepository::definition).optional()
        .map(d -> withSchedules(List.of(d)).getFirst());
  }

  /** Definitions with a version not yet published, locked so two instances cannot both publish it. */
  List<Indicator> lockUnpublished() {
    return withSchedules(jdbc.sql("select " + COLUMNS + " from indicator_definition where published_version < version"
            + " order by position, code for update")
        .query(CatalogueRepository::definition).list());
  }

  void markPublished(String code, long version) {
    jdbc.sql("update indicator_definition set published_version = ? where code = ?").params(version, code).update();
  }

  /** Adds the step or replaces its value; returns the definition's next version (also stored). */
  long putStep(String code, String fromPeriod, BigDecimal value, Instant setAt, String setBy) {
    jdbc.sql(
            """
            insert into indicator_target (code, from_period, value, set_at, set_by) values (?, ?, ?, ?, ?)
            on conflict (code, from_period) do update set value = excluded.value, set_at = excluded.set_at,
              set_by = excluded.set_by
            """)
        .param(1, code).param(2, fromPeriod).param(3, value, Types.NUMERIC).param(4, Timestamp.from(setAt)).param(5, setBy)
        .update();
    return jdbc.sql("update indicator_definition set version = version + 1 where code = ? returning version")
        .param(code).query(Long.class).single();
  }

  private List<Indicator> withSchedules(List<Definition> definitions) {
    if (definitions.isEmpty()) {
      return List.of();
    }
    Map<String, List<TargetStep>> steps = new HashMap<>();
    jdbc.sql("select code, from_period, value, set_at, set_by from indicator_target where code = any(?)")
        .param(definitions.stream().map(Definition::code).toArray(String[]::new))
        .query((ResultSet rs) -> {
          steps.computeIfAbsent(rs.getString("code"), c -> new ArrayList<>()).add(new TargetStep(
              rs.getString("from_period"), rs.getBigDecimal("value"), rs.getTimestamp("set_at").toInstant(),
              rs.getString("set_by")));
        });
    return definitions.stream().map(d -> d.with(steps.getOrDefault(d.code(), List.of()))).toList();
  }

  private static Definition definition(ResultSet rs, int i) throws SQLException {
    Array types = rs.getArray("school_types");
    return new Definition(
        rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
        IndicatorKind.valueOf(rs.getString("kind")), PeriodType.valueOf(rs.getString("period_type")),
        TargetComparator.valueOf(rs.getString("comparator")), rs.getBoolean("sensitive"),
        List.of((String[]) types.getArray()), rs.getLong("version"));
  }

  /** An {@code indicator_definition} row before its schedule is attached. */
  private record Definition(
      String code, String nameZh, String nameEn, IndicatorKind kind, PeriodType periodType,
      TargetComparator comparator, boolean sensitive, List<String> schoolTypes, long version) {

    Indicator with(List<TargetStep> steps) {
      List<TargetStep> ordered = steps.stream()
          .sorted(Comparator.comparing((TargetStep s) -> Period.parse(periodType, s.fromPeriod())))
          .toList();
      return new Indicator(code, nameZh, nameEn, kind, periodType, comparator, sensitive, schoolTypes, ordered, version);
    }
  }
}
