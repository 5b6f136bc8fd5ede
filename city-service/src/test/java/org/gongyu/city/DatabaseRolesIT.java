package org.gongyu.city;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongyu.testing.LeastPrivilege;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5, ADR 0013: the role city-service connects as reads and writes rows and nothing
 * more; the issued versions of a demonstration standard are append-only for it, but for the one
 * column the publisher sets. Runs on the migrated database of the context it shares ({@code
 * city_api}); every probe is rolled back.
 */
class DatabaseRolesIT extends CityApiItSupport {

  @Test
  void theServiceRoleCannotChangeTheSchemaNorRewriteAnIssuedStandard() {
    LeastPrivilege.of(RealInfrastructure.database("city_api"))
        .ordinaryWrites(
            "insert into county (id, city_id, name, version, updated_at) values ('LP0001', '990100', '最小权限县', 1, now())",
            "update county set name = '最小权限县（改）', version = 2 where id = 'LP0001'",
            "insert into demonstration_standard (id, version, published_version) values ('LP-STD', 1, 0)",
            "update demonstration_standard set published_version = 1 where id = 'LP-STD'",
            "insert into assessment_scheme (owner_id, id, version) values ('990100', 'LP-SCHEME', 1)")
        .appendOnly("assessment_scheme_version", """
            insert into assessment_scheme_version (owner_id, scheme_id, version, title_zh, title_en, total_points, scheme,
              issued_at, issued_by)
            values ('990100', 'LP-SCHEME', 1, '最小权限方案', 'least-privilege scheme', 10, '{}', now(), 'least-privilege-probe')""")
        .appendOnly("assessment_adjustment", """
            insert into assessment_adjustment (owner_id, scheme_id, scheme_version, period_id, unit_id, points, reason, added_at,
              added_by)
            values ('990100', 'LP-SCHEME', 1, '2026-2027', 'LP-UNIT', -2, '最小权限探测', now(), 'least-privilege-probe')""")
        .appendOnly("assessment_run", """
            insert into assessment_run (owner_id, scheme_id, scheme_version, period_id, computed_at, computed_by, units, results)
            values ('990100', 'LP-SCHEME', 1, '2026-2027', now(), 'least-privilege-probe', 0, '{}')""")
        .appendOnly("demonstration_standard_version", """
            insert into demonstration_standard_version (standard_id, version, title_zh, title_en, pass_mark, created_at, created_by)
            values ('LP-STD', 1, '最小权限标准', 'least-privilege standard', 80, now(), 'least-privilege-probe')""")
        .appendOnly("demonstration_standard_area", """
            insert into demonstration_standard_area (standard_id, version, code, position, name_zh, name_en)
            values ('LP-STD', 1, 'A', 1, '任务', 'area')""")
        .appendOnly("demonstration_standard_criterion", """
            insert into demonstration_standard_criterion (standard_id, version, area_code, code, position, name_zh,
              name_en, points, evidence_required)
            values ('LP-STD', 1, 'A', 'A1', 1, '要点', 'criterion', 10, '材料')""")
        .appendOnly("county_submission_trail", """
            insert into county_submission_trail (county_id, period_id, at, actor, action, submission_version)
            values ('LP0001', '2025-2026-1', now(), 'least-privilege-probe', 'PROBE', 1)""")
        .appendOnly("lecturer_trail", """
            insert into lecturer_trail (lecturer_id, at, actor, action, version)
            values ('LP-LECTURER', now(), 'least-privilege-probe', 'PROBE', 1)""")
        .verify();
  }

  @Test
  void theServiceRoleMaySetOnlyTheTimeAVersionWasPublished() {
    assertThat(jdbc.sql("""
            select has_column_privilege('demonstration_standard_version', 'published_at', 'UPDATE'),
                   has_column_privilege('demonstration_standard_version', 'title_zh', 'UPDATE')""")
        .query((rs, n) -> rs.getBoolean(1) + "," + rs.getBoolean(2)).single())
        .isEqualTo("true,false");
  }
}
