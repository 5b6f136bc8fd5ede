package org.gongyu.city.catalogue;

import java.util.List;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes every catalogue definition whose current version has not been published yet (those
 * the migrations created or changed; a target set through the API is published with its change),
 * in one transaction with the {@code published_version} update, so each version goes out exactly
 * once however often the service restarts.
 */
@Component
public class CataloguePublisher implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CataloguePublisher.class);

  private final CatalogueRepository repo;
  private final Outbox outbox;
  private final TransactionTemplate tx;

  CataloguePublisher(CatalogueRepository repo, Outbox outbox, TransactionTemplate tx) {
    this.repo = repo;
    this.outbox = outbox;
    this.tx = tx;
  }

  @Override
  public void run(ApplicationArguments args) {
    publishPending();
  }

  /** Returns how many definitions it published. */
  public int publishPending() {
    Integer published = tx.execute(status -> {
      List<Indicator> pending = repo.lockUnpublished();
      for (Indicator d : pending) {
        outbox.publish(Topics.CITY_CATALOGUE, d.code(), d.toEvent());
        repo.markPublished(d.code(), d.version());
        log.info("published indicator {} version {}", d.code(), d.version());
      }
      return pending.size();
    });
    return published == null ? 0 : published;
  }
}
