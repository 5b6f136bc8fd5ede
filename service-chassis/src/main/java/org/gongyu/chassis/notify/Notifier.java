package org.gongyu.chassis.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores notifications, in the caller's transaction (mandatory: a notice belongs to the change or
 * the consumed event it tells about, and goes with its rollback). Idempotent by dedup key: a notice
 * whose key is known adds no notification and no e-mail. The e-mail rows are made at once, for every
 * known user it reaches who has an address and has not turned e-mail off for the kind.
 */
public class Notifier {

  private final JdbcClient jdbc;
  private final Clock clock;

  Notifier(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The new notification's id; empty when one with the notice's dedup key exists already. */
  public Optional<UUID> notify(Notice notice) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("Notifier.notify needs the caller's transaction");
    }
    UUID id = UUID.randomUUID();
    Timestamp now = Timestamp.from(clock.instant());
    int inserted = jdbc.sql("""
        insert into notification (id, recipient, audience, kind, message_key, arguments, link, dedup_key, created_at)
        values (:id, :recipient, :audience, :kind, :key, to_jsonb(cast(:args as text[])), :link, :dedup, :now)
        on conflict (dedup_key) do nothing""")
        .param("id", id).param("recipient", notice.recipient()).param("audience", notice.audience())
        .param("kind", notice.kind()).param("key", notice.messageKey())
        .param("args", notice.arguments().toArray(String[]::new)).param("link", notice.link())
        .param("dedup", notice.dedupKey()).param("now", now)
        .update();
    if (inserted == 0) {
      return Optional.empty();
    }
    jdbc.sql("""
        insert into notify_mail (notification_id, username, delivery, status, created_at, next_attempt_at)
        select :id, u.username, coalesce(p.delivery, 'IMMEDIATE'), 'PENDING', :now, :now
        from notify_user u
        left join notify_preference p on p.username = u.username and p.kind = :kind
        where u.email is not null and coalesce(p.email, true)
          and (u.username = :recipient or cast(:audience as text) = any(u.audiences))
        on conflict (notification_id, username) do nothing""")
        .param("id", id).param("now", now).param("kind", notice.kind())
        .param("recipient", notice.recipient()).param("audience", notice.audience())
        .update();
    return Optional.of(id);
  }

  Instant now() {
    return clock.instant();
  }
}
