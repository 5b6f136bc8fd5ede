import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import axe from 'axe-core'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'
import type { Results, SchoolCounts, SchoolSurvey, Survey } from '@/api/surveys'
import SurveysView from './SurveysView.vue'
import SchoolSurveysView from './SchoolSurveysView.vue'

vi.setConfig({ testTimeout: 30_000 })

// The pages against a stubbed fetch: every call is recorded and answered from the table below.
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

const Q1 = { code: 'Q1', text: '最困扰的问题', kind: 'SINGLE' as const, options: [{ code: 'A', label: '沉迷手机' }, { code: 'B', label: '学习动力不足' }, { code: 'C', label: '亲子沟通' }] }
const SURVEY: Survey = {
  id: 'SV1', countyId: null, countyName: null, title: '家庭教育问题调研', purpose: 'PROBLEM_DISCOVERY', audience: 'PARENTS',
  questions: [Q1], opensOn: '2026-11-01', closesOn: '2026-12-31', status: 'OPEN', version: 2, createdAt: '2026-11-01T02:00:00Z',
  createdBy: 'staff', schoolsReporting: 2, ownerTier: 'CITY',
}
const RESULTS: Results = {
  surveyId: 'SV1', title: '家庭教育问题调研', purpose: 'PROBLEM_DISCOVERY', audience: 'PARENTS', status: 'OPEN', countyId: null,
  schoolsReporting: 2, responses: 33, satisfaction: null,
  questions: [{ code: 'Q1', text: '最困扰的问题', kind: 'SINGLE', answered: 33, withheldSchools: 1, score: null, scoreBasis: 0,
    options: [{ code: 'A', label: '沉迷手机', count: 26, withheld: 0 }, { code: 'B', label: '学习动力不足', count: 0, withheld: 1 },
      { code: 'C', label: '亲子沟通', count: 7, withheld: 1 }] }],
  counties: [],
  schools: [
    { id: '9901130001', name: '第一小学', countyId: '990113', schools: 1, responses: 13, satisfaction: null, version: 1, publishedAt: null,
      questions: [{ code: 'Q1', text: '', kind: 'SINGLE', answered: 13, withheldSchools: 1, score: null, scoreBasis: 0,
        options: [{ code: 'A', label: '', count: 6, withheld: 0 }, { code: 'B', label: '', count: null, withheld: 1 }, { code: 'C', label: '', count: null, withheld: 1 }] }] },
    { id: '9901130002', name: '第二小学', countyId: '990113', schools: 1, responses: 20, satisfaction: null, version: 1, publishedAt: null,
      questions: [{ code: 'Q1', text: '', kind: 'SINGLE', answered: 20, withheldSchools: 0, score: null, scoreBasis: 0,
        options: [{ code: 'A', label: '', count: 20, withheld: 0 }, { code: 'B', label: '', count: 0, withheld: 0 }, { code: 'C', label: '', count: 7, withheld: 0 }] }] },
  ],
}
const SCHOOL = '9901130001'
const MINE: SchoolSurvey = {
  surveyId: 'SV1', title: '家庭教育问题调研', purpose: 'PROBLEM_DISCOVERY', audience: 'PARENTS', countyId: null, opensOn: '2026-11-01',
  closesOn: '2026-12-31', status: 'OPEN', accepting: true, questions: [Q1], responses: 0, publishedVersion: null, publishedAt: null,
  publishedResponses: null,
}
const COUNTS: SchoolCounts = {
  surveyId: 'SV1', responses: 13,
  questions: [{ code: 'Q1', text: '最困扰的问题', kind: 'SINGLE', answered: 13, answeredShown: 13,
    options: [{ code: 'A', label: '沉迷手机', count: 6, shown: 6 }, { code: 'B', label: '学习动力不足', count: 5, shown: null },
      { code: 'C', label: '亲子沟通', count: 2, shown: null }] }],
}

const Blank = { template: '<div />' }
async function render(component: object, path: string, props: Record<string, unknown>, role: keyof typeof ME) {
  const pinia = createPinia()
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: path.split('?')[0], component, props: () => props },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(path)
  setActivePinia(pinia)
  useSession().me = ME[role]
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang: 'zh-CN' })
  await flushPromises()
  return w
}
async function serious(el: Element): Promise<string[]> {
  const result = await axe.run(el as HTMLElement, { rules: { 'color-contrast': { enabled: false } } })
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
}

beforeEach(() => {
  calls = []
  stubFetch()
})

describe('问卷调查 (city)', () => {
  it('shows a withheld count as * and a total lacking a withheld part as "n + *"', async () => {
    routes = { 'GET /api/city/surveys': [200, [SURVEY]], 'GET /api/city/surveys/SV1/results': [200, RESULTS] }
    const w = await render(SurveysView, '/city/surveys', {}, 'city-staff')
    expect(w.get('[data-testid="survey-row"]').text()).toContain('进行中')
    await w.get('[data-testid="show-results"]').trigger('click')
    await flushPromises()
    const cells = (o: string) => [w.get(`[data-testid="cells-Q1-${o}"] [data-testid="total-cell"]`).text(),
      ...w.findAll(`[data-testid="cells-Q1-${o}"] [data-testid="school-cell"]`).map((c) => c.text())]
    expect(cells('A')).toEqual(['26', '6', '20'])
    expect(cells('B')).toEqual(['*', '*', '0'])
    expect(cells('C')).toEqual(['7 + *', '*', '7'])
    expect(w.text()).toContain('1 所学校隐藏了本题的部分人数')
    expect(await serious(w.element)).toEqual([])
  })
})

describe('区县问卷 (county)', () => {
  it('builds a survey through the county, steps only its own, and reads the city\'s survey over its schools', async () => {
    const C = '990113'
    const own: Survey = { ...SURVEY, id: 'SV2', title: '县级满意度调查', countyId: C, countyName: '东城区', status: 'DRAFT', ownerTier: 'COUNTY', schoolsReporting: 0 }
    routes = {
      [`GET /api/city/counties/${C}/surveys`]: [200, [own, SURVEY]],
      [`POST /api/city/counties/${C}/surveys/SV2/publication`]: [200, { ...own, status: 'OPEN' }],
      [`GET /api/city/counties/${C}/surveys/SV1/results`]: [200, RESULTS],
      [`POST /api/city/counties/${C}/surveys`]: [201, own],
    }
    const w = await render(SurveysView, `/counties/${C}/surveys`, { countyId: C }, 'county-admin')
    expect(w.get('[data-testid="page-title"]').text()).toBe('区县问卷')
    const rows = w.findAll('[data-testid="survey-row"]')
    expect(rows[0].get('[data-testid="owner"]').text()).toContain('东城区')
    expect(rows[1].get('[data-testid="owner"]').text()).toContain('市级')
    expect(rows[1].find('[data-testid="close"]').exists()).toBe(false)
    await rows[0].get('[data-testid="publish"]').trigger('click')
    await flushPromises()
    expect(calls.some((c) => c.method === 'POST' && c.url === `/api/city/counties/${C}/surveys/SV2/publication`)).toBe(true)
    await w.get('[data-testid="survey-row"][data-id="SV1"] [data-testid="show-results"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="cells-Q1-A"] [data-testid="total-cell"]').text()).toBe('26')
    await w.get('[data-testid="sv-title"]').setValue('县级问卷')
    await w.get('[data-testid="sv-q-text-0"]').setValue('题一')
    await w.get('[data-testid="sv-q-options-0"]').setValue('甲\n乙')
    await w.get('[data-testid="new-survey"]').trigger('submit')
    await flushPromises()
    const post = calls.find((c) => c.method === 'POST' && c.url === `/api/city/counties/${C}/surveys`)
    expect(post?.body).toMatchObject({ title: '县级问卷', questions: [{ text: '题一', kind: 'SINGLE', options: ['甲', '乙'] }] })
    expect(await serious(w.element)).toEqual([])
  })
})

describe('问卷录入 (school)', () => {
  it('enters identical paper questionnaires as one batch without any identity, and shows what is sent', async () => {
    routes = {
      [`GET /api/school/schools/${SCHOOL}/surveys`]: [200, [MINE]],
      [`GET /api/school/schools/${SCHOOL}/surveys/SV1/results`]: [200, COUNTS],
      [`POST /api/school/schools/${SCHOOL}/surveys/SV1/responses`]: [201, { ...MINE, responses: 3 }],
    }
    const w = await render(SchoolSurveysView, `/schools/${SCHOOL}/surveys`, { schoolId: SCHOOL }, 'school-admin')
    await w.get('[data-testid="open-survey"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="count-Q1-A"] [data-testid="shown"]').text()).toBe('6')
    expect(w.get('[data-testid="count-Q1-B"] [data-testid="shown"]').text()).toBe('*')
    expect(w.get('[data-testid="count-Q1-C"] [data-testid="shown"]').text()).toBe('*')
    await w.get('[data-testid="answer-Q1-C"]').setValue(true)
    await w.get('[data-testid="entry-copies"]').setValue('3')
    await w.get('[data-testid="entry-form"]').trigger('submit')
    await flushPromises()
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({ responses: [1, 2, 3].map(() => ({ grade: null, answers: { Q1: ['C'] } })) })
    expect(JSON.stringify(post.body)).not.toMatch(/name|student|parent|class/i)
    expect(await serious(w.element)).toEqual([])
  })
})
