package org.gongyu.tools;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.SchoolCalendar;
import org.gongyu.contracts.period.Semester;
import org.gongyu.tools.GongyuClient.Registration;

/**
 * The demo city (演示市): 3 counties, 30 schools in 学区, the city-direct unit (市直学校) of 3 schools,
 * classes with enrolment, and platform registrations for the current semester. Generated from a fixed seed so that loading it twice
 * stores nothing new, and so the figures it should produce are known in advance.
 */
public final class DemoCity {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public record County(String id, String name, List<Xuequ> xuequ, List<School> schools) {}

  /** A 学区 of a county. */
  public record Xuequ(String id, String name) {}

  public record SchoolClass(String id, int grade, String name, int enrolment) {}

  public record School(String id, String name, String type, String xuequId, List<SchoolClass> classes,
      List<Registration> registrations, long studentsRegistered) {
    public long enrolled() {
      return classes.stream().mapToLong(SchoolClass::enrolment).sum();
    }
  }

  /**
   * The city's unit of city-direct schools (市直学校, ADR 0027): the same id as the ground truth's, as
   * a city has one and both load into the test platform's city.
   */
  public static final String CITY_DIRECT = GroundTruthGenerator.CITY_DIRECT;
  public static final String CITY_DIRECT_NAME = GroundTruthGenerator.CITY_DIRECT_NAME;

  private final Semester semester;
  private final List<County> counties;
  private final County cityDirect;

  private DemoCity(Semester semester, List<County> counties, County cityDirect) {
    this.semester = semester;
    this.counties = counties;
    this.cityDirect = cityDirect;
  }

  public Semester semester() {
    return semester;
  }

  /** The three counties, each with two 学区, a demonstration programme and a history. */
  public List<County> counties() {
    return counties;
  }

  /** The city-direct unit: three schools under the city, no 学区, no demonstration programme or history. */
  public County cityDirect() {
    return cityDirect;
  }

  /** The counties and the city-direct unit: every unit that holds schools. */
  public List<County> units() {
    List<County> all = new ArrayList<>(counties);
    all.add(cityDirect);
    return all;
  }

  /** The demo for the semester {@code now} falls in. */
  public static DemoCity generate(Instant now) {
    Semester semester = Semester.containing(now.atZone(ZONE).toLocalDate(), SchoolCalendar.DEFAULT);
    Instant start = semester.start(SchoolCalendar.DEFAULT).atStartOfDay(ZONE).toInstant();
    // registrations fall in the first week of the semester (or before now, early in a semester)
    long spanMinutes = Math.max(60, Math.min(Duration.ofDays(7).toMinutes(), Duration.between(start, now).toMinutes() - 60));
    Random random = new Random(20261123L);
    String[][] countyNames = {{"990101", "东城县"}, {"990102", "西山县"}, {"990103", "南湖区"}};
    List<County> counties = new ArrayList<>();
    for (String[] c : countyNames) {
      String short2 = c[1].substring(0, 2);
      List<Xuequ> xuequ = List.of(new Xuequ(c[0] + "-XQ1", short2 + "城区学区"), new Xuequ(c[0] + "-XQ2", short2 + "乡镇学区"));
      List<School> schools = new ArrayList<>();
      for (int n = 1; n <= 10; n++) {
        String id = c[0] + String.format("%04d", n);
        boolean junior = n > 7;
        String name = short2 + (junior ? "第" + (n - 7) + "中学" : "第" + n + "小学");
        schools.add(school(random, start, spanMinutes, id, name, junior, xuequ.get(n % 2).id()));
      }
      counties.add(new County(c[0], c[1], xuequ, schools));
    }
    // the city-direct unit (市直学校, ADR 0027), drawn after the counties so theirs stay as they were
    List<School> direct = new ArrayList<>();
    String[] directNames = {"市直实验小学", "市直第二小学", "市直第一中学"};
    for (int n = 1; n <= directNames.length; n++) {
      direct.add(school(random, start, spanMinutes, "990100" + String.format("%04d", n), directNames[n - 1], n == 3, null));
    }
    return new DemoCity(semester, counties, new County(CITY_DIRECT, CITY_DIRECT_NAME, List.of(), direct));
  }

  /** A school with classes of 36–46 and registrations at a rate of 35–85 %, from {@code random}. */
  private static School school(Random random, Instant start, long spanMinutes, String id, String name, boolean junior,
      String xuequId) {
    List<SchoolClass> classes = new ArrayList<>();
    int grades = junior ? 3 : 6;
    int perGrade = 1 + random.nextInt(2);
    for (int g = 1; g <= grades; g++) {
      for (int k = 1; k <= perGrade; k++) {
        int grade = junior ? g + 6 : g;
        classes.add(new SchoolClass("G" + grade + "-" + k, grade, grade + "年级" + k + "班", 36 + random.nextInt(11)));
      }
    }
    double rate = 0.35 + random.nextDouble() * 0.5;
    List<Registration> registrations = new ArrayList<>();
    long students = 0;
    for (SchoolClass cls : classes) {
      int registered = (int) Math.min(cls.enrolment(), Math.round(cls.enrolment() * rate));
      for (int s = 1; s <= registered; s++) {
        students++;
        String student = "DEMO-" + id + "-" + cls.id() + "-" + s;
        int guardians = random.nextInt(4) == 0 ? 2 : 1;
        for (int gu = 1; gu <= guardians; gu++) {
          Instant at = start.plus(random.nextLong(spanMinutes), ChronoUnit.MINUTES);
          registrations.add(new Registration(
              "demo-" + id + "-" + cls.id() + "-" + s + "-" + gu, cls.id(), student, student + "-P" + gu, at.toString()));
        }
      }
    }
    return new School(id, name, junior ? "JUNIOR_SECONDARY" : "PRIMARY", xuequId, classes, registrations, students);
  }

  /** The seed of the demo's other records (every kind of docs/indicators.md but registrations). */
  public static final long RECORDS_SEED = 20261124L;

  /**
   * The demo schools with records of every kind for the current semester, generated by {@link
   * GroundTruthGenerator} from {@link #RECORDS_SEED} on the demo's own classes and registrations
   * (which stay as they were). Records are dated in the semester's first 60 days (or up to
   * yesterday early in a semester), so a reload on a later day sends the same records.
   */
  public List<GroundTruthRecords.SchoolData> records(LocalDate today) {
    LocalDate start = semester.start(SchoolCalendar.DEFAULT);
    LocalDate windowEnd = today.minusDays(1).isBefore(start.plusDays(60)) ? today.minusDays(1) : start.plusDays(60);
    List<GroundTruthRecords.SchoolData> result = new ArrayList<>();
    if (windowEnd.isBefore(start)) {
      return result; // the semester begins today: nothing can be dated in it yet
    }
    Random random = new Random(RECORDS_SEED);
    for (County county : units()) {
      for (School school : county.schools()) {
        List<GroundTruthRecords.SchoolClass> classes = school.classes().stream()
            .map(c -> new GroundTruthRecords.SchoolClass(c.id(), semester.schoolYear(), c.grade(), c.name(), c.enrolment())).toList();
        GroundTruthRecords.SchoolData data = GroundTruthRecords.SchoolData.empty(school.id(), school.name(), school.type(), county.id(), 1, classes);
        school.registrations().forEach(r -> data.registrations().add(new GroundTruthRecords.Registration(r.externalId(), r.classId(),
            r.studentRef(), r.guardianRef(), Instant.parse(r.registeredAt()))));
        // periods are taken at the window's end, so the calendar year does not change within the semester
        GroundTruthGenerator.fill(random, data, windowEnd, windowEnd, false, "demo");
        result.add(data);
      }
    }
    return result;
  }

  private void records(GongyuClient client, java.io.PrintStream out) {
    LocalDate today = LocalDate.now(ZONE);
    List<GroundTruthRecords.SchoolData> schools = records(today);
    GroundTruthLoader loader = new GroundTruthLoader(client, out, 4);
    loader.finalStates(schools);
    out.printf("  records of every kind (seed %d): %d records in %d requests%n", RECORDS_SEED,
        schools.stream().mapToInt(GroundTruthRecords.SchoolData::recordCount).sum(), loader.requests());
    GroundTruthRecords.City city = new GroundTruthRecords.City(RECORDS_SEED, today,
        units().stream().map(c -> new GroundTruthRecords.County(c.id(), c.name(), null, false, c == cityDirect)).toList(), schools,
        List.of());
    GroundTruth.summary(city).forEach(line -> out.println("  expected " + line));
  }

  /** Loads everything through the gateway, then waits until reporting shows each county's figure. */
  public void load(GongyuClient client, java.io.PrintStream out) {
    out.printf("demo city 演示市, semester %s: %d counties and %d city-direct schools, %d schools%n", semester, counties.size(),
        cityDirect.schools().size(), units().stream().mapToInt(c -> c.schools().size()).sum());
    for (County county : counties) {
      client.putCounty(county.id(), county.name());
    }
    client.putCityDirect(cityDirect.id(), cityDirect.name());
    for (County county : units()) {
      for (Xuequ xq : county.xuequ()) {
        client.putXuequ(county.id(), xq.id(), xq.name());
      }
      for (School school : county.schools()) {
        client.putSchool(county.id(), school.id(), school.name(), school.type(), school.xuequId());
      }
    }
    for (County county : units()) {
      for (School school : county.schools()) {
        for (SchoolClass cls : school.classes()) {
          client.putClass(school.id(), cls.id(), semester.schoolYear(), cls.grade(), cls.name(), cls.enrolment());
        }
        List<Registration> all = school.registrations();
        for (int from = 0; from < all.size(); from += 200) {
          GongyuClient.require(client.postRegistrations(school.id(), semester.id(), all.subList(from, Math.min(all.size(), from + 200))),
              "registrations of " + school.id());
        }
      }
      out.printf("  %s %s: %d schools, %d students, %d with a registered guardian%n", county.id(), county.name(),
          county.schools().size(), county.schools().stream().mapToLong(School::enrolled).sum(),
          county.schools().stream().mapToLong(School::studentsRegistered).sum());
    }
    records(client, out);
    demonstration(client, out);
    new DemoHistory(client, out).load(counties);
    Map<String, Long> expected = new LinkedHashMap<>();
    units().forEach(c -> expected.put(c.id(), c.schools().stream().mapToLong(School::studentsRegistered).sum()));
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    for (var e : expected.entrySet()) {
      while (true) {
        var reply = client.countyReport(IndicatorCodes.PLATFORM_REGISTRATION, semester.id(), e.getKey());
        if (reply.ok() && reply.body().path("county").path("numerator").asLong(-1) == e.getValue()) {
          var county = reply.body().path("county");
          out.printf("  reporting: %s rate %s, %d of %d schools meet the target, completeness %s%n", e.getKey(),
              county.path("rate").asString(), county.path("schoolsMeetingTarget").asLong(),
              county.path("schoolsExpected").asLong(), county.path("completeness").asString());
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reporting did not show county " + e.getKey() + " with " + e.getValue()
              + " registered students within 90 s: " + reply.body());
        }
        GongyuClient.sleep(250);
      }
    }
  }

  /** Each county's demonstration programme (target 100 in three years, as in seed 001). */
  public static final String PROGRAMME_SUFFIX = "-2026";

  /**
   * Each county's demonstration-school programme 2026—2029 against the city's default standard:
   * target 100 broken down 50/40/10 over its two 学区 and the county-direct schools, the arrangement
   * table, the realm's assessor of the county on its panel, and applications from six schools, of
   * which the county selects four (their creation year starts) and declines one. Applications are
   * accepted until 1 March 2027; loaded later, the programme is there but no school applies. A
   * reload changes nothing: the same programme and quotas again, second applications are refused.
   */
  private void demonstration(GongyuClient client, java.io.PrintStream out) {
    LocalDate today = LocalDate.now(ZONE);
    LocalDate opens = LocalDate.parse("2026-09-01");
    LocalDate deadline = LocalDate.parse("2027-03-01");
    for (County county : counties) {
      String base = "/api/district/counties/" + county.id() + "/demonstration";
      String programmeId = county.id() + PROGRAMME_SUFFIX;
      Map<String, Object> programme = new LinkedHashMap<>();
      programme.put("name", "2026—2029 " + county.name() + "家校社协同育人示范学校创建");
      programme.put("target", 100);
      programme.put("startsOn", "2026-09-01");
      programme.put("endsOn", "2029-08-31");
      programme.put("applicationOpensOn", opens.toString());
      programme.put("applicationDeadline", deadline.toString());
      programme.put("creationMonths", 12);
      programme.put("titleValidityYears", 3);
      programme.put("consensusMargin", 3);
      programme.put("standardId", "DEMO-SCHOOL");
      programme.put("standardVersion", 1);
      eventuallyOk(client, () -> client.put(base + "/programmes/" + programmeId, programme), "programme " + programmeId);
      Map<String, Object> direct = new LinkedHashMap<>();
      direct.put("xuequId", null);
      direct.put("quota", 10);
      GongyuClient.require(client.put(base + "/programmes/" + programmeId + "/quotas", Map.of("quotas", List.of(
          Map.of("xuequId", county.xuequ().get(0).id(), "quota", 50), Map.of("xuequId", county.xuequ().get(1).id(), "quota", 40),
          direct))), "quotas " + programmeId);
      for (Xuequ xq : county.xuequ()) {
        List<Map<String, Object>> selected = county.schools().stream().filter(sc -> xq.id().equals(sc.xuequId())).limit(4)
            .map(sc -> Map.<String, Object>of("schoolId", sc.id(), "plannedYear", 2026)).toList();
        GongyuClient.require(client.put(base + "/programmes/" + programmeId + "/arrangement/" + xq.id(), Map.of("schools", selected)),
            "arrangement " + xq.id());
      }
      Map<String, Object> assessor = new LinkedHashMap<>();
      assessor.put("name", county.name() + "评估专家");
      assessor.put("homeSchoolId", null);
      assessor.put("formerSchoolIds", List.of());
      GongyuClient.require(client.put(base + "/assessors/assessor-" + county.id(), assessor), "assessor of " + county.id());
      if (today.isBefore(opens) || today.isAfter(deadline)) {
        out.printf("  demonstration %s: programme set up; applications closed on %s%n", programmeId, deadline);
        continue;
      }
      int applied = 0;
      List<String> received = new ArrayList<>();
      for (School school : county.schools().subList(0, 6)) {
        String path = "/api/school/schools/" + school.id() + "/demonstration/applications";
        Map<String, Object> body = Map.of("programmeId", programmeId,
            "baseline", List.of(Map.of("areaCode", "A1", "level", 3, "note", "家长学校已挂牌，数字家长学校注册率待提高"),
                Map.of("areaCode", "A3", "level", 2, "note", "家访档案尚未做到一生一档")),
            "plan", "一校一案：分析差距，明确路径，一年内按四项任务创建。");
        GongyuClient.Reply reply = eventuallyOk(client, () -> client.post(path, body), "application of " + school.id());
        if (reply.status() == 201) {
          applied++;
        }
      }
      String list = base + "/applications?programmeId=" + programmeId;
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (true) {
        GongyuClient.Reply r = client.get(list);
        received.clear();
        if (r.ok()) {
          r.body().forEach(a -> received.add(a.path("id").asString() + ":" + a.path("schoolId").asString()
              + ":" + a.path("status").asString()));
        }
        if (received.size() >= 6 || System.nanoTime() > until) {
          break;
        }
        GongyuClient.sleep(250);
      }
      received.sort(java.util.Comparator.comparing(x -> x.split(":")[1]));
      int accepted = 0;
      for (int i = 0; i < received.size(); i++) {
        String[] a = received.get(i).split(":");
        if (!"APPLIED".equals(a[2])) {
          continue;
        }
        String app = base + "/applications/" + a[0];
        if (i < 4) {
          GongyuClient.require(client.post(app + "/accept", Map.of("note", "学区遴选推荐")), "accept " + a[1]);
          accepted++;
        } else if (i == 4) {
          GongyuClient.require(client.post(app + "/decline", Map.of("reason", "本年度名额已满，建议下一批次申报")), "decline " + a[1]);
        }
      }
      out.printf("  demonstration %s: target 100 (50/40/10), %d new applications, %d selected now%n", programmeId, applied, accepted);
    }
  }

  /** Retries while the tier below has not yet heard of the programme or county (404/422), up to 60 s. */
  private static GongyuClient.Reply eventuallyOk(GongyuClient client, java.util.function.Supplier<GongyuClient.Reply> call, String what) {
    long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      GongyuClient.Reply r = call.get();
      if (r.ok() || r.status() == 409 || System.nanoTime() > until) {
        if (!r.ok() && r.status() != 409) {
          throw new IllegalStateException(what + " answered " + r.status() + ": " + r.body());
        }
        return r;
      }
      GongyuClient.sleep(250);
    }
  }
}
