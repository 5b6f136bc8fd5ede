package org.gongyu.school.privacy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks candidates up in every table of this service that keeps a {@code student_key} or {@code
 * guardian_key} per school. The tables are read from the database catalogue rather than listed
 * here, so a record feature added later is covered without anyone remembering this class.
 */
@Component
class PseudonymLookup implements RecordedReferences {

  private final JdbcClient jdbc;
  private final Pseudonymizer pseudonymizer;
  private volatile List<KeyColumn> columns;

  PseudonymLookup(JdbcClient jdbc, Pseudonymizer pseudonymizer) {
    this.jdbc = jdbc;
    this.pseudonymizer = pseudonymizer;
  }

  /** A table and its key column ({@code student_key} or {@code guardian_key}). */
  record KeyColumn(String table, String column) {}

  @Override
  public Set<String> recorded(String schoolId, Set<String> candidates) {
    if (candidates.isEmpty()) {
      return Set.of();
    }
    Map<String, String> byStudentKey = new HashMap<>();
    Map<String, String> byGuardianKey = new HashMap<>();
    for (String c : candidates) {
      byStudentKey.put(pseudonymizer.student(schoolId, c), c);
      byGuardianKey.put(pseudonymizer.guardian(schoolId, c), c);
    }
    List<String> selects = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    for (KeyColumn kc : keyColumns()) {
      Map<String, String> keys = kc.column().equals("student_key") ? byStudentKey : byGuardianKey;
      // identifiers come from the catalogue, not from input
      selects.add("select " + kc.column() + " from " + kc.table() + " where school_id = ? and " + kc.column()
          + " = any(cast(? as bpchar[]))");
      params.add(schoolId);
      params.add(keys.keySet().toArray(String[]::new));
    }
    if (selects.isEmpty()) {
      return Set.of();
    }
    List<String> found = jdbc.sql(String.join(" union ", selects)).params(params).query(String.class).list();
    Set<String> recorded = new HashSet<>();
    for (String key : found) {
      String k = key.trim();
      if (byStudentKey.containsKey(k)) {
        recorded.add(byStudentKey.get(k));
      }
      if (byGuardianKey.containsKey(k)) {
        recorded.add(byGuardianKey.get(k));
      }
    }
    return recorded;
  }

  /** Every table's key column, from the catalogue. */
  List<KeyColumn> keyColumns() {
    List<KeyColumn> c = columns;
    if (c == null) {
      c = jdbc.sql("""
              select k.table_name, k.column_name from information_schema.columns k
              join information_schema.columns s on s.table_schema = k.table_schema and s.table_name = k.table_name
                and s.column_name = 'school_id'
              join information_schema.tables t on t.table_schema = k.table_schema and t.table_name = k.table_name
                and t.table_type = 'BASE TABLE'
              where k.table_schema = current_schema() and k.column_name in ('student_key', 'guardian_key')
              order by k.table_name, k.column_name
              """)
          .query((rs, n) -> new KeyColumn(rs.getString(1), rs.getString(2)))
          .list();
      columns = c;
    }
    return c;
  }
}
