package org.gongyu.city.catalogue;

import java.util.List;
import org.gongyu.chassis.messaging.Outbox;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.city.v1.IndicatorDefined;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes every catalogue definition whose current version has not been published yet, in one
 * transaction with the {@code published_version} update, so each version goes out exactly once
 * however often the service restarts.
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
      List<IndicatorDefinitionRow> pending = repo.lockUnpublished();
      for (IndicatorDefinitionRow d : pending) {
        outbox.publish(Topics.CITY_CATALOGUE, d.code(), new IndicatorDefined(
            d.code(), d.nameZh(), d.nameEn(), d.kind(), d.periodType(), d.target(), d.comparator(), d.sensitive(), d.version()));
        repo.markPublished(d.code(), d.version());
        log.info("published indicator {} version {}", d.code(), d.version());
      }
      return pending.size();
    });
    return published == null ? 0 : published;
  }
}
