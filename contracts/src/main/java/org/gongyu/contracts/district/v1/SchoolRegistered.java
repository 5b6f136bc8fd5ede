package org.gongyu.contracts.district.v1;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A school entered or changed in a county's registry, including a move to another county or 学区,
 * and its closure (or merger into another school).
 * The registry is owned by district-service; school-service and reporting-service keep copies.
 * Consumers keep the highest version per school. Each version carries the school's whole membership
 * history, so a consumer holding only the latest version still attributes every past period to the
 * county the school belonged to then.
 *
 * @param schoolId    the school's id (学校标识码-like, stable)
 * @param countyId    the county the school belongs to now
 * @param xuequId     the school district (学区) within the county, or {@code null} for a school
 *                    directly under the county
 * @param name        the school's name
 * @param schoolType  e.g. {@code PRIMARY}, {@code JUNIOR_SECONDARY}
 * @param version     strictly increasing per school, from 1
 * @param memberships where the school belonged from which day on, oldest first; optional (added
 *                    after the first release of v1): absent means it always belonged to {@code
 *                    countyId}/{@code xuequId}
 * @param closedFrom  the day the school closed, or {@code null} while it is open; optional (added
 *                    after the first release of v1). From that day on the school belongs to no
 *                    county: a period starting on or after it does not expect the school, a
 *                    period that started before keeps it. {@code countyId} stays the last county
 * @param successorId the school it merged into (合并至), or {@code null} for a plain closure or an
 *                    open school; optional (added after the first release of v1)
 */
public record SchoolRegistered(
    String schoolId,
    String countyId,
    String xuequId,
    String name,
    String schoolType,
    long version,
    List<Membership> memberships,
    LocalDate closedFrom,
    String successorId) {

  public SchoolRegistered {
    memberships = memberships == null || memberships.isEmpty() ? null : List.copyOf(memberships);
    if (closedFrom == null && successorId != null) {
      throw new IllegalArgumentException("successorId without closedFrom");
    }
  }

  /** A school that never moved. */
  public SchoolRegistered(String schoolId, String countyId, String xuequId, String name, String schoolType, long version) {
    this(schoolId, countyId, xuequId, name, schoolType, version, null);
  }

  /** An open school with its membership history. */
  public SchoolRegistered(
      String schoolId, String countyId, String xuequId, String name, String schoolType, long version,
      List<Membership> memberships) {
    this(schoolId, countyId, xuequId, name, schoolType, version, memberships, null, null);
  }

  /** Whether the school had closed by that day (a period starting on it does not expect the school). */
  public boolean closedOn(LocalDate day) {
    return closedFrom != null && !day.isBefore(closedFrom);
  }

  /** The membership history, never empty: the single current membership when none was sent. */
  public List<Membership> history() {
    return memberships == null ? List.of(new Membership(countyId, xuequId, Membership.ALWAYS)) : memberships;
  }

  /**
   * The county the school belonged to on a day (for a period: on the period's first day); the last
   * county also on days after a closure (see {@link #closedOn}).
   */
  public String countyOn(LocalDate day) {
    return Membership.on(history(), day).countyId();
  }

  /**
   * From {@code from} on (until the next membership), the school belonged to this county and 学区.
   *
   * @param countyId the county
   * @param xuequId  the 学区, or {@code null}
   * @param from     first day of the membership; {@link #ALWAYS} for the first one
   */
  public record Membership(String countyId, String xuequId, LocalDate from) {

    /** The first day of a membership that has no known start. */
    public static final LocalDate ALWAYS = LocalDate.of(2000, 1, 1);

    public Membership {
      Objects.requireNonNull(countyId, "countyId");
      Objects.requireNonNull(from, "from");
    }

    /** The membership in force on a day: the latest one starting on or before it (the first if none). */
    public static Membership on(List<Membership> history, LocalDate day) {
      Membership found = history.getFirst();
      for (Membership m : history) {
        if (!m.from().isAfter(day) && !m.from().isBefore(found.from())) {
          found = m;
        }
      }
      return found;
    }
  }
}
