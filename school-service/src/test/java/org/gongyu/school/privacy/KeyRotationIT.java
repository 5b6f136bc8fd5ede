package org.gongyu.school.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.school.SchoolServiceApplication;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.RealInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12 item 4, ADR 0014: the key rotation as an operator runs it, against a real PostgreSQL.
 * The service runs under pseudonym key 1 and field key 1 and records a student's platform
 * registration, home-visit file, guardian consents, special-care entry and consultation case with
 * notes; it is stopped; {@code rotate-keys} re-keys to pseudonym key 2 and field key 2 and retires
 * field key 1; the service starts again with the keys the operator keeps. Each service start and
 * the command are separate Spring Boot runs on the same database, as in a deployment.
 */
class KeyRotationIT {

  static final String K1 = "rotation-it-pseudonym-key-one";
  static final String K2 = "rotation-it-pseudonym-key-two";
  static final String F1 = "rotation-it-field-key-one-xxx";
  static final String F2 = "rotation-it-field-key-two-yyy";
  static final String SCHOOL = "9901017701";
  static final String BASE = "/api/school/schools/" + SCHOOL;
  static final String PERIOD = "2026-2027-1";

  final Map<String, String> infra = new LinkedHashMap<>();
  final RealInfrastructure.Database db;
  final JdbcClient jdbc;

  KeyRotationIT() {
    RealInfrastructure.register((name, value) -> infra.put(name, String.valueOf(value.get())), "school_rotation");
    Keycloak.register((name, value) -> infra.put(name, String.valueOf(value.get())));
    db = RealInfrastructure.database("school_rotation");
    jdbc = JdbcClient.create(new DriverManagerDataSource(db.url(), db.user(), db.password()));
  }

  record Service(ConfigurableApplicationContext context, RestClient http) implements AutoCloseable {
    Reply send(String method, String path, Object body) {
      var request = http.method(HttpMethod.valueOf(method)).uri(path);
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).body(body);
      }
      return request.exchange((req, res) -> new Reply(res.getStatusCode().value(), new String(res.getBody().readAllBytes())), true);
    }

    Reply read(String path) {
      return http.get().uri(path).header("X-Purpose", "STATISTICS_CHECK")
          .exchange((req, res) -> new Reply(res.getStatusCode().value(), new String(res.getBody().readAllBytes())), true);
    }

    @Override
    public void close() {
      context.close();
    }
  }

  record Reply(int status, String body) {}

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** Spring Boot arguments of this database, Kafka and Keycloak plus the given keys (arguments outrank the test config). */
  String[] args(String pseudonymKey, String rekeys, String fieldKey, String previousFieldKeys, String... more) {
    List<String> args = new ArrayList<>();
    infra.forEach((k, v) -> args.add("--" + k + "=" + v));
    args.add("--gongyu.school.pseudonym-key=" + pseudonymKey);
    args.add("--gongyu.school.pseudonym-rekeys=" + rekeys);
    args.add("--gongyu.school.field-key=" + fieldKey);
    args.add("--gongyu.school.previous-field-keys=" + previousFieldKeys);
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  Service start(String pseudonymKey, String rekeys, String fieldKey, String previousFieldKeys) {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(SchoolServiceApplication.class)
        .run(args(pseudonymKey, rekeys, fieldKey, previousFieldKeys, "--server.port=0", "--gongyu.school.consent.required=true",
            "--spring.kafka.consumer.group-id=school-rotation-it-" + System.nanoTime()));
    String port = context.getEnvironment().getRequiredProperty("local.server.port");
    return new Service(context,
        RestClient.builder().baseUrl("http://localhost:" + port).requestInterceptor(Keycloak.actingByPath()).build());
  }

  int rotate(String rekeys, String fieldKey, String previousFieldKeys) {
    return KeyRotationCommand.run(SchoolServiceApplication.class, args(K1, rekeys, fieldKey, previousFieldKeys));
  }

  /** Every stored pseudonym and sealed note of the school, table by table, as stored. */
  List<String> stored() {
    List<String> all = new ArrayList<>();
    for (String[] c : new String[][] {{"platform_registration", "student_key"}, {"platform_registration", "guardian_key"},
        {"home_visit_file", "student_key"}, {"home_visit_file_withdrawn", "student_key"}, {"special_student", "student_key"}, {"consultation_case", "student_key"},
        {"guardian_consent", "student_key"}}) {
      all.addAll(jdbc.sql("select '" + c[0] + "." + c[1] + " ' || " + c[1] + " from " + c[0] + " where school_id = ? order by 1")
          .param(SCHOOL).query(String.class).list());
    }
    for (String table : List.of("special_student", "consultation_case")) {
      jdbc.sql("select notes from " + table + " where school_id = ? order by 1").param(SCHOOL).query((rs, n) -> rs.getBytes(1)).list()
          .forEach(b -> all.add(table + ".notes " + HexFormat.of().formatHex(b)));
    }
    return all;
  }

  /** Every snapshot version of the school: indicator, period, version, numerator, denominator. */
  List<String> snapshots() {
    return jdbc.sql("""
            select indicator_code || ' ' || period_id || ' v' || version || ' ' || numerator || '/' || denominator
            from indicator_snapshot where school_id = ? order by indicator_code, period_id, version""")
        .param(SCHOOL).query(String.class).list();
  }

  /** The latest figure of each indicator and period. */
  Map<String, String> latest() {
    Map<String, String> m = new LinkedHashMap<>();
    jdbc.sql("""
            select distinct on (indicator_code, period_id) indicator_code || ' ' || period_id, numerator || '/' || denominator
            from indicator_snapshot where school_id = ? order by indicator_code, period_id, version desc""")
        .param(SCHOOL).query((rs, n) -> m.put(rs.getString(1), rs.getString(2))).list();
    return m;
  }

  String key(String table, String idColumn, String id) {
    return jdbc.sql("select student_key from " + table + " where school_id = ? and " + idColumn + " = ?").params(SCHOOL, id)
        .query(String.class).single().trim();
  }

  byte[] notes(String table, String idColumn, String id) {
    return jdbc.sql("select notes from " + table + " where school_id = ? and " + idColumn + " = ?").params(SCHOOL, id)
        .query((rs, n) -> rs.getBytes(1)).single();
  }

  static Map<String, Object> entry(String student, String registered, String note) {
    return Map.of("classId", "C1", "studentRef", student, "category", "LEFT_BEHIND", "registeredOn", registered,
        "careFileOn", registered, "notes", note);
  }

  static Map<String, Object> kase(String student, String opened, String note) {
    return Map.of("classId", "C1", "studentRef", student, "category", "FAMILY_RELATIONS", "openedOn", opened, "consultant", "李老师",
        "status", "OPEN", "notes", note);
  }

  static Map<String, Object> registration(String externalId, String student, String guardian, String at) {
    return Map.of("externalId", externalId, "classId", "C1", "studentRef", student, "guardianRef", guardian, "registeredAt", at);
  }

  static <T> T eventually(Supplier<T> read, java.util.function.Predicate<T> ok) {
    await().atMost(Duration.ofSeconds(30)).until(() -> ok.test(read.get()));
    return read.get();
  }

  @Test
  void aRotatedDeploymentKeepsEveryLinkReadsItsNotesKeepsItsFiguresAndNeverUsesTheRetiredKey() throws Exception {
    // ---- key 1: the records of STU-R1 (guardian GDN-R1) and STU-R2
    String oldEntryKey;
    String oldGuardianKey;
    String fileId;
    String withdrawnFileId;
    String oldWithdrawnFileKey;
    try (Service s = start(K1, "", F1, "")) {
      var event = EventEnvelope.wrap("district-service", Instant.now(),
          new SchoolRegistered(SCHOOL, "990101", null, "测试学校 " + SCHOOL, "PRIMARY", 1));
      s.context().getBean(KafkaTemplate.class).send(Topics.DISTRICT_SCHOOL_REGISTRY, "990101", EventCodec.encode(event));
      eventually(() -> s.send("GET", BASE + "/classes", null).status(), st -> st == 200);
      assertThat(s.send("PUT", BASE + "/classes/C1", Map.of("schoolYear", "2026-2027", "grade", 3, "name", "三年级1班",
          "enrolment", 30)).status()).isIn(200, 201);
      Reply reg = s.send("POST", BASE + "/platform-registrations", Map.of("period", PERIOD, "registrations", List.of(
          registration("R-1", "STU-R1", "GDN-R1", "2026-09-20T02:00:00Z"),
          registration("R-2", "STU-R2", "GDN-R2", "2026-09-21T02:00:00Z"))));
      assertThat(reg.status()).as(reg.body()).isIn(200, 201);
      Reply files = s.send("POST", BASE + "/home-visit-files", Map.of("files", List.of(
          Map.of("studentRef", "STU-R1", "classId", "C1", "openedOn", "2026-10-01"))));
      assertThat(files.status()).as(files.body()).isIn(200, 201);
      fileId = JSON.readTree(files.body()).path("fileIds").get(0).asString();
      // STU-R2's file is opened and withdrawn: whose file it was is kept apart from the trail (V12), a pseudonym too
      Reply opened = s.send("POST", BASE + "/home-visit-files", Map.of("files", List.of(
          Map.of("studentRef", "STU-R2", "classId", "C1", "openedOn", "2026-10-02"))));
      assertThat(opened.status()).as(opened.body()).isEqualTo(200);
      withdrawnFileId = JSON.readTree(opened.body()).path("fileIds").get(0).asString();
      assertThat(s.send("POST", BASE + "/home-visit-files/" + withdrawnFileId + "/withdrawal", Map.of("reason", "学生录错")).status())
          .isEqualTo(200);
      oldWithdrawnFileKey = jdbc.sql("select trim(student_key) from home_visit_file_withdrawn where school_id = ?").param(SCHOOL)
          .query(String.class).single();
      for (String category : List.of("SPECIAL_CARE", "CONSULTATION")) {
        assertThat(s.send("POST", BASE + "/consents", Map.of("studentRef", "STU-R1", "category", category, "givenOn", "2026-09-01",
            "basis", "WRITTEN")).status()).isEqualTo(201);
      }
      assertThat(s.send("PUT", BASE + "/special-students/SS-1", entry("STU-R1", "2026-09-10", "由祖母照看-旧钥")).status())
          .isEqualTo(201);
      assertThat(s.send("PUT", BASE + "/consultations/K-1", kase("STU-R1", "2026-10-10", "亲子沟通-旧钥")).status()).isEqualTo(201);
      oldEntryKey = key("special_student", "entry_id", "SS-1");
      oldGuardianKey = jdbc.sql("select guardian_key from platform_registration where school_id = ? and external_id = 'R-1'")
          .param(SCHOOL).query(String.class).single().trim();
      // while an instance runs the rotation refuses, and changes nothing
      List<String> running = stored();
      assertThat(rotate(K2, F2, F1)).isEqualTo(1);
      assertThat(stored()).isEqualTo(running);
    }
    List<String> published = eventually(this::snapshots, l -> !l.isEmpty());
    Map<String, String> figures = latest();
    List<String> before = stored();
    assertThat(jdbc.sql("select count(*) from pseudonym_key").query(Long.class).single()).isEqualTo(1);

    // ---- a run that fails half-way (a table whose update is refused) leaves every pseudonym as it was
    try (Connection owner = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
        Statement st = owner.createStatement()) {
      st.execute("create table zz_rotation_trap (school_id varchar(40) not null, student_key char(64) not null)");
      st.execute("insert into zz_rotation_trap values ('" + SCHOOL + "', '" + oldEntryKey + "')");
      st.execute("create function zz_rotation_refuse() returns trigger language plpgsql as $$ begin"
          + " raise exception 'simulated crash'; end $$");
      st.execute("create trigger zz_rotation_refuse before update on zz_rotation_trap for each row execute function zz_rotation_refuse()");
      st.execute("grant select, update on zz_rotation_trap to " + db.user());
      assertThat(rotate(K2, F2, F1)).isEqualTo(1);
      assertThat(stored()).isEqualTo(before);
      assertThat(jdbc.sql("select count(*) from pseudonym_key").query(Long.class).single()).isEqualTo(1);
      assertThat(jdbc.sql("select count(*) from field_key_retired").query(Long.class).single()).isZero();
      st.execute("drop table zz_rotation_trap");
    }

    // ---- the rotation: pseudonym key 2 over key 1, notes from field key 1 to field key 2, field key 1 retired
    assertThat(rotate(K2, F2, F1)).isEqualTo(0);
    String newEntryKey = key("special_student", "entry_id", "SS-1");
    assertThat(newEntryKey).isNotEqualTo(oldEntryKey).isEqualTo(Pseudonymizer.rekey(K2, oldEntryKey));
    assertThat(key("consultation_case", "case_id", "K-1")).isEqualTo(newEntryKey);
    assertThat(jdbc.sql("select trim(student_key) from home_visit_file where school_id = ?").param(SCHOOL).query(String.class).single())
        .isEqualTo(newEntryKey);
    // the file keeps its id; whose withdrawn file it was is re-keyed like every other pseudonym
    assertThat(jdbc.sql("select file_id from home_visit_file where school_id = ?").param(SCHOOL).query(String.class).single())
        .isEqualTo(fileId);
    assertThat(jdbc.sql("select trim(student_key) from home_visit_file_withdrawn where school_id = ?").param(SCHOOL)
        .query(String.class).single()).isEqualTo(Pseudonymizer.rekey(K2, oldWithdrawnFileKey));
    assertThat(jdbc.sql("select trim(student_key) from guardian_consent where school_id = ?").param(SCHOOL).query(String.class).set())
        .containsExactly(newEntryKey);
    assertThat(jdbc.sql("select trim(guardian_key) from platform_registration where school_id = ? and external_id = 'R-1'")
        .param(SCHOOL).query(String.class).single()).isEqualTo(Pseudonymizer.rekey(K2, oldGuardianKey));
    assertThat(jdbc.sql("select trim(key_id) from pseudonym_key order by version").query(String.class).list())
        .containsExactly(KeyIds.of(K1), KeyIds.of(K2));
    assertThat(jdbc.sql("select trim(key_id) from field_key_retired").query(String.class).list()).containsExactly(KeyIds.of(F1));
    for (String table : List.of("special_student", "consultation_case")) {
      assertThat(jdbc.sql("select notes from " + table + " where school_id = ?").param(SCHOOL).query((rs, n) -> rs.getBytes(1)).list())
          .allSatisfy(b -> assertThat(FieldCipher.keyIdOf(b)).isEqualTo(KeyIds.of(F2)));
    }
    assertThat(snapshots()).isEqualTo(published);

    // ---- a second run changes nothing
    List<String> rotated = stored();
    assertThat(rotate(K2, F2, F1)).isEqualTo(0);
    assertThat(stored()).isEqualTo(rotated);
    assertThat(jdbc.sql("select count(*) from pseudonym_key").query(Long.class).single()).isEqualTo(2);

    // ---- the retired field key is refused as the current key
    assertThatThrownBy(() -> start(K1, K2, F1, "")).hasStackTraceContaining("retired");
    // ---- without the re-key key the stored pseudonyms cannot be matched: the service refuses to start
    assertThatThrownBy(() -> start(K1, "", F2, "")).hasStackTraceContaining("GONGYU_SCHOOL_PSEUDONYM_REKEYS");

    // ---- key 2: the operator keeps K1, K2 and F2 (F1 may still be configured: retired, it is not used)
    try (Service s = start(K1, K2, F2, F1)) {
      RecordedReferences lookup = s.context().getBean(RecordedReferences.class);
      assertThat(lookup.recorded(SCHOOL, Set.of("STU-R1", "STU-R2", "GDN-R1", "GDN-R2", "STU-NEVER")))
          .containsExactlyInAnyOrder("STU-R1", "STU-R2", "GDN-R1", "GDN-R2");
      assertThat(s.context().getBean(FieldCipher.class).keyIds()).containsExactly(KeyIds.of(F2));
      // notes written under field key 1 read back (the API never shows notes: the service's cipher, and a re-sent
      // entry that the service finds identical only by decrypting the stored notes)
      FieldCipher cipher = s.context().getBean(FieldCipher.class);
      assertThat(cipher.decrypt(SCHOOL, notes("special_student", "entry_id", "SS-1"))).isEqualTo("由祖母照看-旧钥");
      assertThat(cipher.decrypt(SCHOOL, notes("consultation_case", "case_id", "K-1"))).isEqualTo("亲子沟通-旧钥");
      byte[] sealed = notes("special_student", "entry_id", "SS-1");
      Reply again = s.send("PUT", BASE + "/special-students/SS-1", entry("STU-R1", "2026-09-10", "由祖母照看-旧钥"));
      assertThat(again.status()).as(again.body()).isEqualTo(200);
      assertThat(notes("special_student", "entry_id", "SS-1")).isEqualTo(sealed);
      assertThat(s.read(BASE + "/special-students/SS-1").status()).isEqualTo(200);
      assertThat(s.read(BASE + "/consultations/K-1").status()).isEqualTo(200);

      // new records with the raw references land on the old pseudonyms
      Reply reg = s.send("POST", BASE + "/platform-registrations", Map.of("period", PERIOD, "registrations", List.of(
          registration("R-3", "STU-R1", "GDN-R1", "2026-11-20T02:00:00Z"))));
      assertThat(reg.status()).as(reg.body()).isIn(200, 201);
      assertThat(jdbc.sql("select trim(student_key) from platform_registration where school_id = ? and external_id = 'R-3'")
          .param(SCHOOL).query(String.class).single()).isEqualTo(newEntryKey);
      // the home-visit file continues: the same file again is nothing new, another opening day is a 409 naming the first
      Reply same = s.send("POST", BASE + "/home-visit-files", Map.of("files", List.of(
          Map.of("studentRef", "STU-R1", "classId", "C1", "openedOn", "2026-10-01"))));
      assertThat(same.status()).as(same.body()).isIn(200, 201);
      Reply other = s.send("POST", BASE + "/home-visit-files", Map.of("files", List.of(
          Map.of("studentRef", "STU-R1", "classId", "C1", "openedOn", "2026-11-02"))));
      assertThat(other.status()).as(other.body()).isEqualTo(409);
      assertThat(other.body()).contains("2026-10-01");
      assertThat(same.body()).contains(fileId);
      assertThat(s.read(BASE + "/home-visit-files/" + fileId).body()).contains("\"classId\":\"C1\"").contains("ACTIVE");
      // the withdrawn file re-sent under key 2 is still recognised: not recorded again
      Reply resent = s.send("POST", BASE + "/home-visit-files", Map.of("files", List.of(
          Map.of("studentRef", "STU-R2", "classId", "C1", "openedOn", "2026-10-02"))));
      assertThat(resent.status()).as(resent.body()).isEqualTo(200);
      assertThat(resent.body()).contains("\"accepted\":0").contains(withdrawnFileId);
      assertThat(jdbc.sql("select count(*) from home_visit_file where school_id = ?").param(SCHOOL).query(Long.class).single())
          .isEqualTo(1);
      // the consent given under key 1 still stands for the student; a student without one is still refused
      assertThat(s.send("PUT", BASE + "/special-students/SS-2", entry("STU-R1", "2026-11-10", "新钥")).status()).isEqualTo(201);
      assertThat(s.send("PUT", BASE + "/consultations/K-2", kase("STU-R2", "2026-11-10", "无同意")).status()).isEqualTo(409);
      assertThat(key("special_student", "entry_id", "SS-2")).isEqualTo(newEntryKey);
      // distinct students and guardians: the same counts as before the rotation (R-3's student and guardian are
      // found under their new keys through the registrations' key indexes, V39, so they are not counted again)
      Map<String, String> now = eventually(this::latest, m -> !m.equals(Map.of()));
      figures.forEach((indicator, figure) -> {
        if (!indicator.startsWith("SPECIAL_CARE")) {
          assertThat(now.get(indicator)).as(indicator).isEqualTo(figure);
        }
      });
      assertThat(snapshots()).containsAll(published);
    }
  }
}
