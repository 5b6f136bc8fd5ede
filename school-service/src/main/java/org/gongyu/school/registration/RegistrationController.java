package org.gongyu.school.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.gongyu.chassis.security.Rules;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The ingestion endpoint the digital parent-school platform pushes to. */
@Tag(name = "Platform registration · 平台注册", description = "Guardians registered on the family-education platform · 家长在家庭教育平台的注册")
@RestController
class RegistrationController {

  private final PlatformRegistrations registrations;

  RegistrationController(PlatformRegistrations registrations) {
    this.registrations = registrations;
  }

  record SnapshotFigure(String indicatorCode, String periodId, long numerator, long denominator, BigDecimal rate, long version) {}

  record BatchResponse(int received, int accepted, int alreadyRecorded, List<SnapshotFigure> snapshots) {}

  @Operation(summary = "Record guardians' platform registrations (batch)", description = "批量上报家长在家庭教育平台的注册记录（按学期）。按 externalId 幂等；期间未开始时拒绝（422）。每批最多 5000 条。")
  @PostMapping("/api/school/schools/{schoolId}/platform-registrations")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse ingest(
      @PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId, @Valid @RequestBody RegistrationBatch batch) {
    PlatformRegistrations.Outcome o = registrations.ingest(schoolId, batch);
    return new BatchResponse(o.received(), o.accepted(), o.alreadyRecorded(),
        o.snapshots().stream()
            .map(s -> new SnapshotFigure(s.indicatorCode(), s.periodId(), s.numerator(), s.denominator(), s.figure().rate(), s.version()))
            .toList());
  }
}
