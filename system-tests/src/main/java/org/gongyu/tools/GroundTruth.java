package org.gongyu.tools;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * The expected figures, computed from the raw records with the rules of {@code docs/indicators.md}
 * written out again in plain Java. It deliberately uses nothing of the services nor of {@code
 * contracts} (periods, targets and rollup arithmetic are restated here), so that a misreading of the
 * spec on either side shows up as a difference instead of being shared.
 */
public final class GroundTruth {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  public enum PType { SEMESTER, SCHOOL_YEAR, CALENDAR_YEAR, PROGRAMME_CYCLE }

  public enum Kind { RATIO, COUNT, PER_CAPITA, SCHOOL_THRESHOLD }

  /** A period: first day and first day after, on the default calendar (Sep 1, Feb 1, cycles from 2024). */
  public record P(PType type, String id, LocalDate start, LocalDate endExclusive) {
    public LocalDate last() {
      return endExclusive.minusDays(1);
    }

    public boolean contains(LocalDate day) {
      return day != null && !day.isBefore(start) && day.isBefore(endExclusive);
    }

    public boolean contains(Instant at) {
      return at != null && !at.isBefore(start.atStartOfDay(ZONE).toInstant()) && at.isBefore(endInstant());
    }

    public Instant endInstant() {
      return endExclusive.atStartOfDay(ZONE).toInstant();
    }

    /** The period of {@code type} that {@code day} falls in. */
    public static P of(PType type, LocalDate day) {
      int y = day.getYear();
      int syStart = day.isBefore(LocalDate.of(y, 9, 1)) ? y - 1 : y;
      return switch (type) {
        case SEMESTER -> day.isBefore(LocalDate.of(y, 2, 1)) || !day.isBefore(LocalDate.of(y, 9, 1))
            ? new P(type, syStart + "-" + (syStart + 1) + "-1", LocalDate.of(syStart, 9, 1), LocalDate.of(syStart + 1, 2, 1))
            : new P(type, syStart + "-" + (syStart + 1) + "-2", LocalDate.of(syStart + 1, 2, 1), LocalDate.of(syStart + 1, 9, 1));
        case SCHOOL_YEAR -> new P(type, syStart + "-" + (syStart + 1), LocalDate.of(syStart, 9, 1), LocalDate.of(syStart + 1, 9, 1));
        case CALENDAR_YEAR -> new P(type, Integer.toString(y), LocalDate.of(y, 1, 1), LocalDate.of(y + 1, 1, 1));
        case PROGRAMME_CYCLE -> {
          int c = syStart - Math.floorMod(syStart - 2024, 3);
          yield new P(type, c + "-" + (c + 3), LocalDate.of(c, 9, 1), LocalDate.of(c + 3, 9, 1));
        }
      };
    }

    /** The school-year id ({@code 2026-2027}) of a semester or school year. */
    public String schoolYearId() {
      return P.of(PType.SCHOOL_YEAR, start).id();
    }
  }

  /** An indicator of the default catalogue, as the spec's table defines it. */
  public record Def(String code, Kind kind, PType periodType, BigDecimal target, boolean sensitive, Set<String> notForTypes) {
    public boolean appliesTo(String schoolType) {
      return !notForTypes.contains(schoolType);
    }
  }

  private static Def def(String code, Kind kind, PType type, String target, boolean sensitive, String... notFor) {
    return new Def(code, kind, type, target == null ? null : new BigDecimal(target), sensitive, Set.of(notFor));
  }

  /** The derived indicators of the default catalogue (DEMONSTRATION_SCHOOLS is issue 5, counted by the county; LECTURER_REGISTRATION ADR 0024). */
  public static final List<Def> INDICATORS = List.of(
      def("PLATFORM_REGISTRATION", Kind.RATIO, PType.SEMESTER, "0.60", false),
      def("PARENT_LEARNING_PER_CAPITA", Kind.PER_CAPITA, PType.SCHOOL_YEAR, "4", false),
      def("RESOURCES_RECOMMENDED", Kind.COUNT, PType.CALENDAR_YEAR, "20", false),
      def("COLLECTIVE_SESSIONS", Kind.COUNT, PType.SEMESTER, "1", false),
      def("CLASS_SESSIONS", Kind.RATIO, PType.SEMESTER, "1.00", false),
      def("PARENT_SCHOOL_ESTABLISHED", Kind.SCHOOL_THRESHOLD, PType.SEMESTER, "1.00", false),
      def("HEAD_TRAINING", Kind.RATIO, PType.SCHOOL_YEAR, "1.00", false),
      def("INSTRUCTOR_COVERAGE", Kind.SCHOOL_THRESHOLD, PType.SEMESTER, "1.00", false),
      def("COMMITTEE_COVERAGE", Kind.SCHOOL_THRESHOLD, PType.SEMESTER, "1.00", false),
      def("PARENT_CONTACT", Kind.RATIO, PType.SEMESTER, "1.00", false),
      def("HOME_VISIT_3Y", Kind.RATIO, PType.PROGRAMME_CYCLE, "1.00", false),
      def("VISIT_FILES", Kind.RATIO, PType.SEMESTER, "1.00", false),
      def("SPECIAL_CARE", Kind.RATIO, PType.SEMESTER, "1.00", true),
      def("CONSULTATION_OUTREACH", Kind.RATIO, PType.SCHOOL_YEAR, "1.00", false),
      def("CONSULTATION_RESOLUTION", Kind.RATIO, PType.SCHOOL_YEAR, null, true),
      def("SIX_ONES_PARTICIPATION", Kind.RATIO, PType.SCHOOL_YEAR, "0.80", false, "KINDERGARTEN"),
      def("SUGGESTIONS_RESOLVED", Kind.RATIO, PType.SCHOOL_YEAR, null, false),
      def("LECTURER_REGISTRATION", Kind.RATIO, PType.SCHOOL_YEAR, "1.00", false),
      def("PARENT_MEETINGS", Kind.COUNT, PType.SEMESTER, "1", false),
      def("LECTURE_HALL_SESSIONS", Kind.COUNT, PType.SCHOOL_YEAR, "4", false),
      def("READING_CAMPAIGN_COMPLETION", Kind.RATIO, PType.SEMESTER, "0.60", false),
      def("CLASS_COMMITTEE_COVERAGE", Kind.RATIO, PType.SEMESTER, "1.00", false),
      def("INSTRUCTOR_LICENSED", Kind.RATIO, PType.SEMESTER, null, false),
      def("PROBLEM_DISCOVERY", Kind.RATIO, PType.SCHOOL_YEAR, null, true));

  public static Def indicator(String code) {
    return INDICATORS.stream().filter(d -> d.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown indicator " + code));
  }

  public record Fig(long num, long den) {
    public Fig plus(Fig o) {
      return new Fig(num + o.num, den + o.den);
    }
  }

  // ---- targets and small cells, restated

  /** Whether a school's figure meets the target (exact: num ≥ target × den; COUNT: num ≥ target). */
  public static boolean meets(Def def, Fig f) {
    if (def.target() == null) {
      return false;
    }
    if (def.kind() == Kind.COUNT) {
      return BigDecimal.valueOf(f.num()).compareTo(def.target()) >= 0;
    }
    return f.den() > 0 && BigDecimal.valueOf(f.num()).compareTo(def.target().multiply(BigDecimal.valueOf(f.den()))) >= 0;
  }

  /** Sensitive figure with a count between 1 and 4: withheld above the school tier. */
  public static boolean suppressed(Def def, Fig f) {
    return def.sensitive() && (f.num() >= 1 && f.num() <= 4 || f.den() >= 1 && f.den() <= 4);
  }

  // ---- the records' final state

  /** Applies PUTs and DELETEs in order: the latest content per id, withdrawn ids gone. */
  @SuppressWarnings("unchecked")
  public static <T> Map<String, T> current(List<Op> ops, Resource resource) {
    Map<String, T> state = new TreeMap<>();
    for (Op op : ops) {
      if (op.resource() != resource) {
        continue;
      }
      if (op.content() == null) {
        state.remove(op.id());
      } else {
        state.put(op.id(), (T) op.content());
      }
    }
    return state;
  }

  /** Batch records de-duplicated by their external id (a re-sent record is the same record). */
  private static <T> Collection<T> distinct(List<T> records, java.util.function.Function<T, String> key) {
    Map<String, T> byId = new LinkedHashMap<>();
    records.forEach(r -> byId.putIfAbsent(key.apply(r), r));
    return byId.values();
  }

  private static Set<String> classesOf(SchoolData s, String schoolYear) {
    Set<String> ids = new HashSet<>();
    s.classes().stream().filter(c -> c.schoolYear().equals(schoolYear)).forEach(c -> ids.add(c.id()));
    return ids;
  }

  private static long enrolment(SchoolData s, String schoolYear) {
    return s.classes().stream().filter(c -> c.schoolYear().equals(schoolYear)).mapToLong(SchoolClass::enrolment).sum();
  }

  private static boolean onOrBefore(LocalDate d, LocalDate day) {
    return d != null && !d.isAfter(day);
  }

  // ---- the school figures, one rule per indicator

  /** The school's figure of an indicator for its period {@code p}, as of {@code today}. */
  public static Fig school(SchoolData s, String code, P p, LocalDate today) {
    String year = p.type() == PType.SEMESTER || p.type() == PType.SCHOOL_YEAR ? p.schoolYearId() : null;
    LocalDate last = p.last();
    return switch (code) {
      case "PLATFORM_REGISTRATION" -> {
        Set<String> classes = classesOf(s, year);
        Set<String> students = new HashSet<>();
        for (Registration r : distinct(s.registrations(), Registration::externalId)) {
          if (classes.contains(r.classId()) && r.registeredAt().isBefore(p.endInstant())) {
            students.add(r.studentRef());
          }
        }
        yield new Fig(students.size(), enrolment(s, year));
      }
      case "PARENT_LEARNING_PER_CAPITA" -> {
        long activities = distinct(s.learning(), Learning::externalId).stream().filter(l -> p.contains(l.occurredAt())).count();
        Set<String> classes = classesOf(s, year);
        Set<String> guardians = new HashSet<>();
        for (Registration r : distinct(s.registrations(), Registration::externalId)) {
          if (classes.contains(r.classId()) && r.registeredAt().isBefore(p.endInstant())) {
            guardians.add(r.guardianRef());
          }
        }
        yield new Fig(activities, guardians.size());
      }
      case "RESOURCES_RECOMMENDED" -> {
        Set<String> resources = new HashSet<>();
        distinct(s.recommendations(), Recommendation::externalId).stream().filter(r -> p.contains(r.recommendedAt()))
            .forEach(r -> resources.add(r.resourceId()));
        yield new Fig(resources.size(), 1);
      }
      case "COLLECTIVE_SESSIONS" -> {
        Map<String, Session> sessions = current(s.ops(), Resource.SESSION);
        yield new Fig(sessions.values().stream().filter(x -> x.type().equals("COLLECTIVE") && p.contains(x.date())).count(), 1);
      }
      case "CLASS_SESSIONS" -> {
        Map<String, Session> sessions = current(s.ops(), Resource.SESSION);
        Set<String> classes = classesOf(s, year);
        Map<String, Integer> perClass = new TreeMap<>();
        sessions.values().stream().filter(x -> x.type().equals("CLASS") && p.contains(x.date()) && classes.contains(x.classId()))
            .forEach(x -> perClass.merge(x.classId(), 1, Integer::sum));
        yield new Fig(perClass.values().stream().filter(n -> n >= 2).count(), classes.size());
      }
      case "LECTURER_REGISTRATION" -> {
        // distinct lecturers of the year's sessions: registry lecturers by ref, the others by name
        Set<String> refs = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Session x : GroundTruth.<Session>current(s.ops(), Resource.SESSION).values()) {
          if (!p.contains(x.date())) {
            continue;
          }
          if (x.lecturerRef() != null) {
            refs.add(x.lecturerRef());
          } else {
            names.add(x.lecturer().strip().replaceAll("\\s+", " "));
          }
        }
        long counted = GroundTruthRecords.LECTURERS.stream().filter(l -> refs.contains(l.ref()) && l.registeredAndTrained()).count();
        yield new Fig(counted, refs.size() + names.size());
      }
      case "PARENT_SCHOOL_ESTABLISHED" -> {
        ParentSchool ps = parentSchool(s);
        yield new Fig(ps != null && onOrBefore(ps.establishedOn(), last) ? 1 : 0, 1);
      }
      case "HEAD_TRAINING" -> {
        ParentSchool ps = parentSchool(s);
        if (ps == null || !onOrBefore(ps.establishedOn(), last)) {
          yield new Fig(0, 0);
        }
        Map<String, HeadTraining> trainings = current(s.ops(), Resource.HEAD_TRAINING);
        boolean trained = trainings.values().stream()
            .anyMatch(t -> t.personName().equals(ps.headName()) && onOrBefore(t.completedOn(), last));
        yield new Fig(trained ? 1 : 0, 1);
      }
      case "INSTRUCTOR_COVERAGE" -> {
        Map<String, Instructor> instructors = current(s.ops(), Resource.INSTRUCTOR);
        boolean any = instructors.values().stream()
            .anyMatch(i -> onOrBefore(i.certifiedOn(), last) && (i.leftOn() == null || i.leftOn().isAfter(last)));
        yield new Fig(any ? 1 : 0, 1);
      }
      case "INSTRUCTOR_LICENSED" -> {
        // instructors in post on the last day holding a city certificate issued to them and valid then / instructors in post
        long inPost = 0;
        long licensed = 0;
        for (Map.Entry<String, Instructor> e : GroundTruth.<Instructor>current(s.ops(), Resource.INSTRUCTOR).entrySet()) {
          Instructor i = e.getValue();
          if (!onOrBefore(i.certifiedOn(), last) || (i.leftOn() != null && !i.leftOn().isAfter(last))) {
            continue;
          }
          inPost++;
          GroundTruthRecords.CityCertificate c = GroundTruthRecords.cityCertificate(s.id(), e.getKey(), i);
          if (c != null && c.countsFor(i.name(), last)) {
            licensed++;
          }
        }
        yield new Fig(licensed, inPost);
      }
      case "COMMITTEE_COVERAGE" -> {
        Map<String, Committee> committees = current(s.ops(), Resource.COMMITTEE);
        boolean any = committees.values().stream().anyMatch(c -> c.level().equals("SCHOOL") && onOrBefore(c.foundedOn(), last)
            && c.termEndsOn().isAfter(last) && (c.dissolvedOn() == null || c.dissolvedOn().isAfter(last)));
        yield new Fig(any ? 1 : 0, 1);
      }
      case "CLASS_COMMITTEE_COVERAGE" -> {
        // the classes of the semester's school year with a CLASS committee in term on its last day / those classes
        Map<String, Committee> committees = current(s.ops(), Resource.COMMITTEE);
        Set<String> classes = classesOf(s, year);
        Set<String> covered = new HashSet<>();
        committees.values().stream().filter(c -> c.level().equals("CLASS") && classes.contains(c.classId())
                && onOrBefore(c.foundedOn(), last) && c.termEndsOn().isAfter(last) && (c.dissolvedOn() == null || c.dissolvedOn().isAfter(last)))
            .forEach(c -> covered.add(c.classId()));
        yield new Fig(covered.size(), classes.size());
      }
      case "PARENT_CONTACT" -> {
        Set<String> classes = classesOf(s, year);
        Set<String> students = new HashSet<>();
        distinct(s.homeContacts(), HomeContact::externalId).stream()
            .filter(c -> classes.contains(c.classId()) && p.contains(c.date())).forEach(c -> students.add(c.studentRef()));
        yield new Fig(students.size(), enrolment(s, year));
      }
      case "HOME_VISIT_3Y" -> {
        // the current school year: the latest started school year of the cycle
        P current = latestStartedSchoolYear(p, today);
        Set<String> classes = classesOf(s, current.id());
        Set<String> contacted = new HashSet<>();
        Set<String> visited = new HashSet<>();
        for (HomeContact c : distinct(s.homeContacts(), HomeContact::externalId)) {
          if (classes.contains(c.classId()) && current.contains(c.date())) {
            contacted.add(c.studentRef());
          }
          if (c.mode().equals("IN_HOME") && p.contains(c.date())) {
            visited.add(c.studentRef());
          }
        }
        contacted.retainAll(visited);
        yield new Fig(contacted.size(), enrolment(s, current.id()));
      }
      case "VISIT_FILES" -> {
        Set<String> visited = new HashSet<>();
        distinct(s.homeContacts(), HomeContact::externalId).stream()
            .filter(c -> c.mode().equals("IN_HOME") && p.contains(c.date())).forEach(c -> visited.add(c.studentRef()));
        Set<String> filed = new HashSet<>();
        distinct(s.visitFiles(), VisitFile::studentRef).stream().filter(f -> onOrBefore(f.openedOn(), last))
            .forEach(f -> filed.add(f.studentRef()));
        long withFile = visited.stream().filter(filed::contains).count();
        yield new Fig(withFile, visited.size());
      }
      case "SPECIAL_CARE" -> {
        Map<String, SpecialStudent> entries = current(s.ops(), Resource.SPECIAL_STUDENT);
        long active = 0;
        long cared = 0;
        for (SpecialStudent e : entries.values()) {
          if (onOrBefore(e.registeredOn(), last) && (e.closedOn() == null || e.closedOn().isAfter(last))) {
            active++;
            if (onOrBefore(e.careFileOn(), last) && onOrBefore(e.assistancePlanOn(), last)) {
              cared++;
            }
          }
        }
        yield new Fig(cared, active);
      }
      case "CONSULTATION_OUTREACH" -> {
        Set<String> classes = classesOf(s, year);
        Set<String> students = new HashSet<>();
        distinct(s.outreach(), Outreach::externalId).stream()
            .filter(o -> classes.contains(o.classId()) && p.contains(o.deliveredOn())).forEach(o -> students.add(o.studentRef()));
        yield new Fig(students.size(), enrolment(s, year));
      }
      case "CONSULTATION_RESOLUTION" -> {
        Map<String, Consultation> cases = current(s.ops(), Resource.CONSULTATION);
        long opened = cases.values().stream().filter(c -> p.contains(c.openedOn())).count();
        long resolved = cases.values().stream().filter(c -> p.contains(c.openedOn()) && c.status().equals("RESOLVED")
            && onOrBefore(c.resolvedOn(), last)).count();
        yield new Fig(resolved, opened);
      }
      case "PROBLEM_DISCOVERY" -> {
        // students of the year's classes with a case opened in the year (withdrawn cases are gone)
        Set<String> classes = classesOf(s, year);
        Set<String> students = new HashSet<>();
        Map<String, Consultation> cases = current(s.ops(), Resource.CONSULTATION);
        cases.values().stream().filter(c -> classes.contains(c.classId()) && p.contains(c.openedOn())).forEach(c -> students.add(c.studentRef()));
        yield new Fig(students.size(), enrolment(s, year));
      }
      case "SIX_ONES_PARTICIPATION" -> {
        Set<String> classes = classesOf(s, year);
        Set<String> students = new HashSet<>();
        distinct(s.sixOnes(), SixOnes::externalId).stream()
            .filter(o -> classes.contains(o.classId()) && p.contains(o.date())).forEach(o -> students.add(o.studentRef()));
        yield new Fig(students.size(), enrolment(s, year));
      }
      case "SUGGESTIONS_RESOLVED" -> {
        Map<String, Suggestion> all = current(s.ops(), Resource.SUGGESTION);
        long received = all.values().stream().filter(x -> p.contains(x.receivedOn())).count();
        long resolved = all.values().stream().filter(x -> p.contains(x.receivedOn()) && x.status().equals("RESOLVED")
            && onOrBefore(x.resolvedOn(), last)).count();
        yield new Fig(resolved, received);
      }
      case "PARENT_MEETINGS" -> {
        // days with a parent meeting (whole school or any class): several classes on one day are one meeting
        Map<String, GroundTruthRecords.OpenSchoolEvent> events = current(s.ops(), Resource.OPEN_SCHOOL_EVENT);
        yield new Fig(events.values().stream().filter(e -> e.type().equals("PARENT_MEETING") && p.contains(e.date()))
            .map(GroundTruthRecords.OpenSchoolEvent::date).distinct().count(), 1);
      }
      case "LECTURE_HALL_SESSIONS" -> {
        Map<String, GroundTruthRecords.OpenSchoolEvent> events = current(s.ops(), Resource.OPEN_SCHOOL_EVENT);
        yield new Fig(events.values().stream().filter(e -> e.type().equals("PARENTS_LECTURE_HALL") && p.contains(e.date())).count(), 1);
      }
      case "READING_CAMPAIGN_COMPLETION" -> {
        // of the students who checked in in a campaign ending in the semester, those on every one of its days
        Map<String, GroundTruthRecords.ReadingCampaign> campaigns = current(s.ops(), Resource.READING_CAMPAIGN);
        Map<String, Map<String, Set<LocalDate>>> days = new HashMap<>();
        for (GroundTruthRecords.ReadingCheckIn c : s.readingCheckIns()) {
          days.computeIfAbsent(c.campaignId(), k -> new HashMap<>()).computeIfAbsent(c.studentRef(), k -> new HashSet<>()).add(c.date());
        }
        Set<String> joined = new HashSet<>();
        Set<String> completed = new HashSet<>();
        campaigns.forEach((id, campaign) -> {
          if (!p.contains(campaign.lastDay())) {
            return;
          }
          days.getOrDefault(id, Map.of()).forEach((student, checked) -> {
            joined.add(student);
            boolean every = true;
            for (LocalDate d = campaign.startDate(); !d.isAfter(campaign.lastDay()); d = d.plusDays(1)) {
              every &= checked.contains(d);
            }
            if (every) {
              completed.add(student);
            }
          });
        });
        yield new Fig(completed.size(), joined.size());
      }
      default -> throw new IllegalArgumentException("no rule for " + code);
    };
  }

  private static ParentSchool parentSchool(SchoolData s) {
    Map<String, ParentSchool> ps = current(s.ops(), Resource.PARENT_SCHOOL);
    return ps.isEmpty() ? null : ps.values().iterator().next();
  }

  /** The latest school year of a cycle that has started by {@code today}. */
  private static P latestStartedSchoolYear(P cycle, LocalDate today) {
    P year = P.of(PType.SCHOOL_YEAR, cycle.start());
    while (year.endExclusive().isBefore(cycle.endExclusive()) && !year.endExclusive().isAfter(today)) {
      year = P.of(PType.SCHOOL_YEAR, year.endExclusive());
    }
    return year;
  }

  // ---- rollups

  /**
   * What a county (or, with counties summed, the city) should show for one indicator and period.
   * The sign-off counts (完成上报, ADR 0019) are of the schools counted, for the rollup's own period:
   * in force, in force and made by the deadline (null where the county set none), approved; null
   * where they are not known (another test's counties summed in).
   */
  public record Expected(
      Fig figure,
      int schoolsReporting,
      int schoolsExpected,
      int schoolsMeetingTarget,
      Integer schoolsOnTime,
      Integer schoolsUnderDeadline,
      Boolean met,
      boolean suppressed,
      Map<String, Fig> schools,
      Integer schoolsSignedOff,
      Integer schoolsSignedOffOnTime,
      Integer schoolsApproved) {

    public Expected(Fig figure, int schoolsReporting, int schoolsExpected, int schoolsMeetingTarget, Integer schoolsOnTime,
        Integer schoolsUnderDeadline, Boolean met, boolean suppressed, Map<String, Fig> schools) {
      this(figure, schoolsReporting, schoolsExpected, schoolsMeetingTarget, schoolsOnTime, schoolsUnderDeadline, met,
          suppressed, schools, null, null, null);
    }
  }

  /** The county a school belongs to in a period: the one it was in on the period's first day. */
  public static String countyOf(SchoolData s, P p, List<Move> moves) {
    String county = s.countyId();
    for (Move m : moves) {
      if (m.schoolId().equals(s.id()) && !m.effectiveFrom().isAfter(p.start())) {
        county = m.toCountyId();
      }
    }
    return county;
  }

  /** The period of an indicator that contains {@code today}. */
  public static P periodOf(Def def, LocalDate today) {
    return P.of(def.periodType(), today);
  }

  /** Expected figures per county id, for every county of the city, of one indicator. */
  public static Map<String, Expected> counties(City city, Def def) {
    P p = periodOf(def, city.today());
    // the schools sign off the current semester only
    boolean signedPeriod = p.equals(P.of(PType.SEMESTER, city.today()));
    Map<String, Expected> result = new LinkedHashMap<>();
    for (County county : city.counties()) {
      Fig sum = new Fig(0, 0);
      int expected = 0;
      int meeting = 0;
      int onTime = 0;
      int signedOff = 0;
      int signedOffOnTime = 0;
      int approved = 0;
      Map<String, Fig> schools = new TreeMap<>();
      for (SchoolData s : city.schools()) {
        if (!countyOf(s, p, city.moves()).equals(county.id()) || !def.appliesTo(s.type())) {
          continue;
        }
        // every school reports: its classes alone make it publish a snapshot of every indicator
        Fig f = school(s, def.code(), p, city.today());
        schools.put(s.id(), f);
        expected++;
        sum = sum.plus(f);
        if (meets(def, f)) {
          meeting++;
        }
        if (s.wave() == 1) {
          onTime++;
        }
        GroundTruthRecords.SignOffPlan plan = GroundTruthRecords.SignOffPlan.of(s.id());
        if (signedPeriod && plan.inForce()) {
          signedOff++;
          signedOffOnTime += plan == GroundTruthRecords.SignOffPlan.ON_TIME ? 1 : 0;
          approved += plan == GroundTruthRecords.SignOffPlan.APPROVED ? 1 : 0;
        }
      }
      Boolean met = def.target() == null ? null
          : def.kind() == Kind.COUNT ? expected > 0 && meeting == expected : meets(def, sum);
      result.put(county.id(), new Expected(sum, schools.size(), expected, meeting, county.setsDeadline() ? onTime : null,
          county.setsDeadline() ? expected : null, met, suppressed(def, sum), schools, signedOff,
          county.setsDeadline() ? signedOffOnTime : null, approved));
    }
    return result;
  }

  /** The city's expected figure: the counties summed; timeliness over the counties that set a deadline. */
  public static Expected city(City city, Def def) {
    Map<String, Expected> counties = counties(city, def);
    Fig sum = new Fig(0, 0);
    int reporting = 0;
    int expected = 0;
    int meeting = 0;
    Integer onTime = null;
    Integer under = null;
    int signedOff = 0;
    Integer signedOffOnTime = null;
    int approved = 0;
    for (Expected c : counties.values()) {
      signedOff += c.schoolsSignedOff();
      approved += c.schoolsApproved();
      if (c.schoolsSignedOffOnTime() != null) {
        signedOffOnTime = (signedOffOnTime == null ? 0 : signedOffOnTime) + c.schoolsSignedOffOnTime();
      }
      sum = sum.plus(c.figure());
      reporting += c.schoolsReporting();
      expected += c.schoolsExpected();
      meeting += c.schoolsMeetingTarget();
      if (c.schoolsOnTime() != null) {
        onTime = (onTime == null ? 0 : onTime) + c.schoolsOnTime();
        under = (under == null ? 0 : under) + c.schoolsExpected();
      }
    }
    Boolean met = def.target() == null ? null
        : def.kind() == Kind.COUNT ? expected > 0 && meeting == expected : meets(def, sum);
    return new Expected(sum, reporting, expected, meeting, onTime, under, met, suppressed(def, sum), Map.of(), signedOff,
        signedOffOnTime, approved);
  }

  /** Every derived indicator with its period id, for printing. */
  public static List<String> summary(City city) {
    List<String> lines = new ArrayList<>();
    for (Def def : INDICATORS) {
      Expected c = city(city, def);
      lines.add(String.format("%-27s %-10s %6d / %-6d reporting %d/%d meeting %d on time %s met %s signed off %d (on time %s, approved %d)%s",
          def.code(), periodOf(def, city.today()).id(), c.figure().num(), c.figure().den(), c.schoolsReporting(),
          c.schoolsExpected(), c.schoolsMeetingTarget(), c.schoolsOnTime() + "/" + c.schoolsUnderDeadline(), c.met(),
          c.schoolsSignedOff(), c.schoolsSignedOffOnTime(), c.schoolsApproved(), c.suppressed() ? " (suppressed)" : ""));
    }
    return lines;
  }
}
