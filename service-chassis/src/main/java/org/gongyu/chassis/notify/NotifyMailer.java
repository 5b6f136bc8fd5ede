package org.gongyu.chassis.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the {@code notify_mail} outbox over SMTP, plain text in the user's language (zh-CN unless
 * they use English) with the link: {@link #sendDue} the IMMEDIATE rows, {@link #sendDigests} one
 * mail per user with the DAILY_DIGEST rows made before the last digest time ({@code
 * gongyu.notify.digest-at} in the city's zone). Each job holds a ShedLock ({@value #SENDER},
 * {@value #DIGEST}), so of several instances one runs it at a time, and each e-mail row is taken
 * {@code for update skip locked} and marked SENT in the transaction that sent it: each e-mail goes
 * once. A failed send is tried again after a growing wait, up to {@code max-attempts}, then FAILED.
 */
public class NotifyMailer {

  public static final String SENDER = "gongyu-notify-mail";
  public static final String DIGEST = "gongyu-notify-digest";
  private static final Logger log = LoggerFactory.getLogger(NotifyMailer.class);
  private static final Duration LOCK_AT_MOST = Duration.ofMinutes(5);

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final JavaMailSender mail;
  private final MessageSource messages;
  private final LockingTaskExecutor locks;
  private final NotifyProperties props;
  private final Clock clock;
  private final ZoneId zone;

  private record Row(long id, String username, int attempts, String email, String language, String messageKey,
      List<String> arguments, String link) {}

  NotifyMailer(JdbcClient jdbc, TransactionTemplate tx, JavaMailSender mail, MessageSource messages, LockingTaskExecutor locks,
      NotifyProperties props, Clock clock, ZoneId zone) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.mail = mail;
    this.messages = messages;
    this.locks = locks;
    this.props = props;
    this.clock = clock;
    this.zone = zone;
  }

  /** Sends the due immediate e-mails (at most a batch), holding the sender's lock; nothing when another instance holds it. */
  public void sendDue() {
    locks.executeWithLock((Runnable) () -> {
      for (int i = 0; i < props.batchSize(); i++) {
        if (!Boolean.TRUE.equals(tx.execute(s -> sendOne()))) {
          return;
        }
      }
    }, new LockConfiguration(ClockProvider.now(), SENDER, LOCK_AT_MOST, Duration.ZERO));
  }

  /** Sends each user's digest of what reached them before the last digest time, holding the digest lock. */
  public void sendDigests() {
    locks.executeWithLock((Runnable) () -> {
      Instant cutoff = lastDigestTime();
      List<String> users = jdbc.sql("""
          select distinct username from notify_mail
          where status = 'PENDING' and delivery = 'DAILY_DIGEST' and created_at < :cutoff and next_attempt_at <= :now""")
          .param("cutoff", Timestamp.from(cutoff)).param("now", Timestamp.from(clock.instant()))
          .query(String.class).list();
      for (String user : users) {
        tx.executeWithoutResult(s -> sendDigest(user, cutoff));
      }
    }, new LockConfiguration(ClockProvider.now(), DIGEST, LOCK_AT_MOST, Duration.ZERO));
  }

  /** The latest digest time at or before now, in the city's zone. */
  Instant lastDigestTime() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, zone);
    Instant t = today.atTime(props.digestAt()).atZone(zone).toInstant();
    return t.isAfter(now) ? today.minusDays(1).atTime(props.digestAt()).atZone(zone).toInstant() : t;
  }

  private boolean sendOne() {
    List<Row> rows = due("m.delivery = 'IMMEDIATE' and m.next_attempt_at <= :now", null, null, 1);
    if (rows.isEmpty()) {
      return false;
    }
    Row row = rows.getFirst();
    Locale locale = locale(row.language());
    String text = text(row, locale);
    StringBuilder body = new StringBuilder(text).append("\n\n");
    if (row.link() != null) {
      body.append(messages.getMessage("notify.mail.link", new Object[] {absolute(row.link())}, locale)).append("\n\n");
    }
    body.append(messages.getMessage("notify.mail.footer", null, locale)).append('\n');
    deliver(List.of(row), row.email(), messages.getMessage("notify.mail.subject", new Object[] {text}, locale), body.toString());
    return true;
  }

  private void sendDigest(String user, Instant cutoff) {
    List<Row> rows = due("m.delivery = 'DAILY_DIGEST' and m.created_at < :cutoff and m.next_attempt_at <= :now", user, cutoff,
        1000);
    if (rows.isEmpty()) {
      return;
    }
    Locale locale = locale(rows.getFirst().language());
    StringBuilder body = new StringBuilder(messages.getMessage("notify.mail.digest.intro",
        new Object[] {rows.size()}, locale)).append("\n\n");
    for (Row row : rows) {
      body.append("- ").append(text(row, locale)).append('\n');
      if (row.link() != null) {
        body.append("  ").append(absolute(row.link())).append('\n');
      }
    }
    body.append('\n').append(messages.getMessage("notify.mail.footer", null, locale)).append('\n');
    deliver(rows, rows.getFirst().email(),
        messages.getMessage("notify.mail.digest.subject", new Object[] {rows.size()}, locale), body.toString());
  }

  private List<Row> due(String condition, String user, Instant cutoff, int limit) {
    return jdbc.sql("""
        select m.id, m.username, m.attempts, u.email, u.language, n.message_key,
               array(select jsonb_array_elements_text(n.arguments)) as args, n.link
        from notify_mail m join notification n on n.id = m.notification_id join notify_user u on u.username = m.username
        where m.status = 'PENDING' and %s and (cast(:user as text) is null or m.username = :user)
        order by n.created_at, m.id
        limit :limit
        for update of m skip locked""".formatted(condition))
        .param("now", Timestamp.from(clock.instant())).param("user", user)
        .param("cutoff", cutoff == null ? null : Timestamp.from(cutoff)).param("limit", limit)
        .query((rs, i) -> new Row(rs.getLong("id"), rs.getString("username"), rs.getInt("attempts"), rs.getString("email"),
            rs.getString("language"), rs.getString("message_key"), Arrays.asList((String[]) rs.getArray("args").getArray()),
            rs.getString("link")))
        .list();
  }

  private void deliver(List<Row> rows, String to, String subject, String body) {
    Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
    Timestamp now = Timestamp.from(clock.instant());
    if (to == null || to.isBlank()) {
      jdbc.sql("update notify_mail set status = 'FAILED', last_error = 'no e-mail address' where id = any(:ids)")
          .param("ids", ids).update();
      return;
    }
    try {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(props.mailFrom());
      message.setTo(to);
      message.setSubject(subject);
      message.setText(body);
      mail.send(message);
      jdbc.sql("update notify_mail set status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = null where id = any(:ids)")
          .param("now", now).param("ids", ids).update();
    } catch (MailException e) {
      int attempts = rows.getFirst().attempts() + 1;
      log.warn("could not send notification e-mail {} to user {} (try {}): {}", Arrays.toString(ids), rows.getFirst().username(),
          attempts, e.getMessage());
      Duration wait = props.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 10));
      jdbc.sql("""
          update notify_mail set attempts = attempts + 1, last_error = :error, next_attempt_at = :next,
            status = case when attempts + 1 >= :max then 'FAILED' else 'PENDING' end
          where id = any(:ids)""")
          .param("error", String.valueOf(e.getMessage())).param("next", Timestamp.from(clock.instant().plus(wait)))
          .param("max", props.maxAttempts()).param("ids", ids).update();
    }
  }

  private String text(Row row, Locale locale) {
    return messages.getMessage(row.messageKey(), row.arguments().toArray(), row.messageKey(), locale);
  }

  private String absolute(String link) {
    return link.startsWith("/") ? props.baseUrl() + link : link;
  }

  static Locale locale(String language) {
    return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
  }
}
