import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'
import { byStatus, panelConflict, type ApplicationSummary, type Assessor, type Programme } from '@/api/countyDemo'

// ECharts needs a canvas jsdom lacks: the chart is a labelled box with its option exposed
vi.mock('@/components/charts/EChart.vue', async () => {
  const { defineComponent, h: hh } = await import('vue')
  return { default: defineComponent({
    props: { option: { type: Object, required: true }, label: { type: String, required: true }, height: Number },
    setup: (p) => () => hh('div', { role: 'img', 'aria-label': p.label, 'data-option': JSON.stringify(p.option) }),
  }) }
})

import DemoBoardView from './DemoBoardView.vue'
import DemoApplicationView from './DemoApplicationView.vue'
import DemoProgrammeView from './DemoProgrammeView.vue'

// The pages against a stubbed fetch: every call is recorded (method, URL, body) and answered from
// the table below, so the tests check the URLs and bodies the API gets, not a mocked client.
const C = '990113'
const BASE = `/api/district/counties/${C}`
const DEMO = `${BASE}/demonstration`
const APP = '5c1d2e3f-0000-4000-8000-000000000006'

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

const PROGRAMME: Programme = {
  id: 'DEMO-2024', countyId: C, name: '2024—2027 年示范校创建', target: 8, startsOn: '2024-02-01', endsOn: '2027-01-31',
  applicationOpensOn: '2024-02-01', applicationDeadline: '2024-03-31', creationMonths: 12, titleValidityYears: 3, consensusMargin: 3,
  standardId: 'STD', standardVersion: 2, version: 4, quotas: [{ xuequId: null, quota: 2 }, { xuequId: 'XQ01', quota: 6 }],
  quotaTotal: 8, quotasMatchTarget: true,
}
const XUEQU = [{ id: 'XQ01', countyId: C, name: '湖东学区', version: 1 }, { id: 'XQ02', countyId: C, name: '湖西学区', version: 1 }]
const SCHOOLS = [
  { id: '9901130001', countyId: C, xuequId: 'XQ01', name: '湖畔小学', schoolType: 'PRIMARY', version: 1 },
  { id: '9901130002', countyId: C, xuequId: 'XQ01', name: '西湖第二中学', schoolType: 'PRIMARY', version: 1 },
  { id: '9901130003', countyId: C, xuequId: 'XQ02', name: '柳浪幼儿园', schoolType: 'PRIMARY', version: 1 },
  { id: '9901130009', countyId: C, xuequId: null, name: '区直属实验小学', schoolType: 'PRIMARY', version: 1 },
]
const summary = (id: string, schoolId: string, status: ApplicationSummary['status']): ApplicationSummary => ({
  id, programmeId: 'DEMO-2024', schoolId, xuequId: SCHOOLS.find((s) => s.id === schoolId)!.xuequId, status, version: 2,
  appliedAt: '2024-03-01T02:00:00Z', creationEndsOn: null, round: status === 'APPLIED' ? 0 : 1, finalScore: null,
})
const PANEL: Assessor[] = [
  { countyId: C, username: 'expert-wang', name: '王立', homeSchoolId: null, formerSchoolIds: [], active: true, version: 1 },
  { countyId: C, username: 'expert-zhao', name: '赵敏', homeSchoolId: '9901130001', formerSchoolIds: ['9901130002'], active: true, version: 1 },
  { countyId: C, username: 'expert-li', name: '李华', homeSchoolId: null, formerSchoolIds: [], active: true, version: 1 },
]
const sheet = (status: string, assessors: { assessor: string; status: string }[], criteria: unknown[] = []) => ({
  applicationId: APP, status, round: 1, passMark: 80, fullMark: 100, consensusMargin: 3,
  assessors: assessors.map((a) => ({ ...a, submittedAt: null })), criteria,
  totals: assessors.filter((a) => a.status === 'CLEARED').map((a) => ({ assessor: a.assessor, total: null })),
  finalScore: null, passed: null, missing: [],
})
const detail = (schoolId: string, status: string) => ({
  ...summary(APP, schoolId, status as ApplicationSummary['status']), countyId: C, schoolName: SCHOOLS.find((s) => s.id === schoolId)!.name,
  plan: null, baseline: [], selfEvaluation: { round: 1, submittedAt: '2026-11-10T02:00:00Z', selfTotal: 88 },
})

function common() {
  routes = {
    [`GET ${DEMO}/programmes`]: [200, [PROGRAMME]],
    [`GET ${BASE}/xuequ`]: [200, XUEQU],
    [`GET ${BASE}/schools`]: [200, SCHOOLS],
    [`GET ${DEMO}/assessors`]: [200, PANEL],
    [`GET ${DEMO}/applications/${APP}/history`]: [200, []],
  }
  calls = []
  stubFetch()
}

const Blank = { template: '<div />' }
async function render(component: object, path: string, props: Record<string, unknown>, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia()
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: path.split('?')[0], component, props: () => props },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(path)
  setActivePinia(pinia)
  useSession().me = ME['county-admin']
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang })
  await flushPromises()
  return w
}

describe('the applications board', () => {
  beforeEach(common)

  it('groups the applications by status, each column with its count, in the order they move', async () => {
    routes[`GET ${DEMO}/applications?programmeId=DEMO-2024`] = [200, [
      summary('a1', '9901130001', 'APPLIED'), summary('a2', '9901130002', 'ASSESSING'), summary('a3', '9901130003', 'APPLIED'),
      summary('a4', '9901130009', 'REVOKED'),
    ]]
    const w = await render(DemoBoardView, `/counties/${C}/demonstration/applications`, { countyId: C })
    const cols = w.findAll('[data-testid="board-column"]')
    // the working columns always, a closed one (REVOKED) because it holds one; DECLINED is empty and left out
    expect(cols.map((c) => c.attributes('data-status'))).toEqual(['APPLIED', 'CREATING', 'SELF_EVALUATED', 'ASSESSING', 'DEFERRED', 'TITLED', 'REVOKED'])
    expect(cols.map((c) => c.attributes('data-count'))).toEqual(['2', '0', '0', '1', '0', '0', '1'])
    const applied = cols[0]
    expect(applied.get('h2').text()).toContain('已申报')
    expect(applied.findAll('[data-testid="board-card"]').map((c) => c.get('.board-school').text())).toEqual(['湖畔小学', '柳浪幼儿园'])
    expect(applied.text()).toContain('湖东学区')
    expect(cols[6].text()).toContain('区直属实验小学')
    expect(cols[6].text()).toContain('直属学校')
    expect(cols[3].get('[data-testid="assess"]').attributes('href')).toBe(`/counties/${C}/demonstration/applications/a2`)
  })

  it('declining asks for a reason and keeps the API\'s field error in the dialog', async () => {
    routes[`GET ${DEMO}/applications?programmeId=DEMO-2024`] = [200, [summary('a1', '9901130001', 'APPLIED')]]
    routes[`POST ${DEMO}/applications/a1/decline`] = (body) => (body as { reason: string }).reason
      ? [200, { id: 'a1', status: 'DECLINED' }]
      : [400, { title: '请求无效', status: 400, detail: '请求内容有误', errors: ['reason: 不能为空'] }]
    const w = await render(DemoBoardView, `/counties/${C}/demonstration/applications`, { countyId: C })
    await w.get('[data-testid="decline"]').trigger('click')
    expect(w.get('[data-testid="decline-dialog"]').text()).toContain('不予受理：湖畔小学')
    await w.get('[data-testid="decline-dialog"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="decline-problem"]').text()).toContain('reason: 不能为空')
    await w.get('[data-testid="decline-reason"]').setValue('办学条件暂不具备')
    await w.get('[data-testid="decline-dialog"]').trigger('submit')
    await flushPromises()
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.url, c.body])).toEqual([
      [`${DEMO}/applications/a1/decline`, { reason: '' }],
      [`${DEMO}/applications/a1/decline`, { reason: '办学条件暂不具备' }],
    ])
    expect(w.find('[data-testid="decline-dialog"]').exists()).toBe(false)
  })

  it('byStatus keeps every status, in the board order', () => {
    const groups = byStatus([summary('x', '9901130001', 'TITLED'), summary('y', '9901130002', 'APPLIED')])
    expect(groups[0]).toEqual({ status: 'APPLIED', rows: [expect.objectContaining({ id: 'y' })] })
    expect(groups.find((g) => g.status === 'TITLED')!.rows).toHaveLength(1)
    expect(groups).toHaveLength(12)
  })
})

describe('assigning an assessor', () => {
  beforeEach(() => {
    common()
    routes[`GET ${DEMO}/applications/${APP}`] = [200, detail('9901130001', 'SELF_EVALUATED')]
    routes[`GET ${DEMO}/applications/${APP}/scoresheet`] = [200, sheet('SELF_EVALUATED', [{ assessor: 'expert-wang', status: 'CLEARED' }])]
  })

  it('warns from the panel before saving, and shows the API\'s conflict in the dialog, which stays open', async () => {
    routes[`POST ${DEMO}/applications/${APP}/assignments`] = (body) => (body as { assessor: string }).assessor === 'expert-li'
      ? [409, { title: '利益冲突', status: 409, conflict: 'RECENT_VISIT', detail: 'expert-li 在 24 个月内评审过学校 9901130001，须回避' }]
      : [201, { assessor: 'expert-zhao' }]
    routes[`GET ${DEMO}/applications/${APP}/history`] = [200, [
      { seq: 1, at: '2024-03-01T02:00:00Z', actor: 'school-service', action: 'RECEIVE', from: null, to: 'APPLIED', detail: {} },
      { seq: 2, at: '2024-04-02T02:00:00Z', actor: 'admin-990113', action: 'ACCEPT', from: 'APPLIED', to: 'CREATING', detail: {} },
      { seq: 3, at: '2024-04-03T02:00:00Z', actor: 'admin-990113', action: 'SOMETHING_NEW', from: null, to: null, detail: {} },
    ]]
    const w = await render(DemoApplicationView, `/counties/${C}/demonstration/applications/${APP}`, { countyId: C, applicationId: APP })
    expect(w.get('[data-testid="page-title"]').text()).toBe('湖畔小学')
    // the trail in words, an unknown act as its code
    expect(w.findAll('[data-testid="history"] td[data-action]').map((td) => td.text())).toEqual(['收到申报', '受理', 'SOMETHING_NEW'])
    expect(w.get('[data-testid="history"]').text()).toContain('已申报 → 创建中')
    await w.get('[data-testid="assign-open"]').trigger('click')
    const options = w.findAll('[data-testid="assign-assessor"] option').map((o) => o.attributes('value'))
    expect(options).toEqual(['', 'expert-zhao', 'expert-li']) // expert-wang is on the round already

    // the panel says expert-zhao works at the school: warned before anything is sent
    await w.get('[data-testid="assign-assessor"]').setValue('expert-zhao')
    expect(w.get('[data-testid="assign-warning"]').text()).toContain('该专家在本校任职')

    // the API refuses expert-li (a conflict the panel cannot show): its words stay in the open dialog
    await w.get('[data-testid="assign-assessor"]').setValue('expert-li')
    expect(w.find('[data-testid="assign-warning"]').exists()).toBe(false)
    await w.get('[data-testid="assign-dialog"]').trigger('submit')
    await flushPromises()
    expect(calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', url: `${DEMO}/applications/${APP}/assignments`, body: { assessor: 'expert-li' } })
    expect(w.get('[data-testid="assign-problem"]').text()).toContain('expert-li 在 24 个月内评审过学校 9901130001，须回避')
    expect(w.find('[data-testid="assign-dialog"]').exists()).toBe(true)
  })

  it('panelConflict reads the home and former schools', () => {
    expect(panelConflict(PANEL[1], '9901130001')).toBe('OWN_SCHOOL')
    expect(panelConflict(PANEL[1], '9901130002')).toBe('FORMER_EMPLOYMENT')
    expect(panelConflict(PANEL[0], '9901130001')).toBeNull()
  })
})

describe('the consensus', () => {
  beforeEach(() => {
    common()
    routes[`GET ${DEMO}/applications/${APP}`] = [200, detail('9901130003', 'ASSESSING')]
    const line = (code: string, a: number, b: number, needs: boolean) => ({
      criterionCode: code, nameZh: `要点${code}`, nameEn: `Criterion ${code}`, maxPoints: 25, spread: Math.abs(a - b), needsConsensus: needs, consensus: null,
      result: needs ? null : (a + b) / 2,
      scores: [{ assessor: 'expert-wang', points: a, comment: '好' }, { assessor: 'expert-li', points: b, comment: '一般' }],
    })
    routes[`GET ${DEMO}/applications/${APP}/scoresheet`] = [200, sheet('ASSESSING',
      [{ assessor: 'expert-wang', status: 'CLEARED' }, { assessor: 'expert-li', status: 'CLEARED' }],
      [line('A1.1', 9, 10, false), line('A2.2', 16, 23, true)])]
  })

  it('shows each assessor\'s points and the spread, and PUTs the consensus of the criterion that needs one', async () => {
    routes[`PUT ${DEMO}/applications/${APP}/consensus/A2.2`] = [201, {}]
    const w = await render(DemoApplicationView, `/counties/${C}/demonstration/applications/${APP}`, { countyId: C, applicationId: APP }, 'en')
    const row = w.get('[data-testid="line-A2.2"]')
    expect(row.attributes('data-needs-consensus')).toBe('true')
    expect(row.text()).toContain('16')
    expect(row.text()).toContain('23')
    expect(w.get('[data-testid="spread-A2.2"]').text()).toContain('7')
    expect(w.get('[data-testid="spread-A2.2"]').text()).toContain('Needs consensus')
    expect(w.find('[data-testid="consensus-form-A1.1"]').exists()).toBe(false)
    expect(w.get('[data-testid="consensus"] thead').text()).toContain('王立 (expert-wang)')

    await w.get('[data-testid="consensus-points-A2.2"]').setValue('20')
    await w.get('[data-testid="consensus-note-A2.2"]').setValue('现场核查家访记录后合议')
    await w.get('[data-testid="consensus-form-A2.2"]').trigger('submit')
    await flushPromises()
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([
      { method: 'PUT', url: `${DEMO}/applications/${APP}/consensus/A2.2`, body: { points: 20, note: '现场核查家访记录后合议' } },
    ])
    // the sheet is read again after saving
    expect(calls.filter((c) => c.url.endsWith('/scoresheet')).length).toBe(2)
  })

  it('names each criterion in the page\'s language (the standard\'s English name in English)', async () => {
    const en = await render(DemoApplicationView, `/counties/${C}/demonstration/applications/${APP}`, { countyId: C, applicationId: APP }, 'en')
    expect(en.get('[data-testid="criterion-name-A2.2"]').text()).toBe('A2.2 Criterion A2.2')
    expect(en.get('[data-testid="consensus"]').text()).not.toContain('要点')
    en.unmount()
    const zh = await render(DemoApplicationView, `/counties/${C}/demonstration/applications/${APP}`, { countyId: C, applicationId: APP })
    expect(zh.get('[data-testid="criterion-name-A2.2"]').text()).toBe('A2.2 要点A2.2')
  })

  it('links the two PDFs in the page\'s language', async () => {
    const w = await render(DemoApplicationView, `/counties/${C}/demonstration/applications/${APP}`, { countyId: C, applicationId: APP }, 'en')
    expect(w.get('[data-testid="pdf-scoresheet"]').attributes('href')).toBe(`${DEMO}/applications/${APP}/scoresheet.pdf?lang=en`)
    expect(w.get('[data-testid="pdf-application-form"]').attributes('href')).toBe(`${DEMO}/applications/${APP}/application-form.pdf?lang=en`)
  })
})

describe('the programme set-up', () => {
  beforeEach(() => {
    common()
    routes[`GET ${DEMO}/standards`] = [200, [{ standardId: 'STD', version: 2, titleZh: '标准' }]]
    routes[`GET ${DEMO}/programmes/DEMO-2024/arrangement`] = [200, { programmeId: 'DEMO-2024', programmeVersion: 4, xuequ: [] }]
    routes[`GET ${DEMO}/programmes/DEMO-2024/progress`] = [200, {
      programmeId: 'DEMO-2024', name: 'x', target: 8, asOf: '2026-12-04', titlesHeld: 1, revoked: 0, expired: 0,
      byXuequ: [{ xuequKey: 'XQ01', xuequId: 'XQ01', xuequName: '湖东学区', quota: 6, held: 1, applied: 2, creating: 0, inAssessment: 1,
        revoked: 0, expired: 0, quotaMet: false }],
    }]
  })

  it('edits the quotas per 学区 in the table and PUTs the whole breakdown', async () => {
    routes[`PUT ${DEMO}/programmes/DEMO-2024/quotas`] = [200, PROGRAMME]
    const w = await render(DemoProgrammeView, `/counties/${C}/demonstration`, { countyId: C })
    expect(w.get('[data-testid="quota-sum"]').text()).toContain('名额合计 8 / 目标 8')
    const xq02 = w.get('[data-testid="quota-XQ02"] input')
    await xq02.setValue('1')
    await xq02.trigger('change')
    await w.get('[data-testid="quota-XQ01"] input').setValue('5')
    await w.get('[data-testid="quota-XQ01"] input').trigger('change')
    await flushPromises()
    expect(w.get('[data-testid="quota-sum"]').text()).toContain('名额合计 8 / 目标 8')
    await w.get('[data-testid="quota-save"]').trigger('click')
    await flushPromises()
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([{
      method: 'PUT', url: `${DEMO}/programmes/DEMO-2024/quotas`,
      body: { quotas: [{ xuequId: null, quota: 2 }, { xuequId: 'XQ01', quota: 5 }, { xuequId: 'XQ02', quota: 1 }] },
    }])
  })

  it('shows the progress per 学区 as a chart with its table one click away', async () => {
    const w = await render(DemoProgrammeView, `/counties/${C}/demonstration`, { countyId: C })
    const chart = w.get('[data-testid="progress-chart"] [role="img"]')
    expect(chart.attributes('aria-label')).toContain('名额')
    const option = JSON.parse(chart.attributes('data-option')!)
    expect(option.xAxis.data).toEqual(['湖东学区'])
    expect(option.series.map((x: { name: string; data: unknown[] }) => [x.name, x.data])).toEqual([
      ['名额', [6]], ['已授牌', [{ value: 1, itemStyle: { color: '#c62828' } }]],
    ])
    expect(w.get('[data-testid="progress-table"]').isVisible()).toBe(false)
    await w.get('[data-testid="progress-table-toggle"]').trigger('click')
    const row = w.get('[data-testid="progress-XQ01"]')
    expect(row.text()).toContain('湖东学区')
    expect(row.text()).toContain('✗ 未完成')
  })
})
