package org.gongyu.chassis.messaging;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records consumed event ids in the consumer's own transaction. A consumer calls {@link
 * #firstDelivery} first and does nothing when it answers false: the event was already applied, and
 * the row and the change it caused committed together.
 */
public class Inbox {

  private final JdbcTemplate jdbc;

  public Inbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** True the first time {@code consumer} sees {@code eventId}; false on every redelivery. */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean firstDelivery(String consumer, UUID eventId) {
    return jdbc.update(
            "insert into inbox_event (consumer, event_id) values (?, ?) on conflict do nothing", consumer, eventId)
        == 1;
  }

  /**
   * {@link #firstDelivery} for a batch, in one statement: the ids among {@code eventIds} that
   * {@code consumer} sees for the first time (an id twice in the batch counts once).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
    if (eventIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.queryForList(
        "insert into inbox_event (consumer, event_id) select ?, e from unnest(?::uuid[]) as t(e)"
            + " on conflict do nothing returning event_id",
        UUID.class, consumer, eventIds.stream().distinct().map(UUID::toString).toArray(String[]::new)));
  }
}
