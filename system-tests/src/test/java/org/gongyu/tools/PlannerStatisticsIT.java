package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the benchmark's {@link PlannerStatistics} is for (ADR 0040), on the local PostgreSQL: a
 * connection that planned a lookup while its table was empty keeps scanning the whole school once
 * the table has grown, until an ANALYZE makes it plan again.
 */
class PlannerStatisticsIT {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String DB = "gongyu_planner_it_" + Long.toString(System.nanoTime(), 36);

  @BeforeAll
  static void createDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("create database " + DB);
    }
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("drop database if exists " + DB + " with (force)");
    }
  }

  @Test
  void aLookupPlannedWhileItsTableWasEmptyScansTheSchoolUntilTheTableIsAnalysed() throws SQLException {
    PlannerStatistics statistics = new PlannerStatistics("127.0.0.1", 5432, "postgres", List.of(DB));
    try (Connection c = DriverManager.getConnection(SERVER + DB, "postgres", ""); Statement s = c.createStatement()) {
      // platform_registration's key and class index (school-service V1, V18)
      s.execute("""
          create table registration (school_id varchar(40) not null, external_id varchar(100) not null,
            class_id varchar(40) not null, student_key char(64) not null, primary key (school_id, external_id))""");
      s.execute("create index registration_class on registration (school_id, class_id, student_key)");
      s.execute("prepare stored(varchar, varchar[]) as select external_id from registration where school_id = $1 and external_id = any($2)");
      for (int i = 0; i < 6; i++) {
        s.execute("execute stored('S1', '{a,b}')");
      }
      s.execute("""
          insert into registration select 'S' || (g % 4), 'r-' || g, 'C' || (g % 40), md5(g::text) || md5(g::text)
          from generate_series(1, 40000) g""");
      String before = plan(s);
      assertThat(before).as("the plan chosen on the empty table: every row of the school, filtered")
          .contains("Rows Removed by Filter: 99");

      boolean analysed = statistics.refreshIfNoAutovacuum(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      assertThat(analysed).as("it analyses exactly where autovacuum is off").isEqualTo("off".equals(setting(s, "autovacuum")));
      if (!analysed) {
        statistics.analyse(DB);
      }

      assertThat(reltuples(s)).isEqualTo(40000);
      String after = plan(s);
      assertThat(after).as("planned again after ANALYZE: each id looked up in the primary key")
          .contains("registration_pkey").doesNotContain("Rows Removed by Filter");
      assertThat(buffers(after)).isLessThan(buffers(before) / 10);
    }
  }

  @Test
  void refreshSaysWhatItAnalysedWhereAutovacuumIsOff() throws SQLException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean analysed = new PlannerStatistics("127.0.0.1", 5432, "postgres", List.of(DB))
        .refreshIfNoAutovacuum(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    if (analysed) {
      assertThat(printed).contains("autovacuum off").contains("analysed " + DB);
    } else {
      assertThat(printed).isEmpty();
    }
  }

  private static String plan(Statement s) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rs = s.executeQuery("explain (analyze, buffers, costs off) execute stored('S1', '{r-1,r-5,r-9,r-x}')")) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }

  /** The shared buffers the plan's top node read (hit or read). */
  private static long buffers(String plan) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?").matcher(plan);
    assertThat(m.find()).as(plan).isTrue();
    return Long.parseLong(m.group(1)) + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
  }

  private static long reltuples(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("select reltuples::bigint from pg_class where relname = 'registration'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String setting(Statement s, String name) throws SQLException {
    try (ResultSet rs = s.executeQuery("show " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void twoReadingsOfTheServersActivityCountTheWalOfTheWritesBetweenThem() throws SQLException {
    PlannerStatistics pg = new PlannerStatistics("127.0.0.1", 5432, "postgres", List.of(DB));
    try (Connection c = DriverManager.getConnection(SERVER + DB, "postgres", ""); Statement s = c.createStatement()) {
      s.execute("create table activity (id bigint primary key, note char(64) not null)");
      PostgresActivity before = PostgresActivity.read(pg);
      s.execute("insert into activity select g, md5(g::text) || md5(g::text) from generate_series(1, 20000) g");
      s.execute("checkpoint"); // asked for: counted among the requested ones, not the WAL-forced ones alone
      PostgresActivity after = PostgresActivity.read(pg);
      // 20,000 rows of about 100 bytes, and their primary key: at least 2 MB of WAL
      assertThat(PostgresActivity.walKbPerBatch(before, after, 1)).isGreaterThan(2_000);
      assertThat(after.blocksHit() + after.blocksRead()).isGreaterThanOrEqualTo(before.blocksHit() + before.blocksRead());
      assertThat(after.databaseBytes()).as("the database with its table").isGreaterThan(2L << 20);
      assertThat(after.sharedBuffersBytes()).isPositive();
      assertThat(after.checkpoints() - before.checkpoints()).as("the checkpoint between the readings").isGreaterThanOrEqualTo(1);
      assertThat(after.maxWalBytes()).as("max_wal_size").isGreaterThanOrEqualTo(32L << 20);
      assertThat(PostgresActivity.describe(before, after, 1)).contains("KB of WAL per batch", "MB of shared_buffers", "checkpoints (");
    }
  }
}
