// The person's own notification inbox (ADR 0019): each tier's service keeps the inbox of its users.
import { request } from './client'
import type { Tier } from '@/roles'

export interface NotificationView {
  id: string
  kind: string
  /** already in the request's language */
  text: string
  /** a path of this application, or null */
  link: string | null
  createdAt: string
  read: boolean
}

export interface InboxPage {
  items: NotificationView[]
  page: number
  size: number
  total: number
  unread: number
}

/** How the e-mail of a kind goes out: at once, or gathered in one mail a day. */
export type Delivery = 'IMMEDIATE' | 'DAILY_DIGEST'

/** One kind's e-mail preference (`InboxController.PreferenceView`); in-app notices arrive whatever it says. */
export interface NotificationPreference {
  kind: string
  email: boolean
  delivery: Delivery
}

/** Where the inbox of a tier's users is; 学区 staff have none (nothing is sent to a 学区 yet, ADR 0027). */
export const inboxPath: Partial<Record<Tier, string>> = {
  SCHOOL: '/api/school/me/notifications',
  COUNTY: '/api/district/me/notifications',
  CITY: '/api/city/me/notifications',
}

/** The inbox page of the web app (the bell links to it). */
export const INBOX_PAGE = '/me/notifications'

/** Sent on `window` when the inbox page marks something read, so the bell counts again at once. */
export const INBOX_CHANGED = 'gongyu:inbox-changed'

export function inboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_CHANGED))
}

/** A link of a notification the app may follow: a path of this application, never another origin. */
export function isAppLink(link: string | null | undefined): link is string {
  return !!link && link.startsWith('/') && !link.startsWith('//')
}

export function notificationsClient(base: string) {
  return {
    unread: () => request<{ unread: number }>(`${base}/unread-count`).then((r) => r.unread),
    latest: (size = 10) => request<InboxPage>(`${base}?page=0&size=${size}`),
    /** `page` counts from 0 */
    page: (page: number, size: number) => request<InboxPage>(`${base}?page=${page}&size=${size}`),
    markRead: (id: string) => request<void>(`${base}/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    markAllRead: () => request<{ marked: number }>(`${base}/read-all`, { method: 'POST' }),
    preferences: () => request<NotificationPreference[]>(`${base}/preferences`),
    setPreferences: (prefs: NotificationPreference[]) => request<NotificationPreference[]>(`${base}/preferences`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(prefs),
    }),
  }
}
