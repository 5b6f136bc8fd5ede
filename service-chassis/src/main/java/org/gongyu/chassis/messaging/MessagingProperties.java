package org.gongyu.chassis.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param producer        the service name written into every envelope
 * @param pollInterval    how often the relay looks for unsent rows when nothing nudged it
 * @param batchSize       rows relayed per transaction
 * @param retention       how long sent outbox rows and consumed-event ids are kept
 * @param partitions      partitions of the topics this service creates
 * @param retryBackoff    pause between redeliveries of a failing record
 * @param retryAttempts   redeliveries before a record goes to the dead-letter topic
 */
@ConfigurationProperties("gongyu.messaging")
public record MessagingProperties(
    String producer,
    Duration pollInterval,
    Integer batchSize,
    Duration retention,
    Integer partitions,
    Duration retryBackoff,
    Integer retryAttempts) {

  public MessagingProperties {
    pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
    batchSize = batchSize == null ? 500 : batchSize;
    retention = retention == null ? Duration.ofDays(30) : retention;
    partitions = partitions == null ? 6 : partitions;
    retryBackoff = retryBackoff == null ? Duration.ofMillis(500) : retryBackoff;
    retryAttempts = retryAttempts == null ? 3 : retryAttempts;
  }
}
