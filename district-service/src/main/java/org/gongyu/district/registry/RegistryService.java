package org.gongyu.district.registry;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.district.v1.SchoolRegistered;
import org.gongyu.district.county.CountyDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers 学区 and schools; one transaction per command, so a refused request writes nothing. */
@Service
class RegistryService {

  private static final Logger log = LoggerFactory.getLogger(RegistryService.class);

  private final RegistryRepository repo;
  private final CountyDirectory counties;
  private final SchoolDirectory schools;
  private final Outbox outbox;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RegistryService(
      RegistryRepository repo, CountyDirectory counties, SchoolDirectory schools, Outbox outbox,
      ApplicationEventPublisher events, Clock clock) {
    this.repo = repo;
    this.counties = counties;
    this.schools = schools;
    this.outbox = outbox;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  Upserted<XuequRow> putXuequ(String countyId, String xuequId, String name) {
    repo.lockXuequId(xuequId);
    requireCounty(counties.lockShared(countyId), countyId);
    Optional<XuequRow> existing = repo.findXuequ(xuequId);
    if (existing.isPresent()) {
      XuequRow x = existing.get();
      if (!x.countyId().equals(countyId)) {
        throw ApiProblem.conflict("xuequ " + xuequId + " belongs to county " + x.countyId() + ", not " + countyId);
      }
      if (x.name().equals(name)) {
        return new Upserted<>(x, false);
      }
      XuequRow changed = new XuequRow(xuequId, countyId, name, x.version() + 1);
      repo.saveXuequ(changed, clock.instant());
      return new Upserted<>(changed, false);
    }
    XuequRow created = new XuequRow(xuequId, countyId, name, 1);
    repo.saveXuequ(created, clock.instant());
    log.info("xuequ {} registered in county {}", xuequId, countyId);
    return new Upserted<>(created, true);
  }

  @Transactional(readOnly = true)
  List<XuequRow> xuequOf(String countyId) {
    requireCounty(counties.exists(countyId), countyId);
    return repo.xuequOfCounty(countyId);
  }

  /**
   * New school: version 1, an event, and the county's rollups recomputed (one more school
   * expected). Same content: nothing. Changed content: version + 1 and an event.
   */
  @Transactional
  Upserted<SchoolRow> putSchool(String countyId, String schoolId, String name, String schoolType, String xuequId) {
    SchoolType type = SchoolType.parse(schoolType);
    // Lock order: school id, then county (see CountyDirectory).
    schools.lockSchoolId(schoolId);
    requireCounty(counties.lockExclusively(countyId), countyId);
    Optional<SchoolRow> existing = repo.findSchool(schoolId);
    if (existing.isPresent() && !existing.get().countyId().equals(countyId)) {
      throw ApiProblem.conflict("school " + schoolId + " is registered in county " + existing.get().countyId()
          + "; moving a school to another county is not supported");
    }
    if (xuequId != null) {
      Optional<XuequRow> xuequ = repo.findXuequ(xuequId);
      if (xuequ.isEmpty() || !xuequ.get().countyId().equals(countyId)) {
        throw ApiProblem.unprocessable("xuequ " + xuequId + " is not a 学区 of county " + countyId,
            List.of("xuequId: register the 学区 in county " + countyId + " first, or leave xuequId out"));
      }
    }
    if (existing.isPresent() && existing.get().sameContent(xuequId, name, type)) {
      return new Upserted<>(existing.get(), false);
    }
    long version = existing.map(s -> s.version() + 1).orElse(1L);
    SchoolRow row = new SchoolRow(schoolId, countyId, xuequId, name, type, version);
    repo.saveSchool(row, clock.instant());
    outbox.publish(Topics.DISTRICT_SCHOOL_REGISTRY, countyId,
        new SchoolRegistered(schoolId, countyId, xuequId, name, type.name(), version));
    if (existing.isEmpty()) {
      log.info("school {} registered in county {}", schoolId, countyId);
      events.publishEvent(new SchoolAdded(countyId, schoolId));
    } else {
      log.info("school {} in county {} now at version {}", schoolId, countyId, version);
    }
    return new Upserted<>(row, existing.isEmpty());
  }

  @Transactional(readOnly = true)
  List<SchoolRow> schoolsOf(String countyId) {
    requireCounty(counties.exists(countyId), countyId);
    return repo.schoolsOfCounty(countyId);
  }

  @Transactional(readOnly = true)
  SchoolRow school(String countyId, String schoolId) {
    requireCounty(counties.exists(countyId), countyId);
    return repo.findSchool(schoolId)
        .filter(s -> s.countyId().equals(countyId))
        .orElseThrow(() -> ApiProblem.notFound("school " + schoolId + " is not registered in county " + countyId));
  }

  private static void requireCounty(boolean known, String countyId) {
    if (!known) {
      throw ApiProblem.notFound("county " + countyId + " is not registered");
    }
  }
}
