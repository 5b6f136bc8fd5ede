package org.gongyu.school.sixones;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.gongyu.chassis.security.Rules;
import org.gongyu.school.studentrecords.BatchResponse;
import org.gongyu.school.studentrecords.SnapshotFigure;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Six-ones participations, as the school records them. */
@RestController
class SixOnesController {

  private final SixOnesParticipations participations;

  SixOnesController(SixOnesParticipations participations) {
    this.participations = participations;
  }

  @PostMapping("/api/school/schools/{schoolId}/six-ones")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse record(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @Valid @RequestBody SixOnesBatch batch) {
    SixOnesParticipations.Outcome o = participations.ingest(schoolId, batch);
    return new BatchResponse(o.received(), o.accepted(), o.alreadyRecorded(),
        o.snapshots().stream().map(SnapshotFigure::of).toList());
  }
}
