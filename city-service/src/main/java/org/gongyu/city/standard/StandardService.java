package org.gongyu.city.standard;

import java.time.Clock;
import java.util.List;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.city.catalogue.Catalogue;
import org.gongyu.contracts.demonstration.Rubric;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads published standard versions and issues new ones. Issuing is one transaction: the rubric
 * checked whole before anything is written, the next version claimed under the standard's row
 * lock, stored, and published through the outbox.
 */
@Service
class StandardService {

  private static final Logger log = LoggerFactory.getLogger(StandardService.class);

  private final StandardRepository repo;
  private final VersionPublication publication;
  private final Catalogue catalogue;
  private final Clock clock;

  StandardService(StandardRepository repo, VersionPublication publication, Catalogue catalogue, Clock clock) {
    this.repo = repo;
    this.publication = publication;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<StandardVersion> latest() {
    return repo.latestPublished();
  }

  /** The published versions of the standard, oldest first; 404 if it has none. */
  @Transactional(readOnly = true)
  List<StandardVersion> versions(String standardId) {
    List<StandardVersion> versions = repo.published(standardId);
    if (versions.isEmpty()) {
      throw ApiProblem.notFound(Msg.msg("city.standard.none", standardId));
    }
    return versions;
  }

  @Transactional(readOnly = true)
  StandardVersion version(String standardId, long version) {
    return repo.published(standardId, version).orElseThrow(() -> ApiProblem.notFound(
        Msg.msg("city.standard.no-version", version, standardId)));
  }

  /** Issues the rubric as the standard's next version (1 for a new standard) and publishes it. */
  @Transactional
  StandardVersion issue(String standardId, IssueStandardRequest body, String by) {
    Rubric rubric = RubricRules.check(body, catalogue.codes());
    long version = repo.claimNextVersion(standardId);
    repo.insert(standardId, version, rubric, clock.instant(), by);
    publication.publishPending(standardId);
    log.info("standard {} version {} issued by {}", standardId, version, by);
    return repo.published(standardId, version).orElseThrow();
  }
}
