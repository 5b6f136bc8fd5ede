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

/** Where the inbox of a tier's users is. */
export const inboxPath: Record<Tier, string> = {
  SCHOOL: '/api/school/me/notifications',
  COUNTY: '/api/district/me/notifications',
  CITY: '/api/city/me/notifications',
}

export function notificationsClient(base: string) {
  return {
    unread: () => request<{ unread: number }>(`${base}/unread-count`).then((r) => r.unread),
    latest: (size = 10) => request<InboxPage>(`${base}?page=0&size=${size}`),
    markRead: (id: string) => request<void>(`${base}/${encodeURIComponent(id)}/read`, { method: 'POST' }),
    markAllRead: () => request<{ marked: number }>(`${base}/read-all`, { method: 'POST' }),
  }
}
