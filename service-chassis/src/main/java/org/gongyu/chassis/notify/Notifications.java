package org.gongyu.chassis.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One user's inbox: the notifications addressed to their username or to one of their audiences
 * (role@unit from their token), newest first, with what they have read, and their preferences.
 */
public class Notifications {

  /** A notification as one reader sees it: text still as message key and arguments. */
  public record Item(UUID id, String kind, String messageKey, List<String> arguments, String link, Instant createdAt,
      Instant readAt) {}

  /** A user's setting for one kind: e-mail on or off, at once or in the daily digest. */
  public record Preference(String kind, boolean email, Delivery delivery) {}

  private static final String VISIBLE = "(n.recipient = :user or n.audience = any(cast(:audiences as text[])))";

  private final JdbcClient jdbc;
  private final Clock clock;

  Notifications(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public List<Item> list(String username, List<String> audiences, int page, int size) {
    return jdbc.sql("""
        select n.id, n.kind, n.message_key, array(select jsonb_array_elements_text(n.arguments)) as args, n.link,
               n.created_at, r.read_at
        from notification n left join notification_read r on r.notification_id = n.id and r.username = :user
        where %s
        order by n.created_at desc, n.seq desc
        limit :size offset :offset""".formatted(VISIBLE))
        .param("user", username).param("audiences", audiences.toArray(String[]::new))
        .param("size", size).param("offset", (long) page * size)
        .query((rs, i) -> new Item(rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("message_key"),
            Arrays.asList((String[]) rs.getArray("args").getArray()), rs.getString("link"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
        .list();
  }

  public long total(String username, List<String> audiences) {
    return jdbc.sql("select count(*) from notification n where " + VISIBLE)
        .param("user", username).param("audiences", audiences.toArray(String[]::new))
        .query(Long.class).single();
  }

  public long unread(String username, List<String> audiences) {
    return jdbc.sql("""
        select count(*) from notification n where %s
          and not exists (select 1 from notification_read r where r.notification_id = n.id and r.username = :user)"""
            .formatted(VISIBLE))
        .param("user", username).param("audiences", audiences.toArray(String[]::new))
        .query(Long.class).single();
  }

  /** Marks one notification read; false when the user cannot see it (or it does not exist). */
  public boolean markRead(String username, List<String> audiences, UUID id) {
    boolean visible = jdbc.sql("select count(*) from notification n where n.id = :id and " + VISIBLE)
        .param("id", id).param("user", username).param("audiences", audiences.toArray(String[]::new))
        .query(Long.class).single() > 0;
    if (visible) {
      jdbc.sql("insert into notification_read (notification_id, username, read_at) values (:id, :user, :now) on conflict do nothing")
          .param("id", id).param("user", username).param("now", Timestamp.from(clock.instant()))
          .update();
    }
    return visible;
  }

  /** Marks every notification the user sees read; how many were unread. */
  public int markAllRead(String username, List<String> audiences) {
    return jdbc.sql("""
        insert into notification_read (notification_id, username, read_at)
        select n.id, :user, :now from notification n where %s
        on conflict do nothing""".formatted(VISIBLE))
        .param("user", username).param("audiences", audiences.toArray(String[]::new))
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** The user's setting for each kind: stored, else e-mail on and immediate. */
  public List<Preference> preferences(String username, List<String> kinds) {
    Map<String, Preference> stored = jdbc.sql("select kind, email, delivery from notify_preference where username = :user")
        .param("user", username)
        .query((rs, i) -> new Preference(rs.getString("kind"), rs.getBoolean("email"), Delivery.valueOf(rs.getString("delivery"))))
        .list().stream().collect(Collectors.toMap(Preference::kind, p -> p));
    return kinds.stream().map(k -> stored.getOrDefault(k, new Preference(k, true, Delivery.IMMEDIATE))).toList();
  }

  public void setPreference(String username, Preference p) {
    jdbc.sql("""
        insert into notify_preference (username, kind, email, delivery) values (:user, :kind, :email, :delivery)
        on conflict (username, kind) do update set email = excluded.email, delivery = excluded.delivery""")
        .param("user", username).param("kind", p.kind()).param("email", p.email()).param("delivery", p.delivery().name())
        .update();
  }
}
