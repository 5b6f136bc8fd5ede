package org.gongyu.chassis.notify;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.gongyu.chassis.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Notifications ({@code gongyu.notify.*}, ADR 0019).
 *
 * @param enabled      whether the service notifies at all (tables, notifier, jobs, inbox)
 * @param inboxPath    where the inbox endpoints are mounted, e.g. {@code /api/district/me/notifications};
 *                     none: no endpoints
 * @param roles        the roles that may use the inbox endpoints (default: every Gongyu role)
 * @param kinds        the kinds this service sends, listed with their preferences (others are refused)
 * @param mailFrom     the sender address of e-mails
 * @param baseUrl      put before a link that starts with {@code /} in e-mails (the gateway's address)
 * @param sendInterval how often the sender and the digest job look for due e-mails
 * @param digestAt     the time of day (city time zone) the daily digest goes out
 * @param batchSize    e-mails one run of the sender sends at most
 * @param maxAttempts  tries of one e-mail before it is marked FAILED
 * @param retryBackoff wait after a failed try (doubled with each try)
 * @param jobs         whether this process runs the scheduled jobs (tests turn them off to drive them)
 */
@ConfigurationProperties("gongyu.notify")
public record NotifyProperties(Boolean enabled, String inboxPath, List<Role> roles, List<String> kinds, String mailFrom,
    String baseUrl, Duration sendInterval, LocalTime digestAt, Integer batchSize, Integer maxAttempts,
    Duration retryBackoff, Boolean jobs) {

  public NotifyProperties {
    enabled = enabled != null && enabled;
    inboxPath = inboxPath == null || inboxPath.isBlank() ? null : inboxPath.strip();
    roles = roles == null || roles.isEmpty() ? List.of(Role.values()) : List.copyOf(roles);
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
    mailFrom = mailFrom == null || mailFrom.isBlank() ? "noreply@gongyu.local" : mailFrom;
    baseUrl = baseUrl == null ? "http://127.0.0.1:8080" : baseUrl.replaceAll("/+$", "");
    sendInterval = sendInterval == null ? Duration.ofSeconds(5) : sendInterval;
    digestAt = digestAt == null ? LocalTime.of(18, 0) : digestAt;
    batchSize = batchSize == null ? 50 : batchSize;
    maxAttempts = maxAttempts == null ? 5 : maxAttempts;
    retryBackoff = retryBackoff == null ? Duration.ofMinutes(1) : retryBackoff;
    jobs = jobs == null || jobs;
  }
}
