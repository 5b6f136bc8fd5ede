import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import axe from 'axe-core'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME, indicator } from '@/test/fixtures'
import { menuFor } from '@/roles'
import type { CityOverview, CountyOverview, LateSubmission, PeriodState } from '@/api/approvals'
import SchoolSignOffsView from './SchoolSignOffsView.vue'
import CountyApprovalsView from './CountyApprovalsView.vue'
import CityApprovalsView from './CityApprovalsView.vue'

// The pages against a stubbed fetch: every call is recorded (method, URL, body) and answered from
// the table below, so the tests check the URLs and bodies the API gets.
const S = '9901130001'
const C = '990113'
const P = '2026-2027-1'
const SCHOOL = `/api/school/schools/${S}`
const COUNTY = `/api/district/counties/${C}/approvals/${P}`
const CITY = `/api/city/approvals/${P}`

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
const posts = () => calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.url, c.body])

const Blank = { template: '<div />' }
let router: ReturnType<typeof createRouter>
async function serious(el: Element): Promise<string[]> {
  const result = await axe.run(el as HTMLElement, { rules: { 'color-contrast': { enabled: false } } })
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
}
async function render(component: object, path: string, props: Record<string, unknown>, role: keyof typeof ME, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia()
  router = createRouter({ history: createMemoryHistory(), routes: [
    { path: path.split('?')[0], component, props: () => props },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(path)
  setActivePinia(pinia)
  useSession().me = ME[role]
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang })
  await flushPromises()
  return w
}

const ind = (code: string, kind: 'RATIO' | 'COUNT' | 'PER_CAPITA', periodType: 'SEMESTER' | 'SCHOOL_YEAR', target: number | null, nameZh: string) =>
  indicator(code, kind, target, { periodType, nameZh, nameEn: `${code} (en)` })
const SCORECARD = {
  periodId: P, school: { id: S, level: 'SCHOOL', name: '湖畔小学' },
  indicators: [
    { indicator: ind('PLATFORM_REGISTRATION', 'RATIO', 'SEMESTER', 0.6, '家长学校平台注册率'), periodId: P, missing: false,
      cell: { applies: true, suppressed: false, numerator: 312, denominator: 480, value: 0.65, target: 0.6, met: true } },
    { indicator: ind('PARENT_LEARNING_PER_CAPITA', 'PER_CAPITA', 'SCHOOL_YEAR', 4, '家长人均学习次数'), periodId: '2026-2027', missing: false,
      cell: { applies: true, suppressed: false, numerator: 1920, denominator: 480, value: 4, target: 4, met: true } },
  ],
}
const period = (periodId: string, state: PeriodState['state'], more: Partial<PeriodState> = {}): PeriodState => ({
  periodId, periodType: /^\d{4}-\d{4}$/.test(periodId) ? 'SCHOOL_YEAR' : 'SEMESTER', state,
  locked: state === 'SIGNED_OFF' || state === 'APPROVED', signOffVersion: state === 'NOT_SIGNED_OFF' ? 0 : 1, comment: null,
  updatedAt: '2026-11-20T02:00:00Z', ...more,
})
const LATE: LateSubmission[] = [
  { id: 41, family: 'home-contacts', method: 'POST', periodId: '2025-2026-1', signOffVersion: 1, items: 3, receivedAt: '2026-02-03T01:20:00Z', status: 'KEPT', settledAt: null },
]

describe('上报与审核 (school)', () => {
  beforeEach(() => {
    calls = []
    routes = {
      [`GET ${SCHOOL}/sign-offs`]: [200, [
        period(P, 'NOT_SIGNED_OFF'), period('2025-2026-2', 'RETURNED', { comment: '授课次数与签到表不符' }),
        period('2025-2026-1', 'APPROVED'), period('2026-2027', 'REOPENED', { signOffVersion: 2, comment: '补录家长学习记录' }),
      ]],
      [`GET ${SCHOOL}/late-submissions`]: [200, LATE],
      [`GET /api/reports/periods/${P}/schools/${S}/scorecard`]: [200, SCORECARD],
    }
    stubFetch()
  })

  it('shows each period\'s state in words, the county\'s comment, the lock with text, and sign-off only where it is allowed', async () => {
    const w = await render(SchoolSignOffsView, `/schools/${S}/sign-offs?period=${P}`, { schoolId: S }, 'school-admin')
    const rows = w.findAll('[data-testid="period-row"]')
    expect(rows.map((r) => r.attributes('data-period'))).toEqual([P, '2026-2027', '2025-2026-2', '2025-2026-1'])
    expect(rows.map((r) => r.get('[data-testid="state"]').text())).toEqual(['未上报', '区县已重新开放', '区县已退回', '区县已审核通过'])
    expect(rows[0].text()).toContain('2026-2027学年第1学期')
    expect(rows[1].text()).toContain('2026-2027学年')
    expect(rows[2].get('[data-testid="county-comment"]').text()).toBe('区县意见：授课次数与签到表不符')
    expect(rows[3].get('[data-testid="locked"]').text()).toContain('已锁定')
    expect(rows.map((r) => r.find('[data-testid="sign-off"]').exists())).toEqual([true, true, true, false])
    expect(rows[2].get('[data-testid="sign-off"]').text()).toBe('重新上报')
  })

  it('school staff see the states but no sign-off button', async () => {
    const w = await render(SchoolSignOffsView, `/schools/${S}/sign-offs?period=${P}`, { schoolId: S }, 'school-staff')
    expect(w.findAll('[data-testid="period-row"]')).toHaveLength(4)
    expect(w.find('[data-testid="sign-off"]').exists()).toBe(false)
    expect(w.get('[data-testid="admin-only"]').text()).toContain('学校管理员')
  })

  it('the sign-off dialog lists the period\'s own figures, warns of the lock, posts, and keeps a refusal in the dialog', async () => {
    let n = 0
    routes[`POST ${SCHOOL}/sign-offs/2026-2027`] = () => (n++ === 0
      ? [409, { title: '冲突', status: 409, detail: '期间 2026-2027 已完成上报（第 2 版），区县退回或重新开放前不能再次上报。' }]
      : [201, { periodId: '2026-2027', state: 'SIGNED_OFF', locked: true, signOffVersion: 3, signedOffAt: '2026-12-04T02:00:00Z',
        signedOffBy: 'admin-9901130001', comment: null, figures: [{ indicatorCode: 'PARENT_LEARNING_PER_CAPITA', numerator: 1920, denominator: 480, snapshotVersion: 4 }],
        trail: [{ at: '2026-12-04T02:00:00Z', action: 'SIGNED_OFF', signOffVersion: 3, reviewVersion: null, by: 'admin-9901130001', comment: null, applied: true }],
        deadline: '2027-07-10T16:00:00Z' }])
    const w = await render(SchoolSignOffsView, `/schools/${S}/sign-offs?period=${P}`, { schoolId: S }, 'school-admin')
    await w.findAll('[data-testid="period-row"]')[1].get('[data-testid="sign-off"]').trigger('click')
    await flushPromises()
    const dialog = w.get('[data-testid="sign-off-dialog"]')
    expect(dialog.text()).toContain('完成上报：2026-2027学年')
    // the school year's first semester names its indicators; only the school-year one belongs to the period
    expect(calls.some((c) => c.url === `/api/reports/periods/2026-2027-1/schools/${S}/scorecard`)).toBe(true)
    expect(dialog.findAll('[data-testid="preview"] tbody tr').map((r) => r.text())).toEqual(['家长人均学习次数4.0 次/人'])
    expect(dialog.get('[data-testid="lock-warning"]').text()).toContain('锁定')
    await dialog.trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="sign-off-problem"]').text()).toContain('已完成上报（第 2 版）')
    await w.get('[data-testid="sign-off-dialog"]').trigger('submit')
    await flushPromises()
    expect(posts()).toEqual([['POST', `${SCHOOL}/sign-offs/2026-2027`, undefined], ['POST', `${SCHOOL}/sign-offs/2026-2027`, undefined]])
    expect(w.find('[data-testid="sign-off-dialog"]').exists()).toBe(false)
    // then the stored version: its figures and the trail in words
    expect(w.get('[data-testid="detail-figures"]').text()).toContain('家长人均学习次数')
    expect(w.get('[data-testid="trail"]').text()).toContain('学校完成上报（第 3 版）')
    // the county's deadline as it reached the school, in local time
    expect(w.get('[data-testid="deadline"]').text()).toContain('区县上报截止时间')
    expect(w.get('[data-testid="deadline"]').text()).toContain('2027')
  })

  it('late data: 重新提交 shows the outcome, 删除 asks first and deletes', async () => {
    routes[`POST ${SCHOOL}/late-submissions/41/application`] = [409, { title: '冲突', status: 409, detail: '期间 2025-2026-1 仍处于锁定。' }]
    routes[`DELETE ${SCHOOL}/late-submissions/41`] = [204, null]
    const w = await render(SchoolSignOffsView, `/schools/${S}/sign-offs?period=${P}`, { schoolId: S }, 'school-staff')
    const row = w.get('[data-testid="late-row"]')
    expect(row.text()).toContain('家校联系与家访')
    expect(row.text()).toContain('新增')
    expect(row.text()).toContain('待处理')
    await row.get('[data-testid="late-apply"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="late-outcome"]').text()).toContain('仍处于锁定')
    await w.get('[data-testid="late-discard"]').trigger('click')
    expect(w.get('[data-testid="discard-dialog"]').text()).toContain('无法恢复')
    expect(posts()).toHaveLength(1)
    routes[`GET ${SCHOOL}/late-submissions`] = [200, [{ ...LATE[0], status: 'DISCARDED', settledAt: '2026-12-04T02:00:00Z' }]]
    await w.get('[data-testid="discard-dialog"]').trigger('submit')
    await flushPromises()
    expect(posts()).toEqual([['POST', `${SCHOOL}/late-submissions/41/application`, undefined], ['DELETE', `${SCHOOL}/late-submissions/41`, undefined]])
    expect(w.get('[data-testid="late-row"]').text()).toContain('已删除')
    expect(w.find('[data-testid="late-apply"]').exists()).toBe(false)
  })

  it('speaks English', async () => {
    const w = await render(SchoolSignOffsView, `/schools/${S}/sign-offs?period=${P}`, { schoolId: S }, 'school-admin', 'en')
    expect(w.findAll('[data-testid="state"]').map((s) => s.text())).toEqual(['Not signed off', 'Reopened by the county', 'Returned by the county', 'Approved by the county'])
    expect(w.get('[data-testid="page-title"]').text()).toBe('Sign-off and review')
  })
})

const line = (schoolId: string, schoolName: string, state: CountyOverview['schools'][number]['state'], v: number | null) => ({
  schoolId, schoolName, state, signOffVersion: v, signedOffAt: v ? '2026-12-01T08:00:00Z' : null, reviewedAt: null, reviewedBy: null, comment: null, version: 1,
})
function overview(more: Partial<CountyOverview> = {}): CountyOverview {
  return {
    countyId: C, periodId: P, schoolsExpected: 3, notSignedOff: 1, awaitingReview: 1, approved: 1, returned: 0, reopened: 0, maySubmit: false,
    submission: null, cityDecision: null,
    schools: [line('9901130001', '湖畔小学', 'NOT_SIGNED_OFF', null), line('9901130002', '西湖第二中学', 'SIGNED_OFF', 2), line('9901130003', '柳浪幼儿园', 'APPROVED', 1)],
    trail: [], ...more,
  }
}

describe('上报审核 (county)', () => {
  beforeEach(() => {
    calls = []
    routes = {
      [`GET ${COUNTY}`]: [200, overview()],
      [`GET /api/reports/periods/${P}/counties/${C}/scorecard`]: [200, { periodId: P, countyId: C, indicators: [], schools: [] }],
    }
    stubFetch()
  })

  it('shows the counts, each school\'s state in words, actions by state for the county admin, and why it cannot submit', async () => {
    const w = await render(CountyApprovalsView, `/counties/${C}/approvals?period=${P}`, { countyId: C }, 'county-admin')
    expect(w.get('[data-count="awaitingReview"]').text()).toBe('1待审核')
    const rows = w.findAll('[data-testid="school-row"]')
    expect(rows.map((r) => r.get('[data-testid="state"]').text())).toEqual(['未上报', '待审核', '已通过'])
    expect(rows.map((r) => [r.find('[data-testid="approve"]').exists(), r.find('[data-testid="return"]').exists(), r.find('[data-testid="reopen"]').exists()]))
      .toEqual([[false, false, false], [true, true, false], [false, false, true]])
    expect(w.get('[data-testid="submit"]').attributes('disabled')).toBeDefined()
    expect(w.get('[data-testid="not-approved"]').text()).toContain('湖畔小学：未上报')
    expect(w.get('[data-testid="not-approved"]').text()).toContain('西湖第二中学：待审核')
  })

  it('city staff reading a county see no review buttons', async () => {
    const w = await render(CountyApprovalsView, `/counties/${C}/approvals?period=${P}`, { countyId: C }, 'city-staff')
    expect(w.findAll('[data-testid="school-row"]')).toHaveLength(3)
    expect(w.find('[data-testid="approve"]').exists()).toBe(false)
    expect(w.find('[data-testid="reopen"]').exists()).toBe(false)
    expect(w.find('[data-testid="submit"]').exists()).toBe(false)
  })

  it('退回 requires a comment before asking the API, then sends the version seen and the comment', async () => {
    routes[`POST ${COUNTY}/schools/9901130002/return`] = [200, {}]
    const w = await render(CountyApprovalsView, `/counties/${C}/approvals?period=${P}`, { countyId: C }, 'county-admin')
    await w.get('[data-testid="return"]').trigger('click')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="act-text-problem"]').text()).toBe('请填写退回意见。')
    expect(posts()).toEqual([])
    await w.get('[data-testid="act-text"]').setValue('  请补录特殊学生关爱建档。 ')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(posts()).toEqual([['POST', `${COUNTY}/schools/9901130002/return`, { signOffVersion: 2, comment: '请补录特殊学生关爱建档。' }]])
    expect(w.find('[data-testid="act-dialog"]').exists()).toBe(false)
  })

  it('a 409 on 审核通过 stays in the dialog with the current state, and the table is reloaded', async () => {
    routes[`POST ${COUNTY}/schools/9901130002/approval`] = [409, {
      title: '冲突', status: 409, detail: '第 2 版已不是西湖第二中学最新的上报（现为第 3 版）。', currentState: 'SIGNED_OFF', currentSignOffVersion: 3 }]
    const w = await render(CountyApprovalsView, `/counties/${C}/approvals?period=${P}`, { countyId: C }, 'county-admin')
    routes[`GET ${COUNTY}`] = [200, overview({ schools: [line('9901130001', '湖畔小学', 'NOT_SIGNED_OFF', null), line('9901130002', '西湖第二中学', 'SIGNED_OFF', 3), line('9901130003', '柳浪幼儿园', 'APPROVED', 1)] })]
    await w.get('[data-testid="approve"]').trigger('click')
    expect(w.get('[data-testid="act-dialog"]').text()).toContain('第 2 版')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    const text = w.get('[data-testid="act-problem"]').text()
    expect(text).toContain('现为第 3 版')
    expect(text).toContain('当前状态：待审核（第 3 版）')
    expect(calls.filter((c) => c.method === 'GET' && c.url === COUNTY)).toHaveLength(2)
    expect(w.findAll('[data-testid="school-row"]')[1].text()).toContain('第 3 版')
    expect(posts()).toEqual([['POST', `${COUNTY}/schools/9901130002/approval`, { signOffVersion: 2 }]])
  })

  it('重新开放 requires a reason and says it withdraws the submission to the city', async () => {
    routes[`GET ${COUNTY}`] = [200, overview({
      submission: { status: 'SUBMITTED', version: 1, at: '2026-12-03T02:00:00Z', by: 'admin-990113', reason: null, inForce: true, schools: [] },
    })]
    routes[`POST ${COUNTY}/schools/9901130003/reopening`] = [200, {}]
    const w = await render(CountyApprovalsView, `/counties/${C}/approvals?period=${P}`, { countyId: C }, 'county-admin')
    await w.get('[data-testid="reopen"]').trigger('click')
    expect(w.get('[data-testid="reopen-withdraws"]').text()).toContain('撤回对市级的报送')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="act-text-problem"]').text()).toBe('请填写重新开放理由。')
    await w.get('[data-testid="act-text"]').setValue('家访数据录入有误')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(posts()).toEqual([['POST', `${COUNTY}/schools/9901130003/reopening`, { signOffVersion: 1, reason: '家访数据录入有误' }]])
  })

  it('报送市级 when every school is approved; a 409 lists the schools not approved', async () => {
    routes[`GET ${COUNTY}`] = [200, overview({ maySubmit: true, notSignedOff: 0, awaitingReview: 0, approved: 3,
      cityDecision: { decision: 'RETURNED', comment: '请核实家访覆盖率', at: '2026-12-02T09:00:00Z', submissionVersion: 1, onCurrentSubmission: true } })]
    routes[`POST ${COUNTY}/submission`] = [409, { title: '冲突', status: 409, detail: '还有 1 所学校未审核通过', notApproved: [{ schoolId: '9901130002', state: 'REOPENED' }] }]
    const w = await render(CountyApprovalsView, `/counties/${C}/approvals?period=${P}`, { countyId: C }, 'county-admin')
    expect(w.get('[data-testid="city-decision"]').text()).toContain('市级已退回')
    expect(w.get('[data-testid="city-decision"]').text()).toContain('市级意见：请核实家访覆盖率')
    await w.get('[data-testid="submit"]').trigger('click')
    await w.get('[data-testid="submit-dialog"]').trigger('submit')
    await flushPromises()
    const p = w.get('[data-testid="submit-problem"]').text()
    expect(p).toContain('还有 1 所学校未审核通过')
    expect(p).toContain('西湖第二中学：已重新开放')
    expect(posts()).toEqual([['POST', `${COUNTY}/submission`, undefined]])
  })

  it('the drawer shows a school\'s figures with indicator names and its trail in words', async () => {
    routes[`GET /api/reports/periods/${P}/counties/${C}/scorecard`] = [200, { periodId: P, countyId: C, schools: [],
      indicators: [{ indicator: ind('PLATFORM_REGISTRATION', 'RATIO', 'SEMESTER', 0.6, '家长学校平台注册率'), periodId: P }] }]
    routes[`GET ${COUNTY}/schools/9901130002`] = [200, { ...line('9901130002', '西湖第二中学', 'SIGNED_OFF', 2), countyId: C, periodId: P,
      figures: [{ indicatorCode: 'PLATFORM_REGISTRATION', numerator: 312, denominator: 480, snapshotVersion: 3 }],
      trail: [{ schoolId: '9901130002', at: '2026-11-29T02:00:00Z', actor: 'admin-990113', action: 'RETURNED', version: 1, comment: '请补录' }] }]
    const w = await render(CountyApprovalsView, `/counties/${C}/approvals?period=${P}`, { countyId: C }, 'county-admin')
    await w.findAll('[data-testid="school-row"]')[1].get('[data-testid="show-detail"]').trigger('click')
    await flushPromises()
    const d = w.get('[data-testid="school-drawer"]')
    expect(d.get('[data-testid="drawer-figures"] tbody tr').text()).toContain('家长学校平台注册率65.0%312 / 480')
    expect(d.get('[data-testid="drawer-trail"]').text()).toContain('西湖第二中学 的第 1 版被退回')
    expect(d.get('[data-testid="drawer-trail"]').text()).toContain('“请补录”')
  })
})

const county = (countyId: string, countyName: string, state: CityOverview['counties'][number]['state'], v: number | null, more = {}) => ({
  countyId, countyName, state, submissionVersion: v, submittedAt: v ? '2026-12-03T02:00:00Z' : null, schools: v ? 4 : null, reason: null,
  comment: null, decidedAt: null, decidedBy: null, ...more,
})
describe('区县报送 (city)', () => {
  beforeEach(() => {
    calls = []
    routes = {
      [`GET ${CITY}`]: [200, { cityId: '990100', periodId: P, countiesExpected: 3, notSubmitted: 1, awaitingDecision: 1, withdrawn: 0, accepted: 0, returned: 1,
        counties: [county('990113', '西湖区', 'NOT_SUBMITTED', null), county('990114', '北湖县', 'SUBMITTED', 2),
          county('990115', '南山区', 'RETURNED', 1, { comment: '请核实家访覆盖率', decidedAt: '2026-12-02T09:00:00Z', decidedBy: 'staff-990100' })] }],
    }
    stubFetch()
  })

  it('shows each county\'s submission in words, and accept / return only for a submitted one', async () => {
    const w = await render(CityApprovalsView, `/city/approvals?period=${P}`, {}, 'city-staff')
    const rows = w.findAll('[data-testid="county-row"]')
    expect(rows.map((r) => r.get('[data-testid="state"]').text())).toEqual(['未报送', '已报送，待市级审核', '市级已退回'])
    expect(rows.map((r) => r.find('[data-testid="accept"]').exists())).toEqual([false, true, false])
    expect(rows[2].text()).toContain('请核实家访覆盖率')
    expect(rows[1].text()).toContain('4 所')
  })

  it('accepting confirms first and sends the submission version', async () => {
    routes[`POST ${CITY}/counties/990114/acceptance`] = [200, {}]
    const w = await render(CityApprovalsView, `/city/approvals?period=${P}`, {}, 'city-admin')
    await w.get('[data-testid="accept"]').trigger('click')
    expect(w.get('[data-testid="act-dialog"]').text()).toContain('确认接受 北湖县 第 2 次报送（4 所学校）')
    expect(posts()).toEqual([])
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(posts()).toEqual([['POST', `${CITY}/counties/990114/acceptance`, { submissionVersion: 2, comment: null }]])
  })

  it('returning requires a comment; a 409 stays in the dialog and the table is reloaded', async () => {
    routes[`POST ${CITY}/counties/990114/return`] = [409, { title: '冲突', status: 409, detail: '北湖县的报送已撤回。' }]
    const w = await render(CityApprovalsView, `/city/approvals?period=${P}`, {}, 'city-staff', 'en')
    await w.get('[data-testid="return"]').trigger('click')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="act-text-problem"]').text()).toBe('Please write a comment.')
    expect(posts()).toEqual([])
    await w.get('[data-testid="act-text"]').setValue('Check the home visits')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(posts()).toEqual([['POST', `${CITY}/counties/990114/return`, { submissionVersion: 2, comment: 'Check the home visits' }]])
    expect(w.get('[data-testid="act-problem"]').text()).toContain('北湖县的报送已撤回。')
    expect(w.get('[data-testid="act-problem"]').text()).toContain('The list has been reloaded')
    expect(calls.filter((c) => c.method === 'GET' && c.url === CITY)).toHaveLength(2)
  })
})

describe('accessibility and periods', () => {
  beforeEach(() => {
    calls = []
    routes = {
      [`GET ${SCHOOL}/sign-offs`]: [200, [period(P, 'NOT_SIGNED_OFF'), period('2025-2026-1', 'APPROVED')]],
      [`GET ${SCHOOL}/late-submissions`]: [200, LATE],
      [`GET /api/reports/periods/${P}/schools/${S}/scorecard`]: [200, SCORECARD],
      [`GET ${COUNTY}`]: [200, overview()],
      [`GET /api/district/counties/${C}/approvals/2026-2027`]: [200, overview({ periodId: '2026-2027' })],
      [`GET ${CITY}`]: [200, { cityId: '990100', periodId: P, countiesExpected: 1, notSubmitted: 0, awaitingDecision: 1, withdrawn: 0, accepted: 0,
        returned: 0, counties: [county('990114', '北湖县', 'SUBMITTED', 2)] }],
    }
    stubFetch()
  })

  it('no serious or critical axe violation on the three pages, with their dialogs open', async () => {
    const school = await render(SchoolSignOffsView, `/schools/${S}/sign-offs?period=${P}`, { schoolId: S }, 'school-admin')
    await school.get('[data-testid="sign-off"]').trigger('click')
    await flushPromises()
    expect(await serious(school.element)).toEqual([])
    school.unmount()
    const c = await render(CountyApprovalsView, `/counties/${C}/approvals?period=${P}`, { countyId: C }, 'county-admin')
    await c.get('[data-testid="return"]').trigger('click')
    expect(await serious(c.element)).toEqual([])
    c.unmount()
    const city = await render(CityApprovalsView, `/city/approvals?period=${P}`, {}, 'city-staff', 'en')
    await city.get('[data-testid="return"]').trigger('click')
    expect(await serious(city.element)).toEqual([])
  })

  it('the county switches between the semester and its school year in the URL', async () => {
    const w = await render(CountyApprovalsView, `/counties/${C}/approvals?period=${P}`, { countyId: C }, 'county-admin')
    expect(w.get('[data-testid="kind-semester"]').attributes('aria-pressed')).toBe('true')
    await w.get('[data-testid="kind-year"]').trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.query.period).toBe('2026-2027')
  })
})

describe('menus', () => {
  it('each tier gets its own entry, and only the roles that use it', () => {
    const keys = (role: keyof typeof ME) => menuFor(ME[role]).map((m) => m.testId)
    expect(keys('school-admin')).toContain('nav-sign-offs')
    expect(keys('school-staff')).toContain('nav-sign-offs')
    expect(keys('county-admin')).toContain('nav-approvals')
    expect(keys('county-assessor')).not.toContain('nav-approvals')
    expect(keys('city-staff')).toContain('nav-city-approvals')
    expect(keys('city-admin')).toContain('nav-city-approvals')
    expect(keys('county-admin')).not.toContain('nav-city-approvals')
    expect(keys('school-admin')).not.toContain('nav-approvals')
  })
})
