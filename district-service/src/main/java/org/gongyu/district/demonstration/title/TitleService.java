package org.gongyu.district.demonstration.title;

import static org.gongyu.contracts.demonstration.DemonstrationStatus.RECTIFYING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.REINSPECTING;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.REVOKED;
import static org.gongyu.contracts.demonstration.DemonstrationStatus.TITLED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.district.demonstration.Findings;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.district.county.CountyDirectory;
import org.gongyu.district.demonstration.Application;
import org.gongyu.district.demonstration.Applications;
import org.gongyu.district.demonstration.EffectiveTime;
import org.gongyu.district.demonstration.title.RectificationOutcomeRequest.RectificationOutcome;
import org.gongyu.district.demonstration.title.ReinspectionOutcomeRequest.ReinspectionOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-inspection and rectification of held titles, one transaction per command under the
 * application's row lock. The order inside each command is fixed: 404 (not this county's), 409 (the
 * status does not allow the act), 422 (the dates or note break a rule), then the title row is
 * updated and only then the transition is made, so its status event carries the new dates.
 */
@Service
class TitleService {

  static final String DIRECT = "direct";

  private final Applications applications;
  private final TitleRepository titles;
  private final CountyDirectory counties;
  private final EffectiveTime clock;

  TitleService(Applications applications, TitleRepository titles, CountyDirectory counties, EffectiveTime clock) {
    this.applications = applications;
    this.titles = titles;
    this.counties = counties;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<TitleRow> list(String countyId, String programmeId, String status) {
    if (!counties.exists(countyId)) {
      throw ApiProblem.notFound(Msg.msg("district.county.not-registered", countyId));
    }
    return titles.list(countyId, programmeId, status == null ? null : status(status).name());
  }

  /** TITLED → REINSPECTING on a day from today to the title's last valid day. */
  @Transactional
  TitleRow scheduleReinspection(String countyId, UUID applicationId, LocalDate scheduledOn, String note, String actor) {
    Application a = applications.lock(countyId, applicationId);
    Applications.require(a, "scheduling a re-inspection", TITLED);
    TitleRow title = title(a);
    LocalDate today = clock.today();
    List<String> errors = new ArrayList<>();
    if (scheduledOn.isBefore(today)) {
      errors.add("scheduledOn: " + scheduledOn + " is before today (" + today + ")");
    }
    if (scheduledOn.isAfter(title.validUntil())) {
      errors.add("scheduledOn: " + scheduledOn + " is after the title's last valid day " + title.validUntil());
    }
    refuseIf(errors);
    titles.setReinspectionOn(applicationId, scheduledOn, clock.instant());
    applications.transition(a, REINSPECTING, actor, "SCHEDULE_REINSPECTION", text(note), Map.of("scheduledOn", scheduledOn.toString()));
    return titles.find(applicationId).orElseThrow();
  }

  /**
   * REINSPECTING → TITLED (KEEP), RECTIFYING (RECTIFY: a deadline after today and within the
   * validity) or REVOKED (REVOKE: the title ends today). RECTIFY and REVOKE need a note.
   */
  @Transactional
  TitleRow recordReinspection(
      String countyId, UUID applicationId, ReinspectionOutcome outcome, LocalDate deadline, String note, String actor) {
    Application a = applications.lock(countyId, applicationId);
    Applications.require(a, "recording a re-inspection outcome", REINSPECTING);
    TitleRow title = title(a);
    LocalDate today = clock.today();
    String reason = text(note);
    List<String> errors = new ArrayList<>();
    if (outcome != ReinspectionOutcome.KEEP && reason == null) {
      errors.add("note: required for " + outcome + " (the school is told why)");
    }
    if (outcome != ReinspectionOutcome.RECTIFY && deadline != null) {
      errors.add("rectificationDeadline: only a RECTIFY outcome takes a deadline");
    }
    if (outcome == ReinspectionOutcome.RECTIFY) {
      if (deadline == null) {
        errors.add("rectificationDeadline: required for RECTIFY");
      } else {
        if (!deadline.isAfter(today)) {
          errors.add("rectificationDeadline: " + deadline + " must be after today (" + today + ")");
        }
        if (deadline.isAfter(title.validUntil())) {
          errors.add("rectificationDeadline: " + deadline + " is after the title's last valid day " + title.validUntil());
        }
      }
    }
    refuseIf(errors);
    Instant now = clock.instant();
    switch (outcome) {
      case KEEP -> applications.transition(a, TITLED, actor, "REINSPECTION_KEEP", reason, Map.of());
      case RECTIFY -> {
        titles.setRectificationDeadline(applicationId, deadline, now);
        applications.transition(a, RECTIFYING, actor, "REINSPECTION_RECTIFY", reason,
            Map.of("rectificationDeadline", deadline.toString()));
      }
      case REVOKE -> {
        titles.setEndedOn(applicationId, today, now);
        applications.transition(a, REVOKED, actor, "REINSPECTION_REVOKE", reason, Map.of("endedOn", today.toString()));
      }
    }
    return titles.find(applicationId).orElseThrow();
  }

  /**
   * RECTIFYING → TITLED (KEEP, only up to the deadline; the deadline is cleared) or REVOKED (REVOKE,
   * with a note; the title ends today). After the deadline only the revocation is left, which the
   * sweep makes on its own the next night.
   */
  @Transactional
  TitleRow recordRectification(String countyId, UUID applicationId, RectificationOutcome outcome, String note, String actor) {
    Application a = applications.lock(countyId, applicationId);
    Applications.require(a, "recording a rectification outcome", RECTIFYING);
    TitleRow title = title(a);
    LocalDate today = clock.today();
    String reason = text(note);
    Instant now = clock.instant();
    if (outcome == RectificationOutcome.KEEP) {
      LocalDate deadline = title.rectificationDeadline();
      if (deadline != null && today.isAfter(deadline)) {
        throw Applications.illegal(a, Msg.msg("district.title.rectification-passed", deadline));
      }
      titles.setRectificationDeadline(applicationId, null, now);
      applications.transition(a, TITLED, actor, "RECTIFICATION_KEEP", reason,
          deadline == null ? Map.of() : Map.of("rectificationDeadline", deadline.toString()));
    } else {
      refuseIf(reason == null ? List.of("note: required for REVOKE (the school is told why)") : List.of());
      titles.setEndedOn(applicationId, today, now);
      applications.transition(a, REVOKED, actor, "RECTIFICATION_REVOKE", reason, Map.of("endedOn", today.toString()));
    }
    return titles.find(applicationId).orElseThrow();
  }

  /** The programme's titles held today, revocations and expiries, and the same per 学区 key with its quota. */
  @Transactional(readOnly = true)
  ProgressResponse progress(String countyId, String programmeId) {
    TitleRepository.Programme programme = titles.programme(countyId, programmeId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("district.programme.unknown", programmeId, countyId)));
    LocalDate today = clock.today();
    Map<String, TitleRepository.KeyCounts> counts = titles.countsByKey(programme.id(), today).stream()
        .collect(Collectors.toMap(TitleRepository.KeyCounts::xuequKey, Function.identity()));
    Map<String, Integer> quotas = titles.quotas(programme.id());
    Map<String, String> names = titles.xuequNames(countyId);
    // 直属 ('') first, then the 学区 by id
    TreeSet<String> keys = new TreeSet<>(Comparator.comparing((String k) -> !k.isEmpty()).thenComparing(k -> k));
    keys.addAll(quotas.keySet());
    keys.addAll(counts.keySet());
    List<ProgressResponse.XuequProgress> byXuequ = new ArrayList<>();
    for (String key : keys) {
      TitleRepository.KeyCounts c = counts.getOrDefault(key, new TitleRepository.KeyCounts(key, 0, 0, 0, 0, 0, 0));
      int quota = quotas.getOrDefault(key, 0);
      byXuequ.add(new ProgressResponse.XuequProgress(
          key.isEmpty() ? DIRECT : key, key.isEmpty() ? null : key, key.isEmpty() ? null : names.get(key), quota,
          c.held(), c.applied(), c.creating(), c.inAssessment(), c.revoked(), c.expired(), c.held() >= quota));
    }
    return new ProgressResponse(programme.id(), programme.name(), programme.target(), today,
        byXuequ.stream().mapToLong(ProgressResponse.XuequProgress::held).sum(),
        byXuequ.stream().mapToLong(ProgressResponse.XuequProgress::revoked).sum(),
        byXuequ.stream().mapToLong(ProgressResponse.XuequProgress::expired).sum(),
        byXuequ);
  }

  private TitleRow title(Application a) {
    return titles.find(a.id()).orElseThrow(() -> Applications.illegal(a, Msg.msg("district.title.none")));
  }

  private static DemonstrationStatus status(String s) {
    try {
      return DemonstrationStatus.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(Msg.msg("district.status.unknown", s, Arrays.toString(DemonstrationStatus.values())));
    }
  }

  private static String text(String note) {
    return note == null || note.isBlank() ? null : note.strip();
  }

  private static void refuseIf(List<String> errors) {
    if (!errors.isEmpty()) {
      throw ApiProblem.unprocessable(Msg.msg("district.rules-broken", Msg.joined(Findings.of(errors))), Findings.of(errors));
    }
  }
}
