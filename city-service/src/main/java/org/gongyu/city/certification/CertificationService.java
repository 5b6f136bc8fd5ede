package org.gongyu.city.certification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.gongyu.chassis.calendar.CityCalendar;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.city.CityProperties;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.InstructorCertificateChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cohorts, participants and certificates. Each step checks its input whole (422 naming the fields),
 * then the state (409 naming the current status) before it writes; a refused step writes nothing.
 * The rules: participants, attendance and assessment only while the cohort is PLANNED; a cohort
 * completes once every participant is assessed; a certificate only for a participant who PASSED an
 * INSTRUCTOR cohort that has COMPLETED, one per participant; renewal only of an unrevoked
 * certificate, to a later expiry; revocation once, from today.
 */
@Service
class CertificationService {

  /** A score of this or more passes the assessment. */
  static final BigDecimal PASS_MARK = new BigDecimal("60");
  /** A certificate's default term. */
  static final int YEARS_VALID = 3;

  private static final Pattern NUMBER = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final Pattern SCHOOL = Pattern.compile("[0-9]{10}");
  private static final List<String> KINDS = List.of("INSTRUCTOR", "KEY_STAFF");
  private static final List<String> MODES = List.of("ONLINE", "OFFLINE", "MIXED");
  private static final List<String> ROLES = List.of("HEAD", "TEACHER", "HEAD_TEACHER", "COUNTY_STAFF");
  private static final List<String> COHORT_STATUSES = List.of("PLANNED", "COMPLETED", "CANCELLED");

  private final Trainings trainings;
  private final CityProperties city;
  private final CityCalendar calendar;
  private final Outbox outbox;
  private final Clock clock;

  CertificationService(Trainings trainings, CityProperties city, CityCalendar calendar, Outbox outbox, Clock clock) {
    this.trainings = trainings;
    this.city = city;
    this.calendar = calendar;
    this.outbox = outbox;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ cohorts

  @Transactional
  TrainingResponses.Cohort createCohort(TrainingRequests.Cohort body, String actor) {
    List<Msg> errors = new ArrayList<>();
    TrainingRequests.Cohort b = body == null ? new TrainingRequests.Cohort(null, null, null, null, null, null, null) : body;
    text(errors, "name", b.name(), 200);
    String kind = oneOf(errors, "kind", b.kind(), KINDS);
    String mode = oneOf(errors, "mode", b.mode(), MODES);
    required(errors, "startsOn", b.startsOn());
    required(errors, "endsOn", b.endsOn());
    if (b.startsOn() != null && b.endsOn() != null && b.endsOn().isBefore(b.startsOn())) {
      errors.add(Msg.msg("city.training.ends-before-start", "endsOn", b.endsOn(), b.startsOn()));
    }
    text(errors, "organiser", b.organiser(), 200);
    if (b.sessions() == null) {
      errors.add(Msg.msg("city.training.field-required", "sessions"));
    } else if (b.sessions() < 1 || b.sessions() > 200) {
      errors.add(Msg.msg("city.training.out-of-range", "sessions", b.sessions(), 1, 200));
    }
    reject(errors);
    String id = "TC" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    trainings.insertCohort(id, b, kind, mode, clock.instant(), actor);
    return cohort(id);
  }

  @Transactional(readOnly = true)
  List<TrainingResponses.Cohort> cohorts(String status) {
    if (status != null && !status.isBlank() && !COHORT_STATUSES.contains(status)) {
      throw ApiProblem.badRequest(Msg.msg("city.training.filter-unknown", "status", status));
    }
    return trainings.cohorts(status == null || status.isBlank() ? null : status);
  }

  /** One cohort with its participants. */
  @Transactional(readOnly = true)
  TrainingResponses.Cohort cohort(String id) {
    TrainingResponses.Cohort c = trainings.cohort(id).orElseThrow(() -> cohortNotFound(id));
    List<TrainingResponses.Participant> participants = trainings.participantsOfCohort(id, counties(), calendar.today());
    return new TrainingResponses.Cohort(c.id(), c.name(), c.kind(), c.mode(), c.startsOn(), c.endsOn(), c.organiser(),
        c.sessions(), c.status(), c.statusReason(), c.participantCount(), c.passedCount(), c.certificateCount(), c.version(),
        participants);
  }

  /** Completes a planned cohort once every participant has been assessed. */
  @Transactional
  TrainingResponses.Cohort complete(String id) {
    TrainingResponses.Cohort c = lockedCohort(id);
    requireCohort(c, "complete", "PLANNED");
    long unassessed = trainings.participantsOfCohort(id, Map.of(), calendar.today()).stream()
        .filter(p -> p.result() == null).count();
    if (unassessed > 0) {
      throw conflict(Msg.msg("city.training.unassessed", c.name(), unassessed), c.status(), c.version());
    }
    trainings.setCohortStatus(id, "COMPLETED", null, clock.instant());
    return cohort(id);
  }

  @Transactional
  TrainingResponses.Cohort cancel(String id, TrainingRequests.Reason body) {
    TrainingResponses.Cohort c = lockedCohort(id);
    List<Msg> errors = new ArrayList<>();
    String reason = text(errors, "reason", body == null ? null : body.reason(), 1000);
    reject(errors);
    requireCohort(c, "cancel", "PLANNED");
    trainings.setCohortStatus(id, "CANCELLED", reason, clock.instant());
    return cohort(id);
  }

  // ------------------------------------------------------------------ participants

  @Transactional
  TrainingResponses.Participant enrol(String cohortId, TrainingRequests.Participant body) {
    TrainingResponses.Cohort c = lockedCohort(cohortId);
    Map<String, String> counties = counties();
    List<Msg> errors = new ArrayList<>();
    TrainingRequests.Participant b = body == null ? new TrainingRequests.Participant(null, null, null, null) : body;
    String name = text(errors, "name", b.name(), 100);
    String role = oneOf(errors, "role", b.role(), ROLES);
    String county = blankToNull(b.countyId());
    if (county != null && !counties.containsKey(county)) {
      errors.add(Msg.msg("city.training.county-unknown-field", "countyId", county));
    }
    String school = blankToNull(b.schoolId());
    if (school != null && !SCHOOL.matcher(school).matches()) {
      errors.add(Msg.msg("city.training.school-id", "schoolId", school));
    }
    if ("COUNTY_STAFF".equals(role) && school != null) {
      errors.add(Msg.msg("city.training.county-staff-no-school", "schoolId"));
    }
    if (role != null && !"COUNTY_STAFF".equals(role) && school == null) {
      errors.add(Msg.msg("city.training.field-required", "schoolId"));
    }
    reject(errors);
    requireCohort(c, "enrol", "PLANNED");
    String id = "TP" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    trainings.insertParticipant(id, cohortId, name, role, county, school, clock.instant());
    return trainings.participant(cohortId, id, counties, calendar.today()).orElseThrow();
  }

  @Transactional
  TrainingResponses.Participant attendance(String cohortId, String participantId, TrainingRequests.Attendance body) {
    TrainingResponses.Cohort c = lockedCohort(cohortId);
    TrainingResponses.Participant p = participant(cohortId, participantId);
    List<Msg> errors = new ArrayList<>();
    Integer attended = body == null ? null : body.sessionsAttended();
    if (attended == null) {
      errors.add(Msg.msg("city.training.field-required", "sessionsAttended"));
    } else if (attended < 0 || attended > c.sessions()) {
      errors.add(Msg.msg("city.training.out-of-range", "sessionsAttended", attended, 0, c.sessions()));
    }
    reject(errors);
    requireCohort(c, "attendance", "PLANNED");
    if (!attended.equals(p.sessionsAttended())) {
      trainings.setAttendance(participantId, attended, clock.instant());
    }
    return participant(cohortId, participantId);
  }

  @Transactional
  TrainingResponses.Participant assess(String cohortId, String participantId, TrainingRequests.Assessment body) {
    TrainingResponses.Cohort c = lockedCohort(cohortId);
    TrainingResponses.Participant p = participant(cohortId, participantId);
    List<Msg> errors = new ArrayList<>();
    BigDecimal score = body == null ? null : body.score();
    if (score == null) {
      errors.add(Msg.msg("city.training.field-required", "score"));
    } else if (score.signum() < 0 || score.compareTo(new BigDecimal("100")) > 0 || score.stripTrailingZeros().scale() > 1) {
      errors.add(Msg.msg("city.training.score", "score", score.toPlainString()));
    }
    reject(errors);
    requireCohort(c, "assess", "PLANNED");
    if (p.sessionsAttended() == null) {
      throw conflict(Msg.msg("city.training.not-attended", p.name()), "ENROLLED", p.version());
    }
    String result = score.compareTo(PASS_MARK) >= 0 ? "PASSED" : "FAILED";
    trainings.setAssessment(participantId, score, result, clock.instant());
    return participant(cohortId, participantId);
  }

  /** A county's own participants, whatever the cohort's status (404 for a county not of the city). */
  @Transactional(readOnly = true)
  List<TrainingResponses.Participant> participantsOfCounty(String countyId) {
    Map<String, String> counties = counties();
    if (!counties.containsKey(countyId)) {
      throw ApiProblem.notFound(Msg.msg("city.training.county-unknown", countyId));
    }
    return trainings.participantsOfCounty(countyId, counties, calendar.today());
  }

  // ------------------------------------------------------------------ certificates

  @Transactional
  TrainingResponses.Certificate issue(String cohortId, String participantId, TrainingRequests.Issue body, String actor) {
    TrainingResponses.Cohort c = lockedCohort(cohortId);
    TrainingResponses.Participant p = participant(cohortId, participantId);
    LocalDate today = calendar.today();
    List<Msg> errors = new ArrayList<>();
    TrainingRequests.Issue b = body == null ? new TrainingRequests.Issue(null, null, null) : body;
    String number = blankToNull(b.number());
    if (number == null) {
      errors.add(Msg.msg("city.training.field-required", "number"));
    } else if (!NUMBER.matcher(number).matches()) {
      errors.add(Msg.msg("city.training.number-format", "number", number));
    } else if (trainings.numberTaken(number)) {
      errors.add(Msg.msg("city.training.number-taken", "number", number));
    }
    LocalDate issuedOn = b.issuedOn() == null ? today : b.issuedOn();
    if (issuedOn.isAfter(today)) {
      errors.add(Msg.msg("city.training.day-in-future", "issuedOn", issuedOn));
    } else if (issuedOn.isBefore(c.endsOn())) {
      errors.add(Msg.msg("city.training.issued-before-end", "issuedOn", issuedOn, c.endsOn()));
    }
    LocalDate expiresOn = b.expiresOn() == null ? issuedOn.plusYears(YEARS_VALID) : b.expiresOn();
    if (!expiresOn.isAfter(issuedOn)) {
      errors.add(Msg.msg("city.training.expires-not-after", "expiresOn", expiresOn, issuedOn));
    }
    reject(errors);
    requireCohort(c, "issue", "COMPLETED");
    if (!"INSTRUCTOR".equals(c.kind())) {
      throw conflict(Msg.msg("city.training.no-certificate-for-kind", c.name()), c.status(), c.version());
    }
    if (!"PASSED".equals(p.result())) {
      throw conflict(Msg.msg("city.training.not-passed", p.name()), p.result() == null ? "NOT_ASSESSED" : p.result(), p.version());
    }
    if (p.certificate() != null) {
      throw conflict(Msg.msg("city.training.has-certificate", p.name(), p.certificate().number()), p.certificate().status(),
          p.certificate().version());
    }
    Instant now = clock.instant();
    trainings.insertCertificate(p, number, issuedOn, expiresOn, actor, now);
    return published(number, now);
  }

  @Transactional
  TrainingResponses.Certificate renew(String number, TrainingRequests.Renewal body) {
    LocalDate today = calendar.today();
    TrainingResponses.Certificate x = trainings.lockCertificate(number, today).orElseThrow(() -> certificateNotFound(number));
    List<Msg> errors = new ArrayList<>();
    LocalDate expiresOn = body == null ? null : body.expiresOn();
    if (expiresOn == null) {
      errors.add(Msg.msg("city.training.field-required", "expiresOn"));
    } else if (!expiresOn.isAfter(x.expiresOn())) {
      errors.add(Msg.msg("city.training.renewal-not-later", "expiresOn", expiresOn, x.expiresOn()));
    }
    reject(errors);
    if ("REVOKED".equals(x.status())) {
      throw conflict(Msg.msg("city.training.certificate-illegal", Msg.msg("city.training.action.renew"), number,
          Msg.msg("city.training.status.REVOKED")), x.status(), x.version());
    }
    Instant now = clock.instant();
    trainings.renew(number, expiresOn, now);
    return published(number, now);
  }

  @Transactional
  TrainingResponses.Certificate revoke(String number, TrainingRequests.Reason body) {
    LocalDate today = calendar.today();
    TrainingResponses.Certificate x = trainings.lockCertificate(number, today).orElseThrow(() -> certificateNotFound(number));
    List<Msg> errors = new ArrayList<>();
    String reason = text(errors, "reason", body == null ? null : body.reason(), 1000);
    reject(errors);
    if ("REVOKED".equals(x.status())) {
      throw conflict(Msg.msg("city.training.certificate-illegal", Msg.msg("city.training.action.revoke"), number,
          Msg.msg("city.training.status.REVOKED")), x.status(), x.version());
    }
    Instant now = clock.instant();
    trainings.revoke(number, today, reason, now);
    return published(number, now);
  }

  @Transactional(readOnly = true)
  TrainingResponses.Certificate certificate(String number) {
    return trainings.certificate(number, calendar.today()).orElseThrow(() -> certificateNotFound(number));
  }

  /** Every certificate, of one status (VALID, EXPIRED, REVOKED) if asked. */
  @Transactional(readOnly = true)
  List<TrainingResponses.Certificate> certificates(String status) {
    if (status != null && !status.isBlank() && !List.of("VALID", "EXPIRED", "REVOKED").contains(status)) {
      throw ApiProblem.badRequest(Msg.msg("city.training.filter-unknown", "status", status));
    }
    return trainings.certificates(null, calendar.today()).stream()
        .filter(x -> status == null || status.isBlank() || x.status().equals(status)).toList();
  }

  private TrainingResponses.Certificate published(String number, Instant now) {
    TrainingResponses.Certificate x = trainings.certificate(number, calendar.today()).orElseThrow();
    outbox.publish(Topics.CITY_INSTRUCTOR_CERTIFICATES, number, new InstructorCertificateChanged(city.id(), number,
        x.holderName(), x.schoolId(), x.countyId(), x.issuedOn(), x.expiresOn(),
        "REVOKED".equals(x.status()) ? InstructorCertificateChanged.Status.REVOKED : InstructorCertificateChanged.Status.VALID,
        x.revokedOn(), now, x.version()));
    return x;
  }

  // ------------------------------------------------------------------ helpers

  private Map<String, String> counties() {
    return trainings.countyNames(city.id());
  }

  private TrainingResponses.Cohort lockedCohort(String id) {
    return trainings.lockCohort(id).orElseThrow(() -> cohortNotFound(id));
  }

  private TrainingResponses.Participant participant(String cohortId, String participantId) {
    return trainings.participant(cohortId, participantId, counties(), calendar.today())
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("city.training.participant-unknown", participantId)));
  }

  private static ApiProblem cohortNotFound(String id) {
    return ApiProblem.notFound(Msg.msg("city.training.cohort-unknown", id));
  }

  private static ApiProblem certificateNotFound(String number) {
    return ApiProblem.notFound(Msg.msg("city.training.certificate-unknown", number));
  }

  private static void requireCohort(TrainingResponses.Cohort c, String action, String allowed) {
    if (!c.status().equals(allowed)) {
      throw conflict(Msg.msg("city.training.cohort-illegal", Msg.msg("city.training.action." + action), c.name(),
          Msg.msg("city.training.status." + c.status())), c.status(), c.version());
    }
  }

  private static ApiProblem conflict(Msg detail, String currentStatus, long version) {
    ApiProblem p = ApiProblem.conflict(detail);
    p.getBody().setProperty("currentStatus", currentStatus);
    p.getBody().setProperty("currentVersion", version);
    return p;
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static void required(List<Msg> errors, String field, Object value) {
    if (value == null) {
      errors.add(Msg.msg("city.training.field-required", field));
    }
  }

  private static String text(List<Msg> errors, String field, String value, int max) {
    String v = blankToNull(value);
    if (v == null) {
      errors.add(Msg.msg("city.training.field-required", field));
      return null;
    }
    if (v.codePointCount(0, v.length()) > max) {
      errors.add(Msg.msg("city.training.too-long", field, max));
    }
    return v;
  }

  private static String oneOf(List<Msg> errors, String field, String value, List<String> allowed) {
    String v = blankToNull(value);
    if (v == null) {
      errors.add(Msg.msg("city.training.field-required", field));
      return null;
    }
    if (!allowed.contains(v)) {
      errors.add(Msg.msg("city.training.value-unknown", field, v, String.join(", ", allowed)));
      return null;
    }
    return v;
  }

  private static void reject(List<Msg> errors) {
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("city.training.invalid", errors.size(), Msg.joined(errors)), errors);
    }
  }
}
