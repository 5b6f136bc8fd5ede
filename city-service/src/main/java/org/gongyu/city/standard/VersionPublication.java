package org.gongyu.city.standard;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes the not yet published versions of one standard, oldest first, in the caller's
 * transaction (which holds the standard's row lock): each one {@code StandardPublished} in the
 * outbox, its {@code published_at} set and {@code published_version} moved past it. The issuing
 * request and the startup publisher share it, so a version is published once either way.
 */
@Component
class VersionPublication {

  private static final Logger log = LoggerFactory.getLogger(VersionPublication.class);

  private final StandardRepository repo;
  private final Outbox outbox;
  private final Clock clock;

  VersionPublication(StandardRepository repo, Outbox outbox, Clock clock) {
    this.repo = repo;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Returns how many versions it published. */
  @Transactional(propagation = Propagation.MANDATORY)
  int publishPending(String standardId) {
    List<StandardVersion> pending = repo.unpublished(standardId);
    for (StandardVersion v : pending) {
      Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS); // as timestamptz keeps it
      outbox.publish(Topics.CITY_DEMONSTRATION_STANDARDS, standardId, v.toEvent(at));
      repo.markPublished(standardId, v.version(), at);
      log.info("published demonstration standard {} version {} (full mark {}, pass mark {})",
          standardId, v.version(), v.rubric().fullMark(), v.rubric().passMark());
    }
    return pending.size();
  }
}
