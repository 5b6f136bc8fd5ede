package org.gongyu.chassis.messaging;

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
}
