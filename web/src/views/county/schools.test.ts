import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'
import { menuFor } from '@/roles'
import type { RegistrySchool } from '@/api/registry'
import { closeBody, closeProblems, closureState, nameOf, successorChoices } from './schoolClosure'
import CountySchoolsView from './CountySchoolsView.vue'

// 学校名册 · 关闭/合并 (issue 17 item 6) against a stubbed fetch: every call is recorded and answered from the table.
const C = '990113'
const BASE = `/api/district/counties/${C}`

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
    return new Response(JSON.stringify(answer), {
      status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    })
  }))
}

const school = (id: string, name: string, more: Partial<RegistrySchool> = {}): RegistrySchool => ({
  id, countyId: C, xuequId: null, name, schoolType: 'PRIMARY', version: 1, closedFrom: null, successorId: null,
  successorName: null, mergedFrom: [], ...more,
})
const OPEN_A = school('9901130001', '湖畔小学')
const OPEN_B = school('9901130002', '西湖二小', { mergedFrom: [{ id: '9901130003', name: '旧城小学', closedFrom: '2026-09-01' }] })
const MERGED = school('9901130003', '旧城小学', { closedFrom: '2026-09-01', successorId: '9901130002', successorName: '西湖二小', version: 2 })
const CLOSED = school('9901130004', '山村小学', { closedFrom: '2026-09-01', version: 2 })

describe('closing and merging schools: the logic', () => {
  it('names the state of a school', () => {
    expect(closureState(OPEN_A)).toBe('open')
    expect(closureState(CLOSED)).toBe('closed')
    expect(closureState(MERGED)).toBe('merged')
  })

  it('offers the open schools of the county but the closing one as successors, by name', () => {
    const extra = school('9901130005', '阿里小学')
    expect(successorChoices([OPEN_A, OPEN_B, MERGED, CLOSED, extra], OPEN_A).map((s) => s.id)).toEqual(['9901130005', '9901130002'])
    expect(successorChoices([OPEN_A], OPEN_A)).toEqual([])
  })

  it('sends the day and the successor, or null for a plain closure', () => {
    expect(closeBody({ effectiveFrom: ' 2027-03-01 ', successorId: '' })).toEqual({ effectiveFrom: '2027-03-01', successorId: null })
    expect(closeBody({ effectiveFrom: '2027-03-01', successorId: '9901130002' })).toEqual({ effectiveFrom: '2027-03-01', successorId: '9901130002' })
  })

  it('puts the API\'s field messages beside the fields and the rest under the dialog', () => {
    expect(closeProblems([{ field: 'effectiveFrom', message: '应为未结束学期内的日期' }, { field: 'successorId', message: '应为未关闭的学校' },
      { field: null, message: '其他' }, { field: 'version', message: '?' }]))
      .toEqual({ effectiveFrom: ['应为未结束学期内的日期'], successorId: ['应为未关闭的学校'], '': ['其他', '?'] })
  })

  it('falls back to the id when a successor has no name in the list', () => {
    expect(nameOf('9901130009', null)).toBe('9901130009')
    expect(nameOf('9901130002', '西湖二小')).toBe('西湖二小')
  })

  it('gives the county admin, and no other county role, the school registry in the menu', () => {
    expect(menuFor(ME['county-admin']).map((m) => m.testId)).toContain('nav-county-schools')
    expect(menuFor(ME['county-admin']).find((m) => m.key === 'county-schools')?.path).toBe(`/counties/${ME['county-admin'].county_id}/schools`)
    expect(menuFor(ME['county-assessor']).map((m) => m.testId)).not.toContain('nav-county-schools')
  })
})

beforeEach(() => {
  routes = {
    [`GET ${BASE}/schools`]: [200, [OPEN_A, OPEN_B, MERGED]],
    [`GET ${BASE}/schools?closed=true`]: [200, [OPEN_A, OPEN_B, MERGED, CLOSED]],
  }
  calls = []
  stubFetch()
})

const Blank = { template: '<div />' }
async function render(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia()
  const path = `/counties/${C}/schools`
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path, component: CountySchoolsView, props: () => ({ countyId: C }) },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(path)
  setActivePinia(pinia)
  useSession().me = ME['county-admin']
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang })
  await flushPromises()
  return w
}
const writes = () => calls.filter((c) => c.method !== 'GET')

describe('the school registry page', () => {
  it('shows each school\'s state: open, 已关闭 · 合并至 X, 合并自 Y; closed ones whose periods ended on request', async () => {
    const w = await render()
    expect(w.get('[data-testid="page-title"]').text()).toBe('学校名册')
    expect(w.findAll('[data-testid="registry-row"]').map((r) => r.attributes('data-state'))).toEqual(['open', 'open', 'merged'])
    expect(w.get('[data-testid="registry-state-9901130003"]').text()).toBe('已关闭 · 合并至 西湖二小（自 2026-09-01 起）')
    expect(w.get('[data-testid="registry-merged-from-9901130002"]').text()).toContain('合并自 旧城小学')
    expect(w.find('[data-testid="registry-close-9901130003"]').exists()).toBe(false)
    await w.get('[data-testid="registry-with-closed"]').setValue(true)
    await flushPromises()
    expect(calls.at(-1)?.url).toBe(`${BASE}/schools?closed=true`)
    expect(w.get('[data-testid="registry-state-9901130004"]').text()).toBe('已关闭（自 2026-09-01 起）')
  })

  it('shows the states in English', async () => {
    const w = await render('en')
    expect(w.get('[data-testid="registry-state-9901130003"]').text()).toBe('Closed · merged into 西湖二小 (from 2026-09-01)')
    expect(w.get('[data-testid="registry-merged-from-9901130002"]').text()).toContain('merged from 旧城小学')
    expect(w.get('[data-testid="registry-close-9901130001"]').text()).toBe('Close/merge')
  })

  it('merges a school with a POST of the day and the successor, keeps the API\'s refusal in the dialog, then lists it closed', async () => {
    let attempt = 0
    routes[`POST ${BASE}/schools/9901130001/close`] = () => {
      attempt += 1
      if (attempt === 1) {
        return [409, { title: 'Conflict', status: 409, detail: '学校 9901130002 已自 2026-09-01 起关闭；不能合并至已关闭的学校' }]
      }
      if (attempt === 2) {
        return [422, { title: '请求违反规则', status: 422, detail: "effectiveFrom '2027-02-30' 不是有效日期",
          errors: ['effectiveFrom: 应为未结束学期内的日期（yyyy-MM-dd）'] }]
      }
      routes[`GET ${BASE}/schools`] = [200, [school('9901130001', '湖畔小学', { closedFrom: '2027-03-01', successorId: '9901130002',
        successorName: '西湖二小', version: 2 }), OPEN_B, MERGED]]
      return [200, school('9901130001', '湖畔小学', { closedFrom: '2027-03-01', successorId: '9901130002', successorName: '西湖二小' })]
    }
    const w = await render()
    await w.get('[data-testid="registry-close-9901130001"]').trigger('click')
    const dialog = w.get('[data-testid="close-dialog"]')
    expect(dialog.findAll('[data-testid="close-successor"] option').map((o) => o.attributes('value'))).toEqual(['', '9901130002'])
    await dialog.trigger('submit')
    expect(w.get('[data-testid="close-error-effectiveFrom"]').text()).toBe('请选择生效日期')
    expect(writes()).toHaveLength(0)

    await w.get('[data-testid="close-from"]').setValue('2027-03-01')
    await w.get('[data-testid="close-successor"]').setValue('9901130002')
    expect(w.get('[data-testid="close-confirm"]').text()).toBe('合并学校')
    await w.get('[data-testid="close-dialog"]').trigger('submit')
    await flushPromises()
    expect(writes()[0]).toEqual({ method: 'POST', url: `${BASE}/schools/9901130001/close`,
      body: { effectiveFrom: '2027-03-01', successorId: '9901130002' } })
    expect(w.get('[data-testid="close-problem"]').text()).toContain('不能合并至已关闭的学校')

    await w.get('[data-testid="close-dialog"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="close-error-effectiveFrom"]').text()).toContain('应为未结束学期内的日期')
    expect(w.get('[data-testid="close-problem"]').text()).toContain('不是有效日期')

    await w.get('[data-testid="close-dialog"]').trigger('submit')
    await flushPromises()
    expect(writes()).toHaveLength(3)
    expect(w.find('[data-testid="close-dialog"]').exists()).toBe(false)
    expect(w.get('[data-testid="registry-state-9901130001"]').text()).toBe('已关闭 · 合并至 西湖二小（自 2027-03-01 起）')
  })
})
