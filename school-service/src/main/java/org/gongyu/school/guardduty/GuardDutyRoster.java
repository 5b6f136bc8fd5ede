package org.gongyu.school.guardduty;

import java.sql.Array;
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
import java.util.TreeSet;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.privacy.PersonalDataGuard;
import org.gongyu.school.privacy.Pseudonymizer;
import org.gongyu.school.records.Findings;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guard-duty members and duties, each a record family with a trail. Feeds no indicator; every
 * change is announced dated on its days, so a period whose sign-off is in force refuses it.
 */
@Service
class GuardDutyRoster {

  static final String MEMBERS = "GUARD_DUTY_MEMBER";
  static final String DUTIES = "GUARD_DUTY";
  static final LocalDate EARLIEST = LocalDate.of(2001, 1, 1);
  /** A roster is planned ahead, but not beyond a year. */
  static final int DAYS_AHEAD = 366;

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;
  private final Clock clock;
  private final PersonalDataGuard guard;
  private final Pseudonymizer pseudonymizer;
  private final RecordTrail trail;

  GuardDutyRoster(JdbcClient jdbc, SchoolRegistry registry, ApplicationEventPublisher events, CityCalendar calendar, Clock clock,
      PersonalDataGuard guard, Pseudonymizer pseudonymizer, RecordTrail trail) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
    this.guard = guard;
    this.pseudonymizer = pseudonymizer;
    this.trail = trail;
  }

  record Saved<T>(boolean created, T record, int version) {}

  /** Semester coverage as counts: days with any duty, days with both slots covered. */
  record Coverage(LocalDate from, LocalDate toExclusive, int daysWithDuty, int daysBothSlots, int duties, Map<String, Integer> membersByKind) {}

  private record StoredMember(GuardMember member, String key) {}

  // ------------------------------------------------------------------ members

  @Transactional
  Saved<GuardMember> putMember(String schoolId, String memberId, GuardMemberRequest r) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    LocalDate today = calendar.today();
    if (r.signedUpOn().isAfter(today)) {
      errors.add("signedUpOn: " + r.signedUpOn() + " is in the future");
    } else if (r.signedUpOn().isBefore(EARLIEST)) {
      errors.add("signedUpOn: " + r.signedUpOn() + " is before " + EARLIEST);
    }
    if (r.kind() == GuardMember.Kind.PARENT && r.voluntary() == null) {
      errors.add("voluntary: required for a PARENT member (whether they volunteered)");
    }
    if (r.kind() != GuardMember.Kind.PARENT && r.voluntary() != null) {
      errors.add("voluntary: only a PARENT member has one, this member is " + r.kind());
    }
    if (r.leftOn() != null && !r.leftOn().isAfter(r.signedUpOn())) {
      errors.add("leftOn: " + r.leftOn() + " is not after signedUpOn " + r.signedUpOn());
    }
    errors.addAll(guard.problems(schoolId, PersonalDataGuard.texts("memberId", memberId)));
    reject(errors);
    GuardMember wanted = new GuardMember(memberId, r.kind(), r.signedUpOn(), r.voluntary(), r.leftOn());
    // every kind keyed in the guardian domain: one column that key rotation and the personal-data guard know
    String key = pseudonymizer.guardian(schoolId, r.personRef().strip());
    Optional<StoredMember> existing = findMember(schoolId, memberId);
    if (existing.isPresent() && existing.get().equals(new StoredMember(wanted, key))) {
      return new Saved<>(false, wanted, trail.versionOf(schoolId, MEMBERS, memberId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, MEMBERS, memberId);
    } else {
      // the duties the member is on must still fall in their new time
      for (GuardDuty d : dutiesOf(schoolId, memberId)) {
        if (!wanted.activeOn(d.date())) {
          throw ApiProblem.conflict(Msg.msg("school.guard-member.on-duty", memberId, d.dutyId(), d.date()));
        }
      }
    }
    jdbc.sql("""
            insert into guard_duty_member (school_id, member_id, kind, guardian_key, signed_up_on, voluntary, left_on, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (school_id, member_id) do update set kind = excluded.kind, guardian_key = excluded.guardian_key,
              signed_up_on = excluded.signed_up_on, voluntary = excluded.voluntary, left_on = excluded.left_on,
              updated_at = excluded.updated_at""")
        .params(schoolId, memberId, wanted.kind().name(), key, wanted.signedUpOn(), wanted.voluntary(), wanted.leftOn(),
            Timestamp.from(clock.instant()))
        .update();
    Set<LocalDate> dated = new TreeSet<>();
    dated.add(wanted.leftOn() != null ? wanted.leftOn() : wanted.signedUpOn());
    existing.ifPresent(e -> {
      if (!Objects.equals(e.member().signedUpOn(), wanted.signedUpOn())) {
        dated.add(e.member().signedUpOn());
        dated.add(wanted.signedUpOn());
      }
      if (e.member().leftOn() != null) {
        dated.add(e.member().leftOn());
      }
    });
    events.publishEvent(RecordsChanged.noFigure(schoolId, dated));
    int version = existing.isEmpty()
        ? trail.created(schoolId, MEMBERS, memberId, wanted, reason)
        : trail.corrected(schoolId, MEMBERS, memberId, existing.get().member(), wanted, reason);
    return new Saved<>(existing.isEmpty(), wanted, version);
  }

  /** Withdraws a member who is on no duty (409 otherwise). */
  @Transactional
  Tracked<GuardMember> withdrawMember(String schoolId, String memberId, String reason) {
    registry.lockForUpdate(schoolId);
    GuardMember existing = trail.requireWithdrawable(schoolId, MEMBERS, memberId, findMember(schoolId, memberId).map(StoredMember::member));
    List<GuardDuty> on = dutiesOf(schoolId, memberId);
    if (!on.isEmpty()) {
      throw ApiProblem.conflict(Msg.msg("school.guard-member.on-duty", memberId, on.getFirst().dutyId(), on.getFirst().date()));
    }
    jdbc.sql("delete from guard_duty_member where school_id = ? and member_id = ?").params(schoolId, memberId).update();
    events.publishEvent(RecordsChanged.noFigure(schoolId, Set.of(existing.signedUpOn())));
    RecordTrail.Latest w = trail.withdrawn(schoolId, MEMBERS, memberId, existing, reason);
    return Tracked.withdrawn(existing, w.version(), w.reason(), w.at());
  }

  List<Tracked<GuardMember>> members(String schoolId, GuardMember.Kind kind) {
    registry.require(schoolId);
    Map<String, Integer> versions = trail.versions(schoolId, MEMBERS);
    List<Tracked<GuardMember>> list = new ArrayList<>();
    jdbc.sql("select member_id, kind, signed_up_on, voluntary, left_on, guardian_key from guard_duty_member where school_id = ?"
            + " order by kind, member_id")
        .param(schoolId)
        .query((rs, n) -> member(rs).member())
        .list().stream()
        .filter(m -> kind == null || m.kind() == kind)
        .forEach(m -> list.add(trail.active(m, versions, m.memberId())));
    trail.withdrawnRecords(schoolId, MEMBERS, GuardMember.class).stream()
        .filter(t -> kind == null || t.record().kind() == kind)
        .forEach(list::add);
    return list;
  }

  List<HistoryEntry> memberHistory(String schoolId, String memberId) {
    registry.require(schoolId);
    return trail.history(schoolId, MEMBERS, memberId, findMember(schoolId, memberId).map(StoredMember::member));
  }

  private Optional<StoredMember> findMember(String schoolId, String memberId) {
    return jdbc.sql("select member_id, kind, signed_up_on, voluntary, left_on, guardian_key from guard_duty_member"
            + " where school_id = ? and member_id = ?")
        .params(schoolId, memberId)
        .query((rs, n) -> member(rs))
        .optional();
  }

  private static StoredMember member(ResultSet rs) throws SQLException {
    boolean flag = rs.getBoolean(4);
    Boolean voluntary = rs.wasNull() ? null : flag; // read at once: wasNull() speaks of the last column read
    return new StoredMember(new GuardMember(rs.getString(1), GuardMember.Kind.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
        voluntary, rs.getObject(5, LocalDate.class)), rs.getString(6).strip());
  }

  // ------------------------------------------------------------------ duties

  /**
   * Records or corrects a duty: 422 for no member, a member listed twice or not recorded, a day out of
   * range; 409 for a member not standing guard that day (not yet signed up, or left) or already on
   * another duty of the same day and slot.
   */
  @Transactional
  Saved<GuardDuty> putDuty(String schoolId, String dutyId, GuardDutyRequest r) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    LocalDate today = calendar.today();
    if (r.date().isAfter(today.plusDays(DAYS_AHEAD))) {
      errors.add("date: " + r.date() + " is more than " + DAYS_AHEAD + " days ahead");
    } else if (r.date().isBefore(EARLIEST)) {
      errors.add("date: " + r.date() + " is before " + EARLIEST);
    }
    if (r.memberIds().isEmpty()) {
      errors.add("memberIds: a duty needs at least one member");
    }
    Map<String, GuardMember> known = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < r.memberIds().size(); i++) {
      String id = r.memberIds().get(i);
      if (!seen.add(id)) {
        errors.add("memberIds[" + i + "]: member " + id + " is listed twice");
        continue;
      }
      Optional<StoredMember> m = findMember(schoolId, id);
      if (m.isEmpty()) {
        errors.add("memberIds[" + i + "]: member " + id + " is not recorded at school " + schoolId);
      } else {
        known.put(id, m.get().member());
      }
    }
    errors.addAll(guard.problems(schoolId, PersonalDataGuard.texts("dutyId", dutyId)));
    reject(errors);
    for (int i = 0; i < r.memberIds().size(); i++) {
      GuardMember m = known.get(r.memberIds().get(i));
      if (!m.activeOn(r.date())) {
        throw ApiProblem.conflict(Msg.msg("school.guard-duty.member-inactive", "memberIds[" + i + "]", m.memberId(), r.date(),
            m.signedUpOn(), m.leftOn() == null ? "-" : m.leftOn()));
      }
    }
    for (GuardDuty other : dutiesOn(schoolId, r.date(), r.slot())) {
      if (other.dutyId().equals(dutyId)) {
        continue;
      }
      for (int i = 0; i < r.memberIds().size(); i++) {
        if (other.memberIds().contains(r.memberIds().get(i))) {
          throw ApiProblem.conflict(Msg.msg("school.guard-duty.member-twice", "memberIds[" + i + "]", r.memberIds().get(i),
              other.dutyId(), r.date(), r.slot()));
        }
      }
    }
    GuardDuty wanted = new GuardDuty(dutyId, r.date(), r.slot(), List.copyOf(r.memberIds()));
    Optional<GuardDuty> existing = findDuty(schoolId, dutyId);
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved<>(false, wanted, trail.versionOf(schoolId, DUTIES, dutyId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, DUTIES, dutyId);
    }
    jdbc.sql("""
            insert into guard_duty (school_id, duty_id, duty_date, slot, members, updated_at)
            values (?, ?, ?, ?, cast(? as varchar[]), ?)
            on conflict (school_id, duty_id) do update set duty_date = excluded.duty_date, slot = excluded.slot,
              members = excluded.members, updated_at = excluded.updated_at""")
        .params(schoolId, dutyId, wanted.date(), wanted.slot().name(), wanted.memberIds().toArray(String[]::new),
            Timestamp.from(clock.instant()))
        .update();
    Set<LocalDate> dated = new TreeSet<>(List.of(wanted.date()));
    existing.ifPresent(e -> dated.add(e.date()));
    events.publishEvent(RecordsChanged.noFigure(schoolId, dated));
    int version = existing.isEmpty()
        ? trail.created(schoolId, DUTIES, dutyId, wanted, reason)
        : trail.corrected(schoolId, DUTIES, dutyId, existing.get(), wanted, reason);
    return new Saved<>(existing.isEmpty(), wanted, version);
  }

  @Transactional
  Tracked<GuardDuty> withdrawDuty(String schoolId, String dutyId, String reason) {
    registry.lockForUpdate(schoolId);
    GuardDuty existing = trail.requireWithdrawable(schoolId, DUTIES, dutyId, findDuty(schoolId, dutyId));
    jdbc.sql("delete from guard_duty where school_id = ? and duty_id = ?").params(schoolId, dutyId).update();
    events.publishEvent(RecordsChanged.noFigure(schoolId, Set.of(existing.date())));
    RecordTrail.Latest w = trail.withdrawn(schoolId, DUTIES, dutyId, existing, reason);
    return Tracked.withdrawn(existing, w.version(), w.reason(), w.at());
  }

  /** Duties dated in [start, endExclusive): active ones by day and slot, then withdrawn ones. */
  List<Tracked<GuardDuty>> duties(String schoolId, LocalDate start, LocalDate endExclusive) {
    registry.require(schoolId);
    Map<String, Integer> versions = trail.versions(schoolId, DUTIES);
    List<Tracked<GuardDuty>> list = new ArrayList<>();
    between(schoolId, start, endExclusive).forEach(d -> list.add(trail.active(d, versions, d.dutyId())));
    trail.withdrawnRecords(schoolId, DUTIES, GuardDuty.class).stream()
        .filter(t -> !t.record().date().isBefore(start) && t.record().date().isBefore(endExclusive))
        .forEach(list::add);
    return list;
  }

  List<HistoryEntry> dutyHistory(String schoolId, String dutyId) {
    registry.require(schoolId);
    return trail.history(schoolId, DUTIES, dutyId, findDuty(schoolId, dutyId));
  }

  /** Counts of [start, endExclusive): days with a duty, days with both slots covered, members active on its last day by kind. */
  Coverage coverage(String schoolId, LocalDate start, LocalDate endExclusive) {
    registry.require(schoolId);
    List<GuardDuty> duties = between(schoolId, start, endExclusive);
    Map<LocalDate, Set<GuardDuty.Slot>> slots = new HashMap<>();
    duties.forEach(d -> slots.computeIfAbsent(d.date(), k -> new HashSet<>()).add(d.slot()));
    int both = (int) slots.values().stream().filter(s -> s.size() == GuardDuty.Slot.values().length).count();
    Map<String, Integer> byKind = new java.util.TreeMap<>();
    LocalDate last = endExclusive.minusDays(1);
    members(schoolId, null).stream().filter(t -> t.recordStatus().equals("ACTIVE") && t.record().activeOn(last))
        .forEach(t -> byKind.merge(t.record().kind().name(), 1, Integer::sum));
    return new Coverage(start, endExclusive, slots.size(), both, duties.size(), byKind);
  }

  private Optional<GuardDuty> findDuty(String schoolId, String dutyId) {
    return jdbc.sql("select duty_id, duty_date, slot, members from guard_duty where school_id = ? and duty_id = ?")
        .params(schoolId, dutyId)
        .query((rs, n) -> duty(rs))
        .optional();
  }

  private List<GuardDuty> between(String schoolId, LocalDate start, LocalDate endExclusive) {
    return jdbc.sql("select duty_id, duty_date, slot, members from guard_duty where school_id = ? and duty_date >= ? and duty_date < ?"
            + " order by duty_date, slot, duty_id")
        .params(schoolId, start, endExclusive)
        .query((rs, n) -> duty(rs))
        .list();
  }

  private List<GuardDuty> dutiesOn(String schoolId, LocalDate day, GuardDuty.Slot slot) {
    return jdbc.sql("select duty_id, duty_date, slot, members from guard_duty where school_id = ? and duty_date = ? and slot = ?")
        .params(schoolId, day, slot.name())
        .query((rs, n) -> duty(rs))
        .list();
  }

  private List<GuardDuty> dutiesOf(String schoolId, String memberId) {
    return jdbc.sql("select duty_id, duty_date, slot, members from guard_duty where school_id = ? and ? = any(members)"
            + " order by duty_date, duty_id")
        .params(schoolId, memberId)
        .query((rs, n) -> duty(rs))
        .list();
  }

  private static GuardDuty duty(ResultSet rs) throws SQLException {
    Array a = rs.getArray(4);
    return new GuardDuty(rs.getString(1), rs.getObject(2, LocalDate.class), GuardDuty.Slot.valueOf(rs.getString(3)),
        List.of((String[]) a.getArray()));
  }

  private static void reject(List<String> errors) {
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.nothing-stored", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
  }
}
