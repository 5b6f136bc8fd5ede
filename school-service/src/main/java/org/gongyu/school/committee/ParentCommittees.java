package org.gongyu.school.committee;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import java.util.Optional;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.school.records.Findings;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.indicator.IndicatorCodes;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records and corrects a school's parent committees. */
@Service
class ParentCommittees {

  /** Periods start in 2000 at the earliest; nothing older is a record of this platform. */
  static final LocalDate EARLIEST = LocalDate.of(2001, 1, 1);

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final SchoolClasses classes;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final CityCalendar calendar;
  private final RecordTrail trail;

  /** The family's name in the record trail. */
  static final String FAMILY = "PARENT_COMMITTEE";

  ParentCommittees(JdbcClient jdbc, SchoolRegistry registry, SchoolClasses classes, ApplicationEventPublisher events,
      Clock clock, CityCalendar calendar, RecordTrail trail) {
    this.trail = trail;
    this.jdbc = jdbc;
    this.registry = registry;
    this.classes = classes;
    this.events = events;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** A committee as stored. */
  record Committee(String committeeId, CommitteeRequest.Level level, String classId, LocalDate foundedOn,
      LocalDate termEndsOn, String venue, boolean plaque, boolean rulesAdopted, LocalDate dissolvedOn, Integer grade) {

    /** In term on {@code day}: founded on or before it, its term not yet over, not dissolved on or before it. */
    boolean inTermOn(LocalDate day) {
      return !foundedOn.isAfter(day) && day.isBefore(termEndsOn) && (dissolvedOn == null || dissolvedOn.isAfter(day));
    }
  }

  /** The outcome of a PUT: whether the committee is new, whether anything changed, how it now stands. */
  record Saved(boolean created, boolean changed, Committee committee, int version) {}

  @Transactional
  Saved save(String schoolId, String committeeId, CommitteeRequest r) {
    return save(schoolId, committeeId, r, null);
  }

  /**
   * {@link #save(String, String, CommitteeRequest)}, the change dated on {@code datedOn} if given: a general
   * election renews the term on its own day, so a signed-off period of the committee's founding does not refuse it.
   */
  @Transactional
  Saved save(String schoolId, String committeeId, CommitteeRequest r, LocalDate datedOn) {
    if (r.level() == CommitteeRequest.Level.CLASS && r.classId() == null) {
      throw ApiProblem.badRequest(Msg.msg("school.committee.class-required"));
    }
    registry.lockForUpdate(schoolId);
    LocalDate today = calendar.today();
    LocalDate termEnds = r.termEndsOrDefault();
    List<String> errors = new ArrayList<>();
    boolean dated = true;
    if (r.foundedOn().isAfter(today)) {
      errors.add("foundedOn: " + r.foundedOn() + " is in the future");
      dated = false;
    } else if (r.foundedOn().isBefore(EARLIEST)) {
      errors.add("foundedOn: " + r.foundedOn() + " is before " + EARLIEST);
      dated = false;
    }
    if (!termEnds.isAfter(r.foundedOn())) {
      errors.add("termEndsOn: " + termEnds + " must be after foundedOn " + r.foundedOn());
    }
    if (r.dissolvedOn() != null) {
      if (r.dissolvedOn().isBefore(r.foundedOn())) {
        errors.add("dissolvedOn: " + r.dissolvedOn() + " is before foundedOn " + r.foundedOn());
      } else if (r.dissolvedOn().isAfter(today)) {
        errors.add("dissolvedOn: " + r.dissolvedOn() + " is in the future");
      }
    }
    if (r.grade() != null && r.level() != CommitteeRequest.Level.GRADE) {
      errors.add("grade: only a GRADE committee has a grade, this one is " + r.level());
    }
    if (r.level() != CommitteeRequest.Level.CLASS) {
      if (r.classId() != null) {
        errors.add("classId: only a CLASS committee belongs to a class, this one is " + r.level());
      }
    } else {
      Optional<SchoolClasses.SchoolClass> c = classes.find(schoolId, r.classId());
      if (c.isEmpty()) {
        errors.add("classId: class " + r.classId() + " is not recorded at school " + schoolId);
      } else if (dated) {
        String year = Period.containing(PeriodType.SCHOOL_YEAR, r.foundedOn(), calendar.calendar()).id();
        if (!c.get().schoolYear().equals(year)) {
          errors.add("classId: class " + r.classId() + " belongs to school year " + c.get().schoolYear()
              + ", but foundedOn " + r.foundedOn() + " falls in school year " + year);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.committee.not-recorded", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }

    Committee wanted = new Committee(committeeId, r.level(), r.classId(), r.foundedOn(), termEnds, r.venue(), r.plaque(),
        r.rulesAdopted(), r.dissolvedOn(), r.grade());
    Optional<Committee> existing = find(schoolId, committeeId);
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved(false, false, existing.get(),
          trail.versionOf(schoolId, FAMILY, committeeId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, committeeId);
    }
    jdbc.sql("""
            insert into parent_committee (school_id, committee_id, level, class_id, founded_on, term_ends_on, venue, plaque,
              rules_adopted, dissolved_on, grade, updated_at)
            values (:school, :committee, :level, :class, :founded, :termEnds, :venue, :plaque, :rules, :dissolved, :grade, :at)
            on conflict (school_id, committee_id) do update set level = excluded.level, class_id = excluded.class_id,
              founded_on = excluded.founded_on, term_ends_on = excluded.term_ends_on, venue = excluded.venue,
              plaque = excluded.plaque, rules_adopted = excluded.rules_adopted, dissolved_on = excluded.dissolved_on,
              grade = excluded.grade, updated_at = excluded.updated_at
            """)
        .param("school", schoolId)
        .param("committee", committeeId)
        .param("grade", wanted.grade(), java.sql.Types.SMALLINT)
        .param("level", wanted.level().name())
        .param("class", wanted.classId())
        .param("founded", Date.valueOf(wanted.foundedOn()))
        .param("termEnds", Date.valueOf(wanted.termEndsOn()))
        .param("venue", wanted.venue())
        .param("plaque", wanted.plaque())
        .param("rules", wanted.rulesAdopted())
        .param("dissolved", wanted.dissolvedOn() == null ? null : Date.valueOf(wanted.dissolvedOn()))
        .param("at", Timestamp.from(clock.instant()))
        .update();
    LocalDate from = existing.map(Committee::foundedOn).filter(d -> d.isBefore(wanted.foundedOn())).orElse(wanted.foundedOn());
    // dated on its founding and dissolution days that changed (old and new), else on its founding: a later period's
    // figure follows it, a signed-off period's stays frozen (ADR 0019)
    java.util.Set<LocalDate> lockDays = new java.util.TreeSet<>();
    if (existing.isEmpty() || !existing.get().foundedOn().equals(wanted.foundedOn())) {
      existing.ifPresent(e -> lockDays.add(e.foundedOn()));
      lockDays.add(wanted.foundedOn());
    }
    if (existing.isPresent() && !java.util.Objects.equals(existing.get().dissolvedOn(), wanted.dissolvedOn())) {
      java.util.stream.Stream.of(existing.get().dissolvedOn(), wanted.dissolvedOn()).filter(java.util.Objects::nonNull).forEach(lockDays::add);
    }
    if (datedOn != null) {
      lockDays.clear();
      lockDays.add(datedOn);
    }
    if (lockDays.isEmpty()) {
      lockDays.add(wanted.foundedOn());
    }
    events.publishEvent(RecordsChanged.of(schoolId, semestersSince(from), IndicatorCodes.COMMITTEE_COVERAGE,
        IndicatorCodes.CLASS_COMMITTEE_COVERAGE).datedOn(lockDays));
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, committeeId, wanted, reason)
        : trail.corrected(schoolId, FAMILY, committeeId, existing.get(), wanted, reason);
    return new Saved(existing.isEmpty(), true, wanted, version);
  }

  /** Withdraws a committee: it leaves the table (no figure counts it) and stays in its trail. 404 unknown, 409 withdrawn already. */
  @Transactional
  Tracked<Committee> withdraw(String schoolId, String committeeId, String reason) {
    registry.lockForUpdate(schoolId);
    Committee existing = trail.requireWithdrawable(schoolId, FAMILY, committeeId, find(schoolId, committeeId));
    jdbc.sql("delete from parent_committee where school_id = ? and committee_id = ?").params(schoolId, committeeId).update();
    events.publishEvent(RecordsChanged.of(schoolId, semestersSince(existing.foundedOn()), IndicatorCodes.COMMITTEE_COVERAGE,
            IndicatorCodes.CLASS_COMMITTEE_COVERAGE)
        .datedOn(java.util.Arrays.asList(existing.foundedOn(), existing.dissolvedOn())));
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, committeeId, existing, reason);
    return Tracked.withdrawn(existing, w.version(), w.reason(), w.at());
  }

  /** The committees as the school reads them back (of one class if given): active ones, then withdrawn ones. */
  List<Tracked<Committee>> tracked(String schoolId, String classId) {
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<Committee>> all = new ArrayList<>();
    list(schoolId).forEach(c -> all.add(trail.active(c, versions, c.committeeId())));
    all.addAll(trail.withdrawnRecords(schoolId, FAMILY, Committee.class));
    return all.stream().filter(t -> classId == null || classId.equals(t.record().classId())).toList();
  }

  List<HistoryEntry> history(String schoolId, String committeeId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, committeeId, find(schoolId, committeeId));
  }

  /**
   * One day in each semester from the one containing {@code from} to the current one. A committee's
   * term (and its correction) can change the state on the last day of any of them, and a semester's
   * figure is the state on its last day, so each is re-derived; later ones have not started.
   */
  private List<LocalDate> semestersSince(LocalDate from) {
    List<LocalDate> days = new ArrayList<>();
    Period current = calendar.current(PeriodType.SEMESTER);
    for (Period p = Period.containing(PeriodType.SEMESTER, from, calendar.calendar()); p.compareTo(current) <= 0; p = p.next()) {
      days.add(p.start(calendar.calendar()));
    }
    return days;
  }

  Optional<Committee> find(String schoolId, String committeeId) {
    return jdbc.sql(SELECT + " where school_id = ? and committee_id = ?")
        .params(schoolId, committeeId)
        .query((rs, n) -> committee(rs))
        .optional();
  }

  List<Committee> list(String schoolId) {
    registry.require(schoolId);
    return jdbc.sql(SELECT + " where school_id = ? order by founded_on, committee_id")
        .param(schoolId)
        .query((rs, n) -> committee(rs))
        .list();
  }

  /** Every committee's term, for the indicators. */
  List<CommitteeCoverageIndicator.Term> terms(String schoolId) {
    return jdbc.sql("select level, founded_on, term_ends_on, dissolved_on, class_id from parent_committee where school_id = ?")
        .param(schoolId)
        .query((rs, n) -> new CommitteeCoverageIndicator.Term(CommitteeRequest.Level.valueOf(rs.getString(1)),
            rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
            rs.getString(5)))
        .list();
  }

  private static final String SELECT = """
      select committee_id, level, class_id, founded_on, term_ends_on, venue, plaque, rules_adopted, dissolved_on, grade
      from parent_committee""";

  private static Committee committee(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Committee(rs.getString(1), CommitteeRequest.Level.valueOf(rs.getString(2)), rs.getString(3),
        rs.getDate(4).toLocalDate(), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8),
        rs.getDate(9) == null ? null : rs.getDate(9).toLocalDate(), (Integer) rs.getObject(10, Integer.class));
  }
}
