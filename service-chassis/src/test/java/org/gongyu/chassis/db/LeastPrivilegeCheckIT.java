package org.gongyu.chassis.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongyu.testing.RealInfrastructure;
import org.gongyu.testing.RealInfrastructure.Database;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The start-up check against a real PostgreSQL database with the two roles of ADR 0013: the
 * runtime role has nothing to report; the owner (a deployment that connects the service as the
 * owner) is named with what it may do.
 */
class LeastPrivilegeCheckIT {

  private static final Database DB = RealInfrastructure.database("chassis_privilege_check");

  @Test
  void theRuntimeRoleHasNothingBeyondRowsAndTheOwnerIsReported() {
    // a table owned by the owner, as the migrations leave it
    JdbcTemplate owner = jdbc(DB.owner(), DB.ownerPassword());
    owner.execute("create table if not exists privilege_probe (id int primary key)");

    assertThat(LeastPrivilegeCheck.findings(jdbc(DB.user(), DB.password()))).isEmpty();

    assertThat(LeastPrivilegeCheck.findings(owner))
        .anySatisfy(f -> assertThat(f).contains(DB.owner()).contains("owns").contains("1 table(s)"))
        .anySatisfy(f -> assertThat(f).contains("may create objects in schema public"))
        .anySatisfy(f -> assertThat(f).contains("may create schemas in the database"));
  }

  private static JdbcTemplate jdbc(String user, String password) {
    return new JdbcTemplate(new SingleConnectionDataSource(DB.url(), user, password, true));
  }
}
