package org.gongyu.chassis.notify;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gongyu.chassis.security.Caller;
import org.gongyu.chassis.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Learns who the service's users are from their tokens ({@code notify_user}): on each authenticated
 * call, the username, e-mail ({@code email} claim), language ({@code locale} claim, else the request's
 * {@code Accept-Language}, else Chinese) and the audiences their roles put them in. Written when
 * something changed or at most every {@value #REFRESH_MINUTES} minutes per user and process (last seen).
 */
public class NotifyUsers implements HandlerInterceptor {

  static final long REFRESH_MINUTES = 10;
  private static final Logger log = LoggerFactory.getLogger(NotifyUsers.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();

  private record Seen(User user, Instant at) {}

  /** A user as the notifier knows them. */
  public record User(String username, String email, String language, List<String> audiences) {}

  NotifyUsers(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
      Caller caller = Caller.of(token.getToken());
      if (caller.username() != null && !caller.roles().isEmpty()) {
        String language = language(token.getToken().getClaimAsString("locale"), request.getHeader("Accept-Language"));
        try {
          learn(new User(caller.username().toLowerCase(Locale.ROOT), blankToNull(token.getToken().getClaimAsString("email")),
              language, audiences(caller)));
        } catch (RuntimeException e) {
          log.warn("could not note user {} for notifications: {}", caller.username(), e.getMessage());
        }
      }
    }
    return true;
  }

  /** Records the user (when new, changed, or last noted long ago). */
  public void learn(User user) {
    Instant now = clock.instant();
    Seen before = seen.get(user.username());
    if (before != null && before.user().equals(user) && before.at().isAfter(now.minus(Duration.ofMinutes(REFRESH_MINUTES)))) {
      return;
    }
    jdbc.sql("""
        insert into notify_user (username, email, language, audiences, last_seen) values (:u, :e, :l, :a, :now)
        on conflict (username) do update set email = excluded.email, language = excluded.language,
          audiences = excluded.audiences, last_seen = excluded.last_seen""")
        .param("u", user.username()).param("e", user.email()).param("l", user.language())
        .param("a", user.audiences().toArray(String[]::new)).param("now", java.sql.Timestamp.from(now))
        .update();
    seen.put(user.username(), new Seen(user, now));
  }

  /** The audiences a caller belongs to: each of their roles at the unit of its tier from the token. */
  public static List<String> audiences(Caller caller) {
    List<String> audiences = new ArrayList<>();
    for (Role role : caller.roles()) {
      String unit = switch (role.tier()) {
        case SCHOOL -> caller.schoolId();
        case XUEQU -> caller.xuequId();
        case COUNTY -> caller.countyId();
        case CITY -> caller.cityId();
      };
      if (unit != null && !unit.isBlank()) {
        audiences.add(Notice.audience(role, unit));
      }
    }
    audiences.sort(null);
    return List.copyOf(audiences);
  }

  /** zh-CN or en: the token's locale, else the request's first Chinese or English language, else zh-CN. */
  static String language(String tokenLocale, String acceptLanguage) {
    if (tokenLocale != null && !tokenLocale.isBlank()) {
      return tokenLocale.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "zh-CN";
    }
    if (acceptLanguage != null) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          String tag = range.getRange().toLowerCase(Locale.ROOT);
          if (tag.startsWith("zh")) {
            return "zh-CN";
          }
          if (tag.startsWith("en")) {
            return "en";
          }
        }
      } catch (IllegalArgumentException ignored) {
        // a malformed header: the default
      }
    }
    return "zh-CN";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
