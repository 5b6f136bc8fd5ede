package org.gongyu.chassis.audit;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Appends to the service's {@code audit_log} table; rows are never changed (the table refuses it). */
public class AuditLog {

  /** One audit record. */
  public record Entry(
      Instant at,
      String actor,
      String username,
      String roles,
      String orgUnit,
      String action,
      String target,
      Outcome outcome,
      int status,
      String reason) {}

  /** What became of the request. */
  public enum Outcome {
    /** done (2xx/3xx) */
    SUCCEEDED,
    /** refused as invalid input or an illegal state change (4xx other than the denials) */
    REJECTED,
    /** refused for who the caller is: no or bad token, wrong role, not their org unit */
    DENIED,
    /** the service failed (5xx) */
    FAILED
  }

  private final JdbcClient jdbc;

  public AuditLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void append(Entry e) {
    jdbc.sql("""
            insert into audit_log (at, actor, username, roles, org_unit, action, target, outcome, status, reason)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(java.sql.Timestamp.from(e.at()), e.actor(), e.username(), e.roles(), e.orgUnit(), e.action(),
            e.target(), e.outcome().name(), e.status(), e.reason())
        .update();
  }

  /** The newest {@code limit} entries, newest first (for tests and operators reading the table). */
  public List<Entry> latest(int limit) {
    return jdbc.sql("""
            select at, actor, username, roles, org_unit, action, target, outcome, status, reason
            from audit_log order by id desc limit ?""")
        .param(limit)
        .query((rs, n) -> new Entry(
            rs.getTimestamp("at").toInstant(),
            rs.getString("actor"),
            rs.getString("username"),
            rs.getString("roles"),
            rs.getString("org_unit"),
            rs.getString("action"),
            rs.getString("target"),
            Outcome.valueOf(rs.getString("outcome")),
            rs.getInt("status"),
            rs.getString("reason")))
        .list();
  }
}
