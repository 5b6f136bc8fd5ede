/**
 * Notifications (ADR 0019) for a service that sets {@code gongyu.notify.enabled=true}: {@link
 * org.gongyu.chassis.notify.Notifier#notify} stores a {@link org.gongyu.chassis.notify.Notice} to a
 * user or an audience (role at a unit) once per dedup key, in the caller's transaction; the inbox
 * endpoints ({@link org.gongyu.chassis.notify.InboxController}, under {@code gongyu.notify.inbox-path});
 * users' e-mail and language learned from their tokens ({@link org.gongyu.chassis.notify.NotifyUsers});
 * e-mail through the {@code notify_mail} outbox, sent at once or in a daily digest by jobs that hold a
 * ShedLock ({@link org.gongyu.chassis.notify.NotifyMailer}). No domain types, no personal data of
 * students or parents.
 */
package org.gongyu.chassis.notify;
