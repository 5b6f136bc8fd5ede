package org.gongyu.city.standard;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes every standard version a migration created and nobody published yet (the default
 * {@code DEMO-SCHOOL} version 1 on a fresh database), in one transaction with the {@code
 * published_version} bookkeeping, so each version goes out exactly once however often the service
 * restarts. Versions issued through the API are published with their issue.
 */
@Component
public class StandardPublisher implements ApplicationRunner {

  private final StandardRepository repo;
  private final VersionPublication publication;
  private final TransactionTemplate tx;

  StandardPublisher(StandardRepository repo, VersionPublication publication, TransactionTemplate tx) {
    this.repo = repo;
    this.publication = publication;
    this.tx = tx;
  }

  @Override
  public void run(ApplicationArguments args) {
    publishPending();
  }

  /** Returns how many versions it published. */
  public int publishPending() {
    Integer published = tx.execute(status -> {
      int n = 0;
      for (String standardId : repo.lockUnpublished()) {
        n += publication.publishPending(standardId);
      }
      return n;
    });
    return published == null ? 0 : published;
  }
}
