package org.gongyu.tools;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.gongyu.tools.GroundTruth.P;
import org.gongyu.tools.GroundTruth.PType;
import org.gongyu.tools.GroundTruthRecords.City;
import org.gongyu.tools.GroundTruthRecords.Committee;
import org.gongyu.tools.GroundTruthRecords.Consultation;
import org.gongyu.tools.GroundTruthRecords.County;
import org.gongyu.tools.GroundTruthRecords.HeadTraining;
import org.gongyu.tools.GroundTruthRecords.HomeContact;
import org.gongyu.tools.GroundTruthRecords.Instructor;
import org.gongyu.tools.GroundTruthRecords.Learning;
import org.gongyu.tools.GroundTruthRecords.Move;
import org.gongyu.tools.GroundTruthRecords.Op;
import org.gongyu.tools.GroundTruthRecords.Outreach;
import org.gongyu.tools.GroundTruthRecords.ParentSchool;
import org.gongyu.tools.GroundTruthRecords.Recommendation;
import org.gongyu.tools.GroundTruthRecords.Registration;
import org.gongyu.tools.GroundTruthRecords.Resource;
import org.gongyu.tools.GroundTruthRecords.SchoolClass;
import org.gongyu.tools.GroundTruthRecords.SchoolData;
import org.gongyu.tools.GroundTruthRecords.Session;
import org.gongyu.tools.GroundTruthRecords.SixOnes;
import org.gongyu.tools.GroundTruthRecords.SpecialStudent;
import org.gongyu.tools.GroundTruthRecords.Suggestion;
import org.gongyu.tools.GroundTruthRecords.VisitFile;

/**
 * A deterministic city of records of every kind of {@code docs/indicators.md} for the semester
 * {@code today} falls in: every random choice comes from one seeded {@link Random}, so a seed and a
 * day always give the same city. Records are dated from their period's start to the end of the
 * window (yesterday for the ground truth; a fixed window for the demo, so reloading it on a later day
 * sends the same records).
 */
public final class GroundTruthGenerator {

  public static final long DEFAULT_SEED = 20261125L;

  /** Enumerations of the record APIs. */
  static final List<String> MODES = List.of("IN_HOME", "PHONE", "WECHAT", "AT_SCHOOL");
    static final List<String> SPECIAL_CATEGORIES = List.of("LEFT_BEHIND", "SPECIAL_NEEDS", "HARDSHIP", "OTHER");
  static final List<String> ACTIVITIES = List.of("SONG", "PLAY", "BOOK", "FILM", "CHARITY", "HIKE");
  static final List<String> OUTREACH_CHANNELS = List.of("NOTICE", "WECHAT", "MEETING", "PLATFORM");
  static final List<String> CONSULTATION_CATEGORIES = List.of("STUDY", "EMOTION", "BEHAVIOUR", "FAMILY_RELATIONS", "OTHER");
  static final List<String> SUGGESTION_CATEGORIES = List.of("TEACHING", "HOMEWORK", "SAFETY", "CATERING", "FACILITIES", "ACTIVITIES",
      "HOME_SCHOOL", "MANAGEMENT", "OTHER");
  static final List<String> SUGGESTION_CHANNELS = List.of("PARENT_STATION", "MAILBOX", "MEETING", "ONLINE");
  static final List<String> RESOURCE_TYPES = List.of("ARTICLE", "VIDEO", "COURSE");
  static final List<String> AUTHORING_TIERS = List.of("CITY", "COUNTY", "SCHOOL");

  private static final String[][] COUNTIES = {
      {"990211", "真值一县"}, {"990212", "真值二县"}, {"990213", "真值三区"}, {"990214", "真值四县"}};

  /**
   * The city's unit of city-direct schools (市直学校, ADR 0027). A city has at most one, and the demo
   * city shares the test platform's city, so both use this id (see GroundTruthSystemIT).
   */
  public static final String CITY_DIRECT = "990100-ZS";
  public static final String CITY_DIRECT_NAME = "市直学校";

  private GroundTruthGenerator() {}

  /** The seed: {@code -Dgongyu.groundtruth.seed} or {@link #DEFAULT_SEED}. */
  public static long seed() {
    String s = System.getProperty("gongyu.groundtruth.seed");
    return s == null || s.isBlank() ? DEFAULT_SEED : Long.parseLong(s.trim());
  }

  /**
   * The ground-truth city: 4 counties of 15 schools (primary, junior, nine-year, senior and three
   * kindergartens each), every fifth… every third school in the second wave, the first three counties
   * setting deadlines, two schools moving county from the start of the current semester; and the
   * city-direct unit {@link #CITY_DIRECT} with a primary, a junior and a kindergarten (the last in the
   * second wave), setting a deadline.
   */
  public static City generate(long seed, LocalDate today) {
    Random r = new Random(seed);
    P semester = P.of(PType.SEMESTER, today);
    LocalDate yesterday = today.minusDays(1);
    if (!yesterday.isAfter(semester.start())) {
      throw new IllegalArgumentException("the semester " + semester.id() + " has just begun: nothing can be dated in it yet");
    }
    List<County> counties = new ArrayList<>();
    List<SchoolData> schools = new ArrayList<>();
    for (int c = 0; c < COUNTIES.length; c++) {
      String countyId = COUNTIES[c][0];
      counties.add(new County(countyId, COUNTIES[c][1], countyId + "-XQ1", c < 3));
      for (int n = 1; n <= 15; n++) {
        String type = n <= 8 ? "PRIMARY" : n <= 10 ? "JUNIOR_SECONDARY" : n == 11 ? "NINE_YEAR" : n == 12 ? "SENIOR_SECONDARY" : "KINDERGARTEN";
        String id = countyId + String.format("%04d", n);
        int wave = n % 3 == 0 ? 2 : 1;
        List<SchoolClass> classes = classes(r, type, semester.schoolYearId());
        SchoolData s = SchoolData.empty(id, COUNTIES[c][1] + "第" + n + "校", type, countyId, wave, classes);
        registrations(r, s, "gt", semester.start(), yesterday);
        fill(r, s, today, yesterday, true, "gt");
        if (GroundTruthRecords.SignOffPlan.of(id) == GroundTruthRecords.SignOffPlan.ON_TIME) {
          // it signs off before the deadline: the period is locked, it sends no correction after
          s.ops().removeIf(GroundTruthRecords.Op::late);
        }
        schools.add(s);
      }
    }
    // the city-direct unit: three schools, no 学区, a deadline like the first counties; drawn after
    // the counties so their schools stay as they were
    counties.add(new County(CITY_DIRECT, CITY_DIRECT_NAME, null, true, true));
    String[] directTypes = {"PRIMARY", "JUNIOR_SECONDARY", "KINDERGARTEN"};
    for (int n = 1; n <= directTypes.length; n++) {
      String id = "99021000" + String.format("%02d", n);
      SchoolData s = SchoolData.empty(id, "市直第" + n + "校", directTypes[n - 1], CITY_DIRECT, n % 3 == 0 ? 2 : 1,
          classes(r, directTypes[n - 1], semester.schoolYearId()));
      registrations(r, s, "gt", semester.start(), yesterday);
      fill(r, s, today, yesterday, true, "gt");
      if (GroundTruthRecords.SignOffPlan.of(id) == GroundTruthRecords.SignOffPlan.ON_TIME) {
        s.ops().removeIf(GroundTruthRecords.Op::late);
      }
      schools.add(s);
    }
    LocalDate from = semester.start();
    List<Move> moves = List.of(
        new Move("9902110001", "990211", "990212", "990212-XQ1", from),
        new Move("9902130002", "990213", "990214", "990214-XQ1", from));
    return new City(seed, today, counties, schools, moves);
  }

  static List<SchoolClass> classes(Random r, String type, String schoolYear) {
    int[] grades = switch (type) {
      case "JUNIOR_SECONDARY" -> new int[] {7, 8, 9};
      case "SENIOR_SECONDARY" -> new int[] {10, 11, 12};
      case "KINDERGARTEN" -> new int[] {1, 2, 3};
      case "NINE_YEAR" -> new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
      default -> new int[] {1, 2, 3, 4, 5, 6};
    };
    int count = 2 + r.nextInt(3);
    List<SchoolClass> classes = new ArrayList<>();
    Map<Integer, Integer> perGrade = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      int grade = grades[r.nextInt(grades.length)];
      int k = perGrade.merge(grade, 1, Integer::sum);
      classes.add(new SchoolClass("C" + grade + "-" + k, schoolYear, grade, grade + "年级" + k + "班", 20 + r.nextInt(26)));
    }
    return classes;
  }

  static String student(SchoolData s, String classId, int n) {
    return "ST-" + s.id() + "-" + classId + "-" + n;
  }

  static void registrations(Random r, SchoolData s, String prefix, LocalDate from, LocalDate to) {
    double rate = 0.3 + r.nextDouble() * 0.7;
    for (SchoolClass c : s.classes()) {
      int registered = (int) Math.min(c.enrolment(), Math.round(c.enrolment() * rate));
      for (int n = 1; n <= registered; n++) {
        int guardians = r.nextInt(4) == 0 ? 2 : 1;
        for (int g = 1; g <= guardians; g++) {
          s.registrations().add(new Registration(prefix + "-reg-" + s.id() + "-" + c.id() + "-" + n + "-" + g, c.id(),
              student(s, c.id(), n), "PG-" + s.id() + "-" + c.id() + "-" + n + "-" + g, at(r, day(r, from, to))));
        }
      }
    }
  }

  /**
   * Generates every record kind but registrations for a school whose classes (of the current
   * school year) and registrations are set.
   *
   * @param windowEnd last day any record is dated (at most yesterday)
   * @param priorYear also a class of the previous school year with in-home visits (the 3-year cycle)
   */
  /**
   * About two sessions in five name a lecturer of the city's registry (ADR 0024), chosen from the
   * school and session ids rather than drawn from the city's {@link Random}, so that every other
   * record of the city stays what the seed made it before lecturers were named.
   */
  static Session withLecturer(String schoolId, String sessionId, Session session) {
    int h = Math.floorMod((schoolId + "/" + sessionId).hashCode(), 1000);
    if (h % 5 >= 2) {
      return session;
    }
    return session.naming(GroundTruthRecords.LECTURERS.get((h / 5) % GroundTruthRecords.LECTURERS.size()));
  }

  public static void fill(Random r, SchoolData s, LocalDate today, LocalDate windowEnd, boolean priorYear, String prefix) {
    P sem = P.of(PType.SEMESTER, today);
    P year = P.of(PType.SCHOOL_YEAR, today);
    P calendarYear = P.of(PType.CALENDAR_YEAR, today);
    LocalDate from = sem.start();
    String x = prefix + "-" + s.id() + "-";
    List<SchoolClass> current = List.copyOf(s.classes().stream().filter(c -> c.schoolYear().equals(year.id())).toList());
    List<Op> first = new ArrayList<>();
    List<Op> late = new ArrayList<>();

    // platform learning by registered guardians, and recommendations (some in the previous calendar year)
    Map<String, Instant> guardians = new LinkedHashMap<>();
    s.registrations().forEach(g -> guardians.merge(g.guardianRef(), g.registeredAt(), (a, b) -> a.isBefore(b) ? a : b));
    int learningN = 0;
    for (var g : guardians.entrySet()) {
      LocalDate registered = g.getValue().atZone(GroundTruth.ZONE).toLocalDate();
      if (registered.isAfter(windowEnd)) {
        continue;
      }
      int n = r.nextInt(9);
      for (int i = 0; i < n; i++) {
        s.learning().add(new Learning(x + "learn-" + (++learningN), g.getKey(), "R-" + r.nextInt(300),
            at(r, day(r, registered, windowEnd)), 5 + r.nextInt(56)));
      }
    }
    int recommendations = 12 + r.nextInt(22);
    for (int i = 1; i <= recommendations; i++) {
      int resource = r.nextInt(40);
      LocalDate d = r.nextInt(10) == 0 ? day(r, calendarYear.start().minusYears(1), calendarYear.start().minusDays(1))
          : day(r, calendarYear.start(), windowEnd);
      s.recommendations().add(new Recommendation(x + "rec-" + i, "RES-" + resource, "家庭教育资源" + resource,
          pick(r, RESOURCE_TYPES), pick(r, AUTHORING_TIERS), at(r, d)));
    }

    // parent-school sessions: class sessions per class, collective ones, corrections and withdrawals
    int sessionN = 0;
    List<String> classSessions = new ArrayList<>();
    Map<String, Session> sessions = new LinkedHashMap<>();
    for (SchoolClass c : current) {
      int k = new int[] {0, 1, 1, 2, 2, 2, 3, 3}[r.nextInt(8)];
      for (int i = 0; i < k; i++) {
        String id = "S" + (++sessionN);
        Session session = withLecturer(s.id(), id, new Session("CLASS", c.id(), day(r, from, windowEnd), "家长课堂" + sessionN,
            "讲师" + r.nextInt(20), r.nextBoolean() ? "ONLINE" : "OFFLINE", 10 + r.nextInt(c.enrolment())));
        sessions.put(id, session);
        classSessions.add(id);
        first.add(new Op(Resource.SESSION, id, session, false));
      }
    }
    int collective = new int[] {0, 1, 1, 2}[r.nextInt(4)];
    for (int i = 0; i < collective; i++) {
      String id = "S" + (++sessionN);
      Session session = withLecturer(s.id(), id, new Session("COLLECTIVE", null, day(r, from, windowEnd), "全校家长会" + sessionN,
          "校长", r.nextBoolean() ? "ONLINE" : "OFFLINE", 50 + r.nextInt(200)));
      sessions.put(id, session);
      first.add(new Op(Resource.SESSION, id, session, false));
    }
    if (r.nextInt(10) == 0) {
      // a collective session of the previous semester: it must not count in this one
      String id = "S" + (++sessionN);
      first.add(new Op(Resource.SESSION, id, new Session("COLLECTIVE", null, day(r, from.minusMonths(3), from.minusMonths(2)),
          "上学期家长会", "校长", "OFFLINE", 80), false));
    }
    if (!classSessions.isEmpty() && r.nextInt(10) < 3) {
      String id = pick(r, classSessions);
      Session old = sessions.get(id);
      Session moved = new Session(old.type(), old.classId(), day(r, from, windowEnd), old.topic(), old.lecturer(), old.mode(), old.attendance(),
          old.lecturerRef());
      late.add(new Op(Resource.SESSION, id, moved, true));
    }
    if (!classSessions.isEmpty() && r.nextInt(10) < 2) {
      String id = pick(r, classSessions);
      Session old = sessions.get(id);
      late.add(new Op(Resource.SESSION, id, new Session("COLLECTIVE", null, old.date(), old.topic(), old.lecturer(), old.mode(),
          old.attendance(), old.lecturerRef()), true));
    }
    String withdrawn = null;
    if (!classSessions.isEmpty() && r.nextInt(10) < 2) {
      withdrawn = pick(r, classSessions);
      late.add(new Op(Resource.SESSION, withdrawn, null, true));
    }
    if (!sessions.isEmpty() && r.nextInt(10) < 2) {
      String id = pick(r, new ArrayList<>(sessions.keySet()));
      if (!id.equals(withdrawn)) { // a withdrawn record is not recorded again (issue 13: PUT → 409)
        late.add(new Op(Resource.SESSION, id, sessions.get(id), true)); // identical re-PUT (maybe after a correction: then it reverts)
      }
    }

    // parent school, its head's trainings
    String head = null;
    if (r.nextInt(100) < 85) {
      head = "校长" + r.nextInt(100);
      LocalDate established = r.nextInt(10) < 6 ? day(r, LocalDate.of(2024, 3, 1), from.minusDays(1)) : day(r, from, windowEnd);
      ParentSchool ps = new ParentSchool(head, established, "校长任校长，德育处负责日常", "家长学校章程");
      first.add(new Op(Resource.PARENT_SCHOOL, "", ps, false));
      if (r.nextInt(10) < 2) {
        head = "新校长" + r.nextInt(100);
        late.add(new Op(Resource.PARENT_SCHOOL, "", new ParentSchool(head, established, ps.structure(), ps.rules()), true));
      } else if (r.nextInt(10) == 0) {
        late.add(new Op(Resource.PARENT_SCHOOL, "", ps, true));
      }
    }
    int trainings = r.nextInt(3);
    for (int i = 1; i <= trainings; i++) {
      String person = head != null && r.nextInt(10) < 6 ? (i == 1 && r.nextInt(4) == 0 ? "校长" + r.nextInt(100) : head) : "教师" + r.nextInt(50);
      first.add(new Op(Resource.HEAD_TRAINING, "T" + i, new HeadTraining(person, "家校共育培训", day(r, LocalDate.of(2025, 1, 1), windowEnd)), false));
    }

    // instructors
    int instructors = new int[] {0, 1, 1, 2}[r.nextInt(4)];
    for (int i = 1; i <= instructors; i++) {
      LocalDate certified = day(r, LocalDate.of(2023, 1, 1), windowEnd);
      LocalDate left = certified.isBefore(windowEnd) && r.nextInt(100) < 15 ? day(r, certified.plusDays(1), windowEnd) : null;
      Instructor in = new Instructor("指导师" + i, "CERT-" + s.id() + "-" + i, certified, left);
      first.add(new Op(Resource.INSTRUCTOR, "I" + i, in, false));
      if (left == null && certified.isBefore(windowEnd) && r.nextInt(10) == 0) {
        late.add(new Op(Resource.INSTRUCTOR, "I" + i, new Instructor(in.name(), in.certificateNo(), certified,
            day(r, maxOf(certified.plusDays(1), from), windowEnd)), true));
      }
    }

    // committees: a school-level one in term (or ending before the semester's last day, or dissolved later), class ones
    if (r.nextInt(100) < 80) {
      LocalDate founded = day(r, LocalDate.of(2024, 9, 1), windowEnd.minusDays(1));
      LocalDate termEnds = r.nextInt(100) < 80 ? LocalDate.of(founded.getYear() + 3, 8, 31) : sem.last().minusDays(10);
      Committee c = new Committee("SCHOOL", null, founded, termEnds, "会议室", true, true, null);
      first.add(new Op(Resource.COMMITTEE, "K1", c, false));
      if (r.nextInt(10) < 2) {
        late.add(new Op(Resource.COMMITTEE, "K1", new Committee("SCHOOL", null, founded, termEnds, "会议室", true, true,
            day(r, maxOf(founded.plusDays(1), from), windowEnd)), true));
      }
    }
    if (r.nextBoolean()) {
      SchoolClass c = pick(r, current);
      first.add(new Op(Resource.COMMITTEE, "K2", new Committee("CLASS", c.id(), day(r, from, windowEnd),
          LocalDate.of(year.endExclusive().getYear(), 7, 15), c.name() + "教室", false, true, null), false));
    }
    // more class committees (CLASS_COMMITTEE_COVERAGE), from a stream seeded by the school's:
    // one whose term ends on the semester's last day (not in term that day), one dissolved late, one corrected into term
    Random kc = new Random(r.nextLong());
    for (int i = 0; i < current.size(); i++) {
      SchoolClass c = current.get(i);
      int dice = kc.nextInt(10);
      if (dice < 4) {
        continue;
      }
      String id = "KC" + (i + 1);
      LocalDate founded = day(kc, from, windowEnd);
      LocalDate termEnds = dice == 4 ? sem.last() : founded.plusYears(3).minusDays(1);
      Committee committee = new Committee("CLASS", c.id(), founded, termEnds, c.name() + "教室", kc.nextBoolean(), true, null);
      first.add(new Op(Resource.COMMITTEE, id, committee, false));
      if (dice == 5) {
        late.add(new Op(Resource.COMMITTEE, id, new Committee("CLASS", c.id(), founded, termEnds, committee.venue(), committee.plaque(),
            true, windowEnd), true));
      } else if (dice == 4 && kc.nextBoolean()) {
        late.add(new Op(Resource.COMMITTEE, id, new Committee("CLASS", c.id(), founded, sem.last().plusDays(1), committee.venue(),
            committee.plaque(), true, null), true));
      }
    }

    // home contacts (and last year's in-home visits), visit files
    Set<String> visitedThisSemester = new LinkedHashSet<>();
    Map<String, LocalDate> firstVisit = new LinkedHashMap<>();
    double contactRate = 0.5 + r.nextDouble() * 0.5;
    int contactN = 0;
    for (SchoolClass c : current) {
      for (int n = 1; n <= c.enrolment(); n++) {
        if (r.nextDouble() >= contactRate) {
          continue;
        }
        int k = 1 + r.nextInt(2);
        for (int i = 0; i < k; i++) {
          String mode = r.nextInt(10) < 3 ? "IN_HOME" : pick(r, MODES.subList(1, MODES.size()));
          LocalDate d = day(r, from, windowEnd);
          String st = student(s, c.id(), n);
          s.homeContacts().add(new HomeContact(x + "hc-" + (++contactN), c.id(), st, d, mode, r.nextInt(5) == 0));
          if (mode.equals("IN_HOME")) {
            visitedThisSemester.add(st);
            firstVisit.merge(st, d, (a, b) -> a.isBefore(b) ? a : b);
          }
        }
      }
    }
    List<String[]> priorVisited = new ArrayList<>();
    if (priorYear) {
      P previous = P.of(PType.SCHOOL_YEAR, year.start().minusDays(1));
      SchoolClass now = current.stream().filter(c -> c.grade() > 1).findFirst().orElse(null);
      if (now != null) {
        SchoolClass before = new SchoolClass("P" + (now.grade() - 1) + "-1", previous.id(), now.grade() - 1,
            (now.grade() - 1) + "年级1班", now.enrolment());
        s.classes().add(before);
        for (int n = 1; n <= now.enrolment(); n++) {
          if (r.nextInt(10) < 4) {
            LocalDate d = day(r, previous.start().plusDays(30), previous.start().plusDays(280));
            String st = student(s, now.id(), n);
            s.homeContacts().add(new HomeContact(x + "hc-" + (++contactN), before.id(), st, d, "IN_HOME", false));
            priorVisited.add(new String[] {st, before.id(), d.toString()});
          }
        }
      }
    }
    for (String st : visitedThisSemester) {
      if (r.nextInt(100) < 75) {
        s.visitFiles().add(new VisitFile(st, classOf(st), day(r, firstVisit.get(st), windowEnd)));
      }
    }
    for (String[] pv : priorVisited) {
      if (!visitedThisSemester.contains(pv[0]) || r.nextInt(3) == 0) {
        if (s.visitFiles().stream().noneMatch(f -> f.studentRef().equals(pv[0])) && r.nextInt(3) == 0) {
          LocalDate d = LocalDate.parse(pv[2]);
          s.visitFiles().add(new VisitFile(pv[0], pv[1], day(r, d, d.plusDays(20))));
        }
      }
    }

    // special students, with care files and plans completed later
    int special = r.nextInt(7);
    for (int i = 1; i <= special; i++) {
      SchoolClass c = pick(r, current);
      String st = student(s, c.id(), 1 + r.nextInt(c.enrolment()));
      LocalDate registered = day(r, from, windowEnd);
      LocalDate careFile = r.nextInt(10) < 7 ? day(r, registered, windowEnd) : null;
      LocalDate plan = r.nextInt(10) < 7 ? day(r, registered, windowEnd) : null;
      LocalDate closed = r.nextInt(100) < 15 ? day(r, registered, windowEnd) : null;
      String category = pick(r, SPECIAL_CATEGORIES);
      SpecialStudent e = new SpecialStudent(c.id(), st, category, registered, careFile, plan, closed, "家庭情况说明" + i);
      if ((careFile == null || plan == null) && closed == null && r.nextInt(10) < 4) {
        first.add(new Op(Resource.SPECIAL_STUDENT, "E" + i, e, false));
        late.add(new Op(Resource.SPECIAL_STUDENT, "E" + i, new SpecialStudent(c.id(), st, category, registered,
            careFile == null ? day(r, registered, windowEnd) : careFile, plan == null ? day(r, registered, windowEnd) : plan, null,
            e.notes()), true));
      } else {
        first.add(new Op(Resource.SPECIAL_STUDENT, "E" + i, e, false));
      }
    }

    // consultation outreach and cases
    double outreachRate = 0.5 + r.nextDouble() * 0.5;
    int outreachN = 0;
    for (SchoolClass c : current) {
      for (int n = 1; n <= c.enrolment(); n++) {
        if (r.nextDouble() < outreachRate) {
          int k = r.nextInt(5) == 0 ? 2 : 1;
          for (int i = 0; i < k; i++) {
            s.outreach().add(new Outreach(x + "out-" + (++outreachN), c.id(), student(s, c.id(), n), pick(r, OUTREACH_CHANNELS),
                day(r, from, windowEnd)));
          }
        }
      }
    }
    int cases = r.nextInt(7);
    for (int i = 1; i <= cases; i++) {
      SchoolClass c = pick(r, current);
      LocalDate opened = day(r, from, windowEnd);
      Instant appointment = opened.atTime(15, 30).atZone(GroundTruth.ZONE).toInstant();
      Consultation open = new Consultation(c.id(), student(s, c.id(), 1 + r.nextInt(c.enrolment())), pick(r, CONSULTATION_CATEGORIES),
          opened, appointment, "咨询师" + r.nextInt(10), "OPEN", null, "咨询记录" + i);
      int fate = r.nextInt(10);
      if (fate < 2) {
        first.add(new Op(Resource.CONSULTATION, "Q" + i, withStatus(open, "RESOLVED", day(r, opened, windowEnd)), false));
      } else if (fate < 7) {
        first.add(new Op(Resource.CONSULTATION, "Q" + i, open, false));
        late.add(new Op(Resource.CONSULTATION, "Q" + i, withStatus(open, "RESOLVED", day(r, opened, windowEnd)), true));
      } else if (fate < 8) {
        first.add(new Op(Resource.CONSULTATION, "Q" + i, withStatus(open, "REFERRED", null), false));
      } else {
        first.add(new Op(Resource.CONSULTATION, "Q" + i, open, false));
      }
    }

    // six ones
    double sixRate = 0.5 + r.nextDouble() * 0.5;
    int sixN = 0;
    for (SchoolClass c : current) {
      for (int n = 1; n <= c.enrolment(); n++) {
        if (r.nextDouble() < sixRate) {
          int k = 1 + r.nextInt(2);
          for (int i = 0; i < k; i++) {
            s.sixOnes().add(new SixOnes(x + "six-" + (++sixN), c.id(), student(s, c.id(), n), pick(r, ACTIVITIES), day(r, from, windowEnd)));
          }
        }
      }
    }

    // suggestions
    int suggestions = r.nextInt(7);
    for (int i = 1; i <= suggestions; i++) {
      LocalDate received = day(r, from, windowEnd);
      String category = pick(r, SUGGESTION_CATEGORIES);
      String channel = pick(r, SUGGESTION_CHANNELS);
      int fate = r.nextInt(10);
      if (fate < 2) {
        first.add(new Op(Resource.SUGGESTION, "G" + i, new Suggestion(received, category, channel, "RESOLVED", day(r, received, windowEnd)), false));
      } else {
        Suggestion open = new Suggestion(received, category, channel, "OPEN", null);
        first.add(new Op(Resource.SUGGESTION, "G" + i, open, false));
        if (fate < 7) {
          late.add(new Op(Resource.SUGGESTION, "G" + i, new Suggestion(received, category, channel, "RESOLVED", day(r, received, windowEnd)), true));
        } else if (fate == 9) {
          late.add(new Op(Resource.SUGGESTION, "G" + i, open, true)); // identical re-PUT
        }
      }
    }

    // open-school events and reading campaigns (issue 17 item 4), from a random of their own: every
    // record above stays what it was for a seed and a day
    openSchooling(new Random(java.util.Objects.hash(s.id(), prefix, today)), s, sem, year, current, windowEnd, first, late);
    // school-guard duty (W12; no figure rests on it), from a random of its own too
    guardDuty(new Random(java.util.Objects.hash(s.id(), prefix, today, "guard")), s, sem, windowEnd, first);

    s.ops().addAll(first);
    s.ops().addAll(late);
  }

  static final List<String> OPEN_SCHOOL_OTHER = List.of("OPEN_DAY", "RECEPTION_DAY", "MODEL_TALK", "ONLINE_THEME");
  static final List<String> PROFESSIONS = List.of("医生", "消防员", "工程师", "律师", "厨师", "警察");

  /**
   * Open-school events: whole-school and class parent meetings in the semester (some on one day), one
   * of last semester now and then, parents' lecture-hall sessions over the school year, other kinds;
   * late: a meeting moved, a lecture-hall session withdrawn. Reading campaigns of some classes that
   * ended by {@code windowEnd}, with check-ins (some students every day, some with gaps, some re-sent
   * with other minutes); late: a campaign lengthened by a day, or one withdrawn.
   */
  static void openSchooling(Random r, SchoolData s, P sem, P year, List<SchoolClass> current, LocalDate windowEnd, List<Op> first,
      List<Op> late) {
    LocalDate from = sem.start();
    Map<String, GroundTruthRecords.OpenSchoolEvent> events = new LinkedHashMap<>();
    int n = 0;
    int wholeSchool = new int[] {0, 1, 1, 2}[r.nextInt(4)];
    for (int i = 0; i < wholeSchool; i++) {
      LocalDate d = day(r, from, windowEnd);
      events.put("V" + (++n), new GroundTruthRecords.OpenSchoolEvent("PARENT_MEETING", null, d, "OFFLINE", "全校家长会", 100 + r.nextInt(300),
          null, null));
      for (SchoolClass c : current) {
        if (r.nextInt(3) == 0) { // the class meetings of the same afternoon
          events.put("V" + (++n), new GroundTruthRecords.OpenSchoolEvent("PARENT_MEETING", c.id(), d, "OFFLINE", "班级家长会",
              10 + r.nextInt(c.enrolment()), null, null));
        }
      }
    }
    if (!current.isEmpty() && r.nextInt(3) == 0) {
      SchoolClass c = pick(r, current);
      events.put("V" + (++n), new GroundTruthRecords.OpenSchoolEvent("PARENT_MEETING", c.id(), day(r, from, windowEnd),
          r.nextBoolean() ? "ONLINE" : "OFFLINE", "班级家长会", 10 + r.nextInt(c.enrolment()), null, null));
    }
    if (r.nextInt(8) == 0) { // of the previous semester: not this one's
      events.put("V" + (++n), new GroundTruthRecords.OpenSchoolEvent("PARENT_MEETING", null, day(r, from.minusMonths(3), from.minusMonths(2)),
          "OFFLINE", "上学期家长会", 150, null, null));
    }
    List<String> lectures = new ArrayList<>();
    int lectureHall = r.nextInt(7);
    for (int i = 0; i < lectureHall; i++) {
      String id = "V" + (++n);
      events.put(id, new GroundTruthRecords.OpenSchoolEvent("PARENTS_LECTURE_HALL", null, day(r, year.start(), windowEnd),
          r.nextBoolean() ? "ONLINE" : "OFFLINE", "父母大讲堂" + i, 50 + r.nextInt(400), null, null));
      lectures.add(id);
    }
    int others = r.nextInt(4);
    for (int i = 0; i < others; i++) {
      String type = pick(r, OPEN_SCHOOL_OTHER);
      events.put("V" + (++n), new GroundTruthRecords.OpenSchoolEvent(type, null, day(r, from, windowEnd),
          type.equals("ONLINE_THEME") ? "ONLINE" : "OFFLINE", "开放办学活动", 20 + r.nextInt(200), null, null));
    }
    if (!current.isEmpty() && r.nextBoolean()) {
      SchoolClass c = pick(r, current);
      events.put("V" + (++n), new GroundTruthRecords.OpenSchoolEvent("PARENTS_INTO_CLASSROOM", c.id(), day(r, from, windowEnd), "OFFLINE",
          "家长进课堂", c.enrolment(), pick(r, PROFESSIONS), "PG-" + s.id() + "-" + c.id() + "-1-1"));
    }
    events.forEach((id, e) -> first.add(new Op(Resource.OPEN_SCHOOL_EVENT, id, e, false)));
    List<String> meetings = events.entrySet().stream().filter(e -> e.getValue().type().equals("PARENT_MEETING")
        && !e.getValue().date().isBefore(from)).map(Map.Entry::getKey).toList();
    if (!meetings.isEmpty() && r.nextInt(10) < 3) {
      String id = pick(r, meetings);
      GroundTruthRecords.OpenSchoolEvent e = events.get(id);
      late.add(new Op(Resource.OPEN_SCHOOL_EVENT, id, new GroundTruthRecords.OpenSchoolEvent(e.type(), e.classId(), day(r, from, windowEnd),
          e.mode(), e.theme(), e.attendance(), null, null), true));
    }
    if (!lectures.isEmpty() && r.nextInt(10) < 3) {
      late.add(new Op(Resource.OPEN_SCHOOL_EVENT, pick(r, lectures), null, true));
    }

    // reading campaigns: 21 days (or 14), ended by windowEnd, in the classes of the school year
    int campaigns = current.isEmpty() ? 0 : r.nextInt(3);
    List<String> campaignIds = new ArrayList<>();
    for (int i = 1; i <= campaigns; i++) {
      int days = r.nextInt(4) == 0 ? 14 : 21;
      LocalDate latestStart = windowEnd.minusDays(days - 1L);
      if (latestStart.isBefore(from)) {
        break;
      }
      SchoolClass c = pick(r, current);
      String id = "RC" + i;
      GroundTruthRecords.ReadingCampaign campaign = new GroundTruthRecords.ReadingCampaign(c.id(), "亲子共读" + days + "天打卡",
          day(r, from, latestStart), days, 20 + r.nextInt(11));
      first.add(new Op(Resource.READING_CAMPAIGN, id, campaign, false));
      campaignIds.add(id);
      for (int st = 1; st <= c.enrolment(); st++) {
        int fate = r.nextInt(10);
        if (fate < 3) {
          continue; // did not take part
        }
        String student = student(s, c.id(), st);
        for (int k = 0; k < days; k++) {
          if (fate < 6 && r.nextInt(4) == 0) {
            continue; // gaps
          }
          LocalDate d = campaign.startDate().plusDays(k);
          s.readingCheckIns().add(new GroundTruthRecords.ReadingCheckIn(id, student, d, 10 + r.nextInt(40)));
          if (r.nextInt(40) == 0) { // checked in twice that day, other minutes: replaces, counts once
            s.readingCheckIns().add(new GroundTruthRecords.ReadingCheckIn(id, student, d, 5 + r.nextInt(40)));
          }
        }
      }
      if (r.nextInt(10) < 2 && !campaign.lastDay().isAfter(windowEnd.minusDays(1))) {
        late.add(new Op(Resource.READING_CAMPAIGN, id, new GroundTruthRecords.ReadingCampaign(campaign.classId(), campaign.name(),
            campaign.startDate(), days + 1, campaign.targetMinutes()), true));
      } else if (r.nextInt(10) == 0) {
        late.add(new Op(Resource.READING_CAMPAIGN, id, null, true));
      }
    }
  }

  private static Consultation withStatus(Consultation c, String status, LocalDate resolvedOn) {
    return new Consultation(c.classId(), c.studentRef(), c.category(), c.openedOn(), c.appointmentAt(), c.consultant(), status, resolvedOn,
        c.notes());
  }

  /** The class id inside a student reference {@code ST-<school>-<class>-<n>}. */
  private static String classOf(String studentRef) {
    String[] parts = studentRef.split("-");
    return parts[2] + "-" + parts[3];
  }

  static final List<String> GUARD_SLOTS = List.of("ARRIVAL", "DISMISSAL");

  /**
   * A school-guard team from the semester's first day (a guard, one or two teachers, up to three
   * parent volunteers), one teacher now and then leaving during the semester, and the duties of a few
   * days, each slot with one to three members standing guard that day (not on or after their leaving day).
   */
  static void guardDuty(Random r, SchoolData s, P sem, LocalDate windowEnd, List<Op> first) {
    LocalDate from = sem.start();
    Map<String, GroundTruthRecords.GuardMember> members = new LinkedHashMap<>();
    int n = 0;
    members.put("GM" + (++n), new GroundTruthRecords.GuardMember("SECURITY_GUARD", "GG-" + s.id() + "-1", from, null, null));
    for (int i = 0, teachers = 1 + r.nextInt(2); i < teachers; i++) {
      LocalDate left = i == 0 && r.nextInt(4) == 0 && windowEnd.isAfter(from.plusDays(1)) ? day(r, from.plusDays(1), windowEnd) : null;
      members.put("GM" + (++n), new GroundTruthRecords.GuardMember("TEACHER", "GT-" + s.id() + "-" + i, from, null, left));
    }
    for (int i = 0, parents = r.nextInt(4); i < parents; i++) {
      members.put("GM" + (++n), new GroundTruthRecords.GuardMember("PARENT", "GP-" + s.id() + "-" + i, day(r, from, windowEnd), true, null));
    }
    members.forEach((id, m) -> first.add(new Op(Resource.GUARD_MEMBER, id, m, false)));
    Set<LocalDate> days = new java.util.TreeSet<>();
    for (int i = 0, wanted = r.nextInt(6); i < wanted; i++) {
      days.add(day(r, from, windowEnd));
    }
    int d = 0;
    for (LocalDate date : days) {
      for (String slot : GUARD_SLOTS) {
        List<String> onTeam = members.entrySet().stream()
            .filter(e -> !e.getValue().signedUpOn().isAfter(date) && (e.getValue().leftOn() == null || e.getValue().leftOn().isAfter(date)))
            .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        java.util.Collections.shuffle(onTeam, r);
        List<String> standing = onTeam.subList(0, Math.min(onTeam.size(), 1 + r.nextInt(3)));
        if (!standing.isEmpty()) {
          first.add(new Op(Resource.GUARD_DUTY, "GD" + (++d), new GroundTruthRecords.GuardDuty(date, slot, List.copyOf(standing)), false));
        }
      }
    }
  }

  static LocalDate day(Random r, LocalDate from, LocalDate toInclusive) {
    long span = ChronoUnit.DAYS.between(from, toInclusive);
    return span <= 0 ? from : from.plusDays(r.nextLong(span + 1));
  }

  static Instant at(Random r, LocalDate day) {
    return day.atTime(7 + r.nextInt(14), r.nextInt(60)).atZone(GroundTruth.ZONE).toInstant();
  }

  private static LocalDate maxOf(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  static <T> T pick(Random r, List<T> list) {
    return list.get(r.nextInt(list.size()));
  }
}
