import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import axe from 'axe-core'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'
import type { Certificate, Cohort, Participant } from '@/api/training'
import CityTrainingView from './CityTrainingView.vue'
import CountyTrainingView from './CountyTrainingView.vue'

vi.setConfig({ testTimeout: 30_000 })

// The page against a stubbed fetch: every call is recorded and answered from the table below.
type Reply = [number, unknown]
let routes: Record<string, Reply>
let calls: { method: string; url: string; body: unknown }[]

beforeEach(() => {
  calls = []
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const method = (init.method ?? 'GET').toUpperCase()
    const body = init.body ? JSON.parse(String(init.body)) : undefined
    calls.push({ method, url, body })
    const [status, answer] = routes[`${method} ${url}`] ?? [404, { title: 'Not Found', status: 404, detail: url }]
    return new Response(JSON.stringify(answer), {
      status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    })
  }))
})
const writes = () => calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.url, c.body])

const CERT: Certificate = {
  number: 'JZ-2026-01', participantId: 'TP2', cohortId: 'TC1', holderName: '刘洋', schoolId: '9901130002', countyId: '990113',
  issuedOn: '2026-07-10', expiresOn: '2029-07-10', status: 'VALID', revokedOn: null, revokedReason: null, version: 1,
}
const person = (id: string, name: string, more: Partial<Participant> = {}): Participant => ({
  id, cohortId: 'TC1', cohortName: '2026年家庭教育指导师培训班', cohortKind: 'INSTRUCTOR', name, role: 'TEACHER', countyId: '990113',
  countyName: '潞州区', schoolId: '9901130001', sessionsAttended: 4, score: 86.5, result: 'PASSED', certificate: null, version: 3, ...more,
})
const COHORT: Cohort = {
  id: 'TC1', name: '2026年家庭教育指导师培训班', kind: 'INSTRUCTOR', mode: 'MIXED', startsOn: '2026-03-01', endsOn: '2026-06-30',
  organiser: '市家庭教育指导中心', sessions: 4, status: 'COMPLETED', statusReason: null, participantCount: 3, passedCount: 2,
  certificateCount: 1, version: 2, participants: null,
}
const DETAIL: Cohort = { ...COHORT, participants: [
  person('TP1', '陈静'), person('TP2', '刘洋', { certificate: CERT }), person('TP3', '王芳', { score: 52, result: 'FAILED' })] }

async function render() {
  const pinia = createPinia()
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/city/training', component: CityTrainingView }] })
  await router.push('/city/training')
  setActivePinia(pinia)
  useSession().me = ME['city-staff']
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang: 'zh-CN' })
  await flushPromises()
  return w
}

describe('培训与认证', () => {
  beforeEach(() => {
    routes = {
      'GET /api/city/training-cohorts': [200, [COHORT]],
      'GET /api/city/training-cohorts/TC1': [200, DETAIL],
      'GET /api/city/instructor-certificates': [200, [CERT, { ...CERT, number: 'JZ-2023-07', holderName: '赵敏', status: 'REVOKED',
        revokedOn: '2026-11-01', revokedReason: '离开家庭教育工作岗位' }]],
      'GET /api/city/counties': [200, [{ id: '990113', name: '潞州区' }]],
    }
  })

  it('lists the cohorts and the certificates in words, without serious a11y violations', async () => {
    const w = await render()
    expect(w.get('[data-testid="page-title"]').text()).toBe('培训与认证')
    const row = w.get('[data-testid="cohort-row"]')
    expect(row.text()).toContain('家庭教育指导师培训班')
    expect(row.text()).toContain('线上线下结合')
    expect(row.text()).toContain('学员 3 人，合格 2 人，发证 1 本')
    const revoked = w.get('[data-testid="certificate-row"][data-number="JZ-2023-07"]')
    expect(revoked.get('[data-testid="status"]').text()).toBe('已撤销')
    expect(revoked.text()).toContain('离开家庭教育工作岗位')
    expect(revoked.find('[data-testid="renew"]').exists()).toBe(false)
    const result = await axe.run(w.element as HTMLElement, { rules: { 'color-contrast': { enabled: false } } })
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  })

  it('issues a certificate only to a participant who passed and holds none; a taken number shows under the field', async () => {
    routes['POST /api/city/training-cohorts/TC1/participants/TP1/certificate'] = [422, { title: '输入有误', status: 422,
      detail: '培训与认证信息有 1 处不正确', errors: ['number: 证书编号 JZ-2026-01 已被使用'] }]
    const w = await render()
    await w.get('[data-testid="open-cohort"]').trigger('click')
    await flushPromises()
    const rows = w.findAll('[data-testid="participant-row"]')
    expect(rows.map((r) => r.find('[data-testid="issue"]').exists())).toEqual([true, false, false])
    expect(rows[1].get('[data-testid="certificate"]').text()).toBe('JZ-2026-01（有效）')
    expect(rows[2].get('[data-testid="result"]').text()).toBe('52（不合格）')
    await rows[0].get('[data-testid="issue"]').trigger('click')
    expect(w.get('[data-testid="act-dialog"]').text()).toContain('为 陈静 颁发证书')
    await w.get('[data-testid="f-number"]').setValue('JZ-2026-01')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(writes()).toEqual([['POST', '/api/city/training-cohorts/TC1/participants/TP1/certificate',
      { number: 'JZ-2026-01', issuedOn: null, expiresOn: null }]])
    expect(w.get('[data-testid="f-number-problem"]').text()).toBe('证书编号 JZ-2026-01 已被使用')
    expect(w.find('[data-testid="act-dialog"]').exists()).toBe(true)
  })

  it('after an issue, the certificate list and the participant\'s row change in one step', async () => {
    const issued: Certificate = { ...CERT, number: 'JZ-2026-02', participantId: 'TP1', holderName: '陈静' }
    routes['POST /api/city/training-cohorts/TC1/participants/TP1/certificate'] = [200, issued]
    const w = await render()
    await w.get('[data-testid="open-cohort"]').trigger('click')
    await flushPromises()
    // from here the server knows the certificate, and the cohort's detail answers last
    routes['GET /api/city/instructor-certificates'] = [200, [issued, CERT]]
    routes['GET /api/city/training-cohorts/TC1'] = [200, { ...DETAIL, participants: [person('TP1', '陈静', { certificate: issued }),
      ...DETAIL.participants!.slice(1)] }]
    let release!: () => void
    const held = new Promise<void>((r) => { release = r })
    const answer = vi.mocked(fetch).getMockImplementation()!
    vi.mocked(fetch).mockImplementation(async (url, init) => {
      if (url === '/api/city/training-cohorts/TC1') await held
      return answer(url, init)
    })
    await w.findAll('[data-testid="participant-row"]')[0].get('[data-testid="issue"]').trigger('click')
    await w.get('[data-testid="f-number"]').setValue('JZ-2026-02')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    const listed = () => w.find('[data-testid="certificate-row"][data-number="JZ-2026-02"]').exists()
    const onRow = () => w.findAll('[data-testid="participant-row"]')[0].get('[data-testid="certificate"]').text()
    expect([listed(), onRow()]).toEqual([false, '—'])
    release()
    await flushPromises()
    expect([listed(), onRow()]).toEqual([true, 'JZ-2026-02（有效）'])
  })

  it('a revocation needs a reason before anything is sent', async () => {
    routes['POST /api/city/instructor-certificates/JZ-2026-01/revocation'] = [200, { ...CERT, status: 'REVOKED' }]
    const w = await render()
    await w.get('[data-testid="certificate-row"][data-number="JZ-2026-01"] [data-testid="revoke"]').trigger('click')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(writes()).toEqual([])
    expect(w.text()).toContain('请填写理由')
    await w.get('[data-testid="f-reason"]').setValue('离开家庭教育工作岗位')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(writes()).toEqual([['POST', '/api/city/instructor-certificates/JZ-2026-01/revocation', { reason: '离开家庭教育工作岗位' }]])
    expect(w.find('[data-testid="act-dialog"]').exists()).toBe(false)
  })
})

describe('培训与持证 (county)', () => {
  it('lists the county\'s participants with their certificates, read-only', async () => {
    routes = {
      'GET /api/city/counties/990113/training-participants': [200, [person('TP1', '陈静', { certificate: CERT }), person('TP3', '王芳',
        { score: 52, result: 'FAILED' })]],
    }
    const pinia = createPinia()
    const router = createRouter({ history: createMemoryHistory(), routes: [
      { path: '/counties/:countyId/training', component: CountyTrainingView, props: true }] })
    await router.push('/counties/990113/training')
    setActivePinia(pinia)
    useSession().me = ME['county-admin']
    const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang: 'zh-CN' })
    await flushPromises()
    expect(w.get('[data-testid="page-title"]').text()).toBe('培训与持证')
    expect(w.get('[data-testid="county-summary"]').text()).toBe('共 2 人次参加市级培训，其中持有有效证书 1 人')
    const rows = w.findAll('[data-testid="county-participant-row"]')
    expect(rows[0].get('[data-testid="certificate"]').text()).toBe('JZ-2026-01（有效，有效期至 2029-07-10）')
    expect(rows[1].text()).toContain('52（不合格）')
    expect(w.find('button').exists()).toBe(false)
    expect(writes()).toEqual([])
  })

  it('another county\'s participants are not found', async () => {
    routes = {}
    const pinia = createPinia()
    const router = createRouter({ history: createMemoryHistory(), routes: [
      { path: '/counties/:countyId/training', component: CountyTrainingView, props: true }] })
    await router.push('/counties/990199/training')
    setActivePinia(pinia)
    useSession().me = ME['county-admin']
    const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang: 'zh-CN' })
    await flushPromises()
    expect(w.find('[data-testid="county-participant-row"]').exists()).toBe(false)
    expect(w.find('[data-testid="not-found"]').exists()).toBe(true)
  })
})
