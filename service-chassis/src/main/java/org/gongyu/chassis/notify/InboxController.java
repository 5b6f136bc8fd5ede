package org.gongyu.chassis.notify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own inbox, under the path the service configures ({@code gongyu.notify.inbox-path}):
 * notifications to them or to an audience of theirs (a role of theirs at the unit of their token),
 * newest first; the unread count; marking read; their e-mail preferences per kind. Texts in the
 * request's language.
 */
@RestController
@RequestMapping("${gongyu.notify.inbox-path}")
@Tag(name = "Notifications · 通知", description = "The caller's own notifications and e-mail preferences · 本人的通知与邮件设置")
public class InboxController {

  static final String RULE = "@notifyAccess.allowed(authentication)";
  static final int MAX_SIZE = 100;

  /** One notification as the caller reads it. */
  public record NotificationView(UUID id, String kind, String text, String link, Instant createdAt, boolean read) {}

  /** A page of the inbox, with the unread count of the whole inbox. */
  public record InboxPage(List<NotificationView> items, int page, int size, long total, long unread) {}

  public record UnreadCount(long unread) {}

  public record Marked(int marked) {}

  /** One kind's e-mail preference (the inbox shows every kind whatever it says). */
  public record PreferenceView(String kind, boolean email, Delivery delivery) {}

  private final Notifications notifications;
  private final MessageSource messages;
  private final NotifyProperties props;

  InboxController(Notifications notifications, MessageSource messages, NotifyProperties props) {
    this.notifications = notifications;
    this.messages = messages;
    this.props = props;
  }

  @Operation(summary = "My notifications", description = "本人的通知（发给本人或本人角色所在单位的），最新的在前，分页（page 从 0 开始，size 1–100）；附未读数。")
  @GetMapping
  @PreAuthorize(RULE)
  @Transactional(readOnly = true)
  public InboxPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
      Authentication authentication) {
    if (page < 0 || size < 1 || size > MAX_SIZE) {
      throw ApiProblem.badRequest(Msg.msg("notify.page.invalid", MAX_SIZE));
    }
    Reader me = reader(authentication);
    Locale locale = LocaleContextHolder.getLocale();
    List<NotificationView> items = notifications.list(me.username(), me.audiences(), page, size).stream()
        .map(i -> new NotificationView(i.id(), i.kind(),
            messages.getMessage(i.messageKey(), i.arguments().toArray(), i.messageKey(), locale), i.link(), i.createdAt(),
            i.readAt() != null))
        .toList();
    return new InboxPage(items, page, size, notifications.total(me.username(), me.audiences()),
        notifications.unread(me.username(), me.audiences()));
  }

  @Operation(summary = "My unread count", description = "本人未读通知的数量（页眉铃铛）。")
  @GetMapping("/unread-count")
  @PreAuthorize(RULE)
  public UnreadCount unread(Authentication authentication) {
    Reader me = reader(authentication);
    return new UnreadCount(notifications.unread(me.username(), me.audiences()));
  }

  @Operation(summary = "Mark one notification read", description = "将一条通知标为已读（204）；本人看不到的通知返回 404。")
  @PostMapping("/{id}/read")
  @PreAuthorize(RULE)
  public ResponseEntity<Void> markRead(@PathVariable UUID id, Authentication authentication) {
    Reader me = reader(authentication);
    if (!notifications.markRead(me.username(), me.audiences(), id)) {
      throw ApiProblem.notFound(Msg.msg("notify.unknown", id));
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Mark all my notifications read", description = "将本人的全部通知标为已读；返回标记的条数。")
  @PostMapping("/read-all")
  @PreAuthorize(RULE)
  public Marked markAllRead(Authentication authentication) {
    Reader me = reader(authentication);
    return new Marked(notifications.markAllRead(me.username(), me.audiences()));
  }

  @Operation(summary = "My e-mail preferences", description = "本人每类通知的邮件设置：是否发邮件，立即发送或每日汇总。站内通知总是有。")
  @GetMapping("/preferences")
  @PreAuthorize(RULE)
  public List<PreferenceView> preferences(Authentication authentication) {
    return views(reader(authentication).username());
  }

  @Operation(summary = "Set my e-mail preferences", description = "设置本人一类或多类通知的邮件偏好（kind、email、delivery：IMMEDIATE 或 DAILY_DIGEST）；"
      + "未知的类别返回 422。只影响此后的通知。")
  @PutMapping("/preferences")
  @PreAuthorize(RULE)
  @Transactional
  public List<PreferenceView> setPreferences(@RequestBody List<PreferenceView> body, Authentication authentication) {
    String me = reader(authentication).username();
    for (int i = 0; i < body.size(); i++) {
      PreferenceView p = body.get(i);
      if (p == null || p.kind() == null || !props.kinds().contains(p.kind())) {
        throw ApiProblem.unprocessable(Msg.msg("notify.kind.unknown", p == null ? null : p.kind(), Msg.listed(props.kinds())),
            List.of(Msg.msg("notify.kind.field", i)));
      }
      if (p.delivery() == null) {
        throw ApiProblem.unprocessable(Msg.msg("notify.delivery.missing", p.kind()), List.of(Msg.msg("notify.delivery.field", i)));
      }
    }
    for (PreferenceView p : body) {
      notifications.setPreference(me, new Notifications.Preference(p.kind(), p.email(), p.delivery()));
    }
    return views(me);
  }

  private List<PreferenceView> views(String username) {
    return notifications.preferences(username, props.kinds()).stream()
        .map(p -> new PreferenceView(p.kind(), p.email(), p.delivery()))
        .toList();
  }

  private record Reader(String username, List<String> audiences) {}

  private static Reader reader(Authentication authentication) {
    Caller caller = Caller.of(authentication).orElseThrow();
    return new Reader(caller.username().toLowerCase(Locale.ROOT), NotifyUsers.audiences(caller));
  }
}
