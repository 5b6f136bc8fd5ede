package org.gongyu.school;

import org.gongyu.testing.LeastPrivilege;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5, ADR 0013: the role school-service connects as reads and writes rows and nothing
 * more; the privacy and indicator trails are append-only for it. Runs on the migrated database of
 * the context it shares ({@code school_records}); every probe is rolled back.
 */
class DatabaseRolesIT extends SchoolRecordsItSupport {

  @Test
  void theServiceRoleCannotChangeTheSchemaNorRewriteATrail() {
    LeastPrivilege.of(RealInfrastructure.database("school_records"))
        .ordinaryWrites(
            """
            insert into school (id, county_id, name, school_type, registry_version, updated_at)
            values ('LP-SCHOOL', 'LP0001', '最小权限学校', 'PRIMARY', 1, now())""",
            "update school set name = '最小权限学校（改）', registry_version = 2 where id = 'LP-SCHOOL'")
        .appendOnly("sensitive_read", """
            insert into sensitive_read (at, school_id, actor, roles, family, filter)
            values (now(), 'LP-SCHOOL', 'least-privilege-probe', 'school-staff', 'SPECIAL_CARE', 'schoolYear=2027-2028')""")
        .appendOnly("indicator_snapshot", """
            insert into indicator_snapshot (school_id, indicator_code, period_id, version, numerator, denominator, as_of)
            values ('LP-SCHOOL', 'LEAST_PRIVILEGE_PROBE', '2027-2028-1', 1, 0, 0, now())""")
        .appendOnly("record_version", """
            insert into record_version (school_id, family, record_id, version, action, reason, actor, at, content)
            values ('LP-SCHOOL', 'PARENT_SCHOOL_SESSION', 'LP-1', 1, 'CREATED', null, 'least-privilege-probe', now(), '{}')""")
        .appendOnly("attachment_read", """
            insert into attachment_read (at, school_id, application_id, actor, roles, org_unit)
            values (now(), 'LP-SCHOOL', '00000000-0000-0000-0000-00000000a77a', 'least-privilege-probe', 'COUNTY_ASSESSOR', 'county:LP0001')""")
        .appendOnly("demonstration_status_step", """
            with p as (
              insert into demonstration_programme (id, county_id, name, target, application_opens_on, application_deadline,
                creation_months, title_validity_years, standard_id, standard_version, rubric, version, updated_at)
              values ('LP-PROGRAMME', 'LP0001', '最小权限项目', 1, date '2027-10-01', date '2027-10-31', 12, 3, 'LP', 1, '{}', 1, now())
              returning id),
            a as (
              insert into demonstration_application (id, school_id, programme_id, county_id, applied_at, baseline, plan, status,
                version, updated_at)
              select '00000000-0000-0000-0000-0000000057e9', 'LP-SCHOOL', p.id, 'LP0001', now(), '[]', '-', 'APPLIED', 1, now() from p
              returning id)
            insert into demonstration_status_step (application_id, version, status, at, received_at)
            select a.id, 1, 'APPLIED', now(), now() from a""")
        .appendOnly("sign_off", """
            with s as (
              insert into school (id, county_id, name, school_type, registry_version, updated_at)
              values ('LP-SIGN-OFF', 'LP0001', '最小权限学校', 'PRIMARY', 1, now()) returning id)
            insert into sign_off (school_id, period_id, version, signed_off_at, signed_off_by)
            select s.id, '2026-2027', 1, now(), 'least-privilege-probe' from s""")
        .appendOnly("sign_off_figure", """
            with s as (
              insert into school (id, county_id, name, school_type, registry_version, updated_at)
              values ('LP-SIGN-OFF-FIGURE', 'LP0001', '最小权限学校', 'PRIMARY', 1, now()) returning id),
            o as (
              insert into sign_off (school_id, period_id, version, signed_off_at, signed_off_by)
              select s.id, '2026-2027', 1, now(), 'least-privilege-probe' from s returning school_id, period_id, version)
            insert into sign_off_figure (school_id, period_id, version, indicator_code, numerator, denominator, snapshot_version)
            select o.school_id, o.period_id, o.version, 'LEAST_PRIVILEGE_PROBE', 0, 0, 1 from o""")
        .appendOnly("sign_off_review", """
            insert into sign_off_review (school_id, period_id, review_version, sign_off_version, county_id, action, comment,
              reviewed_at, received_at, applied)
            values ('LP-SCHOOL', '2026-2027', 1, 1, 'LP0001', 'APPROVED', null, now(), now(), true)""")
        .appendOnly("retention_purge", """
            insert into retention_purge (ran_at, special_students, consultations, home_visit_files)
            values (now(), 0, 0, 0)""")
        .verify();
  }
}
