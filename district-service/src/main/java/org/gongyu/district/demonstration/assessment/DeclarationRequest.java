package org.gongyu.district.demonstration.assessment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST …/assignments/{assessor}/declaration}: the conflicts the assessor declares
 * (none is an empty list) and their signed statement. Any conflict recuses them.
 */
record DeclarationRequest(
    @NotNull @Size(max = 4) List<@NotNull Conflict> conflicts,
    @NotBlank @Size(max = 2000) String statement) {}
