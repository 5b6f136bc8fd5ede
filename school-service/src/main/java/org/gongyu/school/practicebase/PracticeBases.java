package org.gongyu.school.practicebase;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.indicators.RecordsChanged;
import org.gongyu.school.privacy.PersonalDataGuard;
import org.gongyu.school.records.Findings;
import org.gongyu.school.records.HistoryEntry;
import org.gongyu.school.records.RecordTrail;
import org.gongyu.school.records.Tracked;
import org.gongyu.school.registry.SchoolRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Practice bases: recorded, corrected and withdrawn by id, with a trail. */
@Service
class PracticeBases {

  static final String FAMILY = "PRACTICE_BASE";
  static final LocalDate EARLIEST = LocalDate.of(2001, 1, 1);
  private static final String COLUMNS = "base_id, name, base_type, partner_unit, agreement_on, courses, active";

  private final JdbcClient jdbc;
  private final SchoolRegistry registry;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;
  private final Clock clock;
  private final PersonalDataGuard guard;
  private final RecordTrail trail;

  PracticeBases(JdbcClient jdbc, SchoolRegistry registry, ApplicationEventPublisher events, CityCalendar calendar, Clock clock,
      PersonalDataGuard guard, RecordTrail trail) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
    this.guard = guard;
    this.trail = trail;
  }

  record Saved(boolean created, PracticeBase base, int version) {}

  /** The catalogue's counts: bases in use by type, and their courses. */
  record Summary(int bases, int active, int courses, Map<String, Integer> activeByType) {}

  @Transactional
  Saved put(String schoolId, String baseId, PracticeBaseRequest r) {
    registry.lockForUpdate(schoolId);
    List<String> errors = new ArrayList<>();
    if (r.agreementSignedOn() != null) {
      if (r.agreementSignedOn().isAfter(calendar.today())) {
        errors.add("agreementSignedOn: " + r.agreementSignedOn() + " is in the future");
      } else if (r.agreementSignedOn().isBefore(EARLIEST)) {
        errors.add("agreementSignedOn: " + r.agreementSignedOn() + " is before " + EARLIEST);
      }
    }
    errors.addAll(guard.problems(schoolId, PersonalDataGuard.texts("baseId", baseId, "name", r.name(), "partnerUnit", r.partnerUnit())));
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("school.nothing-stored", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
    PracticeBase wanted = new PracticeBase(baseId, r.name().strip(), r.type(), r.partnerUnit().strip(), r.agreementSignedOn(),
        r.courses(), r.active());
    Optional<PracticeBase> existing = find(schoolId, baseId);
    if (existing.isPresent() && existing.get().equals(wanted)) {
      return new Saved(false, wanted, trail.versionOf(schoolId, FAMILY, baseId));
    }
    String reason = existing.isPresent() ? RecordTrail.requireReason(r.reason()) : r.reason();
    if (existing.isEmpty()) {
      trail.refuseIfWithdrawn(schoolId, FAMILY, baseId);
    }
    jdbc.sql("""
            insert into practice_base (school_id, base_id, name, base_type, partner_unit, agreement_on, courses, active, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (school_id, base_id) do update set name = excluded.name, base_type = excluded.base_type,
              partner_unit = excluded.partner_unit, agreement_on = excluded.agreement_on, courses = excluded.courses,
              active = excluded.active, updated_at = excluded.updated_at""")
        .params(schoolId, baseId, wanted.name(), wanted.type().name(), wanted.partnerUnit(), wanted.agreementSignedOn(),
            wanted.courses(), wanted.active(), Timestamp.from(clock.instant()))
        .update();
    // dated on its agreement day (old and new, when it changed): a signed-off period refuses a change there
    Set<LocalDate> dated = new TreeSet<>();
    if (existing.isEmpty() || !Objects.equals(existing.get().agreementSignedOn(), wanted.agreementSignedOn())) {
      if (wanted.agreementSignedOn() != null) {
        dated.add(wanted.agreementSignedOn());
      }
      existing.map(PracticeBase::agreementSignedOn).ifPresent(dated::add);
    }
    if (!dated.isEmpty()) {
      events.publishEvent(RecordsChanged.noFigure(schoolId, dated));
    }
    int version = existing.isEmpty()
        ? trail.created(schoolId, FAMILY, baseId, wanted, reason)
        : trail.corrected(schoolId, FAMILY, baseId, existing.get(), wanted, reason);
    return new Saved(existing.isEmpty(), wanted, version);
  }

  @Transactional
  Tracked<PracticeBase> withdraw(String schoolId, String baseId, String reason) {
    registry.lockForUpdate(schoolId);
    PracticeBase existing = trail.requireWithdrawable(schoolId, FAMILY, baseId, find(schoolId, baseId));
    jdbc.sql("delete from practice_base where school_id = ? and base_id = ?").params(schoolId, baseId).update();
    RecordTrail.Latest w = trail.withdrawn(schoolId, FAMILY, baseId, existing, reason);
    return Tracked.withdrawn(existing, w.version(), w.reason(), w.at());
  }

  List<Tracked<PracticeBase>> list(String schoolId, PracticeBase.Type type, Boolean active) {
    registry.require(schoolId);
    Map<String, Integer> versions = trail.versions(schoolId, FAMILY);
    List<Tracked<PracticeBase>> list = new ArrayList<>();
    all(schoolId).stream()
        .filter(b -> type == null || b.type() == type)
        .filter(b -> active == null || b.active() == active)
        .forEach(b -> list.add(trail.active(b, versions, b.baseId())));
    trail.withdrawnRecords(schoolId, FAMILY, PracticeBase.class).stream()
        .filter(t -> type == null || t.record().type() == type)
        .filter(t -> active == null || t.record().active() == active)
        .forEach(list::add);
    return list;
  }

  Summary summary(String schoolId) {
    registry.require(schoolId);
    List<PracticeBase> all = all(schoolId);
    Map<String, Integer> byType = new TreeMap<>();
    all.stream().filter(PracticeBase::active).forEach(b -> byType.merge(b.type().name(), 1, Integer::sum));
    return new Summary(all.size(), (int) all.stream().filter(PracticeBase::active).count(),
        all.stream().filter(PracticeBase::active).mapToInt(PracticeBase::courses).sum(), byType);
  }

  List<HistoryEntry> history(String schoolId, String baseId) {
    registry.require(schoolId);
    return trail.history(schoolId, FAMILY, baseId, find(schoolId, baseId));
  }

  private Optional<PracticeBase> find(String schoolId, String baseId) {
    return jdbc.sql("select " + COLUMNS + " from practice_base where school_id = ? and base_id = ?")
        .params(schoolId, baseId).query((rs, n) -> map(rs)).optional();
  }

  private List<PracticeBase> all(String schoolId) {
    return jdbc.sql("select " + COLUMNS + " from practice_base where school_id = ? order by base_type, base_id")
        .param(schoolId).query((rs, n) -> map(rs)).list();
  }

  private static PracticeBase map(ResultSet rs) throws SQLException {
    return new PracticeBase(rs.getString(1), rs.getString(2), PracticeBase.Type.valueOf(rs.getString(3)), rs.getString(4),
        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getBoolean(7));
  }
}
