package org.gongyu.school.privacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * While this service runs it holds a shared PostgreSQL advisory lock on its database, on a
 * connection of its own (ADR 0014). The key rotation takes the same lock exclusively, so it cannot
 * start while any instance runs (it would re-key the pseudonyms under an instance that still derives
 * them with the old chain), and an instance starting during a rotation waits for it to finish
 * before it reads which keys apply. Not in the rotation's own command mode.
 */
@Component
@ConditionalOnProperty(name = KeyRotationCommand.MODE, havingValue = "false", matchIfMissing = true)
class RunningServiceLock implements DisposableBean {

  /** The advisory lock's key: "gongyuKR" as a number. */
  static final long KEY = 0x676F6E6779754B52L;
  private static final Log LOG = LogFactory.getLog(RunningServiceLock.class);

  private final Connection connection;

  RunningServiceLock(Environment env) throws SQLException {
    connection = DriverManager.getConnection(env.getRequiredProperty("spring.datasource.url"),
        env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"));
    try (Statement s = connection.createStatement()) {
      if (!bool(s, "select pg_try_advisory_lock_shared(" + KEY + ")")) {
        LOG.warn("a key rotation is running on this database: waiting for it to finish before starting");
        s.execute("select pg_advisory_lock_shared(" + KEY + ")");
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  private static boolean bool(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getBoolean(1);
    }
  }

  /** Whether the lock is held (it is, from construction until the context closes). */
  boolean held() {
    return true;
  }

  @Override
  public void destroy() throws SQLException {
    connection.close();
  }
}
