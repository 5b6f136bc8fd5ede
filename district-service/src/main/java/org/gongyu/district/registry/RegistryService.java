package org.gongyu.district.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.calendar.PeriodMessages;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.contracts.district.v1.SchoolRegistered.Membership;
import org.gongyu.contracts.period.Period;
import org.gongyu.contracts.period.PeriodType;
import org.gongyu.district.county.CountyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers 学区 and schools; one transaction per command, so a refused request writes nothing. */
@Service
class RegistryService {

  private static final Logger log = LoggerFactory.getLogger(RegistryService.class);

  private final RegistryRepository repo;
  private final CountyDirectory counties;
  private final SchoolDirectory schools;
  private final Outbox outbox;
  private final ApplicationEventPublisher events;
  private final CityCalendar calendar;
  private final Clock clock;

  RegistryService(
      RegistryRepository repo, CountyDirectory counties, SchoolDirectory schools, Outbox outbox,
      ApplicationEventPublisher events, CityCalendar calendar, Clock clock) {
    this.repo = repo;
    this.counties = counties;
    this.schools = schools;
    this.outbox = outbox;
    this.events = events;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Transactional
  Upserted<XuequRow> putXuequ(String countyId, String xuequId, String name) {
    repo.lockXuequId(xuequId);
    requireCounty(counties.lockShared(countyId), countyId);
    Optional<XuequRow> existing = repo.findXuequ(xuequId);
    if (existing.isPresent()) {
      XuequRow x = existing.get();
      if (!x.countyId().equals(countyId)) {
        throw ApiProblem.conflict(Msg.msg("district.xuequ.other-county", xuequId, x.countyId(), countyId));
      }
      if (x.name().equals(name)) {
        return Upserted.unchanged(x);
      }
      XuequRow changed = new XuequRow(xuequId, countyId, name, x.version() + 1);
      repo.saveXuequ(changed, clock.instant());
      return Upserted.changed(changed);
    }
    XuequRow created = new XuequRow(xuequId, countyId, name, 1);
    repo.saveXuequ(created, clock.instant());
    log.info("xuequ {} registered in county {}", xuequId, countyId);
    return Upserted.created(created);
  }

  @Transactional(readOnly = true)
  List<XuequRow> xuequOf(String countyId) {
    requireCounty(counties.exists(countyId), countyId);
    return repo.xuequOfCounty(countyId);
  }

  /**
   * New school: version 1, its first membership (from {@link Membership#ALWAYS}), an event, and the
   * county's rollups recomputed (one more school expected). Same content: nothing. Changed content:
   * version + 1 and an event; a new 学区 corrects the latest membership; a new school type
   * recomputes the rollups of every county the school belonged to (applicability may change).
   */
  @Transactional
  Upserted<SchoolRow> putSchool(String countyId, String schoolId, String name, String schoolType, String xuequId) {
    SchoolType type = SchoolType.parse(schoolType);
    // Lock order: school id, then county rows in id order (see CountyDirectory): this county and every
    // county the school belonged to, whose rollups a change of type recomputes.
    schools.lockSchoolId(schoolId);
    java.util.SortedSet<String> concerned = new java.util.TreeSet<>();
    repo.memberships(schoolId).forEach(m -> concerned.add(m.countyId()));
    concerned.add(countyId);
    boolean known = false;
    for (String c : concerned) {
      boolean locked = counties.lockExclusively(c);
      known |= c.equals(countyId) && locked;
    }
    requireCounty(known, countyId);
    Optional<SchoolRow> existing = repo.findSchool(schoolId);
    if (existing.isPresent() && !existing.get().countyId().equals(countyId)) {
      throw ApiProblem.conflict(Msg.msg("district.school.other-county", schoolId, existing.get().countyId()));
    }
    requireXuequOf(countyId, xuequId);
    if (existing.isPresent() && existing.get().sameContent(xuequId, name, type)) {
      return Upserted.unchanged(existing.get());
    }
    if (existing.isPresent() && existing.get().closed()) {
      throw closed(existing.get());
    }
    long version = existing.map(s -> s.version() + 1).orElse(1L);
    SchoolRow row = new SchoolRow(schoolId, countyId, xuequId, name, type, version);
    repo.saveSchool(row, clock.instant());
    if (existing.isEmpty()) {
      repo.addMembership(schoolId, new Membership(countyId, xuequId, Membership.ALWAYS));
    } else if (!java.util.Objects.equals(existing.get().xuequId(), xuequId)) {
      repo.setLatestXuequ(schoolId, xuequId);
    }
    List<Membership> history = repo.memberships(schoolId);
    publish(row, history);
    if (existing.isEmpty()) {
      log.info("school {} registered in county {}", schoolId, countyId);
      events.publishEvent(new SchoolChanged(schoolId, List.of(countyId)));
    } else {
      log.info("school {} in county {} now at version {}", schoolId, countyId, version);
      if (existing.get().schoolType() != type) {
        events.publishEvent(new SchoolChanged(schoolId, history.stream().map(Membership::countyId).toList()));
      }
    }
    return existing.isEmpty() ? Upserted.created(row) : Upserted.changed(row);
  }

  /**
   * Moves a school to another county from the first day of a semester that has not ended: a new
   * membership, version + 1, an event carrying the whole history (key = the new county), and the
   * rollups of both counties recomputed, all in one transaction. Periods that started before that
   * day stay with the old county.
   */
  @Transactional
  MovedSchool moveSchool(String countyId, String schoolId, String toCountyId, String toXuequId, String effectiveFrom) {
    Period semester;
    try {
      semester = calendar.parse(PeriodType.SEMESTER, effectiveFrom);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(PeriodMessages.of("effectiveFrom", e));
    }
    // Lock order: school id, then the county rows in id order (see CountyDirectory).
    schools.lockSchoolId(schoolId);
    boolean fromKnown;
    boolean toKnown;
    if (countyId.compareTo(toCountyId) <= 0) {
      fromKnown = counties.lockExclusively(countyId);
      toKnown = counties.lockExclusively(toCountyId);
    } else {
      toKnown = counties.lockExclusively(toCountyId);
      fromKnown = counties.lockExclusively(countyId);
    }
    requireCounty(fromKnown, countyId);
    SchoolRow school = repo.findSchool(schoolId)
        .filter(s -> s.countyId().equals(countyId))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("district.school.not-in-county", schoolId, countyId)));
    if (school.closed()) {
      throw closed(school);
    }
    if (toCountyId.equals(countyId)) {
      throw ApiProblem.conflict(Msg.msg("district.school.move-same-county", schoolId, countyId));
    }
    if (!toKnown) {
      throw ApiProblem.unprocessable(Msg.msg("district.county.not-registered", toCountyId),
          List.of(Msg.msg("district.move.to-county")));
    }
    LocalDate from = semester.start(calendar.calendar());
    if (!calendar.today().isBefore(semester.endExclusive(calendar.calendar()))) {
      throw ApiProblem.conflict(Msg.msg("district.move.semester-ended", semester.id(), calendar.current(PeriodType.SEMESTER).id()));
    }
    List<Membership> history = new ArrayList<>(repo.memberships(schoolId));
    Membership latest = history.getLast();
    if (!from.isAfter(latest.from())) {
      throw ApiProblem.conflict(Msg.msg("district.move.not-after", schoolId, latest.from()));
    }
    requireXuequOf(toCountyId, toXuequId);
    Membership moved = new Membership(toCountyId, toXuequId, from);
    repo.addMembership(schoolId, moved);
    history.add(moved);
    long version = school.version() + 1;
    repo.moveSchool(schoolId, toCountyId, toXuequId, version, clock.instant());
    SchoolRow row = new SchoolRow(schoolId, toCountyId, toXuequId, school.name(), school.schoolType(), version);
    publish(row, history);
    log.info("school {} moves from county {} to county {} from {} (version {})", schoolId, countyId, toCountyId, from, version);
    events.publishEvent(new SchoolChanged(schoolId, List.of(countyId, toCountyId)));
    return new MovedSchool(row, history);
  }

  /**
   * Closes a school from a day in a semester that has not ended, or merges it into another open
   * school of the county ({@code successorId}): a membership with no county from that day (no
   * period starting on or after it expects the school; periods that started before keep it and
   * their figures), the closure on the school row, version + 1, an event carrying the history and
   * the closure, and the county's rollups recomputed, all in one transaction.
   */
  @Transactional
  SchoolRow closeSchool(String countyId, String schoolId, String effectiveFrom, String successorId) {
    LocalDate from;
    try {
      from = LocalDate.parse(effectiveFrom);
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiProblem.unprocessable(Msg.msg("district.close.not-a-day", effectiveFrom),
          List.of(Msg.msg("district.close.effective-from")));
    }
    // Lock order: school ids in id order (the successor's too, so that it cannot close meanwhile),
    // then the county row (see CountyDirectory).
    new java.util.TreeSet<>(successorId == null ? List.of(schoolId) : List.of(schoolId, successorId))
        .forEach(schools::lockSchoolId);
    requireCounty(counties.lockExclusively(countyId), countyId);
    SchoolRow school = repo.findSchool(schoolId)
        .filter(s -> s.countyId().equals(countyId))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("district.school.not-in-county", schoolId, countyId)));
    if (school.closed()) {
      throw closed(school);
    }
    if (successorId != null) {
      if (successorId.equals(schoolId)) {
        throw ApiProblem.conflict(Msg.msg("district.close.into-itself", schoolId));
      }
      SchoolRow successor = repo.findSchool(successorId)
          .filter(s -> s.countyId().equals(countyId))
          .orElseThrow(() -> ApiProblem.unprocessable(Msg.msg("district.school.not-in-county", successorId, countyId),
              List.of(Msg.msg("district.close.successor", countyId))));
      if (successor.closed()) {
        throw ApiProblem.conflict(Msg.msg("district.close.successor-closed", successorId, successor.closedFrom()));
      }
    }
    Period semester = Period.containing(PeriodType.SEMESTER, from, calendar.calendar());
    if (!calendar.today().isBefore(semester.endExclusive(calendar.calendar()))) {
      throw ApiProblem.conflict(Msg.msg("district.close.semester-ended", from, semester.id(),
          calendar.current(PeriodType.SEMESTER).id()));
    }
    LocalDate latest = repo.latestMembershipFrom(schoolId);
    if (!from.isAfter(latest)) {
      throw ApiProblem.conflict(Msg.msg("district.close.not-after", schoolId, latest));
    }
    long version = school.version() + 1;
    repo.closeSchool(schoolId, from, successorId, version, clock.instant());
    SchoolRow row = new SchoolRow(schoolId, countyId, school.xuequId(), school.name(), school.schoolType(), version,
        from, successorId);
    publish(row, repo.memberships(schoolId));
    log.info("school {} of county {} closes from {}{} (version {})", schoolId, countyId, from,
        successorId == null ? "" : ", merged into " + successorId, version);
    events.publishEvent(new SchoolChanged(schoolId, List.of(countyId)));
    return row;
  }

  /** 409 naming the closure: a closed school is neither closed again, moved nor changed. */
  private static ApiProblem closed(SchoolRow school) {
    return school.successorId() == null
        ? ApiProblem.conflict(Msg.msg("district.school.closed", school.id(), school.closedFrom()))
        : ApiProblem.conflict(Msg.msg("district.school.merged", school.id(), school.closedFrom(), school.successorId()));
  }

  /**
   * The last day (exclusive) a closed school is listed without {@code ?closed=true}: the end of the
   * last period that still expects it, i.e. the latest-ending semester, school year or calendar year
   * containing the day before its closure.
   */
  LocalDate listedUntil(SchoolRow school) {
    LocalDate lastDay = school.closedFrom().minusDays(1);
    LocalDate until = lastDay;
    for (PeriodType type : List.of(PeriodType.SEMESTER, PeriodType.SCHOOL_YEAR, PeriodType.CALENDAR_YEAR)) {
      LocalDate end = Period.containing(type, lastDay, calendar.calendar()).endExclusive(calendar.calendar());
      until = end.isAfter(until) ? end : until;
    }
    return until;
  }

  private void publish(SchoolRow row, List<Membership> history) {
    outbox.publish(Topics.DISTRICT_SCHOOL_REGISTRY, row.countyId(),
        new SchoolRegistered(row.id(), row.countyId(), row.xuequId(), row.name(), row.schoolType().name(), row.version(),
            history, row.closedFrom(), row.successorId()));
  }

  private void requireXuequOf(String countyId, String xuequId) {
    if (xuequId != null) {
      Optional<XuequRow> xuequ = repo.findXuequ(xuequId);
      if (xuequ.isEmpty() || !xuequ.get().countyId().equals(countyId)) {
        throw ApiProblem.unprocessable(Msg.msg("district.xuequ.not-in-county", xuequId, countyId),
            List.of(Msg.msg("district.xuequ.register-first", countyId)));
      }
    }
  }

  /** Every school of the county, closed ones included (a closed school stays in its last county). */
  @Transactional(readOnly = true)
  List<SchoolRow> schoolsOf(String countyId) {
    requireCounty(counties.exists(countyId), countyId);
    return repo.schoolsOfCounty(countyId);
  }

  /**
   * Whether a list shows the school: an open one always; a closed one until the last period that
   * expects it has ended ({@link #listedUntil}), then only when asked for closed schools.
   */
  boolean listed(SchoolRow school, boolean withClosed) {
    return withClosed || !school.closed() || calendar.today().isBefore(listedUntil(school));
  }

  @Transactional(readOnly = true)
  SchoolRow school(String countyId, String schoolId) {
    requireCounty(counties.exists(countyId), countyId);
    return repo.findSchool(schoolId)
        .filter(s -> s.countyId().equals(countyId))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("district.school.not-in-county", schoolId, countyId)));
  }

  private static void requireCounty(boolean known, String countyId) {
    if (!known) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
  }
}
