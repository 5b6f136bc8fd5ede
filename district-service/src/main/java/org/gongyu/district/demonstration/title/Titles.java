package org.gongyu.district.demonstration.title;

import java.time.Instant;
import java.time.LocalDate;
import org.gongyu.district.demonstration.Application;
import org.springframework.stereotype.Component;

/**
 * What other parts of the programme may do to titles: the assessment's AWARD decision creates one,
 * here, so that {@code demonstration_title} has one owner (this package).
 */
@Component
public class Titles {

  private final TitleRepository repository;

  Titles(TitleRepository repository) {
    this.repository = repository;
  }

  /** The title of {@code a}, awarded on {@code awardedOn} and valid to {@code validUntil} inclusive; in the caller's transaction. */
  public void award(Application a, LocalDate awardedOn, LocalDate validUntil, Instant at) {
    repository.insert(a.id(), a.programmeId(), a.countyId(), a.schoolId(), a.xuequKey(), awardedOn, validUntil, at);
  }
}
