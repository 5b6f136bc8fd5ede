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

  @Transactional
  Upserted<CountyRow> put(String countyId, String name) {
    counties.lockExclusively();
    Optional<CountyRow> existing = repo.find(city.id(), countyId);
    if (existing.isPresent() && existing.get().name().equals(name)) {
      return new Upserted<>(existing.get(), false);
    }
    long version = existing.map(c -> c.version() + 1).orElse(1L);
    CountyRow row = new CountyRow(countyId, city.id(), name, version);
    repo.save(row, clock.instant());
    outbox.publish(Topics.CITY_COUNTIES, city.id(), new CountyRegistered(countyId, city.id(), name, version));
    if (existing.isEmpty()) {
      log.info("county {} registered in city {}", countyId, city.id());
      events.publishEvent(new CountyAdded(countyId));
    } else {
      log.info("county {} now at version {}", countyId, version);
    }
    return new Upserted<>(row, existing.isEmpty());
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
