package org.gongyu.contracts.district.v1;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.gongyu.contracts.demonstration.Rubric;

/**
 * A county's demonstration-school programme (示范学校创建), created or changed. school-service keeps
 * the latest version per programme to offer the application window and the rubric to self-evaluate
 * against.
 *
 * @param programmeId         the programme
 * @param countyId            its county
 * @param name                e.g. "2024—2027 协同育人示范学校创建"
 * @param target              titles to build, e.g. 100
 * @param startsOn            first day of the programme
 * @param endsOn              last day of the programme
 * @param applicationOpensOn  first day schools may apply
 * @param applicationDeadline last day schools may apply (inclusive, city time)
 * @param creationMonths      length of the creation period before self-evaluation, e.g. 12
 * @param titleValidityYears  how long an awarded title is valid
 * @param standardId          the standard the programme scores against
 * @param standardVersion     the version it keeps
 * @param rubric              that version's rubric
 * @param quotas              the breakdown table (分解表): titles per 学区
 * @param version             strictly increasing per programme, from 1
 */
public record DemonstrationProgrammePublished(
    String programmeId, String countyId, String name, int target, LocalDate startsOn, LocalDate endsOn,
    LocalDate applicationOpensOn, LocalDate applicationDeadline, int creationMonths, int titleValidityYears,
    String standardId, long standardVersion, Rubric rubric, List<Quota> quotas, long version) {

  public DemonstrationProgrammePublished {
    Objects.requireNonNull(programmeId, "programmeId");
    Objects.requireNonNull(countyId, "countyId");
    Objects.requireNonNull(rubric, "rubric");
    quotas = quotas == null ? List.of() : List.copyOf(quotas);
  }

  /**
   * @param xuequId the 学区, or {@code null} for the schools directly under the county (直属)
   * @param quota   titles it should build
   */
  public record Quota(String xuequId, int quota) {}
}
