package org.gongyu.district.demonstration.assessment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.district.county.CountyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's assessor panel (评估专家库). An entry is a Keycloak username: what the person may do
 * comes from their token (role county-assessor of this county); the panel adds where they work
 * and worked, which the conflict rules read.
 */
@Service
class AssessorService {

  private static final Logger log = LoggerFactory.getLogger(AssessorService.class);

  private final AssessmentRepository repository;
  private final CountyDirectory counties;
  private final Clock clock;

  AssessorService(AssessmentRepository repository, CountyDirectory counties, Clock clock) {
    this.repository = repository;
    this.counties = counties;
    this.clock = clock;
  }

  /** Creates (201) or changes (version + 1) an entry; the same entry again changes nothing (200). */
  @Transactional
  Upserted put(String countyId, String username, PutAssessorRequest body) {
    if (!counties.exists(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
    List<String> former = new ArrayList<>(new LinkedHashSet<>(body.formerSchoolIds() == null ? List.of() : body.formerSchoolIds()));
    List<Msg> errors = new ArrayList<>();
    if (body.homeSchoolId() != null) {
      if (former.contains(body.homeSchoolId())) {
        errors.add(Msg.msg("district.assessor.former-is-home", body.homeSchoolId()));
      }
      if (repository.registeredSchools(List.of(body.homeSchoolId()), countyId).isEmpty()) {
        errors.add(Msg.msg("district.assessor.home-unregistered", body.homeSchoolId(), countyId));
      }
    }
    Set<String> registered = repository.registeredSchools(former, null);
    for (String s : former) {
      if (!registered.contains(s)) {
        errors.add(Msg.msg("district.assessor.former-unregistered", s));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("district.assessor.schools-unregistered"), errors);
    }
    boolean active = body.active() == null || body.active();
    Optional<AssessorRow> existing = repository.lockAssessor(countyId, username);
    // a removed entry comes back onto the panel: a new entry for the county admin (201)
    boolean removed = existing.isPresent() && repository.removed(countyId, username);
    AssessorRow wanted = new AssessorRow(countyId, username, body.name().strip(), body.homeSchoolId(), List.copyOf(former), active,
        existing.map(e -> e.version() + 1).orElse(1L));
    if (existing.isPresent() && !removed && same(existing.get(), wanted)) {
      return new Upserted(existing.get(), false);
    }
    repository.upsertAssessor(wanted, clock.instant());
    log.info("county {} assessor {} version {} (active {})", countyId, username, wanted.version(), active);
    return new Upserted(wanted, existing.isEmpty() || removed);
  }

  /**
   * Takes an entry off the panel (it stays stored for the rounds that name it; a PUT brings it
   * back). 404 for a username not on the panel; 409 while the assessor is assigned or cleared on
   * an open round (self-evaluated or being assessed): replace them there first, or deactivate them
   * ({@code active: false}), which only stops new assignments.
   */
  @Transactional
  void remove(String countyId, String username) {
    if (!counties.exists(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
    AssessorRow row = repository.lockAssessor(countyId, username)
        .filter(r -> !repository.removed(countyId, username))
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("district.assessor.unknown", username, countyId)));
    List<java.util.UUID> open = repository.openAssignments(countyId).getOrDefault(username, List.of());
    if (!open.isEmpty()) {
      ApiProblem p = ApiProblem.conflict(Msg.msg("district.assessor.open-assignments", username, open.size(),
          String.join(", ", open.stream().map(java.util.UUID::toString).toList())));
      p.getBody().setProperty("openAssignments", open);
      throw p;
    }
    repository.removeAssessor(countyId, username, row.version() + 1, clock.instant());
    log.info("county {} assessor {} removed from the panel (version {})", countyId, username, row.version() + 1);
  }

  @Transactional(readOnly = true)
  List<AssessorRow> list(String countyId) {
    if (!counties.exists(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
    return repository.assessors(countyId);
  }

  /** Per username, the open rounds (applications) the assessor is on: see {@link #remove}. */
  @Transactional(readOnly = true)
  java.util.Map<String, List<java.util.UUID>> openAssignments(String countyId) {
    return repository.openAssignments(countyId);
  }

  private static boolean same(AssessorRow a, AssessorRow b) {
    return a.name().equals(b.name()) && Objects.equals(a.homeSchoolId(), b.homeSchoolId())
        && a.formerSchoolIds().equals(b.formerSchoolIds()) && a.active() == b.active();
  }

  /** The stored entry and whether this request created it. */
  record Upserted(AssessorRow row, boolean created) {}
}
