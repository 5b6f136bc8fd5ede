import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import axe from 'axe-core'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'
import type { SchoolTopic, Topic } from '@/api/topics'
import CityTopicsView from './CityTopicsView.vue'
import SchoolTopicsView from './SchoolTopicsView.vue'

vi.setConfig({ testTimeout: 30_000 })

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

const SCHOOL = '9901130001'
const OPEN: SchoolTopic = { topicId: 'TP1', title: '亲子阅读习惯养成', category: '亲子阅读', problemTitle: '家庭阅读氛围不足', capacity: 3,
  status: 'OPEN', claim: null, resultSummary: null, claimVersion: null, claimChangedAt: null }

describe('课题认领 (school)', () => {
  it('claims an open topic, then completes it with a summary of the result', async () => {
    let claimed = false
    routes = {
      [`GET /api/school/schools/${SCHOOL}/research-topics`]: () => [200, [claimed ? { ...OPEN, claim: 'CLAIMED', claimVersion: 1 } : OPEN]],
      [`POST /api/school/schools/${SCHOOL}/research-topics/TP1/claim`]: () => { claimed = true; return [200, { ...OPEN, claim: 'CLAIMED' }] },
      [`POST /api/school/schools/${SCHOOL}/research-topics/TP1/claim/completion`]: [200, { ...OPEN, claim: 'COMPLETED' }],
    }
    const w = await render(SchoolTopicsView, `/schools/${SCHOOL}/topics`, { schoolId: SCHOOL }, 'school-admin')
    expect(w.get('[data-testid="claim"]').text()).toBe('未认领')
    await w.get('[data-testid="claim-topic"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="topic-row"]').attributes('data-claim')).toBe('CLAIMED')
    await w.get('[data-testid="complete-claim"]').trigger('click')
    await w.get('[data-testid="complete-dialog"]').trigger('submit')
    expect(w.get('[data-testid="complete-problem"]').text()).toBe('请填写成果摘要')
    await w.get('[data-testid="result-summary"]').setValue('形成亲子阅读指导手册一册')
    await w.get('[data-testid="complete-dialog"]').trigger('submit')
    await flushPromises()
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.url, c.body])).toEqual([
      [`/api/school/schools/${SCHOOL}/research-topics/TP1/claim`, undefined],
      [`/api/school/schools/${SCHOOL}/research-topics/TP1/claim/completion`, { resultSummary: '形成亲子阅读指导手册一册' }],
    ])
    expect(await serious(w.element)).toEqual([])
  })
})

describe('问题清单与课题库 (city)', () => {
  it('shows the claims of a topic against its capacity', async () => {
    const topic: Topic = { id: 'TP1', title: '亲子阅读习惯养成', category: '亲子阅读', problemId: null, problemTitle: null, capacity: 1,
      description: null, status: 'OPEN', version: 1, createdAt: '2026-11-01T02:00:00Z', claimed: 2, completed: 1, overCapacity: true,
      claims: [{ schoolId: 'S1', schoolName: '第一小学', countyId: '990113', status: 'COMPLETED', resultSummary: '手册一册', version: 2, changedAt: '2026-11-20T02:00:00Z' },
        { schoolId: 'S2', schoolName: '第二小学', countyId: '990113', status: 'CLAIMED', resultSummary: null, version: 1, changedAt: '2026-11-20T02:00:00Z' }] }
    routes = { 'GET /api/city/problems': [200, []], 'GET /api/city/research-topics': [200, [topic]], 'GET /api/city/surveys': [200, []] }
    const w = await render(CityTopicsView, '/city/topics', {}, 'city-staff')
    const claims = w.get('[data-testid="claims"]').text()
    expect(claims).toContain('认领 2 / 拟 1 所，已结题 1 所')
    expect(claims).toContain('超出拟认领数')
    expect(claims).toContain('第一小学：已结题（手册一册）')
    expect(await serious(w.element)).toEqual([])
  })
  it('a problem from a survey is picked by survey title and question, never typed as ids', async () => {
    const survey = { id: 'SV9', countyId: null, countyName: null, title: '家庭教育问题调研', purpose: 'PROBLEM_DISCOVERY', audience: 'PARENTS',
      questions: [{ code: 'Q1', text: '最困扰的问题', kind: 'SINGLE', options: [] }, { code: 'Q2', text: '希望的帮助', kind: 'MULTIPLE', options: [] }],
      opensOn: '2026-11-01', closesOn: '2026-12-31', status: 'OPEN', version: 2, createdAt: '2026-11-01T02:00:00Z', createdBy: 's',
      schoolsReporting: 0, ownerTier: 'CITY' }
    const draft = { ...survey, id: 'SV0', title: '草稿问卷', status: 'DRAFT' }
    routes = { 'GET /api/city/problems': [200, []], 'GET /api/city/research-topics': [200, []], 'GET /api/city/surveys': [200, [draft, survey]],
      'POST /api/city/problems': [201, {}] }
    const w = await render(CityTopicsView, '/city/topics', {}, 'city-staff')
    await w.get('[data-testid="pb-source"]').setValue('SURVEY')
    const options = w.findAll('[data-testid="pb-survey"] option').map((o) => o.text())
    expect(options.some((o) => o.includes('草稿问卷'))).toBe(false)
    await w.get('[data-testid="pb-survey"]').setValue('SV9')
    await w.get('[data-testid="pb-question"]').setValue('Q2')
    await w.get('[data-testid="pb-title"]').setValue('亲子沟通不畅')
    await w.get('[data-testid="pb-category"]').setValue('亲子关系')
    await w.get('[data-testid="problem-form"]').trigger('submit')
    await flushPromises()
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ source: 'SURVEY', surveyId: 'SV9', questionCode: 'Q2' })
    expect(await serious(w.element)).toEqual([])
  })
})
