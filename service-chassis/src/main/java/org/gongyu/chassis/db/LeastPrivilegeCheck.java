package org.gongyu.chassis.db;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Says so, loudly, when the service connects as more than its runtime role (ADR 0013): a
 * deployment that points {@code spring.datasource} at the database owner, or at a role that may
 * create objects, runs without the least privilege the append-only trails rely on — the service's
 * own migrations then skip nothing, but whoever holds that connection can change the schema and
 * switch the audit triggers off. Checked once when the service is ready; a warning, not a refusal,
 * so that a one-role development database still starts.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnBean(DataSource.class)
public class LeastPrivilegeCheck {

  private static final Logger log = LoggerFactory.getLogger(LeastPrivilegeCheck.class);

  private final DataSource dataSource;

  public LeastPrivilegeCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onReady() {
    try {
      List<String> findings = findings(new JdbcTemplate(dataSource));
      if (!findings.isEmpty()) {
        log.warn("the service's database connection has more than row privileges (least privilege, ADR 0013, is not in force): {}."
            + " Connect as the runtime role (deploy/local/db.sh creates <db> and <db>_owner) and migrate as the owner"
            + " (spring.flyway.user).", String.join("; ", findings));
      }
    } catch (RuntimeException e) {
      log.warn("could not check the database role's privileges: {}", e.getMessage());
    }
  }

  /** What the connection's role may do beyond reading and writing rows; empty when nothing. */
  public static List<String> findings(JdbcTemplate jdbc) {
    List<String> findings = new ArrayList<>();
    String role = jdbc.queryForObject("select current_user", String.class);
    if (Boolean.TRUE.equals(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))) {
      findings.add(role + " is a superuser");
    }
    Integer owned = jdbc.queryForObject("""
        select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
          and c.relkind in ('r', 'p') and pg_has_role(current_user, c.relowner, 'USAGE')""", Integer.class);
    if (owned != null && owned > 0) {
      findings.add(role + " owns (or may act as the owner of) " + owned + " table(s)");
    }
    if (Boolean.TRUE.equals(jdbc.queryForObject("select has_schema_privilege('public', 'CREATE')", Boolean.class))) {
      findings.add(role + " may create objects in schema public");
    }
    if (Boolean.TRUE.equals(jdbc.queryForObject("select has_database_privilege(current_database(), 'CREATE')", Boolean.class))) {
      findings.add(role + " may create schemas in the database");
    }
    return findings;
  }
}
