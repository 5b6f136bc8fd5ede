package org.gongyu.tools;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.gongyu.tools.GongyuClient.Reply;
import org.gongyu.tools.GroundTruth.P;
import org.gongyu.tools.GroundTruthRecords.City;
import org.gongyu.tools.GroundTruthRecords.County;
import org.gongyu.tools.GroundTruthRecords.Move;
import org.gongyu.tools.GroundTruthRecords.Op;
import org.gongyu.tools.GroundTruthRecords.SchoolClass;
import org.gongyu.tools.GroundTruthRecords.SchoolData;
import org.gongyu.tools.GroundTruthRecords.SignOffPlan;

/**
 * Sends a generated city through the gateway the way schools and counties would: the first wave of
 * schools records everything, two schools move county, three counties set their deadlines, then the
 * second wave records everything (late), and the first wave sends its corrections and re-sends
 * batches and records it had sent already (duplicates).
 */
public final class GroundTruthLoader {

  /** Batch APIs: path under the school, the list's field in the body, records per request. */
  record BatchApi(String path, String field) {}

  static final BatchApi LEARNING = new BatchApi("platform-learning", "activities");
  static final BatchApi RECOMMENDATIONS = new BatchApi("platform-recommendations", "recommendations");
  static final BatchApi HOME_CONTACTS = new BatchApi("home-contacts", "contacts");
  static final BatchApi VISIT_FILES = new BatchApi("home-visit-files", "files");
  static final BatchApi OUTREACH = new BatchApi("consultation-outreach", "records");
  static final BatchApi SIX_ONES = new BatchApi("six-ones", "participations");
  static final int BATCH = 500;

  private final GongyuClient client;
  private final PrintStream out;
  private final AtomicInteger requests = new AtomicInteger();
  private final int threads;

  public GroundTruthLoader(GongyuClient client, PrintStream out, int threads) {
    this.client = client;
    this.out = out;
    this.threads = threads;
  }

  public int requests() {
    return requests.get();
  }

  /** The whole city: registry, first wave, moves, deadlines, second wave, late corrections and duplicates. */
  public Instant load(City city) {
    for (County c : city.counties()) {
      count(c.cityDirect() ? client.putCityDirect(c.id(), c.name()) : client.putCounty(c.id(), c.name()));
    }
    for (County c : city.counties()) {
      if (c.xuequId() != null) {
        count(client.putXuequ(c.id(), c.xuequId(), c.name() + "学区"));
      }
    }
    lecturers();
    certificates(city);
    List<SchoolData> first = city.schools().stream().filter(s -> s.wave() == 1).toList();
    List<SchoolData> second = city.schools().stream().filter(s -> s.wave() == 2).toList();
    parallel(first, s -> {
      register(city, s);
      records(s, false);
    });
    out.printf("ground truth: first wave of %d schools recorded (%d requests)%n", first.size(), requests());
    String semester = P.of(GroundTruth.PType.SEMESTER, city.today()).id();
    List<SchoolData> onTime = first.stream().filter(s -> SignOffPlan.of(s.id()) == SignOffPlan.ON_TIME).toList();
    onTime.forEach(s -> signOff(s, semester));
    out.printf("ground truth: %d schools signed off %s before the deadline%n", onTime.size(), semester);
    for (Move m : city.moves()) {
      count(client.moveSchool(m.fromCountyId(), m.schoolId(), m.toCountyId(), m.toXuequId(),
          P.of(GroundTruth.PType.SEMESTER, m.effectiveFrom()).id()));
    }
    GongyuClient.sleep(1500);
    Instant deadline = Instant.now();
    Set<String> periods = new LinkedHashSet<>();
    GroundTruth.INDICATORS.forEach(d -> periods.add(GroundTruth.periodOf(d, city.today()).id()));
    for (County c : city.counties()) {
      if (c.setsDeadline()) {
        for (String period : periods) {
          count(client.putDeadline(c.id(), period, deadline));
        }
      }
    }
    out.printf("ground truth: deadline %s set for periods %s%n", deadline, periods);
    GongyuClient.sleep(1500);
    parallel(second, s -> {
      register(city, s);
      records(s, true);
      duplicates(city, s);
    });
    out.printf("ground truth: second wave of %d schools recorded late (%d requests)%n", second.size(), requests());
    parallel(first.stream().filter(s -> SignOffPlan.of(s.id()) != SignOffPlan.ON_TIME).toList(), s -> {
      late(s);
      duplicates(city, s);
    });
    out.printf("ground truth: corrections and duplicates sent (%d requests in all)%n", requests());
    signOffsAndReviews(city, semester);
    return deadline;
  }

  /** A school admin signs off the period (完成上报): 201 with the state SIGNED_OFF. */
  private void signOff(SchoolData s, String period) {
    Reply reply = GongyuClient.require(client.post("/api/school/schools/" + s.id() + "/sign-offs/" + period, Map.of()),
        "sign-off of " + s.id() + " " + period);
    count(reply);
    if (!reply.body().path("state").asString().equals("SIGNED_OFF")) {
      throw new IllegalStateException("sign-off of " + s.id() + " " + period + " left it " + reply.body());
    }
  }

  /**
   * After everything was sent: the late sign-offs, then the counties' reviews of them (return with a
   * comment, or approve), each once the county has received the school's sign-off.
   */
  private void signOffsAndReviews(City city, String semester) {
    List<SchoolData> late = city.schools().stream()
        .filter(s -> SignOffPlan.of(s.id()).inForce() && SignOffPlan.of(s.id()) != SignOffPlan.ON_TIME
            || SignOffPlan.of(s.id()) == SignOffPlan.RETURNED)
        .toList();
    late.forEach(s -> signOff(s, semester));
    P period = P.of(GroundTruth.PType.SEMESTER, city.today());
    int reviewed = 0;
    for (SchoolData s : late) {
      SignOffPlan plan = SignOffPlan.of(s.id());
      if (plan != SignOffPlan.APPROVED && plan != SignOffPlan.RETURNED) {
        continue;
      }
      String base = "/api/district/counties/" + GroundTruth.countyOf(s, period, city.moves()) + "/approvals/" + semester
          + "/schools/" + s.id();
      GongyuClient.eventually("the county has the sign-off of " + s.id(), () -> client.get(base),
          r -> r.ok() && r.body().path("state").asString().equals("SIGNED_OFF"), java.time.Duration.ofSeconds(60));
      Map<String, Object> review = new LinkedHashMap<>();
      review.put("signOffVersion", 1);
      if (plan == SignOffPlan.RETURNED) {
        review.put("comment", "请核对家访记录后重新上报");
      }
      count(GongyuClient.require(client.post(base + (plan == SignOffPlan.APPROVED ? "/approval" : "/return"), review),
          plan + " " + s.id()));
      reviewed++;
    }
    out.printf("ground truth: %d more schools signed off %s after the deadline, %d reviewed by their county%n",
        late.size(), semester, reviewed);
  }

  private void register(City city, SchoolData s) {
    String xuequ = city.counties().stream().filter(c -> c.id().equals(s.countyId())).findFirst().orElseThrow().xuequId();
    count(client.putSchool(s.countyId(), s.id(), s.name(), s.type(), xuequ));
  }

  /** Classes and every record; with {@code withLate} also the corrections (the second wave sends all at once). */
  public void records(SchoolData s, boolean withLate) {
    for (SchoolClass c : s.classes()) {
      count(client.putClass(s.id(), c.id(), c.schoolYear(), c.grade(), c.name(), c.enrolment()));
    }
    registrations(s);
    others(s, withLate);
  }

  /** Every record but classes and registrations (the demo city has its own). */
  public void others(SchoolData s, boolean withLate) {
    batches(s, LEARNING, s.learning());
    batches(s, RECOMMENDATIONS, s.recommendations());
    batches(s, HOME_CONTACTS, s.homeContacts());
    batches(s, VISIT_FILES, s.visitFiles());
    batches(s, OUTREACH, s.outreach());
    batches(s, SIX_ONES, s.sixOnes());
    consents(s);
    for (Op op : s.ops()) {
      if (withLate || !op.late()) {
        send(s, op);
      }
    }
    readingCheckIns(s);
  }

  /**
   * The check-ins of each reading campaign that is not withdrawn in the end, after the campaigns were
   * sent (a withdrawn campaign takes its check-ins with it, and then refuses new ones with 404).
   */
  private void readingCheckIns(SchoolData s) {
    Map<String, Object> campaigns = GroundTruth.current(s.ops(), GroundTruthRecords.Resource.READING_CAMPAIGN);
    Map<String, List<Map<String, Object>>> perCampaign = new LinkedHashMap<>();
    for (GroundTruthRecords.ReadingCheckIn c : s.readingCheckIns()) {
      if (campaigns.containsKey(c.campaignId())) {
        perCampaign.computeIfAbsent(c.campaignId(), k -> new ArrayList<>())
            .add(Map.of("studentRef", c.studentRef(), "date", c.date().toString(), "minutes", c.minutes()));
      }
    }
    perCampaign.forEach((campaign, checkIns) -> {
      String path = "/api/school/schools/" + s.id() + "/reading-campaigns/" + campaign + "/check-ins";
      for (int from = 0; from < checkIns.size(); from += BATCH) {
        count(GongyuClient.require(client.post(path, Map.of("checkIns", checkIns.subList(from, Math.min(checkIns.size(), from + BATCH)))),
            "POST " + path));
      }
    });
  }

  /**
   * Every record but classes and registrations of each school (in parallel), each PUT record only in
   * its final state: what a school that has already recorded them sends again (the demo city, loaded
   * at every start of the platform: sending it twice stores nothing new).
   */
  public void finalStates(List<SchoolData> schools) {
    parallel(schools, s -> {
      batches(s, LEARNING, s.learning());
      batches(s, RECOMMENDATIONS, s.recommendations());
      batches(s, HOME_CONTACTS, s.homeContacts());
      batches(s, VISIT_FILES, s.visitFiles());
      batches(s, OUTREACH, s.outreach());
      batches(s, SIX_ONES, s.sixOnes());
      consents(s);
      Map<String, Op> last = new LinkedHashMap<>();
      s.ops().forEach(op -> last.put(op.resource() + "/" + op.id(), op));
      last.values().stream().filter(op -> op.content() != null).forEach(op -> send(s, op));
      readingCheckIns(s);
    });
  }

  /**
   * A guardian's written consent for each student with a special-care entry or a consultation case
   * (issue 12 item 7: the service refuses to create either without one), given on the earliest day
   * any version of those records is dated, before the records are sent. The service returns an
   * identical standing consent instead of recording it twice, so a re-run of the load adds nothing.
   */
  private void consents(SchoolData s) {
    Map<List<String>, LocalDate> needed = new LinkedHashMap<>();
    for (Op op : s.ops()) {
      if (op.content() instanceof GroundTruthRecords.SpecialStudent e) {
        needed.merge(List.of(e.studentRef(), "SPECIAL_CARE"), e.registeredOn(), GroundTruthLoader::earlier);
      } else if (op.content() instanceof GroundTruthRecords.Consultation c) {
        needed.merge(List.of(c.studentRef(), "CONSULTATION"), c.openedOn(), GroundTruthLoader::earlier);
      }
    }
    String path = "/api/school/schools/" + s.id() + "/consents";
    needed.forEach((student, givenOn) -> count(GongyuClient.require(client.post(path,
        Map.of("studentRef", student.get(0), "category", student.get(1), "givenOn", givenOn.toString(), "basis", "WRITTEN")),
        "POST " + path + " " + student.get(1))));
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private void late(SchoolData s) {
    s.ops().stream().filter(Op::late).forEach(op -> send(s, op));
  }

  /** Re-sends the first batch of each kind and the first PUT record: nothing may change. */
  private void duplicates(City city, SchoolData s) {
    if (s.id().hashCode() % 2 != 0) {
      return;
    }
    if (!s.registrations().isEmpty()) {
      registrationBatch(s, s.registrations().subList(0, Math.min(BATCH, s.registrations().size())));
    }
    batch(s, HOME_CONTACTS, s.homeContacts().subList(0, Math.min(BATCH, s.homeContacts().size())));
    batch(s, SIX_ONES, s.sixOnes().subList(0, Math.min(BATCH, s.sixOnes().size())));
    batch(s, LEARNING, s.learning().subList(0, Math.min(BATCH, s.learning().size())));
    if (!s.ops().isEmpty()) {
      // the last content sent for the first record's id, again
      Op firstOp = s.ops().getFirst();
      Op latest = firstOp;
      for (Op op : s.ops()) {
        if (op.resource() == firstOp.resource() && op.id().equals(firstOp.id())) {
          latest = op;
        }
      }
      if (latest.content() != null) {
        send(s, latest); // (a withdrawn record is not withdrawn twice: that would be a 404)
      }
    }
  }

  private void registrations(SchoolData s) {
    for (int from = 0; from < s.registrations().size(); from += BATCH) {
      registrationBatch(s, s.registrations().subList(from, Math.min(s.registrations().size(), from + BATCH)));
    }
  }

  private void registrationBatch(SchoolData s, List<GroundTruthRecords.Registration> records) {
    if (records.isEmpty()) {
      return;
    }
    String period = P.of(GroundTruth.PType.SEMESTER, records.getFirst().registeredAt().atZone(GroundTruth.ZONE).toLocalDate()).id();
    List<GongyuClient.Registration> body = records.stream().map(r -> new GongyuClient.Registration(r.externalId(), r.classId(),
        r.studentRef(), r.guardianRef(), r.registeredAt().toString())).toList();
    count(GongyuClient.require(client.postRegistrations(s.id(), period, body), "registrations of " + s.id()));
  }

  private <T> void batches(SchoolData s, BatchApi api, List<T> records) {
    for (int from = 0; from < records.size(); from += BATCH) {
      batch(s, api, records.subList(from, Math.min(records.size(), from + BATCH)));
    }
  }

  private <T> void batch(SchoolData s, BatchApi api, List<T> records) {
    if (records.isEmpty()) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(api.field(), records);
    String path = "/api/school/schools/" + s.id() + "/" + api.path();
    count(GongyuClient.require(client.post(path, body), "POST " + path));
  }

  /**
   * The record families whose PUT takes a {@code reason}, required when a recorded record's content
   * changes (issue 13): every PUT of theirs carries one (kept with a new record, ignored when nothing changes).
   */
  private static final Set<GroundTruthRecords.Resource> WITH_REASON = java.util.EnumSet.of(GroundTruthRecords.Resource.SESSION,
      GroundTruthRecords.Resource.PARENT_SCHOOL, GroundTruthRecords.Resource.HEAD_TRAINING, GroundTruthRecords.Resource.INSTRUCTOR,
      GroundTruthRecords.Resource.COMMITTEE, GroundTruthRecords.Resource.SUGGESTION, GroundTruthRecords.Resource.SPECIAL_STUDENT,
      GroundTruthRecords.Resource.CONSULTATION, GroundTruthRecords.Resource.OPEN_SCHOOL_EVENT,
      GroundTruthRecords.Resource.READING_CAMPAIGN);

  /** The record families withdrawn with {@code POST {record}/withdrawal} and a reason rather than DELETE. */
  private static final Set<GroundTruthRecords.Resource> WITHDRAWN_BY_POST = java.util.EnumSet.of(
      GroundTruthRecords.Resource.OPEN_SCHOOL_EVENT, GroundTruthRecords.Resource.READING_CAMPAIGN);

  private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

  private void send(SchoolData s, Op op) {
    String path = op.path(s.id());
    Object content = op.content();
    boolean namesLecturer = false;
    if (content != null && WITH_REASON.contains(op.resource())) {
      @SuppressWarnings("unchecked")
      Map<String, Object> body = new LinkedHashMap<>(JSON.convertValue(content, Map.class));
      body.put("reason", op.late() ? "数据核对后更正" : "首次录入");
      if (op.resource() == GroundTruthRecords.Resource.SESSION) {
        Object ref = body.remove("lecturerRef");
        if (ref != null) {
          body.put("lecturerId", lecturers().get((String) ref));
          namesLecturer = true;
        }
      }
      content = body;
    }
    Reply reply = content != null ? client.put(path, content)
        : WITHDRAWN_BY_POST.contains(op.resource()) ? client.post(path + "/withdrawal", Map.of("reason", "数据核对后撤回"))
        : client.delete(path);
    // the registry reaches the school tier as events: a lecturer the school has not heard of yet is 422 for a moment
    for (long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        namesLecturer && reply.status() == 422 && reply.body().toString().contains("lecturerId") && System.nanoTime() < until; ) {
      GongyuClient.sleep(250);
      reply = client.put(path, content);
    }
    count(GongyuClient.require(reply, (op.content() == null ? "DELETE " : "PUT ") + path + " " + op.content()));
    GroundTruthRecords.CityCertificate certificate = op.resource() == GroundTruthRecords.Resource.INSTRUCTOR && op.content() != null
        ? GroundTruthRecords.cityCertificate(s.id(), op.id(), (GroundTruthRecords.Instructor) op.content()) : null;
    if (certificate != null) {
      // the certificates reach the school tier as events: wait until its copy knows this one as the city left it
      // (issued, and revoked where it was), or a sign-off would freeze an older state
      for (long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos(); System.nanoTime() < until; ) {
        String check = client.get(path.substring(0, path.lastIndexOf('/'))).body().valueStream()
            .filter(i -> i.path("instructorId").asString("").equals(op.id()))
            .map(i -> i.path("certificateCheck").asString("")).findFirst().orElse("");
        if (!check.equals("NOT_FOUND") && (!certificate.revoked() || check.equals("REVOKED") || check.equals("HOLDER_MISMATCH"))) {
          break;
        }
        GongyuClient.sleep(250);
      }
    }
  }

  private boolean certificatesIssued;

  /**
   * The city's instructor certificates of the ground truth (ADR 0025), issued once before the
   * schools write: one completed instructor cohort whose participants are the instructors that
   * {@link GroundTruthRecords#cityCertificate} gives a certificate (attended, passed), each issued
   * under its number and revoked when it says so. A certificate the city already has (a rerun on the
   * same platform) is left as it is.
   */
  private synchronized void certificates(City city) {
    if (certificatesIssued) {
      return;
    }
    certificatesIssued = true;
    record Holder(SchoolData school, GroundTruthRecords.CityCertificate certificate) {}
    List<Holder> toIssue = new ArrayList<>();
    Set<String> numbers = new java.util.HashSet<>();
    for (SchoolData s : city.schools()) {
      for (Op op : s.ops()) {
        if (op.resource() != GroundTruthRecords.Resource.INSTRUCTOR || op.content() == null) {
          continue;
        }
        GroundTruthRecords.CityCertificate c = GroundTruthRecords.cityCertificate(s.id(), op.id(), (GroundTruthRecords.Instructor) op.content());
        if (c != null && numbers.add(c.number()) && client.get("/api/city/instructor-certificates/" + c.number()).status() == 404) {
          toIssue.add(new Holder(s, c));
        }
      }
    }
    if (toIssue.isEmpty()) {
      return;
    }
    Reply cohort = GongyuClient.require(client.post("/api/city/training-cohorts", Map.of("name", "真值家庭教育指导师培训班",
        "kind", "INSTRUCTOR", "mode", "MIXED", "startsOn", "2023-06-01", "endsOn", "2023-06-30", "organiser", "市家庭教育指导中心",
        "sessions", 2)), "the ground truth's cohort");
    count(cohort);
    String base = "/api/city/training-cohorts/" + cohort.body().path("id").asString();
    Map<String, String> participants = new LinkedHashMap<>();
    for (Holder h : toIssue) {
      Reply p = GongyuClient.require(client.post(base + "/participants", Map.of("name", h.certificate().holderName(), "role", "TEACHER",
          "countyId", h.school().countyId(), "schoolId", h.school().id())), "enrolment of " + h.certificate().number());
      count(p);
      String id = p.body().path("id").asString();
      participants.put(h.certificate().number(), id);
      count(GongyuClient.require(client.put(base + "/participants/" + id + "/attendance", Map.of("sessionsAttended", 2)), "attendance"));
      count(GongyuClient.require(client.put(base + "/participants/" + id + "/assessment", Map.of("score", 80)), "assessment"));
    }
    count(GongyuClient.require(client.post(base + "/completion", Map.of()), "completion of the cohort"));
    for (Holder h : toIssue) {
      GroundTruthRecords.CityCertificate c = h.certificate();
      count(GongyuClient.require(client.post(base + "/participants/" + participants.get(c.number()) + "/certificate",
          Map.of("number", c.number(), "issuedOn", c.issuedOn().toString(), "expiresOn", c.expiresOn().toString())),
          "certificate " + c.number()));
      if (c.revoked()) {
        count(GongyuClient.require(client.post("/api/city/instructor-certificates/" + c.number() + "/revocation",
            Map.of("reason", "离开家庭教育工作岗位")), "revocation of " + c.number()));
      }
    }
    out.printf("ground truth: %d instructor certificates issued at the city%n", toIssue.size());
  }

  private Map<String, String> lecturerIds;

  /**
   * The city's lecturer registry of the ground truth (ADR 0024), created once: each lecturer of
   * {@link GroundTruthRecords#LECTURERS} nominated by the city for its city-direct schools, registered
   * (trained or not) and left in its final status; answers ref → the id the city gave.
   */
  private synchronized Map<String, String> lecturers() {
    if (lecturerIds != null) {
      return lecturerIds;
    }
    Map<String, String> ids = new LinkedHashMap<>();
    for (GroundTruthRecords.Lecturer l : GroundTruthRecords.LECTURERS) {
      Reply nominated = GongyuClient.require(client.post("/api/city/lecturers",
          Map.of("name", l.name(), "affiliation", l.affiliation(), "ageGroups", List.of("PRIMARY"))), "nomination of " + l.ref());
      count(nominated);
      String id = nominated.body().path("id").asString();
      String base = "/api/city/lecturers/" + id;
      count(GongyuClient.require(client.post(base + "/registration",
          l.trainedOn() == null ? Map.of() : Map.of("trainedOn", l.trainedOn().toString())), "registration of " + l.ref()));
      if (l.finalStatus().equals("SUSPENDED")) {
        count(GongyuClient.require(client.post(base + "/suspension", Map.of("reason", "授课内容待核实")), "suspension of " + l.ref()));
      } else if (l.finalStatus().equals("REVOKED")) {
        count(GongyuClient.require(client.post(base + "/revocation", Map.of("reason", "不再承担公益授课")), "revocation of " + l.ref()));
      }
      ids.put(l.ref(), id);
    }
    lecturerIds = Map.copyOf(ids);
    out.printf("ground truth: %d lecturers registered at the city%n", ids.size());
    return lecturerIds;
  }

  private void count(Reply reply) {
    requests.incrementAndGet();
  }

  private void parallel(List<SchoolData> schools, Consumer<SchoolData> work) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (SchoolData s : schools) {
        futures.add(pool.submit(() -> work.accept(s)));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
