package org.gongyu.school.homevisit;

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

/** Contacts with families and home-visit files, as the school records them. */
@Tag(name = "Home visits · 家访", description = "Home contacts and home-visit files · 家校联系与家访档案")
@RestController
class HomeVisitController {

  private final HomeContacts contacts;
  private final HomeVisitFiles files;

  HomeVisitController(HomeContacts contacts, HomeVisitFiles files) {
    this.contacts = contacts;
    this.files = files;
  }

  @Operation(summary = "Record home contacts (batch)", description = "批量上报家校联系记录。按 externalId 幂等，每批最多 5000 条。")
  @PostMapping("/api/school/schools/{schoolId}/home-contacts")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse contacts(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @Valid @RequestBody HomeContactBatch batch) {
    return response(contacts.ingest(schoolId, batch));
  }

  @Operation(summary = "Record home-visit files (batch)", description = "批量上报学生家访档案。按 externalId 幂等，每批最多 5000 条。")
  @PostMapping("/api/school/schools/{schoolId}/home-visit-files")
  @PreAuthorize(Rules.SCHOOL_USER + Rules.OF_SCHOOL)
  BatchResponse files(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId,
      @Valid @RequestBody HomeVisitFileBatch batch) {
    return response(files.ingest(schoolId, batch));
  }

  private static BatchResponse response(BatchOutcome o) {
    return new BatchResponse(o.received(), o.accepted(), o.alreadyRecorded(),
        o.snapshots().stream().map(SnapshotFigure::of).toList());
  }
}
