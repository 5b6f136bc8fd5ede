package org.gongyu.district.demonstration.programme;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code PUT …/programmes/{programmeId}/arrangement/{xuequKey}}: every school the 学区 (or
 * the county, for {@code direct}) selected and the year it creates in; it replaces that 学区's part
 * of the arrangement (an empty list clears it).
 */
record PutArrangementRequest(@NotNull @Size(max = 1000) List<@NotNull @Valid Line> schools) {

  record Line(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String schoolId, @NotNull Integer plannedYear) {}
}
