import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'
import type { Run, RunUnit, SchemeVersion } from '@/api/schemes'
import SchemesView from './SchemesView.vue'

// 学区考核 with adjustments (加减分) against a stubbed fetch: what the API gets, and what the page
// shows of what it answers (the final total and rank, each adjustment, the city's assessment of the county).
const C = '990113'
const BASE = `/api/district/counties/${C}/assessments`

type Reply = [number, unknown]
let routes: Record<string, Reply | ((body: unknown) => Reply)>
let calls: { method: string; url: string; body: unknown }[]

beforeEach(() => {
  calls = []
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
})

const ITEM = { code: 'X1', nameZh: '注册率', nameEn: 'Registration', indicatorCode: 'PLATFORM_REGISTRATION', kind: 'RATIO', points: 20,
  rule: { type: 'LINEAR' as const, floor: 0.4, target: 0.6 }, ruleZh: '线性', ruleEn: 'linear' }
const SCHEME: SchemeVersion = { schemeId: 'XQ', version: 1, titleZh: '学区考核', titleEn: 'Xuequ', totalPoints: 20, issuedAt: '2026-12-01T00:00:00Z',
  issuedBy: 'county-admin', items: [ITEM] }
const unit = (id: string, name: string, rank: number, computed: number, adj: number, adjustments: RunUnit['adjustments'] = []): RunUnit => ({
  unitId: id, unitName: name, rank, total: computed + adj, computedTotal: computed, computedRank: rank, adjustmentPoints: adj, adjustments,
  items: [{ code: 'X1', periodIds: ['2026-2027-1'], numerator: 1, denominator: 2, value: 0.5, figureZh: '50.0 %', figureEn: '50.0 %',
    points: computed, maxPoints: 20, explanationZh: '说明', explanationEn: 'why' }],
})
const run = (units: RunUnit[]): Run => ({ runId: 7, schemeId: 'XQ', schemeVersion: 1, titleZh: '学区考核', titleEn: 'Xuequ', totalPoints: 20,
  periodId: '2026-2027', computedAt: '2026-12-01T00:00:00Z', computedBy: 'county-admin', items: [ITEM], units })
const ADJ = { adjustmentId: 3, schemeId: 'XQ', schemeVersion: 1, periodId: '2026-2027', unitId: 'B', itemCode: null, points: 15,
  reason: '成效突出', addedAt: '2026-12-02T00:00:00Z', addedBy: 'county-admin', withdrawnAt: null, withdrawnBy: null, withdrawalReason: null }

async function render() {
  const pinia = createPinia()
  const path = `/counties/${C}/assessments`
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path, component: SchemesView, props: () => ({ countyId: C }) },
    { path: '/:p(.*)*', component: { template: '<div />' } },
  ] })
  await router.push(path)
  setActivePinia(pinia)
  useSession().me = ME['county-admin']
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang: 'zh-CN' })
  await flushPromises()
  return w
}

describe('the assessment page with adjustments (加减分)', () => {
  it('adds an adjustment, refusing 0 before sending, and shows the new final total and rank', async () => {
    let current = run([unit('A', '第一学区', 1, 18, 0), unit('B', '第二学区', 2, 10, 0)])
    routes = {
      [`GET ${BASE}`]: [200, [SCHEME]],
      [`GET ${BASE}/XQ/runs`]: [200, [{ runId: 7, schemeId: 'XQ', schemeVersion: 1, periodId: '2026-2027', computedAt: '', computedBy: '', units: 2 }]],
      [`GET ${BASE}/XQ/runs/7`]: () => [200, current],
      [`POST ${BASE}/XQ/runs/7/units/B/adjustments`]: () => {
        current = run([unit('B', '第二学区', 1, 10, 15, [ADJ]), unit('A', '第一学区', 2, 18, 0)])
        return [201, ADJ]
      },
      [`GET /api/city/assessments/counties/${C}`]: [200, [{ ...run([unit(C, '本县', 3, 12, -2, [{ ...ADJ, unitId: C, points: -2, reason: '逾期' }])]) }]],
    }
    const w = await render()
    expect(w.get('[data-testid="export-pdf"]').attributes('href')).toBe(`${BASE}/XQ/runs/7/export.pdf?lang=zh-CN`)
    expect(w.find('[data-testid="no-adjustments"]').exists()).toBe(true)

    await w.get('[data-testid="adjust-unit"]').setValue('B')
    await w.get('[data-testid="adjust-points"]').setValue('0')
    await w.get('[data-testid="adjust-reason"]').setValue('成效突出')
    await w.get('[data-testid="adjust-form"]').trigger('submit')
    expect(w.get('[data-testid="adjust-problem-points"]').text()).toBe('加减分不能为 0')
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)

    await w.get('[data-testid="adjust-points"]').setValue('15')
    await w.get('[data-testid="adjust-form"]').trigger('submit')
    await flushPromises()
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ points: 15, reason: '成效突出', itemCode: null })
    const first = w.findAll('[data-testid="ranking-row"]')[0]
    expect(first.attributes('data-unit')).toBe('B')
    expect(first.get('[data-testid="rank"]').text()).toBe('1')
    expect(first.get('[data-testid="total"]').text()).toBe('25')
    expect(first.get('[data-testid="adjustment-points"]').text()).toBe('+15')
    expect(w.get('[data-testid="adjustments"]').text()).toContain('成效突出')

    // the city's assessment of this county, read-only
    const city = w.get('[data-testid="city-assessment-row"]')
    expect(city.get('[data-testid="city-rank"]').text()).toBe('3')
    expect(city.get('[data-testid="city-total"]').text()).toBe('10（20）')
    expect(city.text()).toContain('逾期')
  })

  it('withdraws an adjustment only with a reason', async () => {
    let current = run([unit('B', '第二学区', 1, 10, 15, [ADJ])])
    routes = {
      [`GET ${BASE}`]: [200, [SCHEME]],
      [`GET ${BASE}/XQ/runs`]: [200, [{ runId: 7, schemeId: 'XQ', schemeVersion: 1, periodId: '2026-2027', computedAt: '', computedBy: '', units: 1 }]],
      [`GET ${BASE}/XQ/runs/7`]: () => [200, current],
      [`POST ${BASE}/XQ/runs/7/adjustments/3/withdrawal`]: () => {
        const gone = { ...ADJ, withdrawnAt: '2026-12-03T00:00:00Z', withdrawnBy: 'county-admin', withdrawalReason: '重复' }
        current = run([unit('B', '第二学区', 1, 10, 0, [gone])])
        return [200, gone]
      },
      [`GET /api/city/assessments/counties/${C}`]: [200, []],
    }
    const w = await render()
    expect(w.find('[data-testid="city-assessment-none"]').exists()).toBe(true)
    await w.get('[data-testid="withdraw"]').trigger('click')
    await w.get('form.withdraw').trigger('submit')
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0)
    expect(w.get('form.withdraw').text()).toContain('必须填写')
    await w.get('[data-testid="withdraw-reason"]').setValue('重复')
    await w.get('form.withdraw').trigger('submit')
    await flushPromises()
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ reason: '重复' }])
    expect(w.get('[data-testid="adjustment-row"]').classes()).toContain('withdrawn')
    expect(w.get('[data-testid="adjustment-row"]').text()).toContain('已撤销')
    expect(w.findAll('[data-testid="ranking-row"]')[0].get('[data-testid="total"]').text()).toBe('10')
  })
})
