package org.gongyu.tools;

import java.time.Duration;
import java.time.Instant;
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
 * The demo city (演示市): 3 counties, 30 schools in 学区, classes with enrolment, and platform
 * registrations for the current semester. Generated from a fixed seed so that loading it twice
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

  private final Semester semester;
  private final List<County> counties;

  private DemoCity(Semester semester, List<County> counties) {
    this.semester = semester;
    this.counties = counties;
  }

  public Semester semester() {
    return semester;
  }

  public List<County> counties() {
    return counties;
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
        schools.add(new School(id, name, junior ? "JUNIOR_SECONDARY" : "PRIMARY", xuequ.get(n % 2).id(), classes, registrations, students));
      }
      counties.add(new County(c[0], c[1], xuequ, schools));
    }
    return new DemoCity(semester, counties);
  }

  /** Loads everything through the gateway, then waits until reporting shows each county's figure. */
  public void load(GongyuClient client, java.io.PrintStream out) {
    out.printf("demo city 演示市, semester %s: %d counties, %d schools%n", semester, counties.size(),
        counties.stream().mapToInt(c -> c.schools().size()).sum());
    for (County county : counties) {
      client.putCounty(county.id(), county.name());
    }
    for (County county : counties) {
      for (Xuequ xq : county.xuequ()) {
        client.putXuequ(county.id(), xq.id(), xq.name());
      }
      for (School school : county.schools()) {
        client.putSchool(county.id(), school.id(), school.name(), school.type(), school.xuequId());
      }
    }
    for (County county : counties) {
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
    Map<String, Long> expected = new LinkedHashMap<>();
    counties.forEach(c -> expected.put(c.id(), c.schools().stream().mapToLong(School::studentsRegistered).sum()));
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
}
