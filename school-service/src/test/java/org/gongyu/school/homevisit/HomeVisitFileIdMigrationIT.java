package org.gongyu.school.homevisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V12 on a database with home-visit files recorded before it (real PostgreSQL, the service's own
 * migrations, no application): every file gets an id of its own, random and unrelated to the
 * student; the table of withdrawn files is one the key rotation finds in the catalogue (school_id
 * and student_key, as {@code PseudonymLookup} and {@code KeyRotation} look them up).
 */
class HomeVisitFileIdMigrationIT {

  @Test
  void filesRecordedBeforeV12GetDistinctOpaqueIdsAndTheWithdrawnFilesTableIsOneTheRotationRekeys() {
    RealInfrastructure.Database db = RealInfrastructure.database("school_hvf_v12");
    Flyway.configure().dataSource(db.url(), db.owner(), db.ownerPassword()).placeholders(Map.of("runtime_role", db.user()))
        .locations("classpath:db/migration").target("11").load().migrate();
    JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(db.url(), db.owner(), db.ownerPassword()));
    owner.sql("""
            insert into school (id, county_id, name, school_type, registry_version, updated_at)
            values ('9901018699', '990101', '迁移测试学校', 'PRIMARY', 1, now())""").update();
    owner.sql("""
            insert into school_class (school_id, class_id, school_year, grade, name, enrolment, updated_at)
            values ('9901018699', 'C1', '2026-2027', 3, '三年级1班', 40, now())""").update();
    for (String key : List.of("a".repeat(64), "b".repeat(64), "c".repeat(64))) {
      owner.sql("""
              insert into home_visit_file (school_id, student_key, class_id, opened_on, received_at)
              values ('9901018699', ?, 'C1', date '2026-10-01', now())""").param(key).update();
    }

    Flyway.configure().dataSource(db.url(), db.owner(), db.ownerPassword()).placeholders(Map.of("runtime_role", db.user()))
        .locations("classpath:db/migration").target("12").load().migrate();

    List<String> ids = owner.sql("select file_id from home_visit_file where school_id = '9901018699' order by student_key")
        .query(String.class).list();
    assertThat(ids).hasSize(3).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).matches("hvf-[0-9a-f]{32}"));
    // unrelated to the student: no id carries a run of its key (16 hex digits: a random id holds one
    // by chance with odds of about 1 in 10^18; a 4-digit run, the old check, came up in CI)
    for (String key : List.of("a", "b", "c")) {
      assertThat(ids).noneSatisfy(id -> assertThat(id).contains(key.repeat(16)));
    }
    // a row written without an id gets one too
    owner.sql("""
            insert into home_visit_file (school_id, student_key, class_id, opened_on, received_at)
            values ('9901018699', ?, 'C1', date '2026-10-02', now())""").param("d".repeat(64)).update();
    assertThat(owner.sql("select file_id from home_visit_file where student_key = ?").param("d".repeat(64)).query(String.class).single())
        .matches("hvf-[0-9a-f]{32}").isNotIn(ids);
    // the catalogue query of the key rotation and the pseudonym lookup
    assertThat(owner.sql("""
            select k.table_name from information_schema.columns k
            join information_schema.columns s on s.table_schema = k.table_schema and s.table_name = k.table_name
              and s.column_name = 'school_id'
            where k.table_schema = current_schema() and k.column_name = 'student_key'""").query(String.class).list())
        .contains("home_visit_file", "home_visit_file_withdrawn");
    // the service's role may write and delete the withdrawn files' rows (the purge deletes them)
    JdbcClient runtime = JdbcClient.create(new DriverManagerDataSource(db.url(), db.user(), db.password()));
    runtime.sql("""
            insert into home_visit_file_withdrawn (school_id, file_id, student_key, opened_on, withdrawn_at)
            values ('9901018699', 'hvf-x', ?, date '2026-10-01', now())""").param("e".repeat(64)).update();
    assertThat(runtime.sql("delete from home_visit_file_withdrawn where school_id = '9901018699'").update()).isEqualTo(1);
  }
}
