package org.gongyu.tools;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The planner statistics of the platform's databases, kept as autovacuum keeps them where the
 * PostgreSQL a benchmark or the demo load runs against has autovacuum off (this machine's CI
 * configuration, ADR 0040).
 *
 * <p>Without autovacuum no table of the platform is ever analysed. A pooled connection then plans
 * each prepared statement generically after its fifth run, from the size its tables had at that
 * moment, and keeps that plan for its life (30 minutes): a service whose tables were empty when it
 * started looks rows up by scanning all of a school's rows once its tables have grown. An {@code
 * ANALYZE} records the tables' statistics and makes every connection plan its statements again, as
 * autovacuum's analyze does on any PostgreSQL with its default settings.
 *
 * @param databases the platform's databases (one per service)
 */
record PlannerStatistics(String pgHost, int pgPort, String pgUser, List<String> databases) {

  /** The services' databases ({@link Footprint#DATABASES}) on the server and with the prefix {@code source} names. */
  static PlannerStatistics of(Footprint.Source source) {
    return new PlannerStatistics(source.pgHost(), source.pgPort(), source.pgUser(),
        Footprint.DATABASES.stream().map(svc -> source.dbPrefix() + svc).toList());
  }

  /**
   * Analyses every database of the platform if autovacuum is off and says so; with autovacuum on it
   * does nothing, as that keeps the statistics.
   *
   * @return whether it analysed
   */
  boolean refreshIfNoAutovacuum(PrintStream out) throws SQLException {
    try (Connection c = connect("postgres"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show autovacuum")) {
      rs.next();
      if (!"off".equals(rs.getString(1))) {
        return false;
      }
    }
    long started = System.nanoTime();
    for (String db : databases) {
      analyse(db);
    }
    out.printf("this PostgreSQL runs with autovacuum off: analysed %s in %.1f s, as autovacuum would (ADR 0040)%n",
        String.join(", ", databases), (System.nanoTime() - started) / 1e9);
    return true;
  }

  /** {@code ANALYZE} of every table in the database. */
  void analyse(String db) throws SQLException {
    try (Connection c = connect(db); Statement s = c.createStatement()) {
      s.execute("analyze");
    }
  }

  /** A connection to one database of the server, as the configured user. */
  Connection connect(String db) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", pgUser);
    return DriverManager.getConnection("jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + db, props);
  }
}
