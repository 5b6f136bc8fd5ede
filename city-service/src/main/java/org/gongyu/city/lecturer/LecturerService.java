package org.gongyu.city.lecturer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.city.CityProperties;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.LecturerRegistryChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nominations and the city's review of them. Each step checks its input whole (422 naming the
 * fields) and the transition (409 naming the current status) before it writes: the entry under its
 * row lock with version + 1, a trail row and, for a registered entry, {@code LecturerRegistryChanged}
 * into the outbox. A refused step writes nothing.
 */
@Service
class LecturerService {

  static final Set<String> AGE_GROUPS = Set.of("PRESCHOOL", "PRIMARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY");

  private final Lecturers lecturers;
  private final CityProperties city;
  private final CityCalendar calendar;
  private final Outbox outbox;
  private final Clock clock;

  LecturerService(Lecturers lecturers, CityProperties city, CityCalendar calendar, Outbox outbox, Clock clock) {
    this.lecturers = lecturers;
    this.city = city;
    this.calendar = calendar;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A county's nomination ({@code countyId} null: city-direct, entered by city staff). */
  @Transactional
  LecturerResponse nominate(String countyId, LecturerRequests.Nominate body, String actor) {
    Map<String, String> counties = lecturers.countyNames(city.id());
    if (countyId != null && !counties.containsKey(countyId)) {
      throw ApiProblem.notFound(Msg.msg("city.lecturer.county-unknown", countyId));
    }
    Nomination n = nomination(body);
    Instant now = clock.instant();
    String id = "L" + UUID.randomUUID().toString().replace("-", "").substring(0, 15);
    Lecturer l = new Lecturer(id, n.name(), n.affiliation(), n.expertise(), n.ageGroups(), countyId, now, actor,
        Lecturer.Status.NOMINATED, null, null, null, 1, List.of());
    lecturers.insert(l, now);
    lecturers.trail(id, now, actor, "NOMINATED", 1, n.comment());
    return response(lecturers.find(id).orElseThrow(), counties, true);
  }

  /**
   * The nominating county corrects its nomination before the city decides (it stays 待审核, trail
   * EDITED), or after a rejection and sends it again (back to 待审核, the reason cleared, trail
   * RESUBMITTED). Another county's nomination is 404; a registered, suspended or revoked entry 409.
   */
  @Transactional
  LecturerResponse editNomination(String countyId, String id, LecturerRequests.Nominate body, String actor) {
    Map<String, String> counties = lecturers.countyNames(city.id());
    Lecturer l = lecturers.lock(id).filter(x -> countyId.equals(x.nominatedByCounty())).orElseThrow(() -> notFound(id));
    Nomination n = nomination(body);
    requireStatus(l, "edit", Lecturer.Status.NOMINATED, Lecturer.Status.REJECTED);
    Instant now = clock.instant();
    Lecturer changed = new Lecturer(l.id(), n.name(), n.affiliation(), n.expertise(), n.ageGroups(), l.nominatedByCounty(),
        l.nominatedAt(), l.nominatedBy(), Lecturer.Status.NOMINATED, null, null, null, l.version() + 1, l.teams());
    lecturers.updateNomination(changed, now);
    lecturers.trail(id, now, actor, l.status() == Lecturer.Status.REJECTED ? "RESUBMITTED" : "EDITED", changed.version(),
        n.comment());
    return response(lecturers.find(id).orElseThrow(), counties, true);
  }

  /** A nomination's fields, checked (422 naming every field). */
  private record Nomination(String name, String affiliation, String expertise, List<String> ageGroups, String comment) {}

  private static Nomination nomination(LecturerRequests.Nominate body) {
    List<Msg> errors = new ArrayList<>();
    String name = text(errors, "name", body == null ? null : body.name(), 100, true);
    String affiliation = body == null ? null : text(errors, "affiliation", body.affiliation(), 200, false);
    String expertise = body == null ? null : text(errors, "expertise", body.expertise(), 500, false);
    String comment = body == null ? null : text(errors, "comment", body.comment(), 1000, false);
    List<String> groups = new ArrayList<>(new LinkedHashSet<>(body == null || body.ageGroups() == null ? List.of() : body.ageGroups()));
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i) == null || !AGE_GROUPS.contains(groups.get(i))) {
        errors.add(Msg.msg("city.lecturer.age-group-unknown", "ageGroups[" + i + "]", groups.get(i), String.join(", ",
            List.of("PRESCHOOL", "PRIMARY", "JUNIOR_SECONDARY", "SENIOR_SECONDARY"))));
      }
    }
    reject(errors);
    return new Nomination(name, affiliation, expertise, List.copyOf(groups), comment);
  }

  /** Registers (备案) a nominated lecturer, trained already or not, with its teams. */
  @Transactional
  LecturerResponse register(String id, LecturerRequests.Register body, String actor) {
    Map<String, String> counties = lecturers.countyNames(city.id());
    Lecturer l = locked(id);
    List<Msg> errors = new ArrayList<>();
    LocalDate trainedOn = body == null ? null : day(errors, "trainedOn", body.trainedOn(), false);
    List<Lecturer.Team> teams = teams(errors, body == null ? null : body.teams(), counties);
    reject(errors);
    requireStatus(l, "register", Lecturer.Status.NOMINATED);
    Instant now = clock.instant();
    Lecturer changed = with(l, Lecturer.Status.REGISTERED, null, now, trainedOn);
    lecturers.replaceTeams(id, teams);
    return step(changed, "REGISTERED", trainedOn == null ? null : "trainedOn=" + trainedOn, actor, now, counties);
  }

  @Transactional
  LecturerResponse rejectNomination(String id, LecturerRequests.Reason body, String actor) {
    return withReason(id, body, actor, "reject", Lecturer.Status.REJECTED, "REJECTED", Lecturer.Status.NOMINATED);
  }

  @Transactional
  LecturerResponse suspend(String id, LecturerRequests.Reason body, String actor) {
    return withReason(id, body, actor, "suspend", Lecturer.Status.SUSPENDED, "SUSPENDED", Lecturer.Status.REGISTERED);
  }

  @Transactional
  LecturerResponse revoke(String id, LecturerRequests.Reason body, String actor) {
    return withReason(id, body, actor, "revoke", Lecturer.Status.REVOKED, "REVOKED",
        Lecturer.Status.REGISTERED, Lecturer.Status.SUSPENDED);
  }

  /** A suspended lecturer registered again. */
  @Transactional
  LecturerResponse reinstate(String id, String actor) {
    Map<String, String> counties = lecturers.countyNames(city.id());
    Lecturer l = locked(id);
    requireStatus(l, "reinstate", Lecturer.Status.SUSPENDED);
    Instant now = clock.instant();
    return step(with(l, Lecturer.Status.REGISTERED, null, l.registeredAt(), l.trainedOn()), "REINSTATED", null, actor, now,
        counties);
  }

  /** Records the day a registered (or suspended) lecturer completed the city's training. */
  @Transactional
  LecturerResponse recordTraining(String id, LecturerRequests.Training body, String actor) {
    Map<String, String> counties = lecturers.countyNames(city.id());
    Lecturer l = locked(id);
    List<Msg> errors = new ArrayList<>();
    LocalDate trainedOn = day(errors, "trainedOn", body == null ? null : body.trainedOn(), true);
    reject(errors);
    requireStatus(l, "train", Lecturer.Status.REGISTERED, Lecturer.Status.SUSPENDED);
    if (trainedOn.equals(l.trainedOn())) {
      return response(l, counties, true);
    }
    Instant now = clock.instant();
    return step(with(l, l.status(), l.statusReason(), l.registeredAt(), trainedOn), "TRAINED", "trainedOn=" + trainedOn, actor,
        now, counties);
  }

  /** Replaces the team memberships of a registered (or suspended) lecturer. */
  @Transactional
  LecturerResponse setTeams(String id, LecturerRequests.Teams body, String actor) {
    Map<String, String> counties = lecturers.countyNames(city.id());
    Lecturer l = locked(id);
    List<Msg> errors = new ArrayList<>();
    List<Lecturer.Team> teams = teams(errors, body == null ? null : body.teams(), counties);
    reject(errors);
    requireStatus(l, "teams", Lecturer.Status.REGISTERED, Lecturer.Status.SUSPENDED);
    if (Set.copyOf(teams).equals(Set.copyOf(l.teams()))) {
      return response(l, counties, true);
    }
    lecturers.replaceTeams(id, teams);
    Instant now = clock.instant();
    String summary = String.join(",", teams.stream().map(t -> t.team() + (t.countyId() == null ? "" : ":" + t.countyId())).toList());
    return step(with(l, l.status(), l.statusReason(), l.registeredAt(), l.trainedOn()), "TEAMS", summary, actor, now, counties);
  }

  /** One entry with its trail; a county reads only its own nominations and registered entries. */
  @Transactional(readOnly = true)
  LecturerResponse read(String id, String countyId) {
    Lecturer l = lecturers.find(id).filter(x -> countyId == null || countyId.equals(x.nominatedByCounty())
        || x.status() == Lecturer.Status.REGISTERED).orElseThrow(() -> notFound(id));
    return response(l, lecturers.countyNames(city.id()), true);
  }

  /** Every entry (the city's view), filtered. */
  @Transactional(readOnly = true)
  List<LecturerResponse> list(String nominatedBy, String status, String team, String teamCounty) {
    Lecturer.Status s = parse(Lecturer.Status.class, "status", status);
    Lecturer.TeamKind t = parse(Lecturer.TeamKind.class, "team", team);
    String county = nominatedBy == null ? null : "CITY".equals(nominatedBy) ? "" : nominatedBy;
    Map<String, String> counties = lecturers.countyNames(city.id());
    return lecturers.list(county, s, t, teamCounty).stream().map(l -> response(l, counties, false)).toList();
  }

  /** A county's own nominations, whatever their status. */
  @Transactional(readOnly = true)
  List<LecturerResponse> nominationsOf(String countyId) {
    Map<String, String> counties = lecturers.countyNames(city.id());
    if (!counties.containsKey(countyId)) {
      throw ApiProblem.notFound(Msg.msg("city.lecturer.county-unknown", countyId));
    }
    return lecturers.list(countyId, null, null, null).stream().map(l -> response(l, counties, false)).toList();
  }

  /** The registry as counties see it: registered lecturers (in force), of one team if asked. */
  @Transactional(readOnly = true)
  List<LecturerResponse> registered(String team, String teamCounty) {
    Lecturer.TeamKind t = parse(Lecturer.TeamKind.class, "team", team);
    Map<String, String> counties = lecturers.countyNames(city.id());
    return lecturers.list(null, Lecturer.Status.REGISTERED, t, teamCounty).stream()
        .map(l -> response(l, counties, false)).toList();
  }

  private LecturerResponse withReason(String id, LecturerRequests.Reason body, String actor, String action,
      Lecturer.Status to, String trailAction, Lecturer.Status... from) {
    Map<String, String> counties = lecturers.countyNames(city.id());
    Lecturer l = locked(id);
    List<Msg> errors = new ArrayList<>();
    String reason = text(errors, "reason", body == null ? null : body.reason(), 1000, true);
    reject(errors);
    requireStatus(l, action, from);
    Instant now = clock.instant();
    return step(with(l, to, reason, l.registeredAt(), l.trainedOn()), trailAction, reason, actor, now, counties);
  }

  private LecturerResponse step(Lecturer changed, String action, String comment, String actor, Instant now,
      Map<String, String> counties) {
    lecturers.update(changed, now);
    lecturers.trail(changed.id(), now, actor, action, changed.version(), comment);
    if (changed.published()) {
      outbox.publish(Topics.CITY_LECTURERS, changed.id(), new LecturerRegistryChanged(city.id(), changed.id(), changed.name(),
          changed.affiliation(), LecturerRegistryChanged.Status.valueOf(changed.status().name()), changed.trainedOn(), now,
          changed.version()));
    }
    return response(lecturers.find(changed.id()).orElseThrow(), counties, true);
  }

  private static Lecturer with(Lecturer l, Lecturer.Status status, String reason, Instant registeredAt, LocalDate trainedOn) {
    return new Lecturer(l.id(), l.name(), l.affiliation(), l.expertise(), l.ageGroups(), l.nominatedByCounty(), l.nominatedAt(),
        l.nominatedBy(), status, reason, registeredAt, trainedOn, l.version() + 1, l.teams());
  }

  private Lecturer locked(String id) {
    return lecturers.lock(id).orElseThrow(() -> notFound(id));
  }

  private static ApiProblem notFound(String id) {
    return ApiProblem.notFound(Msg.msg("city.lecturer.unknown", id));
  }

  private static void requireStatus(Lecturer l, String action, Lecturer.Status... allowed) {
    for (Lecturer.Status s : allowed) {
      if (l.status() == s) {
        return;
      }
    }
    ApiProblem p = ApiProblem.conflict(Msg.msg("city.lecturer.illegal", Msg.msg("city.lecturer.action." + action), l.id(),
        Msg.msg("city.lecturer.status." + l.status().name())));
    p.getBody().setProperty("currentStatus", l.status().name());
    p.getBody().setProperty("currentVersion", l.version());
    throw p;
  }

  private List<Lecturer.Team> teams(List<Msg> errors, List<LecturerRequests.TeamRequest> requested, Map<String, String> counties) {
    List<Lecturer.Team> out = new ArrayList<>();
    if (requested == null) {
      return out;
    }
    for (int i = 0; i < requested.size(); i++) {
      LecturerRequests.TeamRequest t = requested.get(i);
      String field = "teams[" + i + "]";
      Lecturer.TeamKind kind = null;
      try {
        kind = t == null || t.team() == null ? null : Lecturer.TeamKind.valueOf(t.team());
      } catch (IllegalArgumentException e) {
        // reported below
      }
      if (kind == null) {
        errors.add(Msg.msg("city.lecturer.team-unknown", field + ".team", t == null ? null : t.team()));
        continue;
      }
      String county = t.countyId() == null || t.countyId().isBlank() ? null : t.countyId().strip();
      if (kind == Lecturer.TeamKind.COUNTY_TEAM && (county == null || !counties.containsKey(county))) {
        errors.add(Msg.msg("city.lecturer.team-county", field + ".countyId", county == null ? "-" : county));
        continue;
      }
      if (kind != Lecturer.TeamKind.COUNTY_TEAM && county != null) {
        errors.add(Msg.msg("city.lecturer.team-no-county", field + ".countyId", kind.name()));
        continue;
      }
      Lecturer.Team team = new Lecturer.Team(kind, county);
      if (!out.contains(team)) {
        out.add(team);
      }
    }
    return out;
  }

  private LocalDate day(List<Msg> errors, String field, LocalDate day, boolean required) {
    if (day == null) {
      if (required) {
        errors.add(Msg.msg("city.lecturer.field-required", field));
      }
      return null;
    }
    if (day.isAfter(calendar.today())) {
      errors.add(Msg.msg("city.lecturer.day-in-future", field, day));
    }
    return day;
  }

  private static String text(List<Msg> errors, String field, String value, int max, boolean required) {
    String v = value == null || value.isBlank() ? null : value.strip();
    if (v == null) {
      if (required) {
        errors.add(Msg.msg("city.lecturer.field-required", field));
      }
      return null;
    }
    if (v.codePointCount(0, v.length()) > max) {
      errors.add(Msg.msg("city.lecturer.too-long", field, max));
    }
    return v;
  }

  private static void reject(List<Msg> errors) {
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("city.lecturer.invalid", errors.size(), Msg.joined(errors)), errors);
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(Msg.msg("city.lecturer.filter-unknown", field, value));
    }
  }

  private LecturerResponse response(Lecturer l, Map<String, String> counties, boolean withTrail) {
    return new LecturerResponse(l.id(), l.name(), l.affiliation(), l.expertise(), l.ageGroups(), l.nominatedByCounty(),
        l.nominatedByCounty() == null ? null : counties.get(l.nominatedByCounty()), l.nominatedAt(), l.status().name(),
        l.statusReason(), l.registeredAt(), l.trainedOn(), l.registeredAndTrained(),
        l.teams().stream().map(t -> new LecturerResponse.TeamResponse(t.team().name(), t.countyId(),
            t.countyId() == null ? null : counties.get(t.countyId()))).toList(),
        l.version(), withTrail ? lecturers.trailOf(l.id()) : null);
  }
}
