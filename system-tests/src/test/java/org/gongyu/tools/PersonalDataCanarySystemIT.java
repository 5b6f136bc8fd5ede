package org.gongyu.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.gongyu.tools.CanaryScanner.Canaries;
import org.gongyu.tools.GongyuClient.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12 item 9, the personal-data canary. Unique fake personal data (a resident id with a valid
 * check digit, a mobile number, an e-mail address, a rare Chinese name, a student reference; new
 * every run) is planted through every school-service endpoint that accepts text, on a county and
 * school of its own (990401, 9904010001). Fields that the county or the city can read must refuse
 * it (422, nothing stored); fields only the school reads take it (2xx). Then every place above the
 * school is scanned for each canary and its derived forms ({@link CanaryScanner}): every Kafka
 * topic of the test platform from the beginning (keys, values, headers), every row of every table
 * of the district, city and reporting databases (bytea decoded as UTF-8), every log file of the run
 * dir, every service's Prometheus and metrics endpoints, the refusals themselves, and every GET of
 * every service's OpenAPI document as a county admin, a county assessor, city staff and a city
 * admin (xlsx and pdf exports as their text). Any hit fails the test naming place, item and kind;
 * so does a place that gave nothing to read. The coverage matrix is printed.
 */
@ExtendWith(SharedPlatform.class)
class PersonalDataCanarySystemIT {

  static final String CITY = "990100";
  static final String COUNTY = "990401";
  static final String XUEQU = "990401-XQ1";
  static final String SCHOOL = "9904010001";
  static final String PROGRAMME = "990401-CANARY";
  static final String STANDARD = "DEMO-SCHOOL";
  static final Path RUN_DIR = SharedPlatform.RUN_DIR;
  static final Duration PATIENCE = Duration.ofSeconds(60);
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final Semester SEMESTER = Semester.containing(Instant.now().atZone(DemoCity.ZONE).toLocalDate(), SchoolCalendar.DEFAULT);
  static final List<String> SERVICES = List.of("school", "district", "city", "reporting");
  static final int OFFSET = SharedPlatform.OFFSET;
  static final Map<String, Integer> PORTS = Map.of("gateway", 8080 + OFFSET, "school-service", 8081 + OFFSET,
      "district-service", 8082 + OFFSET, "city-service", 8083 + OFFSET, "reporting-service", 8084 + OFFSET);
  /** The users above the school whose every readable answer is scanned. */
  static final List<String[]> READERS = List.of(
      new String[] {"county-admin", COUNTY}, new String[] {"county-assessor", COUNTY},
      new String[] {"city-staff", CITY}, new String[] {"city-admin", CITY});

  final GongyuClient client = new GongyuClient(SharedPlatform.GATEWAY, SharedPlatform.KEYCLOAK, false);
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  final Canaries canary = Canaries.random(new SecureRandom());
  final CanaryScanner scanner = new CanaryScanner(canary);
  final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
  /** What was planted: endpoint and fields → the status it answered. */
  final Map<String, Integer> planted = new LinkedHashMap<>();
  final Map<String, List<String>> ids = new LinkedHashMap<>();
  int instancesLeftOut;
  /**
   * Where each PostgreSQL server log ended when the test began. The canary's values are drawn for
   * this test, so nothing written before can hold them, and a server log grows with the machine's
   * whole history: one of 3 GB (statement logging left on by a benchmark) did not fit in an array.
   */
  final Map<Path, Long> serverLogsAtStart = serverLogEnds();

  @Test
  void personalDataPlantedAtASchoolReachesNoPlaceAboveIt() throws Exception {
    long started = System.nanoTime();
    LocalDate today = LocalDate.now(DemoCity.ZONE);
    String s = "/api/school/schools/" + SCHOOL;
    String gId = "G" + canary.residentId();

    // ---- the canary's own county and school
    client.putCounty(COUNTY, "哨兵县");
    client.putXuequ(COUNTY, XUEQU, "哨兵学区");
    client.putSchool(COUNTY, SCHOOL, "哨兵县第一小学", "PRIMARY", XUEQU);
    client.putClass(SCHOOL, "C1", SEMESTER.schoolYear(), 1, "一年级1班", 40);

    // ---- school-only fields: taken (2xx), never to leave the school
    school("PUT classes/{id} name", client.put(s + "/classes/C2",
        Map.of("schoolYear", SEMESTER.schoolYear(), "grade", 2, "name", "二年级" + canary.name() + "班", "enrolment", 40)));
    school("POST consents studentRef (SPECIAL_CARE)", client.post(s + "/consents",
        Map.of("studentRef", canary.studentRef(), "category", "SPECIAL_CARE", "givenOn", today.toString(), "basis", "WRITTEN")));
    school("POST consents studentRef (CONSULTATION)", client.post(s + "/consents",
        Map.of("studentRef", gId, "category", "CONSULTATION", "givenOn", today.toString(), "basis", "WRITTEN")));
    String registeredAt = SEMESTER.start(SchoolCalendar.DEFAULT).atStartOfDay(DemoCity.ZONE).plusDays(1).toInstant().toString();
    school("POST platform-registrations externalId, studentRef, guardianRef", client.post(s + "/platform-registrations",
        Map.of("period", SEMESTER.id(), "registrations", List.of(
            Map.of("externalId", "reg-" + run + "-" + canary.mobile(), "classId", "C1", "studentRef", canary.studentRef(),
                "guardianRef", canary.mobile(), "registeredAt", registeredAt),
            Map.of("externalId", "reg-" + run + "-" + canary.residentId(), "classId", "C1", "studentRef", gId,
                "guardianRef", canary.email(), "registeredAt", registeredAt)))));
    String recently = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
    school("POST platform-learning externalId, guardianRef, resourceId", client.post(s + "/platform-learning",
        Map.of("activities", List.of(Map.of("externalId", "pl-" + run + "-" + canary.mobile(), "guardianRef", canary.mobile(),
            "resourceId", "R-" + canary.email(), "occurredAt", recently, "minutes", 30)))));
    school("POST platform-recommendations externalId, resourceId, title", client.post(s + "/platform-recommendations",
        Map.of("recommendations", List.of(Map.of("externalId", "rc-" + run + "-" + canary.mobile(), "resourceId", "R-" + canary.studentRef(),
            "title", canary.sentence(), "resourceType", "VIDEO", "authoringTier", "SCHOOL", "recommendedAt", recently)))));
    school("POST home-contacts externalId, studentRef", client.post(s + "/home-contacts",
        Map.of("contacts", List.of(Map.of("externalId", "hc-" + run + "-" + canary.mobile(), "classId", "C1",
            "studentRef", canary.studentRef(), "date", today.toString(), "mode", "PHONE", "priority", true)))));
    school("POST home-visit-files studentRef", client.post(s + "/home-visit-files",
        Map.of("files", List.of(Map.of("studentRef", gId, "classId", "C1", "openedOn", today.toString())))));
    school("POST six-ones externalId, studentRef", client.post(s + "/six-ones",
        Map.of("participations", List.of(Map.of("externalId", "so-" + run + "-" + canary.residentId(), "classId", "C1",
            "studentRef", canary.studentRef(), "activity", "BOOK", "date", today.toString())))));
    school("POST consultation-outreach externalId, studentRef", client.post(s + "/consultation-outreach",
        Map.of("records", List.of(Map.of("externalId", "co-" + run + "-" + canary.mobile(), "classId", "C1",
            "studentRef", gId, "channel", "WECHAT", "deliveredOn", today.toString())))));
    Map<String, Object> consultation = new LinkedHashMap<>();
    consultation.put("classId", "C1");
    consultation.put("studentRef", gId);
    consultation.put("category", "FAMILY_RELATIONS");
    consultation.put("openedOn", today.toString());
    consultation.put("consultant", canary.name() + "老师 " + canary.mobile());
    consultation.put("status", "OPEN");
    consultation.put("notes", canary.sentence());
    school("PUT consultations/{id} studentRef, consultant, notes", client.put(s + "/consultations/K1", consultation));
    Map<String, Object> special = new LinkedHashMap<>();
    special.put("classId", "C1");
    special.put("studentRef", canary.studentRef());
    special.put("category", "LEFT_BEHIND");
    special.put("registeredOn", today.toString());
    special.put("notes", canary.sentence());
    school("PUT special-students/{id} studentRef, notes", client.put(s + "/special-students/E1", special));
    Map<String, Object> committee = new LinkedHashMap<>();
    committee.put("level", "SCHOOL");
    committee.put("foundedOn", today.minusDays(30).toString());
    committee.put("venue", canary.sentence());
    committee.put("plaque", true);
    committee.put("rulesAdopted", true);
    school("PUT committees/{id} venue", client.put(s + "/committees/CM1", committee));
    school("PUT suggestions/{id} (no text field; enums and dates only)", client.put(s + "/suggestions/SG1",
        Map.of("receivedOn", today.toString(), "category", "SAFETY", "channel", "MAILBOX", "status", "OPEN")));

    // ---- fields the county and the city read: refused (422), then the same record without it
    String sentence = canary.sentence();
    refused("PUT parent-school headName, structure, rules", client.put(s + "/parent-school",
        Map.of("headName", canary.name(), "establishedOn", today.minusYears(1).toString(), "structure", sentence, "rules", sentence)));
    school("PUT parent-school (clean)", client.put(s + "/parent-school",
        Map.of("headName", "王校长", "establishedOn", today.minusYears(1).toString(), "structure", "校长任校长，德育主任负责日常", "rules", "每学期至少两次集中授课")));
    Map<String, Object> session = new LinkedHashMap<>();
    session.put("type", "COLLECTIVE");
    session.put("date", today.toString());
    session.put("topic", sentence);
    session.put("lecturer", canary.name() + " " + canary.email());
    session.put("mode", "OFFLINE");
    session.put("attendance", 30);
    refused("PUT parent-school/sessions/{id} topic, lecturer", client.put(s + "/parent-school/sessions/S1", session));
    session.put("topic", "家庭教育讲座");
    session.put("lecturer", "李老师");
    refused("PUT parent-school/sessions/{id} with the id carrying a mobile", client.put(s + "/parent-school/sessions/S-" + canary.mobile(), session));
    school("PUT parent-school/sessions/{id} (clean)", client.put(s + "/parent-school/sessions/S1", session));
    refused("PUT head-trainings/{id} personName, course", client.put(s + "/head-trainings/T1",
        Map.of("personName", canary.name() + "家长", "course", sentence, "completedOn", today.toString())));
    school("PUT head-trainings/{id} (clean)", client.put(s + "/head-trainings/T1",
        Map.of("personName", "王校长", "course", "家庭教育指导", "completedOn", today.toString())));
    refused("PUT instructors/{id} name, certificateNo", client.put(s + "/instructors/I1",
        Map.of("name", "学生" + canary.name(), "certificateNo", canary.residentId(), "certifiedOn", today.minusDays(10).toString())));
    school("PUT instructors/{id} (clean)", client.put(s + "/instructors/I1",
        Map.of("name", "赵老师", "certificateNo", "JTJY-2026-001", "certifiedOn", today.minusDays(10).toString())));
    String applicationId = demonstration(today, s);

    // ---- the figures of the planted records reach the county and the city (the events flowed)
    eventually("reporting shows the canary school's registrations",
        () -> client.countyReport(IndicatorCodes.PLATFORM_REGISTRATION, SEMESTER.id(), COUNTY),
        r -> r.ok() && r.body().path("county").path("numerator").asLong(-1) == 2);
    GongyuClient.sleep(3000);
    long planting = System.nanoTime();

    // ---- the places
    ids.put("schoolId", List.of(SCHOOL));
    ids.put("countyId", List.of(COUNTY));
    ids.put("cityId", List.of(CITY));
    ids.put("unitId", List.of(SCHOOL, COUNTY, CITY));
    ids.put("periodId", List.of(SEMESTER.id(), SEMESTER.schoolYear()));
    ids.put("semester", List.of(SEMESTER.id()));
    ids.put("schoolYear", List.of(SEMESTER.schoolYear()));
    List<String> codes = indicatorCodes();
    ids.put("code", codes);
    ids.put("indicatorCode", codes);
    ids.put("applicationId", List.of(applicationId));
    ids.put("programmeId", List.of(PROGRAMME));
    ids.put("standardId", List.of(STANDARD));
    ids.put("version", List.of("1"));
    ids.put("xuequId", List.of(XUEQU));
    ids.put("classId", List.of("C1", "C2"));
    ids.put("sessionId", List.of("S1"));
    ids.put("trainingId", List.of("T1"));
    ids.put("instructorId", List.of("I1"));
    ids.put("caseId", List.of("K1"));
    ids.put("entryId", List.of("E1"));
    ids.put("committeeId", List.of("CM1"));
    ids.put("suggestionId", List.of("SG1"));
    ids.put("purpose", List.of("STATISTICS_CHECK"));
    ids.put("from", List.of(today.minusDays(30).toString()));
    ids.put("to", List.of(today.toString()));

    Map<String, Long> took = new LinkedHashMap<>();
    long t = System.nanoTime();
    scanKafka();
    took.put("kafka", ms(t));
    t = System.nanoTime();
    for (String db : List.of("district", "city", "reporting")) {
      scanDatabase("gongyu_st_" + db);
    }
    took.put("databases", ms(t));
    t = System.nanoTime();
    scanLogs();
    took.put("logs", ms(t));
    t = System.nanoTime();
    scanMetrics();
    took.put("metrics", ms(t));
    t = System.nanoTime();
    Set<String> unfilled = new TreeSet<>();
    Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
    int paths = scanResponses(unfilled, statuses);
    took.put("responses", ms(t));

    System.out.println("==== personal-data canary: coverage ====");
    System.out.printf("planted through %d school-service writes (%d taken at the school, %d refused as readable above it):%n",
        planted.size(), planted.values().stream().filter(c -> c < 300).count(), planted.values().stream().filter(c -> c == 422).count());
    planted.forEach((what, status) -> System.out.printf("  %3d  %s%n", status, what));
    System.out.printf("GET paths in the four OpenAPI documents: %d; paths with a parameter the test cannot fill (not called): %s%n",
        paths, unfilled);
    System.out.printf("refusals: %d problem documents scanned without their \"instance\" (the request path)%n", instancesLeftOut);
    statuses.forEach((reader, byStatus) -> System.out.printf("  %s: answers by status %s%n", reader, byStatus));
    System.out.print(scanner.coverage());
    System.out.printf("planting %.1f s; scans (ms) %s; total %.1f s%n", (planting - started) / 1e9, took, (System.nanoTime() - started) / 1e9);

    assertThat(statuses.values().stream().mapToInt(m -> m.getOrDefault(200, 0)).sum())
        .as("some answers readable by county and city users").isGreaterThan(100);
    scanner.assertClean();
  }

  // ---- planting

  void school(String what, Reply reply) {
    planted.put(what, reply.status());
    assertThat(reply.status()).as("%s (school-only field: taken at the school) answered %s", what, reply.body()).isBetween(200, 299);
  }

  void refused(String what, Reply reply) {
    planted.put(what, reply.status());
    assertThat(reply.status()).as("%s (readable above the school: refused) answered %s", what, reply.body()).isEqualTo(422);
    // the refusal names field and kind, never the value; its "instance" is the caller's own request
    // path echoed back to the same school user (an id carrying a mobile comes back there), so it is
    // left out here and counted
    JsonNode problem = reply.body().deepCopy();
    if (problem instanceof tools.jackson.databind.node.ObjectNode o && o.remove("instance") != null) {
      instancesLeftOut++;
    }
    scanner.scan("refusals (422 problem documents)", what, problem.toString());
  }

  /** A demonstration application whose plan and baseline, then a self-evaluation item, carry the canary: refused; a clean one is accepted. */
  String demonstration(LocalDate today, String s) {
    String demo = "/api/district/counties/" + COUNTY + "/demonstration";
    JsonNode standard = GongyuClient.require(client.get("/api/city/standards/" + STANDARD + "/versions/1"), "standard").body();
    JsonNode criterion = standard.path("areas").get(0).path("criteria").get(0);
    eventually("the county has the city's standard", () -> client.get(demo + "/standards"), r -> r.ok() && r.body().toString().contains(STANDARD));
    Map<String, Object> programme = ProgrammeFixture.openToday("哨兵县示范学校创建", 1, today, STANDARD);
    GongyuClient.require(client.put(demo + "/programmes/" + PROGRAMME, programme), "programme");
    eventually("the school sees the programme", () -> client.get(s + "/demonstration/programmes"),
        r -> r.ok() && r.body().toString().contains(PROGRAMME));
    refused("POST demonstration/applications plan, baseline note", client.post(s + "/demonstration/applications",
        Map.of("programmeId", PROGRAMME, "baseline", List.of(Map.of("areaCode", "A1", "level", 3, "note", canary.sentence())),
            "plan", canary.sentence())));
    Reply applied = client.post(s + "/demonstration/applications", Map.of("programmeId", PROGRAMME,
        "baseline", List.of(Map.of("areaCode", "A1", "level", 3, "note", "家长学校已建立")), "plan", "一校一案补齐短板"));
    school("POST demonstration/applications (clean)", applied);
    String applicationId = applied.body().path("applicationId").asString();
    eventually("the county received the application", () -> client.get(demo + "/applications/" + applicationId), Reply::ok);
    GongyuClient.require(client.post(demo + "/applications/" + applicationId + "/accept", Map.of("note", "同意创建")), "accept");
    String item = s + "/demonstration/applications/" + applicationId + "/self-evaluation/items/" + criterion.path("code").asString();
    eventually("the school sees CREATING", () -> client.get(s + "/demonstration/applications/" + applicationId),
        r -> r.ok() && r.body().toString().contains("CREATING"));
    refused("PUT self-evaluation/items/{code} narrative, evidence title, reference", client.put(item,
        Map.of("selfScore", criterion.path("points").decimalValue().subtract(BigDecimal.ONE), "narrative", canary.sentence(),
            "evidence", List.of(Map.of("title", canary.name() + "家长的来信", "reference", canary.email())))));
    return applicationId;
  }

  // ---- 1. Kafka

  void scanKafka() throws Exception {
    String place = "kafka (every topic, keys, values, headers)";
    scanner.place(place);
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + (9092 + OFFSET));
    Set<String> topics;
    try (Admin admin = Admin.create(props)) {
      topics = new TreeSet<>(admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get());
    }
    topics.remove("__consumer_offsets");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      for (String topic : topics) {
        List<TopicPartition> parts = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
            .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        Map<TopicPartition, Long> end = consumer.endOffsets(parts);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (parts.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
          assertThat(System.nanoTime()).as("reading topic %s to its end", topic).isLessThan(deadline);
          for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            StringBuilder text = new StringBuilder();
            text.append(utf8(r.key())).append('\n').append(utf8(r.value()));
            for (Header h : r.headers()) {
              text.append('\n').append(h.key()).append('=').append(utf8(h.value()));
            }
            scanner.scan(place, topic + "-" + r.partition() + "@" + r.offset(), text.toString());
          }
        }
      }
      System.out.printf("kafka: %d topics read from the beginning: %s%n", topics.size(), topics);
    }
  }

  static String utf8(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }

  // ---- 2. the databases above the school

  void scanDatabase(String db) throws SQLException {
    String place = "database " + db + " (every row of every table)";
    scanner.place(place);
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + db, "postgres", "");
        Statement st = c.createStatement()) {
      Map<String, List<String>> byteaColumns = new LinkedHashMap<>();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("""
          select table_schema, table_name from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
          order by 1, 2""")) {
        while (rs.next()) {
          tables.add(quote(rs.getString(1)) + "." + quote(rs.getString(2)));
        }
      }
      try (ResultSet rs = st.executeQuery("""
          select table_schema, table_name, column_name from information_schema.columns
          where data_type = 'bytea' and table_schema not in ('pg_catalog', 'information_schema')""")) {
        while (rs.next()) {
          byteaColumns.computeIfAbsent(quote(rs.getString(1)) + "." + quote(rs.getString(2)), k -> new ArrayList<>())
              .add(quote(rs.getString(3)));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = st.executeQuery("select t::text from " + table + " t")) {
          long row = 0;
          while (rs.next()) {
            scanner.scan(place, table + " row " + (++row), rs.getString(1));
          }
        }
        for (String column : byteaColumns.getOrDefault(table, List.of())) {
          try (ResultSet rs = st.executeQuery("select " + column + " from " + table + " where " + column + " is not null")) {
            long row = 0;
            while (rs.next()) {
              scanner.scan(place, table + "." + column + " (bytea as UTF-8) row " + (++row), utf8(rs.getBytes(1)));
            }
          }
        }
      }
      System.out.printf("%s: %d tables%n", db, tables.size());
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  // ---- 3. every log of the run dir

  void scanLogs() throws IOException {
    String place = "logs (every file of the run dir but Kafka's data, the keys and the jars)";
    scanner.place(place);
    List<Path> files;
    try (Stream<Path> all = Files.walk(RUN_DIR)) {
      files = all.filter(Files::isRegularFile)
          .filter(p -> !p.startsWith(RUN_DIR.resolve("kafka/data")) && !p.startsWith(RUN_DIR.resolve("secrets"))
              && !p.startsWith(RUN_DIR.resolve("jars")) && !p.toString().endsWith(".jar"))
          .sorted().toList();
    }
    for (Path f : files) {
      scanner.scan(place, RUN_DIR.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
    }
    // the PostgreSQL server's own log (an error logs its statement, a unique violation its key), where
    // this machine keeps it (Debian's packages), from where it ended when the test began; elsewhere it
    // is not scanned and the output says so
    List<Path> serverLogs = serverLogs();
    List<String> read = new ArrayList<>();
    for (Path f : serverLogs) {
      long from = serverLogsAtStart.getOrDefault(f, 0L);
      if (Files.size(f) < from) {
        from = 0; // truncated or rotated meanwhile: all of it is this test's
      }
      long chars = scanFrom(f, from, "PostgreSQL server log");
      read.add(f + " (" + chars + " characters from byte " + from + ")");
    }
    System.out.printf("logs: %d files of the run dir; PostgreSQL server log: %s%n", files.size(),
        serverLogs.isEmpty() ? "none readable in " + PG_LOGS + " (not scanned)" : read);
    assertThat(files.stream().map(f -> f.getFileName().toString()))
        .as("the logs of every service, the gateway and Kafka")
        .contains("school-service.log", "district-service.log", "city-service.log", "reporting-service.log", "gateway.log", "kafka.log");
  }

  static final Path PG_LOGS = Path.of("/var/log/postgresql");
  /** Characters of a server log scanned at a time, in whole lines. */
  static final int CHUNK = 8 << 20;

  static List<Path> serverLogs() throws IOException {
    if (!Files.isDirectory(PG_LOGS)) {
      return List.of();
    }
    try (Stream<Path> all = Files.list(PG_LOGS)) {
      return all.filter(Files::isReadable).filter(p -> p.getFileName().toString().contains(".log")).sorted().toList();
    }
  }

  static Map<Path, Long> serverLogEnds() {
    Map<Path, Long> ends = new LinkedHashMap<>();
    try {
      for (Path f : serverLogs()) {
        ends.put(f, Files.size(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ends;
  }

  /**
   * Scans {@code file} from byte {@code from} to its end, in pieces of whole lines (a canary value
   * never spans lines), so a large log costs time, not memory; nothing written since is nothing to
   * scan (the place is then not declared, as for a machine without the log).
   *
   * @return characters scanned
   */
  long scanFrom(Path file, long from, String place) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    long chars = 0;
    try (FileChannel channel = FileChannel.open(file);
        BufferedReader lines = new BufferedReader(Channels.newReader(channel.position(from), decoder, -1))) {
      StringBuilder piece = new StringBuilder();
      String line;
      do {
        line = lines.readLine();
        if (line != null) {
          piece.append(line).append('\n');
        }
        if (!piece.isEmpty() && (line == null || piece.length() >= CHUNK)) {
          scanner.scan(place, file + " from byte " + from, piece.toString());
          chars += piece.length();
          piece.setLength(0);
        }
      } while (line != null);
    }
    return chars;
  }

  // ---- 4. metrics

  void scanMetrics() throws Exception {
    String place = "metrics (/actuator/prometheus, /actuator/metrics of each process)";
    scanner.place(place);
    String token = client.accounts().tokenAs("canary", "city-admin", CITY, CITY);
    for (Map.Entry<String, Integer> p : new TreeMap<>(PORTS).entrySet()) {
      HttpResponse<String> prom = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.getValue() + "/actuator/prometheus"))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(prom.statusCode()).as("%s /actuator/prometheus", p.getKey()).isEqualTo(200);
      scanner.scan(place, p.getKey() + " /actuator/prometheus", prom.body());
      HttpResponse<String> names = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p.getValue() + "/actuator/metrics"))
          .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
      System.out.printf("metrics: %s /actuator/prometheus %d chars; /actuator/metrics %d%n", p.getKey(), prom.body().length(), names.statusCode());
      if (names.statusCode() == 200) {
        scanner.scan(place, p.getKey() + " /actuator/metrics", names.body());
      }
    }
  }

  // ---- 5. every answer a county or city user can get

  int scanResponses(Set<String> unfilled, Map<String, Map<Integer, Integer>> statuses) throws Exception {
    Set<String> paths = new LinkedHashSet<>();
    Map<String, Set<String>> requiredQuery = new LinkedHashMap<>();
    String docsToken = client.accounts().tokenAs("canary", "city-staff", CITY, CITY);
    for (String svc : SERVICES) {
      HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create(SharedPlatform.GATEWAY + "/api-docs/" + svc))
          .header("Authorization", "Bearer " + docsToken).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(doc.statusCode()).as("/api-docs/%s", svc).isEqualTo(200);
      JsonNode api = JSON.readTree(doc.body());
      for (Map.Entry<String, JsonNode> p : api.path("paths").properties()) {
        JsonNode get = p.getValue().path("get");
        if (get.isMissingNode()) {
          continue;
        }
        paths.add(p.getKey());
        Set<String> query = new LinkedHashSet<>();
        for (JsonNode param : get.path("parameters")) {
          if ("query".equals(param.path("in").asString()) && param.path("required").asBoolean(false)) {
            query.add(param.path("name").asString());
          }
        }
        requiredQuery.put(p.getKey(), query);
      }
    }
    assertThat(paths).as("GET paths in the OpenAPI documents").hasSizeGreaterThan(30);
    List<String> urls = new ArrayList<>();
    for (String path : paths) {
      List<String> filled = fill(path, requiredQuery.get(path), unfilled);
      urls.addAll(filled);
    }
    // the four readers at once, each one after the other (each user has its own rate-limit bucket)
    List<java.util.concurrent.Callable<Void>> readers = new ArrayList<>();
    for (String[] reader : READERS) {
      String username = "canary-" + reader[0] + "-" + reader[1];
      client.accounts().tokenAs("canary", reader[0], reader[1], CITY);
      String place = "answers to " + reader[0] + " (every GET of the OpenAPI documents)";
      scanner.place(place);
      Map<Integer, Integer> byStatus = statuses.computeIfAbsent(reader[0], k -> new TreeMap<>());
      readers.add(() -> {
        for (String url : urls) {
          HttpResponse<byte[]> r = getRaw(url, client.accounts().token(username));
          byStatus.merge(r.statusCode(), 1, Integer::sum);
          String text = bodyText(url, r);
          synchronized (scanner) {
            scanner.scan(place, "GET " + url + " → " + r.statusCode(), text);
          }
        }
        return null;
      });
    }
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(READERS.size())) {
      for (var done : pool.invokeAll(readers)) {
        done.get();
      }
    }
    return paths.size();
  }

  HttpResponse<byte[]> getRaw(String url, String token) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(SharedPlatform.GATEWAY + url)).header("Authorization", "Bearer " + token)
        .header("X-Purpose", "STATISTICS_CHECK").timeout(Duration.ofSeconds(60)).GET().build();
    HttpResponse<byte[]> r;
    try {
      r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.net.http.HttpTimeoutException e) {
      // name the request: a timeout alone does not say which of hundreds of GETs hung
      throw new java.net.http.HttpTimeoutException("GET " + url + " gave no answer within 60 s");
    }
    for (int retry = 0; r.statusCode() == 429 && retry < 5; retry++) {
      GongyuClient.sleep(1000L * r.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L));
      r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
    return r;
  }

  /** The text of an answer: an xlsx as its cells' text, a PDF as its extracted text, anything else as UTF-8; headers too. */
  static String bodyText(String url, HttpResponse<byte[]> r) throws IOException {
    String type = r.headers().firstValue("Content-Type").orElse("");
    StringBuilder text = new StringBuilder(r.headers().map().toString()).append('\n');
    byte[] body = r.body();
    if (r.statusCode() == 200 && (type.contains("spreadsheetml") || url.endsWith(".xlsx"))) {
      DataFormatter format = new DataFormatter();
      try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(body))) {
        for (Sheet sheet : book) {
          text.append(sheet.getSheetName()).append('\n');
          for (Row row : sheet) {
            for (Cell cell : row) {
              text.append(format.formatCellValue(cell)).append('\t');
            }
            text.append('\n');
          }
        }
      }
    } else if (r.statusCode() == 200 && (type.contains("pdf") || url.endsWith(".pdf"))) {
      try (PDDocument pdf = Loader.loadPDF(body)) {
        text.append(new PDFTextStripper().getText(pdf));
      }
    } else {
      text.append(utf8(body));
    }
    return text.toString();
  }

  private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

  /** Every URL the path becomes with the canary's ids (cartesian over the values of each parameter), or none if one cannot be filled. */
  List<String> fill(String path, Set<String> query, Set<String> unfilled) {
    List<String> out = new ArrayList<>(List.of(path));
    Matcher m = PARAM.matcher(path);
    while (m.find()) {
      List<String> values = ids.get(m.group(1));
      if (values == null) {
        unfilled.add(path + " ({" + m.group(1) + "})");
        return List.of();
      }
      List<String> next = new ArrayList<>();
      for (String u : out) {
        for (String v : values) {
          next.add(u.replace("{" + m.group(1) + "}", v));
        }
      }
      out = next;
    }
    for (String q : query) {
      List<String> values = ids.get(q);
      if (values == null) {
        unfilled.add(path + " (?" + q + "=)");
        return List.of();
      }
      List<String> next = new ArrayList<>();
      for (String u : out) {
        next.add(u + (u.contains("?") ? "&" : "?") + q + "=" + URLEncoder.encode(values.getFirst(), StandardCharsets.UTF_8));
      }
      out = next;
    }
    return out;
  }

  static List<String> indicatorCodes() throws IllegalAccessException {
    List<String> codes = new ArrayList<>();
    for (var f : IndicatorCodes.class.getFields()) {
      if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        codes.add((String) f.get(null));
      }
    }
    assertThat(codes).contains(IndicatorCodes.PLATFORM_REGISTRATION, IndicatorCodes.SPECIAL_CARE);
    return codes;
  }

  static long ms(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  void eventually(String what, Supplier<Reply> call, Predicate<Reply> done) {
    GongyuClient.eventually(what, call, done, PATIENCE);
  }

}
