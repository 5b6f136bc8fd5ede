package org.gongyu.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a migrated service database against ADR 0013 by trying, as the runtime role the service
 * connects as, what it must not be able to do, and what it must. Every probe runs in a transaction
 * that is rolled back: nothing is left behind.
 *
 * <pre>{@code
 * LeastPrivilege.of(RealInfrastructure.database("district"))
 *     .appendOnly("demonstration_trail", "insert into demonstration_trail (...) values (...)")
 *     .ordinaryWrites("insert into county (...) values (...)", "update county set ... where ...")
 *     .verify();
 * }</pre>
 *
 * <p>{@link #verify()} asserts that the runtime role
 *
 * <ul>
 *   <li>is no superuser and has no role attribute but LOGIN, owns nothing in the database, may not
 *       create anything in the database or schema public (temp tables included), and holds no
 *       TRUNCATE, TRIGGER or REFERENCES privilege on any table;
 *   <li>cannot create a table, function or schema, switch to another role, or set {@code
 *       session_replication_role} (which would silence triggers);
 *   <li>can read and insert into every table but the Flyway histories (which it cannot touch at
 *       all), and can update and delete in all of them except exactly the append-only tables named;
 *   <li>for each append-only table: inserts a row (the statement given) and reads it, and is refused
 *       (permission denied) UPDATE, DELETE, TRUNCATE, DROP, ALTER ... DISABLE TRIGGER and CREATE
 *       INDEX;
 *   <li>runs the ordinary writes given (first, so they may make the parent rows the inserts into
 *       append-only tables need), each changing at least one row, and those of the chassis's
 *       tables: inserts, marks and deletes an outbox row, inserts and deletes an inbox row;
 * </ul>
 *
 * The chassis's {@code audit_log} counts as an append-only table wherever it exists; it need not be
 * named.
 *
 * and that, where an append-only table also has triggers, they still refuse the owner an update of
 * a row it inserted (the second line of defence, for whoever holds the owner's login).
 */
public final class LeastPrivilege {

  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  private final RealInfrastructure.Database db;
  private final Map<String, String> appendOnly = new LinkedHashMap<>();
  private final List<String> ordinaryWrites = new ArrayList<>();

  private LeastPrivilege(RealInfrastructure.Database db) {
    this.db = db;
  }

  /** The database as {@link RealInfrastructure#database(String)} made it (migrated by now). */
  public static LeastPrivilege of(RealInfrastructure.Database db) {
    return new LeastPrivilege(db);
  }

  /**
   * A table the runtime role may only insert into and read.
   *
   * @param insert a statement that inserts exactly one row into it (it may insert parent rows in a
   *     CTE first)
   */
  public LeastPrivilege appendOnly(String table, String insert) {
    appendOnly.put(table, insert);
    return this;
  }

  /** Statements on ordinary tables the service runs as its runtime role; each must change a row. */
  public LeastPrivilege ordinaryWrites(String... statements) {
    ordinaryWrites.addAll(List.of(statements));
    return this;
  }

  public void verify() {
    assertThat(db.user()).as("the runtime role must not be the owner").isNotEqualTo(db.owner());
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password())) {
      c.setAutoCommit(false);
      try {
        addChassisTables(c);
        verifyRuntime(c);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new AssertionError("as " + db.user() + ": " + e.getMessage(), e);
    }
    try (Connection c = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
      c.setAutoCommit(false);
      try {
        verifyTriggersStopTheOwner(c);
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new AssertionError("as " + db.owner() + ": " + e.getMessage(), e);
    }
  }

  private void addChassisTables(Connection c) throws SQLException {
    if (exists(c, "audit_log")) {
      appendOnly.putIfAbsent("audit_log", """
          insert into audit_log (actor, roles, org_unit, action, target, outcome, status)
          values ('least-privilege-probe', '', 'none', 'GET /least-privilege-probe', '/least-privilege-probe', 'DENIED', 403)""");
    }
    if (exists(c, "outbox_event")) {
      ordinaryWrites.addAll(List.of(
          "insert into outbox_event (event_id, topic, record_key, payload) values (gen_random_uuid(), 'least-privilege-probe', 'k', '{}')",
          "update outbox_event set published_at = now() where topic = 'least-privilege-probe'",
          "delete from outbox_event where topic = 'least-privilege-probe'"));
    }
    if (exists(c, "inbox_event")) {
      ordinaryWrites.addAll(List.of(
          "insert into inbox_event (consumer, event_id) values ('least-privilege-probe', gen_random_uuid())",
          "delete from inbox_event where consumer = 'least-privilege-probe'"));
    }
    assertThat(appendOnly).as("append-only tables").isNotEmpty();
  }

  private static boolean exists(Connection c, String table) throws SQLException {
    return !list(c, "select 1 from pg_class where relnamespace = 'public'::regnamespace and relname = '" + table + "'", 1)
        .isEmpty();
  }

  private void verifyRuntime(Connection c) throws SQLException {
    assertThat(text(c, "select current_user")).isEqualTo(db.user());
    assertThat(text(c, """
            select concat_ws(',', nullif(rolsuper, false)::text, nullif(rolcreatedb, false)::text,
                   nullif(rolcreaterole, false)::text, nullif(rolreplication, false)::text,
                   nullif(rolbypassrls, false)::text)
            from pg_roles where rolname = current_user"""))
        .as("superuser, createdb, createrole, replication or bypassrls").isEmpty();
    assertThat(text(c, "select pg_get_userbyid(datdba) from pg_database where datname = current_database()"))
        .isEqualTo(db.owner());
    assertThat(list(c, """
            select relname from pg_class where relowner = (select oid from pg_roles where rolname = current_user)
            union all select proname from pg_proc where proowner = (select oid from pg_roles where rolname = current_user)
            union all select nspname from pg_namespace where nspowner = (select oid from pg_roles where rolname = current_user)""",
        1)).as("objects the runtime role owns").isEmpty();
    assertThat(text(c, """
            select concat_ws(',',
                   case when has_database_privilege(current_database(), 'CREATE') then 'create database objects' end,
                   case when has_database_privilege(current_database(), 'TEMP') then 'temp' end,
                   case when has_schema_privilege('public', 'CREATE') then 'create in public' end)"""))
        .isEmpty();
    assertThat(list(c, """
            select relname from pg_class
            where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')
              and (has_table_privilege(oid, 'TRUNCATE') or has_table_privilege(oid, 'TRIGGER')
                   or has_table_privilege(oid, 'REFERENCES'))""", 1))
        .as("tables on which the runtime role holds TRUNCATE, TRIGGER or REFERENCES").isEmpty();

    List<String> tables = list(c, """
        select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')""", 1);
    assertThat(tables).as("tables of the database").containsAll(appendOnly.keySet());
    TreeSet<String> unreadable = new TreeSet<>(list(c, """
        select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')
          and not (has_table_privilege(oid, 'SELECT') and has_table_privilege(oid, 'INSERT'))""", 1));
    TreeSet<String> histories = new TreeSet<>(tables.stream().filter(t -> t.startsWith("flyway_")).toList());
    assertThat(histories).as("Flyway histories").isNotEmpty();
    assertThat(unreadable).as("tables the runtime role cannot read or insert into").isEqualTo(histories);
    assertThat(list(c, """
        select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')
          and has_table_privilege(oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
          and relname like 'flyway\\_%'""", 1))
        .as("Flyway histories the runtime role can touch").isEmpty();
    TreeSet<String> notUpdatable = new TreeSet<>(list(c, """
        select relname from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')
          and not (has_table_privilege(oid, 'UPDATE') and has_table_privilege(oid, 'DELETE'))
          and relname not like 'flyway\\_%'""", 1));
    assertThat(notUpdatable).as("tables the runtime role cannot update or delete in")
        .isEqualTo(new TreeSet<>(appendOnly.keySet()));

    for (String sql : ordinaryWrites) {
      assertThat(execute(c, sql)).as("rows changed by %s", sql).isPositive();
    }

    String some = appendOnly.keySet().iterator().next();
    refused(c, "create table least_privilege_probe (id int)");
    refused(c, "create temporary table least_privilege_probe (id int)");
    refused(c, "create function least_privilege_probe() returns int language sql as 'select 1'");
    refused(c, "create schema least_privilege_probe");
    refused(c, "create view least_privilege_probe as select * from " + some);
    refused(c, "set session_replication_role = replica");
    refused(c, "set role " + db.owner());

    for (Map.Entry<String, String> e : appendOnly.entrySet()) {
      String table = e.getKey();
      String column = updatableColumn(c, table);
      long before = count(c, table);
      assertThat(execute(c, e.getValue())).as("rows inserted into %s", table).isEqualTo(1);
      assertThat(count(c, table)).as("rows of %s after the insert", table).isEqualTo(before + 1);
      refusedPermission(c, "update " + table + " set " + column + " = " + column);
      refusedPermission(c, "delete from " + table);
      refusedPermission(c, "truncate " + table);
      refused(c, "alter table " + table + " disable trigger all");
      refused(c, "alter table " + table + " disable trigger user");
      refused(c, "drop table " + table);
      refused(c, "alter table " + table + " add column least_privilege_probe int");
      refused(c, "create index least_privilege_probe on " + table + " (" + column + ")");
      refused(c, "alter table " + table + " owner to " + db.user());
      assertThat(count(c, table)).as("rows of %s after the refused changes", table).isEqualTo(before + 1);
    }

  }

  /** Where an append-only table has triggers, they refuse even its owner an update. */
  private void verifyTriggersStopTheOwner(Connection c) throws SQLException {
    for (String sql : ordinaryWrites) {
      execute(c, sql);
    }
    for (Map.Entry<String, String> e : appendOnly.entrySet()) {
      String table = e.getKey();
      boolean triggers = !list(c, "select tgname from pg_trigger where not tgisinternal and tgrelid = '"
          + table + "'::regclass", 1).isEmpty();
      if (!triggers) {
        continue;
      }
      String column = updatableColumn(c, table);
      execute(c, e.getValue());
      Savepoint sp = c.setSavepoint();
      try {
        execute(c, "update " + table + " set " + column + " = " + column);
        fail("the triggers of %s let its owner update a row", table);
      } catch (SQLException refused) {
        assertThat(refused.getMessage()).as("what stopped the owner").doesNotContain("permission denied");
        c.rollback(sp);
      }
    }
  }

  /** The first column an UPDATE may name (not an identity or generated column). */
  private static String updatableColumn(Connection c, String table) throws SQLException {
    return text(c, "select attname from pg_attribute where attrelid = '" + table + "'::regclass"
        + " and attnum > 0 and not attisdropped and attidentity = '' and attgenerated = '' order by attnum limit 1");
  }

  /** Refused for want of a privilege (42501): "permission denied", "must be owner", … */
  private static void refused(Connection c, String sql) throws SQLException {
    SQLException e = attempt(c, sql);
    assertThat(e.getSQLState()).as("SQLSTATE of %s (%s)", sql, e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE);
  }

  /** Refused by the privilege system itself, before any trigger could run. */
  private static void refusedPermission(Connection c, String sql) throws SQLException {
    SQLException e = attempt(c, sql);
    assertThat(e.getSQLState()).as("SQLSTATE of %s (%s)", sql, e.getMessage()).isEqualTo(INSUFFICIENT_PRIVILEGE);
    assertThat(e.getMessage()).as("why %s failed", sql).contains("permission denied");
  }

  private static SQLException attempt(Connection c, String sql) throws SQLException {
    Savepoint sp = c.setSavepoint();
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      c.rollback(sp);
      return e;
    }
    throw new AssertionError("the runtime role could run: " + sql);
  }

  private static int execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    return Long.parseLong(text(c, "select count(*) from " + table));
  }

  private static String text(Connection c, String sql) throws SQLException {
    List<String> rows = list(c, sql, 1);
    assertThat(rows).as("rows of %s", sql).hasSize(1);
    return rows.getFirst() == null ? "" : rows.getFirst();
  }

  private static List<String> list(Connection c, String sql, int column) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(column));
      }
    }
    return rows;
  }
}
