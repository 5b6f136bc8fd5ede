import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import NotificationBell from './NotificationBell.vue'
import { useSession } from '@/stores/session'
import { blankRouter, mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'
import { INBOX_CHANGED } from '@/api/notifications'

interface Call { url: string; method: string }

/** A stand-in inbox: 3 unread until "read-all", two notifications, every call recorded. */
function inbox(calls: Call[]) {
  let unread = 3
  const items = [
    { id: 'n2', kind: 'assessment-assigned', text: '您被分派评审湖畔小学的示范校申报', link: '/assessor/applications/a1/declaration', createdAt: '2026-12-04T02:00:00Z', read: false },
    { id: 'n1', kind: 'application-arrived', text: '湖畔小学申报了示范校创建项目', link: null, createdAt: '2026-12-03T02:00:00Z', read: true },
  ]
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? 'GET' })
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
    if (url.endsWith('/unread-count')) return json({ unread })
    if (url.endsWith('/read-all')) { unread = 0; return json({ marked: 3 }) }
    if (url.endsWith('/read')) { unread -= 1; return new Response(null, { status: 204 }) }
    return json({ items, page: 0, size: 10, total: 2, unread })
  }))
}

// unmounted after each test: a bell left mounted would still listen on window
const mounted: { unmount(): void }[] = []

async function bell(role: string) {
  const pinia = createPinia()
  const router = blankRouter()
  await router.push('/')
  const w = mountWith(NotificationBell, { pinia, router })
  mounted.push(w)
  useSession().me = ME[role]
  await flushPromises()
  return { w, router }
}

describe('the notification bell', () => {
  afterEach(() => {
    mounted.splice(0).forEach((w) => w.unmount())
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('shows the unread count of the tier\'s inbox and says it in words', async () => {
    const calls: Call[] = []
    inbox(calls)
    const { w } = await bell('county-assessor')
    expect(w.get('[data-testid="notify-unread"]').text()).toBe('3')
    expect(w.get('[data-testid="notify-bell-label"]').text()).toBe('通知（3 条未读）')
    expect(w.get('[data-testid="notify-bell"]').attributes('aria-label')).toBeUndefined()
    expect(calls[0].url).toBe('/api/district/me/notifications/unread-count')
  })

  it('lists the latest notifications newest first, follows a link and marks it read', async () => {
    const calls: Call[] = []
    inbox(calls)
    const { w, router } = await bell('county-assessor')
    await w.get('[data-testid="notify-bell"]').trigger('click')
    await flushPromises()
    const items = w.findAll('[data-testid="notify-item"]')
    expect(items.map((i) => i.find('.text').text())).toEqual(['您被分派评审湖畔小学的示范校申报', '湖畔小学申报了示范校创建项目'])
    expect(items[0].text()).toContain('未读')
    expect(items[0].find('time').text()).toBe('2026-12-04 10:00')
    await items[0].get('a').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/district/me/notifications/n2/read')).toBe(true)
    expect(router.currentRoute.value.fullPath).toBe('/assessor/applications/a1/declaration')
    expect(w.get('[data-testid="notify-unread"]').text()).toBe('2')
  })

  it('marks all read: the badge goes away', async () => {
    const calls: Call[] = []
    inbox(calls)
    const { w } = await bell('school-admin')
    expect(calls[0].url).toBe('/api/school/me/notifications/unread-count')
    await w.get('[data-testid="notify-bell"]').trigger('click')
    await flushPromises()
    await w.get('[data-testid="notify-read-all"]').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/school/me/notifications/read-all')).toBe(true)
    expect(w.find('[data-testid="notify-unread"]').exists()).toBe(false)
    expect(w.get('[data-testid="notify-bell-label"]').text()).toBe('通知')
  })

  it('opens the inbox page from "all notifications", and counts again when that page marks something read', async () => {
    const calls: Call[] = []
    inbox(calls)
    const { w, router } = await bell('school-admin')
    await w.get('[data-testid="notify-bell"]').trigger('click')
    await flushPromises()
    const all = w.get('[data-testid="notify-all"]')
    expect(all.text()).toBe('查看全部通知')
    expect(all.attributes('href')).toBe('/me/notifications')
    await all.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/me/notifications')
    expect(w.find('[data-testid="notify-panel"]').exists()).toBe(false)
    const counted = calls.filter((c) => c.url.endsWith('/unread-count')).length
    window.dispatchEvent(new Event(INBOX_CHANGED))
    await flushPromises()
    expect(calls.filter((c) => c.url.endsWith('/unread-count'))).toHaveLength(counted + 1)
  })

  it('shows no badge when the inbox cannot be read', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"title":"down"}', { status: 503, headers: { 'Content-Type': 'application/problem+json' } })))
    const { w } = await bell('city-staff')
    expect(w.find('[data-testid="notify-bell"]').exists()).toBe(true)
    expect(w.find('[data-testid="notify-unread"]').exists()).toBe(false)
  })
})
