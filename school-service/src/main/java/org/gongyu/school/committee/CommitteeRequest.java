package org.gongyu.school.committee;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A parent committee as the school records or corrects it.
 *
 * @param level        SCHOOL, GRADE or CLASS
 * @param classId      the class of a CLASS committee (of the school year containing {@code foundedOn}); only then
 * @param foundedOn    the day it was founded (elected), not in the future
 * @param termEndsOn   the first day it is no longer in term; after {@code foundedOn}; default {@code foundedOn} + 3 years
 * @param venue        where it meets (optional)
 * @param plaque       whether its plaque is displayed
 * @param rulesAdopted whether it adopted its rules (章程)
 * @param dissolvedOn  the day it was dissolved, if it was; not before {@code foundedOn}, not in the future
 * @param reason       why a recorded committee is corrected: required when the content changes (1 to 500 characters)
 * @param grade        the grade (1 to 12) of a GRADE committee (年级/级部家委会); only then, optional
 */
record CommitteeRequest(
    @NotNull Level level,
    @Pattern(regexp = "[A-Za-z0-9-]{1,40}") String classId,
    @NotNull LocalDate foundedOn,
    LocalDate termEndsOn,
    @Size(max = 200) String venue,
    @NotNull Boolean plaque,
    @NotNull Boolean rulesAdopted,
    LocalDate dissolvedOn,
    @Size(max = 500) String reason,
    @Min(1) @Max(12) Integer grade) {

  /** A three-year term unless the school says otherwise. */
  static final int DEFAULT_TERM_YEARS = 3;

  enum Level { SCHOOL, GRADE, CLASS }

  /** The same committee with another term end and a reason (a general election's new term). */
  static CommitteeRequest of(ParentCommittees.Committee c, LocalDate termEndsOn, String reason) {
    return new CommitteeRequest(c.level(), c.classId(), c.foundedOn(), termEndsOn, c.venue(), c.plaque(), c.rulesAdopted(),
        c.dissolvedOn(), reason, c.grade());
  }

  LocalDate termEndsOrDefault() {
    return termEndsOn != null ? termEndsOn : foundedOn.plusYears(DEFAULT_TERM_YEARS);
  }
}
