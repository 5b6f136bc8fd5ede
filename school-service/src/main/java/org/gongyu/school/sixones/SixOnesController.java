package org.gongyu.school.sixones;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Six ones · 六个一", description = "Six-ones activity participation of a school's students · 学生参与“六个一”活动的记录")
@RestController
class SixOnesController {

  private final SixOnesParticipations participations;

  SixOnesController(SixOnesParticipations participations) {
    this.participations = participations;
  }

  @Operation(summary = "Record six-ones participation (batch)", description = "批量上报本校学生参与“六个一”活动的记录。按 externalId 幂等：相同内容重复提交不会重复记录，内容不同则整批拒绝（409）。每批最多 5000 条。")
  @PostMapping("/api/school/schools/{schoolId}/six-ones")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse record(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @Valid @RequestBody SixOnesBatch batch) {
    SixOnesParticipations.Outcome o = participations.ingest(schoolId, batch);
    return new BatchResponse(o.received(), o.accepted(), o.alreadyRecorded(),
        o.snapshots().stream().map(SnapshotFigure::of).toList());
  }
}
