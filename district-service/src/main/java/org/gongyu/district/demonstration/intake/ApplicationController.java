package org.gongyu.district.demonstration.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Rules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A county's demonstration applications: the list, one application, its history, and the county's
 * first decision (accept into creation or decline). An illegal decision is a 409 naming the
 * application's {@code currentStatus}.
 */
@RestController
@RequestMapping("/api/district/counties/{countyId}/demonstration/applications")
class ApplicationController {

  private static final String ID = "[A-Za-z0-9-]{1,40}";

  private final ApplicationService service;

  ApplicationController(ApplicationService service) {
    this.service = service;
  }

  /** {@code status}: a status name (400 otherwise); {@code programmeId}: one of the county's programmes (404 otherwise). */
  @GetMapping
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<ApplicationResponses.Summary> list(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9-]{1,60}") String programmeId,
      @RequestParam(required = false) String status) {
    return service.list(countyId, programmeId, status);
  }

  @GetMapping("/{applicationId}")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  ApplicationResponses.Detail get(@PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID applicationId) {
    return service.detail(countyId, applicationId);
  }

  @GetMapping("/{applicationId}/history")
  @PreAuthorize(Rules.COUNTY_OR_CITY_USER + Rules.OF_COUNTY)
  List<ApplicationResponses.HistoryEntry> history(@PathVariable @Pattern(regexp = ID) String countyId, @PathVariable UUID applicationId) {
    return service.history(countyId, applicationId);
  }

  @PostMapping("/{applicationId}/accept")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ApplicationResponses.Detail accept(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @Valid @RequestBody(required = false) AcceptRequest body,
      Authentication authentication) {
    return service.accept(countyId, applicationId, body == null ? null : body.note(), actor(authentication));
  }

  @PostMapping("/{applicationId}/decline")
  @PreAuthorize(Rules.COUNTY_ADMIN + Rules.OF_COUNTY)
  ApplicationResponses.Detail decline(
      @PathVariable @Pattern(regexp = ID) String countyId,
      @PathVariable UUID applicationId,
      @Valid @RequestBody DeclineRequest body,
      Authentication authentication) {
    return service.decline(countyId, applicationId, body.reason(), actor(authentication));
  }

  private static String actor(Authentication authentication) {
    return Caller.of(authentication).map(Caller::username).orElse("unknown");
  }
}
