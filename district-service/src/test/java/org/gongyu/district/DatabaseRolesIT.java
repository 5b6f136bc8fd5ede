package org.gongyu.district;

import org.gongyu.testing.LeastPrivilege;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5, ADR 0013: the role district-service connects as reads and writes rows and nothing
 * more; the demonstration trail is append-only for it. Runs on the migrated database of the
 * module's context; every probe is rolled back.
 */
class DatabaseRolesIT extends DistrictITSupport {

  @Test
  void theServiceRoleCannotChangeTheSchemaNorRewriteTheTrail() {
    LeastPrivilege.of(RealInfrastructure.database("district"))
        .ordinaryWrites(
            "insert into county (id, city_id, name, version) values ('LP0001', '990100', '最小权限县', 1)",
            "update county set name = '最小权限县（改）', version = 2 where id = 'LP0001'",
            "insert into demonstration_standard (standard_id, version, published_at, rubric) values ('LP-STD', 1, now(), '{}')",
            """
            insert into demonstration_programme (id, county_id, name, target, starts_on, ends_on, application_opens_on,
              application_deadline, creation_months, title_validity_years, consensus_margin, standard_id,
              standard_version, version, updated_at)
            values ('LP-PROGRAMME', 'LP0001', '最小权限项目', 1, date '2027-01-01', date '2028-12-31', date '2027-01-01',
              date '2027-03-01', 12, 3, 5, 'LP-STD', 1, 1, now())""",
            """
            insert into demonstration_application (id, programme_id, county_id, school_id, xuequ_key, status, version,
              applied_at, plan, updated_at)
            values ('00000000-0000-0000-0000-00000000a11d', 'LP-PROGRAMME', 'LP0001', 'LP-SCHOOL', '', 'APPLIED', 1,
              now(), '计划', now())""",
            "update demonstration_application set version = 2 where id = '00000000-0000-0000-0000-00000000a11d'",
            "insert into assessment_scheme (owner_id, id, version) values ('LP0001', 'LP-SCHEME', 1)")
        .appendOnly("assessment_scheme_version", """
            insert into assessment_scheme_version (owner_id, scheme_id, version, title_zh, title_en, total_points, scheme,
              issued_at, issued_by)
            values ('LP0001', 'LP-SCHEME', 1, '最小权限方案', 'least-privilege scheme', 10, '{}', now(), 'least-privilege-probe')""")
        .appendOnly("assessment_adjustment", """
            insert into assessment_adjustment (owner_id, scheme_id, scheme_version, period_id, unit_id, points, reason, added_at,
              added_by)
            values ('LP0001', 'LP-SCHEME', 1, '2026-2027', 'LP-UNIT', -2, '最小权限探测', now(), 'least-privilege-probe')""")
        .appendOnly("assessment_run", """
            insert into assessment_run (owner_id, scheme_id, scheme_version, period_id, computed_at, computed_by, units, results)
            values ('LP0001', 'LP-SCHEME', 1, '2026-2027', now(), 'least-privilege-probe', 0, '{}')""")
        .appendOnly("demonstration_trail", """
            insert into demonstration_trail (application_id, at, actor, action)
            values ('00000000-0000-0000-0000-00000000a11d', now(), 'least-privilege-probe', 'PROBE')""")
        .appendOnly("approval_trail", """
            insert into approval_trail (county_id, period_id, school_id, at, actor, action, version)
            values ('LP0001', '2025-2026-1', 'LP-SCHOOL', now(), 'least-privilege-probe', 'PROBE', 1)""")
        .verify();
  }
}
