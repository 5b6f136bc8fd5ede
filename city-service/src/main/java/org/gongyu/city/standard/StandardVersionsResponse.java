package org.gongyu.city.standard;

import java.util.List;

/** A standard's published versions, oldest first; {@code latestVersion} is the one new programmes should take. */
record StandardVersionsResponse(String standardId, long latestVersion, List<StandardSummaryResponse> versions) {

  static StandardVersionsResponse of(String standardId, List<StandardVersion> versions) {
    return new StandardVersionsResponse(standardId, versions.getLast().version(),
        versions.stream().map(StandardSummaryResponse::of).toList());
  }
}
