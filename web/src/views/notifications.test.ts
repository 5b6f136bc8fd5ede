import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import axe from 'axe-core'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'
import { INBOX_CHANGED, type NotificationPreference, type NotificationView } from '@/api/notifications'
import zh from '@/i18n/notifications.zh-CN'
import en from '@/i18n/notifications.en'
import NotificationsView from './NotificationsView.vue'

// 我的通知 against a stubbed fetch: every call is recorded (method, URL, body) and answered from the
// table below, so the tests check what the API gets as well as what the person sees.
const BASE = '/api/school/me/notifications'

type Reply = [number, unknown]
let routes: Record<string, Reply | ((body: unknown) => Reply)>
let calls: { method: string; url: string; body: unknown }[]

function stubFetch() {
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const method = (init.method ?? 'GET').toUpperCase()
    const body = init.body ? JSON.parse(String(init.body)) : undefined
    calls.push({ method, url, body })
    const route = routes[`${method} ${url}`]
    const [status, answer] = typeof route === 'function' ? route(body) : route ?? [404, { title: 'Not Found', status: 404, detail: url }]
    return new Response(status === 204 ? null : JSON.stringify(answer), {
      status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    })
  }))
}
const writes = () => calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.url, c.body])

const notice = (id: string, kind: string, text: string, read: boolean, link: string | null = null): NotificationView =>
  ({ id, kind, text, link, createdAt: '2026-12-04T02:00:00Z', read })
const INBOX: NotificationView[] = [
  notice('n3', 'report-returned', '区县退回了本校 2025-2026学年第2学期 的上报：请核对', false, '/schools/9901130001/sign-offs'),
  notice('n2', 'report-approved', '区县已审核通过本校 2025-2026学年 的上报', false),
  { ...notice('n1', 'some-new-kind', '一条新类别的通知', true), createdAt: '2026-11-30T16:30:00Z' },
]
const PREFS: NotificationPreference[] = [
  { kind: 'report-returned', email: true, delivery: 'IMMEDIATE' },
  { kind: 'report-approved', email: false, delivery: 'IMMEDIATE' },
  { kind: 'rectification-approaching', email: true, delivery: 'DAILY_DIGEST' },
]

const Blank = { template: '<div />' }
let router: ReturnType<typeof createRouter>
async function render(path = '/me/notifications', role: keyof typeof ME = 'school-admin', lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia()
  router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/me/notifications', component: NotificationsView },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(path)
  setActivePinia(pinia)
  useSession().me = ME[role]
  // keyed like the layout's router-view: another query is another page
  const w = mountWith({ render: () => h(RouterView, null, { default: ({ Component, route }: { Component: object; route: { fullPath: string } }) => h(Component, { key: route.fullPath }) }) },
    { pinia, router, lang })
  await flushPromises()
  return w
}
async function serious(el: Element): Promise<string[]> {
  const result = await axe.run(el as HTMLElement, { rules: { 'color-contrast': { enabled: false } } })
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
}

describe('我的通知: the inbox', () => {
  beforeEach(() => {
    calls = []
    let items = INBOX.map((n) => ({ ...n }))
    const unread = () => items.filter((n) => !n.read).length
    routes = {
      [`GET ${BASE}?page=0&size=20`]: () => [200, { items, page: 0, size: 20, total: 3, unread: unread() }],
      [`POST ${BASE}/n2/read`]: () => { items = items.map((n) => (n.id === 'n2' ? { ...n, read: true } : n)); return [204, null] },
      [`POST ${BASE}/n3/read`]: () => { items = items.map((n) => (n.id === 'n3' ? { ...n, read: true } : n)); return [204, null] },
      [`POST ${BASE}/read-all`]: () => { const marked = unread(); items = items.map((n) => ({ ...n, read: true })); return [200, { marked }] },
    }
    stubFetch()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('lists the tier\'s inbox newest first with unread ones marked in words, a kind label and a local time', async () => {
    const w = await render()
    expect(calls[0].url).toBe(`${BASE}?page=0&size=20`)
    expect(w.get('[data-testid="page-title"]').text()).toBe('我的通知')
    expect(document.title).toBe('我的通知 · 共育')
    const rows = w.findAll('[data-testid="inbox-item"]')
    expect(rows.map((r) => r.attributes('data-id'))).toEqual(['n3', 'n2', 'n1'])
    expect(rows.map((r) => r.find('[data-testid="unread-tag"]').exists())).toEqual([true, true, false])
    expect(rows[0].get('[data-testid="unread-tag"]').text()).toBe('未读')
    expect(rows.map((r) => r.get('[data-testid="kind"]').text())).toEqual(['上报被区县退回', '上报通过区县审核', 'some-new-kind'])
    // Asia/Shanghai, not ISO UTC: 16:30Z on 30 Nov is already 1 Dec
    expect(rows[0].get('time').text()).toBe('2026-12-04 10:00')
    expect(rows[2].get('time').text()).toBe('2026-12-01 00:30')
    expect(rows[2].get('time').attributes('datetime')).toBe('2026-11-30T16:30:00Z')
    // only in-app links are links; read ones offer no "mark read"
    expect(rows[0].get('[data-testid="inbox-link"]').attributes('href')).toBe('/schools/9901130001/sign-offs')
    expect(rows[1].find('[data-testid="inbox-link"]').exists()).toBe(false)
    expect(rows[2].find('[data-testid="mark-read"]').exists()).toBe(false)
    expect(w.get('[data-testid="inbox-summary"]').text()).toBe('共 3 条，2 条未读')
    expect(w.find('[data-testid="pager"]').exists()).toBe(false)
  })

  it('the county and the city read their own service\'s inbox', async () => {
    routes[`GET /api/district/me/notifications?page=0&size=20`] = [200, { items: [], page: 0, size: 20, total: 0, unread: 0 }]
    routes[`GET /api/city/me/notifications?page=0&size=20`] = [200, { items: [], page: 0, size: 20, total: 0, unread: 0 }]
    ;(await render('/me/notifications', 'county-assessor')).unmount()
    ;(await render('/me/notifications', 'city-staff')).unmount()
    expect(calls.map((c) => c.url)).toEqual(['/api/district/me/notifications?page=0&size=20', '/api/city/me/notifications?page=0&size=20'])
  })

  it('marks one read: the mark goes, the count drops and the bell is told', async () => {
    const told = vi.fn()
    window.addEventListener(INBOX_CHANGED, told)
    const w = await render()
    const row = () => w.get('[data-id="n2"]')
    expect(row().get('[data-testid="mark-read"]').text()).toBe('标为已读：区县已审核通过本校 2025-2026学年 的上报')
    await row().get('[data-testid="mark-read"]').trigger('click')
    await flushPromises()
    expect(writes()).toEqual([['POST', `${BASE}/n2/read`, undefined]])
    expect(row().attributes('data-read')).toBe('true')
    expect(row().find('[data-testid="unread-tag"]').exists()).toBe(false)
    expect(w.get('[data-testid="inbox-summary"]').text()).toBe('共 3 条，1 条未读')
    expect(told).toHaveBeenCalledTimes(1)
    window.removeEventListener(INBOX_CHANGED, told)
  })

  it('following a notice marks it read and opens its page of the app', async () => {
    const w = await render()
    await w.get('[data-id="n3"] [data-testid="inbox-link"]').trigger('click')
    await flushPromises()
    expect(writes()).toEqual([['POST', `${BASE}/n3/read`, undefined]])
    expect(router.currentRoute.value.fullPath).toBe('/schools/9901130001/sign-offs')
  })

  it('marks all read, says how many, and reloads the page', async () => {
    const w = await render()
    await w.get('[data-testid="mark-all-read"]').trigger('click')
    await flushPromises()
    expect(writes()).toEqual([['POST', `${BASE}/read-all`, undefined]])
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2)
    expect(w.findAll('[data-testid="unread-tag"]')).toHaveLength(0)
    expect(w.get('[data-testid="inbox-summary"]').text()).toBe('共 3 条，0 条未读')
    expect(w.get('[data-testid="mark-all-read"]').attributes('disabled')).toBeDefined()
    expect(document.body.textContent).toContain('已将 2 条通知标为已读')
  })

  it('pages through a long inbox with ?page= (from 1 in the URL, from 0 for the API)', async () => {
    const many = Array.from({ length: 20 }, (_, i) => notice(`m${i}`, 'report-approved', `通知 ${i}`, true))
    routes[`GET ${BASE}?page=0&size=20`] = [200, { items: many, page: 0, size: 20, total: 45, unread: 0 }]
    routes[`GET ${BASE}?page=1&size=20`] = [200, { items: many.slice(0, 3), page: 1, size: 20, total: 45, unread: 0 }]
    const w = await render()
    expect(w.get('[data-testid="page-status"]').text()).toBe('第 1 / 3 页')
    expect(w.get('[data-testid="page-prev"]').attributes('disabled')).toBeDefined()
    await w.get('[data-testid="page-next"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/me/notifications?page=2')
    expect(calls.at(-1)!.url).toBe(`${BASE}?page=1&size=20`)
    expect(w.get('[data-testid="page-status"]').text()).toBe('第 2 / 3 页')
    expect(w.findAll('[data-testid="inbox-item"]')).toHaveLength(3)
  })

  it('says so when there is nothing, in English too', async () => {
    routes[`GET ${BASE}?page=0&size=20`] = [200, { items: [], page: 0, size: 20, total: 0, unread: 0 }]
    const w = await render('/me/notifications', 'school-admin', 'en')
    expect(w.get('[data-testid="page-title"]').text()).toBe('My notifications')
    expect(w.get('[data-testid="inbox-empty"]').text()).toContain('No notifications yet')
    expect(w.get('[data-testid="mark-all-read"]').attributes('disabled')).toBeDefined()
  })
})

describe('我的通知: 通知设置', () => {
  beforeEach(() => {
    calls = []
    routes = {
      [`GET ${BASE}/preferences`]: [200, PREFS],
      [`PUT ${BASE}/preferences`]: (body) => [200, body],
      [`GET ${BASE}?page=0&size=20`]: [200, { items: INBOX, page: 0, size: 20, total: 3, unread: 2 }],
    }
    stubFetch()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  const settings = () => render('/me/notifications?tab=settings')
  const row = (w: Awaited<ReturnType<typeof render>>, kind: string) => w.get(`[data-testid="pref-row"][data-kind="${kind}"]`)

  it('shows one row per kind the service sends, with its name, the e-mail switch and the delivery, and says in-app notices always arrive', async () => {
    const w = await settings()
    expect(calls.map((c) => c.url)).toEqual([`${BASE}/preferences`])
    expect(w.get('[data-testid="tab-settings"]').attributes('aria-current')).toBe('page')
    expect(w.get('[data-testid="always"]').text()).toContain('站内通知总会送达')
    expect(w.findAll('[data-testid="pref-row"]').map((r) => r.get('th').text())).toEqual(['上报被区县退回', '上报通过区县审核', '整改截止临近'])
    const returned = row(w, 'report-returned')
    expect((returned.get('[data-testid="pref-email"]').element as HTMLInputElement).checked).toBe(true)
    expect((returned.get('[data-testid="pref-delivery-IMMEDIATE"]').element as HTMLInputElement).checked).toBe(true)
    expect((row(w, 'rectification-approaching').get('[data-testid="pref-delivery-DAILY_DIGEST"]').element as HTMLInputElement).checked).toBe(true)
    // every control has a visible label tied to it
    for (const input of w.findAll('input')) {
      const label = w.get(`label[for="${input.attributes('id')}"]`)
      expect(label.text()).not.toBe('')
    }
  })

  it('e-mail off disables the delivery choice and says only in-app notices come; on enables it again', async () => {
    const w = await settings()
    const approved = row(w, 'report-approved')
    for (const d of ['IMMEDIATE', 'DAILY_DIGEST']) {
      expect((approved.get(`[data-testid="pref-delivery-${d}"]`).element as HTMLInputElement).disabled).toBe(true)
    }
    expect(approved.get('[data-testid="in-app-only"]').text()).toBe('只发站内通知')
    const returned = row(w, 'report-returned')
    expect((returned.get('[data-testid="pref-delivery-DAILY_DIGEST"]').element as HTMLInputElement).disabled).toBe(false)
    await returned.get('[data-testid="pref-email"]').setValue(false)
    expect((returned.get('[data-testid="pref-delivery-DAILY_DIGEST"]').element as HTMLInputElement).disabled).toBe(true)
    expect(returned.find('[data-testid="in-app-only"]').exists()).toBe(true)
    await approved.get('[data-testid="pref-email"]').setValue(true)
    expect((approved.get('[data-testid="pref-delivery-DAILY_DIGEST"]').element as HTMLInputElement).disabled).toBe(false)
  })

  it('saves the whole list with PUT and says so', async () => {
    const w = await settings()
    await row(w, 'report-approved').get('[data-testid="pref-email"]').setValue(true)
    await row(w, 'report-approved').get('[data-testid="pref-delivery-DAILY_DIGEST"]').setValue(true)
    await row(w, 'report-returned').get('[data-testid="pref-email"]').setValue(false)
    expect(w.find('[data-testid="prefs-dirty"]').exists()).toBe(true)
    await w.get('[data-testid="prefs-form"]').trigger('submit')
    await flushPromises()
    expect(writes()).toEqual([['PUT', `${BASE}/preferences`, [
      { kind: 'report-returned', email: false, delivery: 'IMMEDIATE' },
      { kind: 'report-approved', email: true, delivery: 'DAILY_DIGEST' },
      { kind: 'rectification-approaching', email: true, delivery: 'DAILY_DIGEST' },
    ]]])
    expect(document.body.textContent).toContain('通知设置已保存')
    expect(w.find('[data-testid="prefs-dirty"]').exists()).toBe(false)
    expect(w.find('[data-testid="prefs-problem"]').exists()).toBe(false)
  })

  it('shows the service\'s 422 problem beside the form and keeps the changes', async () => {
    routes[`PUT ${BASE}/preferences`] = [422, {
      type: 'about:blank', title: '无法处理的请求', status: 422,
      detail: '没有名为“report-returned”的通知类别（类别：report-approved、rectification-approaching）',
      errors: ['[0].kind：不是本服务的通知类别'],
    }]
    const w = await settings()
    await row(w, 'report-returned').get('[data-testid="pref-delivery-DAILY_DIGEST"]').setValue(true)
    await w.get('[data-testid="prefs-save"]').trigger('click')
    await flushPromises()
    const problem = w.get('[data-testid="prefs-problem"]')
    expect(problem.attributes('role')).toBe('alert')
    expect(problem.text()).toContain('没有名为“report-returned”的通知类别')
    expect(problem.text()).not.toContain('{')
    expect(document.body.textContent).not.toContain('通知设置已保存')
    expect((row(w, 'report-returned').get('[data-testid="pref-delivery-DAILY_DIGEST"]').element as HTMLInputElement).checked).toBe(true)
    expect(w.find('[data-testid="prefs-dirty"]').exists()).toBe(true)
  })

  it('asks before leaving unsaved settings, and stays when the person says no', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false)
    const w = await settings()
    await row(w, 'report-returned').get('[data-testid="pref-email"]').setValue(false)
    await w.get('[data-testid="tab-inbox"]').trigger('click')
    await flushPromises()
    expect(confirm).toHaveBeenCalledWith('通知设置尚未保存，确定离开吗？')
    expect(router.currentRoute.value.fullPath).toBe('/me/notifications?tab=settings')
    confirm.mockReturnValue(true)
    await w.get('[data-testid="tab-inbox"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/me/notifications')
    expect(w.findAll('[data-testid="inbox-item"]')).toHaveLength(3)
  })

  // run from web/ (npm test, Maven), next to the services: a kind added to a service without a name here fails
  it('names every kind the services send (gongyu.notify.kinds of their application.yml) in both languages', () => {
    const kinds = ['school-service', 'district-service', 'city-service'].flatMap((service) => {
      const yml = readFileSync(resolve(process.cwd(), '..', service, 'src/main/resources/application.yml'), 'utf8')
      const line = /^\s+kinds:\s*(.+)$/m.exec(yml)
      expect(line, service).not.toBeNull()
      return line![1].split(',').map((k) => k.trim())
    })
    expect(kinds).toContain('county-submission')
    // a kind two tiers send (deadline-approaching: the county's admins and the schools) has one name
    const distinct = [...new Set(kinds)].sort()
    expect(Object.keys(zh.kinds).sort()).toEqual(distinct)
    expect(Object.keys(en.kinds).sort()).toEqual(distinct)
  })

  it('no serious or critical axe violation on the inbox and the settings, in both languages', async () => {
    const inbox = await render()
    expect(await serious(inbox.element)).toEqual([])
    inbox.unmount()
    const s = await render('/me/notifications?tab=settings', 'school-admin', 'en')
    expect(await serious(s.element)).toEqual([])
  })
})
