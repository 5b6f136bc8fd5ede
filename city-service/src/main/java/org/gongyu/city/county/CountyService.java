package org.gongyu.city.county;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.city.CityProperties;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.CountyRegistered;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers the city's counties; identical PUTs change nothing and publish nothing. */
@Service
class CountyService {

  private static final Logger log = LoggerFactory.getLogger(CountyService.class);

  private final CountyRepository repo;
  private final Counties counties;
  private final CityProperties city;
  private final Outbox outbox;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CountyService(
      CountyRepository repo, Counties counties, CityProperties city, Outbox outbox, ApplicationEventPublisher events, Clock clock) {
    this.repo = repo;
    this.counties = counties;
    this.city = city;
    this.outbox = outbox;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Registers or renames a unit. {@code kind} null keeps a registered unit's kind and makes a new
   * one a county. A unit's kind never changes (409): a county's figures, staff and assessments
   * would silently become the city's, or the reverse. A second city-direct unit is 409.
   */
  @Transactional
  Upserted<CountyRow> put(String countyId, String name, String kind) {
    CountyRegistered.Kind asked = kind(kind);
    counties.lockExclusively();
    Optional<CountyRow> existing = repo.find(city.id(), countyId);
    if (existing.isPresent() && asked != null && asked != existing.get().kind()) {
      throw ApiProblem.conflict(Msg.msg("city.county.kind-fixed", countyId, existing.get().kind().name(), asked.name()));
    }
    CountyRegistered.Kind unitKind = existing.map(CountyRow::kind).orElse(asked == null ? CountyRegistered.Kind.COUNTY : asked);
    if (existing.isEmpty() && unitKind == CountyRegistered.Kind.CITY_DIRECT) {
      Optional<String> other = repo.cityDirect(city.id());
      if (other.isPresent()) {
        throw ApiProblem.conflict(Msg.msg("city.county.city-direct-exists", city.id(), other.get()));
      }
    }
    if (existing.isPresent() && existing.get().name().equals(name)) {
      return new Upserted<>(existing.get(), false);
    }
    long version = existing.map(c -> c.version() + 1).orElse(1L);
    CountyRow row = new CountyRow(countyId, city.id(), name, version, unitKind);
    repo.save(row, clock.instant());
    outbox.publish(Topics.CITY_COUNTIES, city.id(), new CountyRegistered(countyId, city.id(), name, version, unitKind));
    if (existing.isEmpty()) {
      log.info("{} {} registered in city {}", unitKind == CountyRegistered.Kind.CITY_DIRECT ? "city-direct unit" : "county",
          countyId, city.id());
      events.publishEvent(new CountyAdded(countyId));
    } else {
      log.info("county {} now at version {}", countyId, version);
    }
    return new Upserted<>(row, existing.isEmpty());
  }

  /** The kind asked for, null when none was; 422 naming the field for an unknown one. */
  private static CountyRegistered.Kind kind(String kind) {
    if (kind == null) {
      return null;
    }
    for (CountyRegistered.Kind k : CountyRegistered.Kind.values()) {
      if (k.name().equals(kind)) {
        return k;
      }
    }
    List<Msg> errors = List.of(Msg.msg("city.county.kind-unknown", kind));
    throw ApiProblem.unprocessable(Msg.msg("city.county.invalid", errors.size(), Msg.joined(errors)), errors);
  }

  @Transactional(readOnly = true)
  List<CountyRow> all() {
    return repo.all(city.id());
  }

  @Transactional(readOnly = true)
  CountyRow one(String countyId) {
    return repo.find(city.id(), countyId)
        .orElseThrow(() -> ApiProblem.notFound(Msg.msg("city.county.not-registered", countyId)));
  }
}
