package org.gongyu.district.demonstration.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PUT …/programmes/{programmeId}/quotas}: the whole breakdown table (分解表); it
 * replaces the stored one. The quotas must add up to the programme's target (422).
 */
record PutQuotasRequest(@NotNull @Size(max = 500) List<@NotNull @Valid Line> quotas) {

  /**
   * @param xuequId a 学区 of the county, or null for the schools directly under it (直属)
   */
  record Line(@Pattern(regexp = "[A-Za-z0-9-]{1,40}") String xuequId, @NotNull @Min(0) @Max(100_000) Integer quota) {}
}
