package org.gongyu.school.demonstration;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.contracts.demonstration.DemonstrationStatus;
import org.gongyu.contracts.demonstration.Rubric;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the evidence attachments ({@code org.gongyu.school.attachment}) need to know of an
 * application, and nothing more: its county, the round being drafted, whether that draft may still
 * change, the rubric's criteria, and whether an assessor is cleared on it.
 */
@Component
public class EvidenceAccess {

  private final Applications applications;
  private final Programmes programmes;
  private final Panels panels;

  EvidenceAccess(Applications applications, Programmes programmes, Panels panels) {
    this.applications = applications;
    this.programmes = programmes;
    this.panels = panels;
  }

  /**
   * An application as the attachments see it.
   *
   * @param openRound the round being drafted (or, once submitted, the last one)
   * @param drafting  whether the open round's evidence may still change (CREATING or DEFERRED, not submitted)
   * @param criteria  the criterion codes of the programme's rubric, in rubric order
   */
  public record ApplicationView(UUID id, String schoolId, String countyId, String status, int openRound,
      int submittedRound, boolean drafting, List<String> criteria) {}

  /** @throws ApiProblem 404 when the school has no such application */
  public ApplicationView find(String schoolId, UUID applicationId) {
    return view(applications.require(schoolId, applicationId));
  }

  /** The application locked for the rest of the transaction (uploads and deletions of one application queue). */
  @Transactional(propagation = Propagation.MANDATORY)
  public ApplicationView lock(String schoolId, UUID applicationId) {
    return view(applications.lock(schoolId, applicationId));
  }

  /** Whether the assessor (username) declared no conflict of interest on a round of the application. */
  public boolean cleared(UUID applicationId, String username) {
    return panels.cleared(applicationId, username);
  }

  /** A 409 naming the application's status, as every refusal of a frozen self-evaluation does. */
  public ApiProblem frozen(ApplicationView a) {
    ApiProblem p = ApiProblem.conflict(Msg.msg("school.application.illegal", a.id(), a.status(),
        Msg.msg("school.attachment.frozen", a.submittedRound())));
    p.getBody().setProperty("currentStatus", a.status());
    return p;
  }

  private static final Set<DemonstrationStatus> DRAFTING = Set.of(DemonstrationStatus.CREATING, DemonstrationStatus.DEFERRED);

  private ApplicationView view(Applications.Application a) {
    Rubric rubric = programmes.find(a.programmeId()).orElseThrow(
        () -> new IllegalStateException("application " + a.id() + " names a programme that is not stored")).rubric();
    return new ApplicationView(a.id(), a.schoolId(), a.countyId(), a.status().name(), a.openRound(), a.submittedRound(),
        DRAFTING.contains(a.status()) && !a.roundSubmitted(), rubric.criteria().stream().map(Rubric.Criterion::code).toList());
  }
}
