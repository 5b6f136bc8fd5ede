package org.gongyu.school.demonstration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.district.v1.AssessmentPanelChanged;
import org.gongyu.school.SchoolRecordsItSupport;
import org.gongyu.testing.Keycloak;
import org.gongyu.testing.TopicRecords;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evidence attachments of a self-evaluation against the real PostgreSQL, Kafka and Keycloak (issue
 * 13 item 2, ADR 0015): the type judged by content, the size limit, who may read (school, its
 * county's admins, the assessors the county cleared — others 404), a recorded read per read, frozen
 * after submission, and nothing of a file on any topic. County 990153 and its schools are this test's own.
 */
class AttachmentIT extends SchoolRecordsItSupport {

  static final String COUNTY = "990153";
  static final String S1 = "9901530001";
  static final String S2 = "9901530002";
  static final String OTHER_COUNTY = "990154";
  static final String OTHER_SCHOOL = "9901540001";
  static final String P = "990153-ATT-2027";
  static final JsonMapper JSON = JsonMapper.builder().build();
  /** A name no event may ever carry. */
  static final String NAME = "家长学校授课记录-附件专用XQ7Z.pdf";
  static final byte[] PDF = pdf("MARKER-BYTES-9F3K");
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
  static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF};

  UUID app;
  UUID app2;

  static byte[] pdf(String marker) {
    return ("%PDF-1.4\n% " + marker + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  @BeforeAll
  void aSchoolCreating() {
    registerSchool(S1, COUNTY);
    registerSchool(S2, COUNTY);
    registerSchool(OTHER_SCHOOL, OTHER_COUNTY);
    var programme = DemonstrationIT.programme(P, COUNTY, "附件测试", LocalDate.parse("2027-10-01"), LocalDate.parse("2027-10-31"), 1);
    consume(programme);
    app = applied(S1);
    app2 = applied(S2);
    for (var a : List.of(new Object[] {app, S1}, new Object[] {app2, S2})) {
      consume(DemonstrationIT.status((UUID) a[0], P, COUNTY, (String) a[1], DemonstrationStatus.CREATING, 1,
          LocalDate.parse("2027-10-10"), null, null, null, null));
    }
  }

  // ---- fixtures -------------------------------------------------------------------------------

  void consume(EventEnvelope<?> event) {
    kafka.send(Topics.DISTRICT_DEMONSTRATION, COUNTY, EventCodec.encode(event));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.sql(
            "select count(*) from inbox_event where consumer = 'school.demonstration' and event_id = ?")
        .param(event.eventId()).query(Long.class).single() == 1);
  }

  UUID applied(String school) {
    Response r = send("POST", base(school) + "/applications", DemonstrationIT.application(P, DemonstrationIT.PLAN, "A1", 2, null));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return UUID.fromString(JSON.readTree(r.body()).get("applicationId").asString());
  }

  static String base(String school) {
    return "/api/school/schools/" + school + "/demonstration";
  }

  static String files(String school, UUID app) {
    return base(school) + "/applications/" + app + "/attachments";
  }

  Response upload(String school, UUID app, String criterion, String name, byte[] content, String language) {
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("criterionCode", criterion);
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    var request = http.post().uri(files(school, app)).contentType(MediaType.MULTIPART_FORM_DATA).body(parts);
    if (language != null) {
      request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
    }
    return request.exchange((req, res) -> new Response(res.getStatusCode().value(),
        String.valueOf(res.getHeaders().getContentType()), new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
  }

  Response upload(String criterion, String name, byte[] content) {
    return upload(S1, app, criterion, name, content, null);
  }

  record Download(int status, String contentType, String disposition, byte[] body) {}

  Download download(String token, String path) {
    return http.get().uri(path).header("Authorization", "Bearer " + token)
        .exchange((req, res) -> new Download(res.getStatusCode().value(), String.valueOf(res.getHeaders().getContentType()),
            res.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION), res.getBody().readAllBytes()), true);
  }

  long stored(UUID app) {
    return jdbc.sql("select count(*) from demonstration_attachment where application_id = ?").param(app).query(Long.class).single();
  }

  long reads(UUID attachment) {
    return jdbc.sql("select count(*) from attachment_read where attachment_id = ?").param(attachment).query(Long.class).single();
  }

  static JsonNode json(Response r) {
    return JSON.readTree(r.body());
  }

  // ---- types and sizes ------------------------------------------------------------------------

  @Test
  void pdfJpegAndPngAreAcceptedWithTheTypeTheirContentHas() {
    for (Object[] f : new Object[][] {{"章程.pdf", PDF, "application/pdf"}, {"照片.JPG", JPEG, "image/jpeg"},
        {"统计截图.png", PNG, "image/png"}}) {
      Response r = upload(S2, app2, "A1.2", (String) f[0], (byte[]) f[1], null);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      JsonNode body = json(r);
      assertThat(body.get("contentType").asString()).isEqualTo(f[2]);
      assertThat(body.get("fileName").asString()).isEqualTo(f[0]);
      assertThat(body.get("sizeBytes").asLong()).isEqualTo(((byte[]) f[1]).length);
      assertThat(body.get("criterionCode").asString()).isEqualTo("A1.2");
      assertThat(body.get("href").asString()).startsWith(files(S2, app2) + "/");
    }
  }

  @Test
  void contentThatIsNotAPdfJpegOrPngIsRefusedWhateverItsNameAndNothingIsStored() {
    long before = stored(app);
    Response exe = upload("A1.1", "报告.pdf", EXE);
    assertProblem(exe, 415, "PDF");
    Response zh = upload(S1, app, "A1.1", "报告.pdf", EXE, "zh-CN");
    assertThat(zh.status()).isEqualTo(415);
    assertThat(zh.contentType()).startsWith("application/problem+json");
    assertThat(json(zh).get("detail").asString()).contains("仅接受 PDF、JPEG 和 PNG");
    assertProblem(upload("A1.1", "图片.pdf", PNG), 415, "PNG");
    assertProblem(upload("A1.1", "setup.exe", PDF), 415, ".pdf");
    assertProblem(upload("A1.1", "notes.txt", "plain text, not a pdf".getBytes(StandardCharsets.UTF_8)), 415, "PDF");
    assertProblem(upload("A1.1", "空.pdf", new byte[0]), 400, "file");
    assertProblem(upload("A1.1", "学生张三同学的妈妈13800138000.pdf", PDF), 422, "fileName");
    assertProblem(upload("NOPE", "章程.pdf", PDF), 404, "NOPE");
    assertThat(stored(app)).isEqualTo(before);
  }

  @Test
  void aFileOverTheLimitIsRefusedWith413() {
    byte[] big = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
    Response r = upload(S1, app, "A1.1", "大文件.pdf", big, "en");
    assertProblem(r, 413, "10485760");
    Response zh = upload(S1, app, "A1.1", "大文件.pdf", big, "zh-CN");
    assertThat(zh.status()).isEqualTo(413);
    assertThat(json(zh).get("detail").asString()).contains("最多接受 10485760 字节");
    byte[] atLimit = Arrays.copyOf(PDF, 10 * 1024 * 1024);
    Response ok = upload(S1, app, "A1.2", "正好.pdf", atLimit, null);
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    assertThat(send("DELETE", files(S1, app) + "/" + json(ok).get("id").asString(), null).status()).isEqualTo(204);
  }

  // ---- who reads ------------------------------------------------------------------------------

  @Test
  void theSchoolItsCountyAdminsAndClearedAssessorsReadEveryoneElseGets404AndEveryReadIsRecorded() {
    Response up = upload("A1.1", NAME, PDF);
    assertThat(up.status()).as(up.body()).isEqualTo(201);
    UUID id = UUID.fromString(json(up).get("id").asString());
    String path = files(S1, app) + "/" + id;

    String cleared = Keycloak.tokenAs("county-assessor", COUNTY);
    String undeclared = Keycloak.accounts().tokenAs("it2", "county-assessor", COUNTY, Keycloak.CITY);
    String recused = Keycloak.accounts().tokenAs("it3", "county-assessor", COUNTY, Keycloak.CITY);
    consume(EventEnvelope.wrap("district-service", NOW, new AssessmentPanelChanged(app, P, COUNTY, S1, NOW, 3, List.of(
        new AssessmentPanelChanged.Member("it-county-assessor-" + COUNTY, 1, "CLEARED"),
        new AssessmentPanelChanged.Member("it2-county-assessor-" + COUNTY, 1, "ASSIGNED"),
        new AssessmentPanelChanged.Member("it3-county-assessor-" + COUNTY, 1, "RECUSED")))));
    // an older panel arriving late changes nothing
    consume(EventEnvelope.wrap("district-service", NOW, new AssessmentPanelChanged(app, P, COUNTY, S1, NOW, 1, List.of(
        new AssessmentPanelChanged.Member("it2-county-assessor-" + COUNTY, 1, "CLEARED")))));

    List<String> allowed = List.of(Keycloak.tokenAs("school-admin", S1), Keycloak.tokenAs("school-staff", S1),
        Keycloak.tokenAs("county-admin", COUNTY), cleared);
    List<String> refused = List.of(undeclared, recused, Keycloak.tokenAs("county-admin", OTHER_COUNTY),
        Keycloak.tokenAs("county-assessor", OTHER_COUNTY), Keycloak.tokenAs("school-admin", S2),
        Keycloak.tokenAs("school-admin", OTHER_SCHOOL), Keycloak.tokenAs("city-staff", Keycloak.CITY),
        Keycloak.tokenAs("city-admin", Keycloak.CITY));

    long before = reads(id);
    for (String token : allowed) {
      Download d = download(token, path);
      assertThat(d.status()).isEqualTo(200);
      assertThat(d.contentType()).isEqualTo("application/pdf");
      assertThat(d.disposition()).startsWith("attachment;").contains("filename*=UTF-8''")
          .contains("%E5%AE%B6%E9%95%BF"); // 家长, percent-encoded UTF-8
      assertThat(d.body()).isEqualTo(PDF);
    }
    assertThat(reads(id)).as("one recorded read per download").isEqualTo(before + allowed.size());
    var last = jdbc.sql("select username, roles, org_unit from attachment_read where attachment_id = ? order by id desc limit 1")
        .param(id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single();
    assertThat(last).containsExactly("it-county-assessor-" + COUNTY, "COUNTY_ASSESSOR", "county:" + COUNTY);

    for (String token : refused) {
      assertThat(download(token, path).status()).isEqualTo(404);
      assertThat(download(token, files(S1, app)).status()).isEqualTo(404);
    }
    assertThat(reads(id)).as("a refused read is not a read").isEqualTo(before + allowed.size());
    assertThat(download(cleared, files(S1, app) + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(download(allowed.get(0), files(S2, app2) + "/" + id).status()).as("another application's path").isEqualTo(404);

    Download list = download(cleared, files(S1, app));
    assertThat(list.status()).isEqualTo(200);
    assertThat(new String(list.body(), StandardCharsets.UTF_8)).contains(NAME).contains(id.toString());
    assertThat(jdbc.sql("select count(*) from attachment_read where application_id = ? and attachment_id is null")
        .param(app).query(Long.class).single()).isGreaterThanOrEqualTo(1);
    var parts = new LinkedMultiValueMap<String, Object>();
    parts.add("criterionCode", "A1.1");
    parts.add("file", new ByteArrayResource(PDF) {
      @Override
      public String getFilename() {
        return "评审.pdf";
      }
    });
    int assessorUpload = http.post().uri(files(S1, app)).header("Authorization", "Bearer " + cleared)
        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
        .exchange((req, res) -> res.getStatusCode().value(), true);
    assertThat(assessorUpload).as("assessors do not upload").isEqualTo(403);
  }

  @Test
  void theReadTrailIsAppendOnly() {
    jdbc.sql("insert into attachment_read (at, school_id, application_id, actor, roles, org_unit) values (now(), ?, ?, 'x', 'X', 'x')")
        .params(S1, app).update();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("delete from attachment_read where school_id = ?").param(S1).update());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql("update attachment_read set actor = 'y' where school_id = ?").param(S1).update());
  }

  // ---- frozen after submission, and never on a topic ------------------------------------------

  @Test
  void filesAreDeletedWhileADraftAndFrozenOnceTheSelfEvaluationIsSubmittedAndNoEventCarriesThem() {
    String school = S2;
    Response kept = upload(school, app2, "A1.1", NAME, PDF, null);
    Response dropped = upload(school, app2, "A2.1", "待删除.png", PNG, null);
    assertThat(kept.status()).as(kept.body()).isEqualTo(201);
    assertThat(dropped.status()).as(dropped.body()).isEqualTo(201);
    assertThat(send("DELETE", files(school, app2) + "/" + json(dropped).get("id").asString(), null).status()).isEqualTo(204);
    assertThat(send("DELETE", files(school, app2) + "/" + json(dropped).get("id").asString(), null).status()).isEqualTo(404);

    for (String c : List.of("A1.1", "A1.2", "A2.1")) {
      Response put = send("PUT", base(school) + "/applications/" + app2 + "/self-evaluation/items/" + c,
          DemonstrationIT.item("5", "按标准逐项落实", "佐证", "见附件 " + c));
      assertThat(put.status()).as(put.body()).isEqualTo(200);
    }
    Response submit = send("POST", base(school) + "/applications/" + app2 + "/self-evaluation/submit", null);
    assertThat(submit.status()).as(submit.body()).isEqualTo(200);

    long before = stored(app2);
    Response late = upload(school, app2, "A1.1", "补充.pdf", PDF, null);
    assertProblem(late, 409, "frozen");
    assertThat(json(late).get("currentStatus").asString()).isEqualTo("CREATING");
    assertProblem(send("DELETE", files(school, app2) + "/" + json(kept).get("id").asString(), null), 409, "frozen");
    assertThat(stored(app2)).isEqualTo(before);
    Download still = download(Keycloak.tokenAs("school-admin", school), json(kept).get("href").asString());
    assertThat(still.status()).isEqualTo(200);

    long outboxed = jdbc.sql("select count(*) from outbox_event where record_key = ?").param(school).query(Long.class).single();
    assertThat(outboxed).isGreaterThanOrEqualTo(2); // applied, submitted
    assertThat(jdbc.sql("select count(*) from outbox_event where payload like ? or payload like ? or payload like ?")
        .params("%XQ7Z%", "%MARKER-BYTES%", "%待删除%").query(Long.class).single()).as("outbox").isZero();
    List<String> everything = await().atMost(Duration.ofSeconds(30)).until(() -> {
      var all = new java.util.ArrayList<String>();
      for (String topic : List.of(Topics.SCHOOL_DEMONSTRATION, Topics.SCHOOL_INDICATOR_SNAPSHOTS)) {
        TopicRecords.readAll(topic).forEach(r -> all.add(r.key() + " " + r.value()));
      }
      return all;
    }, all -> all.stream().filter(v -> v.startsWith(school + " ")).anyMatch(v -> v.contains("SelfEvaluationSubmitted")));
    assertThat(everything).noneMatch(v -> v.contains("XQ7Z") || v.contains("MARKER-BYTES") || v.contains("待删除")
        || v.contains("JVBERi0")); // base64 of "%PDF-"
  }
}
