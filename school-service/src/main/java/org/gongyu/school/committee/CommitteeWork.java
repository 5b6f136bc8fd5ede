package org.gongyu.school.committee;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.school.classes.SchoolClasses;
import org.gongyu.school.committee.CommitteeWorkRequests.ActivityRequest;
import org.gongyu.school.committee.CommitteeWorkRequests.ActivityType;
import org.gongyu.school.committee.CommitteeWorkRequests.Candidate;
import org.gongyu.school.committee.CommitteeWorkRequests.DeclarationRequest;
import org.gongyu.school.committee.CommitteeWorkRequests.DeclaredBy;
import org.gongyu.school.committee.CommitteeWorkRequests.DepartureRequest;
import org.gongyu.school.committee.CommitteeWorkRequests.ElectionRequest;
import org.gongyu.school.committee.CommitteeWorkRequests.Electorate;
import org.gongyu.school.committee.CommitteeWorkRequests.Kind;
import org.gongyu.school.committee.CommitteeWorkRequests.LeftReason;
import org.gongyu.school.committee.CommitteeWorkRequests.MemberRequest;
import org.gongyu.school.committee.CommitteeWorkRequests.NominatedBy;
import org.gongyu.school.committee.CommitteeWorkRequests.Role;
import org.gongyu.school.committee.CommitteeWorkRequests.Type;
import org.gongyu.school.privacy.PersonalDataGuard;
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.records.Findings;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A committee's members, elections, activities and fee-ban declarations (seeds W2, T11, §5.1,
 * readings 12 and 13). Parents appear only as keyed HMACs of the school's references ({@link
 * Pseudonymizer#guardian}); the trail keeps the member's view, which has no key either. Nothing here
 * feeds an indicator except a general election, which renews the committee's term through {@link
 * ParentCommittees#save} (and so re-derives COMMITTEE_COVERAGE and CLASS_COMMITTEE_COVERAGE).
 */
@Service
class CommitteeWork {

  /** A term is at most three years (T11). */
  static final int MAX_TERM_YEARS = 3;
  static final String MEMBER_FAMILY = "COMMITTEE_MEMBER";
  static final String ACTIVITY_FAMILY = "COMMITTEE_ACTIVITY";

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final ParentCommittees committees;
  private final SchoolClasses classes;
  private final Pseudonymizer pseudonymizer;
  private final PersonalDataGuard guard;
  private final RecordTrail trail;
  private final CityCalendar calendar;
  private final Clock clock;

  CommitteeWork(JdbcClient jdbc, SchoolRegistry registry, ParentCommittees committees, SchoolClasses classes,
      Pseudonymizer pseudonymizer, PersonalDataGuard guard, RecordTrail trail, CityCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.committees = committees;
    this.classes = classes;
    this.pseudonymizer = pseudonymizer;
    this.guard = guard;
    this.trail = trail;
    this.calendar = calendar;
    this.clock = clock;
  }

  // ---- what is answered: never a parent reference or its key

  /** A member as reads show it and as its trail keeps it. */
  record MemberView(String memberId, Role role, String classId, String electionId, boolean reElected,
      LocalDate termStartsOn, LocalDate termEndsOn, String status, LocalDate leftOn, LeftReason leftReason) {}

  record CandidateView(int candidateNo, String classId, Role role, boolean elected, Integer votes, String memberId) {}

  record ElectionView(String electionId, Kind kind, Type type, Electorate electorate, NominatedBy nominatedBy, int seats,
      LocalDate heldOn, String schoolYear, LocalDate termEndsOn, List<CandidateView> candidates) {}

  record ActivityView(String activityId, ActivityType type, LocalDate heldOn, boolean online, String theme, int attendance) {}

  record DeclarationView(String schoolYear, LocalDate declaredOn, DeclaredBy declaredBy, String textVersion) {}

  /** A member as stored: the view and the parent's key. */
  private record Member(MemberView view, String guardianKey) {}

  /** The outcome of a PUT. */
  record Saved<T>(boolean created, T record, int version) {}

  // ---- members

  @Transactional
  Saved<MemberView> putMember(String schoolId, String committeeId, String memberId, MemberRequest r) {
    registry.lockForUpdate(schoolId);
    ParentCommittees.Committee c = requireCommittee(schoolId, committeeId);
    Optional<Member> existing = findMember(schoolId, committeeId, memberId);
    String recordId = committeeId + "/" + memberId;
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, MEMBER_FAMILY, recordId);
    }
    List<String> errors = new ArrayList<>();
    if (existing.isEmpty() && r.parentRef() == null) {
      errors.add("parentRef: is required for a new member");
    }
    LocalDate today = calendar.today();
    if (r.termStartsOn().isAfter(today)) {
      errors.add("termStartsOn: " + r.termStartsOn() + " is in the future");
    } else if (r.termStartsOn().isBefore(c.foundedOn())) {
      errors.add("termStartsOn: " + r.termStartsOn() + " is before foundedOn " + c.foundedOn());
    }
    LocalDate termEnds = r.termEndsOn() != null ? r.termEndsOn() : min(c.termEndsOn(), r.termStartsOn().plusYears(MAX_TERM_YEARS));
    termErrors("termEndsOn", termEnds, "termStartsOn", r.termStartsOn(), errors);
    if (termEnds.isAfter(c.termEndsOn())) {
      errors.add("termEndsOn: " + termEnds + " is after the committee's term ends on " + c.termEndsOn());
    }
    String classId = classOf(schoolId, c, r.classId(), r.termStartsOn(), "classId", errors);
    String key = r.parentRef() != null ? pseudonymizer.guardian(schoolId, r.parentRef()) : existing.map(Member::guardianKey).orElse(null);
    if (key != null) {
      activeMemberWithKey(schoolId, committeeId, key).filter(other -> !other.equals(memberId))
          .ifPresent(other -> errors.add("parentRef: is already an active member of committee " + committeeId + " (" + other + ")"));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.nothing-stored", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
    if (existing.isEmpty() && c.dissolvedOn() != null) {
      throw ApiProblem.conflict(Msg.msg("school.committee.dissolved", committeeId, c.dissolvedOn()));
    }
    MemberView before = existing.map(Member::view).orElse(null);
    MemberView wanted = new MemberView(memberId, r.role(), classId, before == null ? null : before.electionId(),
        before != null && before.reElected(), r.termStartsOn(), termEnds, before == null ? "ACTIVE" : before.status(),
        before == null ? null : before.leftOn(), before == null ? null : before.leftReason());
    if (existing.isPresent() && existing.get().view().equals(wanted) && existing.get().guardianKey().equals(key)) {
      return new Saved<>(false, wanted, trail.versionOf(schoolId, MEMBER_FAMILY, recordId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    writeMember(schoolId, committeeId, new Member(wanted, key));
    int version = existing.isEmpty()
        ? trail.created(schoolId, MEMBER_FAMILY, recordId, wanted, reason)
        : trail.corrected(schoolId, MEMBER_FAMILY, recordId, before, wanted, reason);
    return new Saved<>(existing.isEmpty(), wanted, version);
  }

  @Transactional
  Tracked<MemberView> depart(String schoolId, String committeeId, String memberId, DepartureRequest r) {
    registry.lockForUpdate(schoolId);
    requireCommittee(schoolId, committeeId);
    Member m = findMember(schoolId, committeeId, memberId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.committee.member-unknown", memberId, committeeId)));
    if (m.view().leftOn() != null) {
      throw ApiProblem.conflict(Msg.msg("school.committee.member-left", memberId, m.view().leftOn()));
    }
    List<String> errors = new ArrayList<>();
    if (r.leftOn().isAfter(calendar.today())) {
      errors.add("leftOn: " + r.leftOn() + " is in the future");
    } else if (r.leftOn().isBefore(m.view().termStartsOn())) {
      errors.add("leftOn: " + r.leftOn() + " is before termStartsOn " + m.view().termStartsOn());
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.nothing-stored", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
    MemberView left = leave(m.view(), r.leftOn(), r.reason());
    writeMember(schoolId, committeeId, new Member(left, m.guardianKey()));
    int version = trail.corrected(schoolId, MEMBER_FAMILY, committeeId + "/" + memberId, m.view(), left, "LEFT " + r.reason());
    return Tracked.active(left, version);
  }

  List<MemberView> members(String schoolId, String committeeId) {
    requireCommittee(schoolId, committeeId);
    return jdbc.sql(MEMBER_SELECT + " where school_id = ? and committee_id = ? order by left_on nulls first, role, member_id")
        .params(schoolId, committeeId).query((rs, n) -> member(rs).view()).list();
  }

  // ---- elections

  /**
   * Records an election (201), or answers the recorded one to an identical PUT (200); other content
   * under a recorded id is 409 (an election is recorded once). Its elected candidates become members:
   * a general election ends the term of every active member it does not re-elect, renews the re-elected
   * ones and renews the committee's term; a by-election adds members until the committee's term ends.
   */
  @Transactional
  Saved<ElectionView> putElection(String schoolId, String committeeId, String electionId, ElectionRequest r) {
    registry.lockForUpdate(schoolId);
    ParentCommittees.Committee c = requireCommittee(schoolId, committeeId);
    List<String> keys = r.candidates().stream().map(x -> pseudonymizer.guardian(schoolId, x.parentRef().strip())).toList();
    Optional<ElectionView> recorded = election(schoolId, committeeId, electionId);
    if (recorded.isPresent()) {
      if (sameElection(schoolId, committeeId, electionId, recorded.get(), c, r, keys)) {
        return new Saved<>(false, recorded.get(), 1);
      }
      throw ApiProblem.conflict(Msg.msg("school.committee.election-recorded", electionId));
    }

    List<String> errors = new ArrayList<>();
    LocalDate heldOn = r.heldOn();
    if (heldOn.isAfter(calendar.today())) {
      errors.add("heldOn: " + heldOn + " is in the future");
    } else if (heldOn.isBefore(c.foundedOn())) {
      errors.add("heldOn: " + heldOn + " is before foundedOn " + c.foundedOn());
    }
    electorateErrors(c.level(), r.electorate(), errors);
    int n = r.candidates().size();
    int seats = r.seats();
    if (r.type() == Type.COMPETITIVE && n <= seats) {
      errors.add("candidates: a COMPETITIVE (差额) election needs more candidates than seats, not " + n + " for " + seats + " seats");
    }
    if (r.type() == Type.NON_COMPETITIVE && n != seats) {
      errors.add("candidates: a NON_COMPETITIVE (等额) election has as many candidates as seats, not " + n + " for " + seats + " seats");
    }
    long elected = r.candidates().stream().filter(Candidate::elected).count();
    if (elected == 0) {
      errors.add("candidates: at least one candidate is elected");
    } else if (elected > seats) {
      errors.add("candidates: " + elected + " elected, more than the " + seats + " seats");
    }
    Map<String, String> activeByKey = activeKeys(schoolId, committeeId);
    Map<String, Integer> seen = new HashMap<>();
    List<String> classIds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Candidate x = r.candidates().get(i);
      String path = "candidates[" + i + "]";
      Integer twice = seen.putIfAbsent(keys.get(i), i);
      if (twice != null) {
        errors.add(path + ".parentRef: the same parent as candidates[" + twice + "]");
      }
      if (x.elected() && x.role() == null) {
        errors.add(path + ".role: is required for an elected candidate");
      } else if (!x.elected() && x.role() != null) {
        errors.add(path + ".role: only an elected candidate takes a role");
      }
      if (x.elected() && r.kind() == Kind.BY_ELECTION && activeByKey.containsKey(keys.get(i))) {
        errors.add(path + ".parentRef: is already an active member of committee " + committeeId + " ("
            + activeByKey.get(keys.get(i)) + "); a by-election fills vacancies");
      }
      classIds.add(classOf(schoolId, c, x.classId(), heldOn, path + ".classId", errors));
    }
    LocalDate termEnds;
    if (r.kind() == Kind.GENERAL) {
      termEnds = r.termEndsOn() != null ? r.termEndsOn() : heldOn.plusYears(MAX_TERM_YEARS);
      termErrors("termEndsOn", termEnds, "heldOn", heldOn, errors);
    } else {
      if (r.termEndsOn() != null) {
        errors.add("termEndsOn: a BY_ELECTION does not change the term; its members serve until the committee's term ends ("
            + c.termEndsOn() + ")");
      }
      termEnds = min(c.termEndsOn(), heldOn.plusYears(MAX_TERM_YEARS));
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.nothing-stored", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
    if (c.dissolvedOn() != null) {
      throw ApiProblem.conflict(Msg.msg("school.committee.dissolved", committeeId, c.dissolvedOn()));
    }
    String schoolYear = Period.containing(PeriodType.SCHOOL_YEAR, heldOn, calendar.calendar()).id();
    if (r.kind() == Kind.BY_ELECTION) {
      if (!c.inTermOn(heldOn)) {
        throw ApiProblem.conflict(Msg.msg("school.committee.term-over", committeeId, c.termEndsOn(), heldOn));
      }
      jdbc.sql("select election_id from committee_election where school_id = ? and committee_id = ? and school_year = ? and kind = 'BY_ELECTION'")
          .params(schoolId, committeeId, schoolYear).query(String.class).optional().ifPresent(other -> {
            throw ApiProblem.conflict(Msg.msg("school.committee.by-election-taken", committeeId, schoolYear, other));
          });
    } else {
      jdbc.sql("select election_id from committee_election where school_id = ? and committee_id = ? and kind = 'GENERAL'"
              + " and held_on > ? order by held_on desc limit 1")
          .params(schoolId, committeeId, Date.valueOf(heldOn)).query(String.class).optional().ifPresent(later -> {
            throw ApiProblem.conflict(Msg.msg("school.committee.election-order", later, heldOn));
          });
    }

    jdbc.sql("""
            insert into committee_election (school_id, committee_id, election_id, kind, type, electorate, nominated_by, seats,
              held_on, school_year, term_ends_on, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(schoolId, committeeId, electionId, r.kind().name(), r.type().name(), r.electorate().name(), r.nominatedBy().name(),
            seats, Date.valueOf(heldOn), schoolYear, Date.valueOf(termEnds), Timestamp.from(clock.instant()))
        .update();
    String reason = (r.kind() == Kind.GENERAL ? "换届选举 " : "补选 ") + electionId;
    Set<String> electedKeys = new HashSet<>();
    for (int i = 0; i < n; i++) {
      if (r.candidates().get(i).elected()) {
        electedKeys.add(keys.get(i));
      }
    }
    if (r.kind() == Kind.GENERAL) {
      // the previous term's members the election does not re-elect leave on its day
      for (Member m : activeMembers(schoolId, committeeId)) {
        if (!electedKeys.contains(m.guardianKey()) && !m.view().termStartsOn().isAfter(heldOn)) {
          MemberView left = leave(m.view(), heldOn, LeftReason.TERM_ENDED);
          writeMember(schoolId, committeeId, new Member(left, m.guardianKey()));
          trail.corrected(schoolId, MEMBER_FAMILY, committeeId + "/" + m.view().memberId(), m.view(), left, reason);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      Candidate x = r.candidates().get(i);
      String memberId = null;
      if (x.elected()) {
        String again = activeByKey.get(keys.get(i));
        if (again != null) { // 连选连任: the same member, a new term
          Member m = findMember(schoolId, committeeId, again).orElseThrow();
          MemberView renewed = new MemberView(again, x.role(), classIds.get(i), electionId, true, heldOn, termEnds, "ACTIVE", null, null);
          writeMember(schoolId, committeeId, new Member(renewed, m.guardianKey()));
          trail.corrected(schoolId, MEMBER_FAMILY, committeeId + "/" + again, m.view(), renewed, reason);
          memberId = again;
        } else {
          memberId = electionId + "-" + (i + 1);
          if (findMember(schoolId, committeeId, memberId).isPresent()) {
            throw ApiProblem.conflict(Msg.msg("school.committee.member-id-taken", memberId, electionId));
          }
          MemberView added = new MemberView(memberId, x.role(), classIds.get(i), electionId, false, heldOn, termEnds, "ACTIVE", null, null);
          writeMember(schoolId, committeeId, new Member(added, keys.get(i)));
          trail.created(schoolId, MEMBER_FAMILY, committeeId + "/" + memberId, added, reason);
        }
      }
      jdbc.sql("""
              insert into committee_candidate (school_id, committee_id, election_id, candidate_no, guardian_key, class_id, role,
                elected, votes, member_id)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(schoolId, committeeId, electionId, i + 1, keys.get(i), classIds.get(i), x.role() == null ? null : x.role().name(),
              x.elected(), x.votes(), memberId)
          .update();
    }
    if (r.kind() == Kind.GENERAL && !c.termEndsOn().equals(termEnds)) {
      committees.save(schoolId, committeeId, CommitteeRequest.of(c, termEnds, reason), heldOn);
    }
    return new Saved<>(true, election(schoolId, committeeId, electionId).orElseThrow(), 1);
  }

  List<ElectionView> elections(String schoolId, String committeeId) {
    requireCommittee(schoolId, committeeId);
    return jdbc.sql("select election_id from committee_election where school_id = ? and committee_id = ? order by held_on, election_id")
        .params(schoolId, committeeId).query(String.class).list().stream()
        .map(id -> election(schoolId, committeeId, id).orElseThrow()).toList();
  }

  // ---- activities

  @Transactional
  Saved<ActivityView> putActivity(String schoolId, String committeeId, String activityId, ActivityRequest r) {
    registry.lockForUpdate(schoolId);
    ParentCommittees.Committee c = requireCommittee(schoolId, committeeId);
    String recordId = committeeId + "/" + activityId;
    List<String> errors = new ArrayList<>();
    if (r.heldOn().isAfter(calendar.today())) {
      errors.add("heldOn: " + r.heldOn() + " is in the future");
    } else if (r.heldOn().isBefore(c.foundedOn())) {
      errors.add("heldOn: " + r.heldOn() + " is before foundedOn " + c.foundedOn());
    } else if (c.dissolvedOn() != null && r.heldOn().isAfter(c.dissolvedOn())) {
      errors.add("heldOn: " + r.heldOn() + " is after the committee was dissolved on " + c.dissolvedOn());
    }
    errors.addAll(guard.problems(schoolId, PersonalDataGuard.texts("theme", r.theme())));
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.nothing-stored", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
    ActivityView wanted = new ActivityView(activityId, r.type(), r.heldOn(), r.online(), r.theme().strip(), r.attendance());
    Optional<ActivityView> existing = activity(schoolId, committeeId, activityId);
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved<>(false, wanted, trail.versionOf(schoolId, ACTIVITY_FAMILY, recordId));
    }
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, ACTIVITY_FAMILY, recordId);
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    jdbc.sql("""
            insert into committee_activity (school_id, committee_id, activity_id, type, held_on, online, theme, attendance, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (school_id, committee_id, activity_id) do update set type = excluded.type, held_on = excluded.held_on,
              online = excluded.online, theme = excluded.theme, attendance = excluded.attendance, updated_at = excluded.updated_at
            """)
        .params(schoolId, committeeId, activityId, wanted.type().name(), Date.valueOf(wanted.heldOn()), wanted.online(),
            wanted.theme(), wanted.attendance(), Timestamp.from(clock.instant()))
        .update();
    int version = existing.isEmpty()
        ? trail.created(schoolId, ACTIVITY_FAMILY, recordId, wanted, reason)
        : trail.corrected(schoolId, ACTIVITY_FAMILY, recordId, existing.get(), wanted, reason);
    return new Saved<>(existing.isEmpty(), wanted, version);
  }

  List<ActivityView> activities(String schoolId, String committeeId) {
    requireCommittee(schoolId, committeeId);
    return jdbc.sql(ACTIVITY_SELECT + " where school_id = ? and committee_id = ? order by held_on, activity_id")
        .params(schoolId, committeeId).query((rs, n) -> activity(rs)).list();
  }

  // ---- fee-ban declarations

  /** Records the school year's declaration (201); an identical PUT is 200, other content 409 (recorded once). */
  @Transactional
  Saved<DeclarationView> putDeclaration(String schoolId, String committeeId, String schoolYear, DeclarationRequest r) {
    registry.lockForUpdate(schoolId);
    ParentCommittees.Committee c = requireCommittee(schoolId, committeeId);
    List<String> errors = new ArrayList<>();
    if (r.declaredOn().isAfter(calendar.today())) {
      errors.add("declaredOn: " + r.declaredOn() + " is in the future");
    } else {
      String year = Period.containing(PeriodType.SCHOOL_YEAR, r.declaredOn(), calendar.calendar()).id();
      if (!year.equals(schoolYear)) {
        errors.add("declaredOn: " + r.declaredOn() + " falls in school year " + year + ", not " + schoolYear);
      } else if (r.declaredOn().isBefore(c.foundedOn())) {
        errors.add("declaredOn: " + r.declaredOn() + " is before foundedOn " + c.foundedOn());
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.nothing-stored", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
    DeclarationView wanted = new DeclarationView(schoolYear, r.declaredOn(), r.declaredBy(), r.textVersion().strip());
    Optional<DeclarationView> existing = declarations(schoolId, committeeId).stream()
        .filter(d -> d.schoolYear().equals(schoolYear)).findFirst();
    if (existing.isPresent()) {
      if (existing.get().equals(wanted)) {
        return new Saved<>(false, wanted, 1);
      }
      throw ApiProblem.conflict(Msg.msg("school.committee.declaration-recorded", committeeId, schoolYear));
    }
    jdbc.sql("""
            insert into committee_fee_declaration (school_id, committee_id, school_year, declared_on, declared_by, text_version, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(schoolId, committeeId, schoolYear, Date.valueOf(wanted.declaredOn()), wanted.declaredBy().name(), wanted.textVersion(),
            Timestamp.from(clock.instant()))
        .update();
    return new Saved<>(true, wanted, 1);
  }

  List<DeclarationView> declarations(String schoolId, String committeeId) {
    return jdbc.sql("""
            select school_year, declared_on, declared_by, text_version from committee_fee_declaration
            where school_id = ? and committee_id = ? order by school_year
            """)
        .params(schoolId, committeeId)
        .query((rs, n) -> new DeclarationView(rs.getString(1), rs.getDate(2).toLocalDate(), DeclaredBy.valueOf(rs.getString(3)),
            rs.getString(4)))
        .list();
  }

  /** The current school year's id, for the committee view. */
  String currentSchoolYear() {
    return calendar.current(PeriodType.SCHOOL_YEAR).id();
  }

  LocalDate today() {
    return calendar.today();
  }

  // ---- rules

  ParentCommittees.Committee requireCommittee(String schoolId, String committeeId) {
    registry.require(schoolId);
    return committees.find(schoolId, committeeId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("school.committee.unknown", committeeId, schoolId)));
  }

  /** Who elects (seeds W2 2-4): all parents a class committee; class representatives a grade one; class or grade ones a school one. */
  static void electorateErrors(CommitteeRequest.Level level, Electorate electorate, List<String> errors) {
    boolean ok = switch (level) {
      case CLASS -> electorate == Electorate.ALL_PARENTS;
      case GRADE -> electorate == Electorate.CLASS_REPRESENTATIVES;
      case SCHOOL -> electorate == Electorate.CLASS_REPRESENTATIVES || electorate == Electorate.GRADE_REPRESENTATIVES;
    };
    if (!ok) {
      errors.add("electorate: a " + level + " committee is not elected by " + electorate + " (allowed: " + switch (level) {
        case CLASS -> "ALL_PARENTS";
        case GRADE -> "CLASS_REPRESENTATIVES";
        case SCHOOL -> "CLASS_REPRESENTATIVES, GRADE_REPRESENTATIVES";
      } + ")");
    }
  }

  /** A term ends after it starts and at most three years later (T11). */
  static void termErrors(String field, LocalDate ends, String startField, LocalDate starts, List<String> errors) {
    if (!ends.isAfter(starts)) {
      errors.add(field + ": " + ends + " must be after " + startField + " " + starts);
    } else if (ends.isAfter(starts.plusYears(MAX_TERM_YEARS))) {
      errors.add(field + ": " + ends + " is more than " + MAX_TERM_YEARS + " years after " + startField + " " + starts
          + " (a term is at most " + MAX_TERM_YEARS + " years)");
    }
  }

  /** The member's class: a class committee's own; otherwise a class of the school in the school year of {@code day}, or none. */
  private String classOf(String schoolId, ParentCommittees.Committee c, String classId, LocalDate day, String field, List<String> errors) {
    if (c.level() == CommitteeRequest.Level.CLASS) {
      if (classId != null && !classId.equals(c.classId())) {
        errors.add(field + ": a member of class committee " + c.committeeId() + " is a parent of its class " + c.classId()
            + ", not of " + classId);
      }
      return c.classId();
    }
    if (classId == null) {
      return null;
    }
    Optional<SchoolClasses.SchoolClass> k = classes.find(schoolId, classId);
    if (k.isEmpty()) {
      errors.add(field + ": class " + classId + " is not recorded at school " + schoolId);
    } else if (c.level() == CommitteeRequest.Level.GRADE && c.grade() != null && k.get().grade() != c.grade()) {
      errors.add(field + ": class " + classId + " is in grade " + k.get().grade() + ", the committee is of grade " + c.grade());
    }
    return classId;
  }

  private boolean sameElection(String schoolId, String committeeId, String electionId, ElectionView e,
      ParentCommittees.Committee c, ElectionRequest r, List<String> keys) {
    if (e.kind() != r.kind() || e.type() != r.type() || e.electorate() != r.electorate() || e.nominatedBy() != r.nominatedBy()
        || e.seats() != r.seats() || !e.heldOn().equals(r.heldOn()) || e.candidates().size() != r.candidates().size()
        || (r.termEndsOn() != null && !r.termEndsOn().equals(e.termEndsOn()))) {
      return false;
    }
    List<String> storedKeys = jdbc.sql("""
            select guardian_key from committee_candidate where school_id = ? and committee_id = ? and election_id = ? order by candidate_no
            """).params(schoolId, committeeId, electionId).query(String.class).list();
    for (int i = 0; i < keys.size(); i++) {
      CandidateView s = e.candidates().get(i);
      Candidate x = r.candidates().get(i);
      String classId = c.level() == CommitteeRequest.Level.CLASS && x.classId() == null ? c.classId() : x.classId();
      if (!storedKeys.get(i).trim().equals(keys.get(i)) || s.elected() != x.elected() || s.role() != x.role()
          || !Objects.equals(s.votes(), x.votes()) || !Objects.equals(s.classId(), classId)) {
        return false;
      }
    }
    return true;
  }

  private Optional<ElectionView> election(String schoolId, String committeeId, String electionId) {
    List<CandidateView> candidates = jdbc.sql("""
            select candidate_no, class_id, role, elected, votes, member_id from committee_candidate
            where school_id = ? and committee_id = ? and election_id = ? order by candidate_no
            """)
        .params(schoolId, committeeId, electionId)
        .query((rs, n) -> new CandidateView(rs.getInt(1), rs.getString(2), rs.getString(3) == null ? null : Role.valueOf(rs.getString(3)),
            rs.getBoolean(4), rs.getObject(5, Integer.class), rs.getString(6)))
        .list();
    return jdbc.sql("""
            select election_id, kind, type, electorate, nominated_by, seats, held_on, school_year, term_ends_on
            from committee_election where school_id = ? and committee_id = ? and election_id = ?
            """)
        .params(schoolId, committeeId, electionId)
        .query((rs, n) -> new ElectionView(rs.getString(1), Kind.valueOf(rs.getString(2)), Type.valueOf(rs.getString(3)),
            Electorate.valueOf(rs.getString(4)), NominatedBy.valueOf(rs.getString(5)), rs.getInt(6), rs.getDate(7).toLocalDate(),
            rs.getString(8), rs.getDate(9).toLocalDate(), candidates))
        .optional();
  }

  private static MemberView leave(MemberView m, LocalDate leftOn, LeftReason reason) {
    return new MemberView(m.memberId(), m.role(), m.classId(), m.electionId(), m.reElected(), m.termStartsOn(), m.termEndsOn(),
        "LEFT", leftOn, reason);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private void writeMember(String schoolId, String committeeId, Member m) {
    MemberView v = m.view();
    jdbc.sql("""
            insert into committee_member (school_id, committee_id, member_id, guardian_key, role, class_id, election_id, re_elected,
              term_starts_on, term_ends_on, left_on, left_reason, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (school_id, committee_id, member_id) do update set guardian_key = excluded.guardian_key, role = excluded.role,
              class_id = excluded.class_id, election_id = excluded.election_id, re_elected = excluded.re_elected,
              term_starts_on = excluded.term_starts_on, term_ends_on = excluded.term_ends_on, left_on = excluded.left_on,
              left_reason = excluded.left_reason, updated_at = excluded.updated_at
            """)
        .params(schoolId, committeeId, v.memberId(), m.guardianKey(), v.role().name(), v.classId(), v.electionId(), v.reElected(),
            Date.valueOf(v.termStartsOn()), Date.valueOf(v.termEndsOn()), v.leftOn() == null ? null : Date.valueOf(v.leftOn()),
            v.leftReason() == null ? null : v.leftReason().name(), Timestamp.from(clock.instant()))
        .update();
  }

  private Optional<Member> findMember(String schoolId, String committeeId, String memberId) {
    return jdbc.sql(MEMBER_SELECT + " where school_id = ? and committee_id = ? and member_id = ?")
        .params(schoolId, committeeId, memberId).query((rs, n) -> member(rs)).optional();
  }

  private List<Member> activeMembers(String schoolId, String committeeId) {
    return jdbc.sql(MEMBER_SELECT + " where school_id = ? and committee_id = ? and left_on is null order by member_id")
        .params(schoolId, committeeId).query((rs, n) -> member(rs)).list();
  }

  private Map<String, String> activeKeys(String schoolId, String committeeId) {
    Map<String, String> byKey = new HashMap<>();
    activeMembers(schoolId, committeeId).forEach(m -> byKey.put(m.guardianKey(), m.view().memberId()));
    return byKey;
  }

  private Optional<String> activeMemberWithKey(String schoolId, String committeeId, String key) {
    return Optional.ofNullable(activeKeys(schoolId, committeeId).get(key));
  }

  private Optional<ActivityView> activity(String schoolId, String committeeId, String activityId) {
    return jdbc.sql(ACTIVITY_SELECT + " where school_id = ? and committee_id = ? and activity_id = ?")
        .params(schoolId, committeeId, activityId).query((rs, n) -> activity(rs)).optional();
  }

  private static final String MEMBER_SELECT = """
      select member_id, role, class_id, election_id, re_elected, term_starts_on, term_ends_on, left_on, left_reason, guardian_key
      from committee_member""";

  private static Member member(ResultSet rs) throws SQLException {
    LocalDate leftOn = rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate();
    return new Member(new MemberView(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getBoolean(5),
        rs.getDate(6).toLocalDate(), rs.getDate(7).toLocalDate(), leftOn == null ? "ACTIVE" : "LEFT", leftOn,
        rs.getString(9) == null ? null : LeftReason.valueOf(rs.getString(9))), rs.getString(10).trim());
  }

  private static final String ACTIVITY_SELECT = """
      select activity_id, type, held_on, online, theme, attendance from committee_activity""";

  private static ActivityView activity(ResultSet rs) throws SQLException {
    return new ActivityView(rs.getString(1), ActivityType.valueOf(rs.getString(2)), rs.getDate(3).toLocalDate(), rs.getBoolean(4),
        rs.getString(5), rs.getInt(6));
  }
}
