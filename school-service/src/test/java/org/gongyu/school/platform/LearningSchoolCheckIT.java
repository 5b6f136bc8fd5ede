package org.gongyu.school.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import javax.sql.DataSource;
import org.gongyu.school.SchoolRecordsItSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 16, ADR 0038: platform_learning's reference to its school is checked once per statement
 * (V37) instead of by a per-row foreign key, and still by the database: an activity naming a school
 * that is not registered is refused with the foreign key's SQLSTATE and takes the statement's other
 * rows with it; a school that activities name can be neither deleted nor re-keyed, not even by a
 * transaction that started while an insert naming it was still open. Run as the service's own role,
 * each probe on its own connection and rolled back or cleaned up; own school ids (LS-…).
 */
class LearningSchoolCheckIT extends SchoolRecordsItSupport {

  static final String FOREIGN_KEY_VIOLATION = "23503";
  static final String LOCK_NOT_AVAILABLE = "55P03";

  @Autowired DataSource dataSource;

  static String school(String id) {
    return "insert into school (id, county_id, name, school_type, registry_version, updated_at)"
        + " values ('%s', 'LS0001', '学习记录学校', 'PRIMARY', 1, now())".formatted(id);
  }

  static String activity(String schoolId, String externalId) {
    return "('%s', '%s', repeat('a', 64), 'R-1', now(), 30, now())".formatted(schoolId, externalId);
  }

  static String insert(String... rows) {
    return "insert into platform_learning (school_id, external_id, guardian_key, resource_id, occurred_at, minutes, received_at)"
        + " values " + String.join(", ", rows);
  }

  static long count(Statement st, String sql) throws SQLException {
    try (var rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Runs {@code sql} to a savepoint and expects it refused with {@code sqlState}; the transaction goes on. */
  static void refused(Connection c, Statement st, String sql, String sqlState, String mention) throws SQLException {
    Savepoint before = c.setSavepoint();
    assertThatThrownBy(() -> st.execute(sql))
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql).isEqualTo(sqlState))
        .hasMessageContaining(mention);
    c.rollback(before);
  }

  @Test
  void anActivityOfAnUnregisteredSchoolIsRefusedWithTheRestOfItsStatement() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        st.execute(school("LS-1"));
        refused(c, st, insert(activity("LS-1", "A-1"), activity("LS-UNKNOWN", "A-2")), FOREIGN_KEY_VIOLATION, "LS-UNKNOWN");
        assertThat(count(st, "select count(*) from platform_learning where school_id in ('LS-1', 'LS-UNKNOWN')"))
            .as("no row of the refused statement is stored").isZero();

        st.execute(insert(activity("LS-1", "A-1"), activity("LS-1", "A-2")));
        refused(c, st, "update platform_learning set school_id = 'LS-ELSEWHERE' where school_id = 'LS-1' and external_id = 'A-2'",
            FOREIGN_KEY_VIOLATION, "LS-ELSEWHERE");
        assertThat(count(st, "select count(*) from platform_learning where school_id = 'LS-1'")).isEqualTo(2);
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void aSchoolThatActivitiesNameCanBeNeitherDeletedNorReKeyed() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        st.execute(school("LS-2"));
        st.execute(school("LS-3"));
        st.execute(insert(activity("LS-2", "A-1")));
        refused(c, st, "delete from school where id in ('LS-2', 'LS-3')", FOREIGN_KEY_VIOLATION, "LS-2");
        refused(c, st, "update school set id = 'LS-2B' where id = 'LS-2'", FOREIGN_KEY_VIOLATION, "LS-2");
        // a school no activity names goes as before, and the one that is named stays
        st.execute("update school set id = 'LS-3B' where id = 'LS-3'");
        st.execute("delete from school where id = 'LS-3B'");
        assertThat(count(st, "select count(*) from school where id like 'LS-%'")).isEqualTo(1);
      } finally {
        c.rollback();
      }
    }
  }

  @Test
  void anOpenInsertHoldsItsSchoolAgainstADeleteAsTheForeignKeyDid() throws SQLException {
    try (Connection setup = dataSource.getConnection(); Statement st = setup.createStatement()) {
      st.execute(school("LS-4"));
    }
    try (Connection inserting = dataSource.getConnection(); Connection deleting = dataSource.getConnection();
        Statement ins = inserting.createStatement(); Statement del = deleting.createStatement()) {
      inserting.setAutoCommit(false);
      deleting.setAutoCommit(false);
      ins.execute(insert(activity("LS-4", "A-1")));
      // the insert is not committed, so the delete's own check could not see it: only the school's lock stops it
      del.execute("set local lock_timeout = '300ms'");
      refused(deleting, del, "delete from school where id = 'LS-4'", LOCK_NOT_AVAILABLE, "lock");
      inserting.rollback();
      assertThat(del.executeUpdate("delete from school where id = 'LS-4'")).as("once the insert is gone").isEqualTo(1);
      deleting.commit();
    }
  }
}
