package org.gongyu.tools;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the platform's PostgreSQL had done at one moment, from its cumulative statistics: block
 * reads served from its shared buffers ({@code blks_hit}) and from outside them ({@code
 * blks_read}) in the platform's databases, the server's WAL position, and the databases' size
 * against the server's {@code shared_buffers}. Two readings around a benchmark's timed part say
 * how much of its reading went outside PostgreSQL's cache and how much WAL a batch cost, so that a
 * run on a database that has outgrown the cache shows it (stop 32: within 0.2-2 GB on 128 MB, the
 * services' JIT weighed more than the misses; the WAL grows after each checkpoint). It also counts
 * the checkpoints between the readings, and those requested before {@code checkpoint_timeout}
 * (mostly by the WAL passing {@code max_wal_size}): after each one, the first change to a page
 * writes the whole page to the WAL, and random-key B-trees change pages anywhere (stop 34: 39 MB of
 * WAL per batch of 5,000 with 1 GB, 16 MB with 8 GB).
 */
record PostgresActivity(long blocksHit, long blocksRead, long walBytes, long databaseBytes, long sharedBuffersBytes,
    long checkpoints, long requestedCheckpoints, long maxWalBytes) {

  static final String HIT = "bench.pg.hit";
  static final String WAL_KB = "bench.pg.wal.kb";

  /** A reading of the databases {@code pg} names, on its server. */
  static PostgresActivity read(PlannerStatistics pg) throws SQLException {
    try (Connection c = pg.connect("postgres");
        PreparedStatement s = c.prepareStatement("""
            select coalesce(sum(d.blks_hit), 0), coalesce(sum(d.blks_read), 0),
                   pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint,
                   coalesce(sum(pg_database_size(d.datid)), 0), pg_size_bytes(current_setting('shared_buffers'))
            from pg_stat_database d where d.datname = any(?)""")) {
      Array names = c.createArrayOf("text", pg.databases().toArray());
      s.setArray(1, names);
      long[] checkpoints = checkpoints(c);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new PostgresActivity(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), checkpoints[0],
            checkpoints[1], checkpoints[2]);
      }
    }
  }

  /** Checkpoints so far (timed and requested), requested ones, and {@code max_wal_size} in bytes. */
  private static long[] checkpoints(Connection c) throws SQLException {
    // PostgreSQL 17 moved the counters from pg_stat_bgwriter to pg_stat_checkpointer
    String counts = c.getMetaData().getDatabaseMajorVersion() >= 17
        ? "num_timed + num_requested, num_requested from pg_stat_checkpointer"
        : "checkpoints_timed + checkpoints_req, checkpoints_req from pg_stat_bgwriter";
    try (PreparedStatement s = c.prepareStatement("select pg_size_bytes(current_setting('max_wal_size')), " + counts);
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(1)};
    }
  }

  /** The share of block reads served from shared buffers between two readings, in percent (NaN: none). */
  static double hitPercent(PostgresActivity before, PostgresActivity after) {
    long hit = after.blocksHit - before.blocksHit;
    long read = after.blocksRead - before.blocksRead;
    return hit + read == 0 ? Double.NaN : 100.0 * hit / (hit + read);
  }

  /** WAL the server wrote between two readings, in KB per batch. */
  static double walKbPerBatch(PostgresActivity before, PostgresActivity after, int batches) {
    return batches == 0 ? Double.NaN : (after.walBytes - before.walBytes) / 1024.0 / batches;
  }

  /**
   * One line for a person: the cache's share, what went outside it, the WAL per batch and the
   * checkpoints behind it, and the sizes behind them.
   */
  static String describe(PostgresActivity before, PostgresActivity after, int batches) {
    long read = after.blocksRead - before.blocksRead;
    return String.format("PostgreSQL during the timed part: %.1f %% of block reads from shared buffers (%,.0f per batch from outside"
            + " them), %,.0f KB of WAL per batch, %d checkpoints (%d requested: the WAL passed max_wal_size, %,d MB,"
            + " or one was asked for); the platform's databases hold %,d MB against %,d MB of shared_buffers",
        hitPercent(before, after), batches == 0 ? Double.NaN : (double) read / batches, walKbPerBatch(before, after, batches),
        after.checkpoints - before.checkpoints, after.requestedCheckpoints - before.requestedCheckpoints, after.maxWalBytes >> 20,
        after.databaseBytes >> 20, after.sharedBuffersBytes >> 20);
  }
}
