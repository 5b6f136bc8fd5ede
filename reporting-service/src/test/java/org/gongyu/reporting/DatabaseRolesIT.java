package org.gongyu.reporting;

import org.gongyu.testing.LeastPrivilege;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5, ADR 0013: the role reporting-service connects as reads and writes rows and
 * nothing more; the snapshot versions it received are append-only for it. Runs on the migrated
 * database of the module's context; every probe is rolled back.
 */
class DatabaseRolesIT extends ReportingITSupport {

  @Test
  void theServiceRoleCannotChangeTheSchemaNorRewriteReceivedVersions() {
    LeastPrivilege.of(RealInfrastructure.database("reporting"))
        .ordinaryWrites(
            "insert into county (county_id, city_id, name, version) values ('LP0001', '990100', '最小权限县', 1)",
            "update county set name = '最小权限县（改）', version = 2 where county_id = 'LP0001'",
            "delete from county where county_id = 'LP0001'")
        .appendOnly("school_snapshot_version", """
            insert into school_snapshot_version (indicator_code, period_id, school_id, version, as_of)
            values ('LEAST_PRIVILEGE_PROBE', '2027-2028-1', 'LP-SCHOOL', 1, now())""")
        .verify();
  }
}
