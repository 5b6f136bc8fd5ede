package org.gongyu.city.catalogue;

import java.util.Optional;
import java.util.Set;
import org.gongyu.contracts.city.v2.IndicatorDefined;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue as other features of the service read it: the current definition of an indicator
 * in its published shape (period type, sensitivity, {@link IndicatorDefined#targetFor target of a
 * period}).
 */
@Component
public class Catalogue {

  private final CatalogueRepository repo;

  Catalogue(CatalogueRepository repo) {
    this.repo = repo;
  }

  /** The current definition, empty if the catalogue has no such code. */
  @Transactional(readOnly = true)
  public Optional<IndicatorDefined> definition(String code) {
    return repo.find(code).map(Indicator::toEvent);
  }

  /** Every code the catalogue defines (what a demonstration-standard criterion may refer to). */
  @Transactional(readOnly = true)
  public Set<String> codes() {
    return Set.copyOf(repo.codes());
  }
}
