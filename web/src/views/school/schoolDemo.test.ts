import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import { ApiError } from '@/api/client'
import type { SchoolApplication, SchoolProgramme, SelfEvaluation } from '@/api/schoolDemo'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { indicator, ME } from '@/test/fixtures'

const mocks = vi.hoisted(() => ({
  programmes: vi.fn(), apply: vi.fn(), applications: vi.fn(), application: vi.fn(), selfEvaluation: vi.fn(),
  putItem: vi.fn(), submit: vi.fn(), attachments: vi.fn(), attachmentsAt: vi.fn(), upload: vi.fn(),
  deleteAttachment: vi.fn(), figures: vi.fn(), schoolScorecard: vi.fn(),
}))
vi.mock('@/api/schoolDemo', async (original) => ({
  ...(await original<typeof import('@/api/schoolDemo')>()),
  schoolDemoApi: mocks,
}))
vi.mock('@/api/reports', async (original) => ({
  ...(await original<typeof import('@/api/reports')>()),
  api: { schoolScorecard: mocks.schoolScorecard },
}))

import SchoolDemoView from './SchoolDemoView.vue'
import SchoolDemoApplicationView from './SchoolDemoApplicationView.vue'

const SCHOOL = '9901130001'
const APP = '0b9c6b8e-1f0a-4c1e-9d55-2f6f3c1a0009'

const PROGRAMME: SchoolProgramme = {
  programmeId: '990113-DEMO-2026', countyId: '990113', name: '2026 协同育人示范学校创建', target: 100, startsOn: null, endsOn: null,
  applicationOpensOn: '2026-11-01', applicationDeadline: '2026-12-31', open: true, creationMonths: 12, titleValidityYears: 3,
  standardId: 'DEMO-SCHOOL', standardVersion: 2, version: 1, applicationId: APP,
  rubric: {
    titleZh: '示范学校建设标准', titleEn: 'Standard', passMark: 20, fullMark: 30,
    areas: [
      { code: 'A1', nameZh: '家庭教育指导', nameEn: 'Guidance', criteria: [
        { code: 'A1.1', nameZh: '家长学校', nameEn: 'Parent school', points: 10, evidenceRequired: '章程、授课记录',
          indicatorCodes: ['PARENT_SCHOOL_ESTABLISHED', 'PLATFORM_REGISTRATION'] },
        { code: 'A1.2', nameZh: '数字家长学校', nameEn: 'Digital parent school', points: 10, evidenceRequired: null, indicatorCodes: [] },
      ] },
      { code: 'A2', nameZh: '家长委员会', nameEn: 'Committees', criteria: [
        { code: 'A2.1', nameZh: '组建', nameEn: 'Formation', points: 10, evidenceRequired: '名单', indicatorCodes: [] },
      ] },
    ],
  },
}

const APPLICATION: SchoolApplication = {
  applicationId: APP, schoolId: SCHOOL, programmeId: PROGRAMME.programmeId, status: 'CREATING', version: 3,
  appliedAt: '2026-11-02T02:00:00Z', statusAt: '2026-11-10T02:00:00Z', creationEndsOn: '2026-11-30', finalScore: null,
  titleValidUntil: null, rectificationDeadline: null, reason: null, selfEvaluationRound: 1, submittedRound: 0,
  baseline: [], plan: '一校一案', submissions: [],
}

const SELF: SelfEvaluation = {
  applicationId: APP, status: 'CREATING', round: 1, editable: true, submittedRound: 0, missingCriteria: [], selfTotal: 24, fullMark: 30,
  items: ['A1.1', 'A1.2', 'A2.1'].map((code, i) => ({
    criterionCode: code, round: 1, selfScore: 8, narrative: `要点${i}`, evidence: [{ title: '章程', reference: `DOC-${i}` }],
    updatedAt: '2026-11-20T02:00:00Z',
  })),
}

const Blank = { template: '<div />' }
async function render(component: object, path: string, props: Record<string, unknown>, who: 'school-admin' | 'school-staff' = 'school-admin',
  lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia()
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: path.split('?')[0], component, props: () => props },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(path)
  setActivePinia(pinia)
  useSession().me = ME[who]
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang })
  await flushPromises()
  return { w, router }
}

function arrange() {
  mocks.application.mockResolvedValue(APPLICATION)
  mocks.programmes.mockResolvedValue([PROGRAMME])
  mocks.selfEvaluation.mockResolvedValue(SELF)
  mocks.attachments.mockResolvedValue([{
    id: 'att-1', applicationId: APP, round: 1, criterionCode: 'A1.1', fileName: '章程.pdf', contentType: 'application/pdf',
    sizeBytes: 20480, sha256: 'x', uploadedAt: '2026-11-20T02:00:00Z',
    href: `/api/school/schools/${SCHOOL}/demonstration/applications/${APP}/attachments/att-1`,
  }])
  mocks.schoolScorecard.mockResolvedValue({ periodId: '2026-2027-1', school: {}, indicators: [
    { indicator: indicator('PARENT_SCHOOL_ESTABLISHED', 'SCHOOL_THRESHOLD', 1, { nameZh: '建立家长学校' }), periodId: '2026-2027-1', cell: {}, missing: false },
    { indicator: indicator('PLATFORM_REGISTRATION', 'RATIO', 0.6, { nameZh: '数字家长学校注册率' }), periodId: '2026-2027-1', cell: {}, missing: false },
  ] })
  mocks.figures.mockImplementation(async (_s: string, p: string) => p === '2026-2027-1' ? [
    { indicatorCode: 'PARENT_SCHOOL_ESTABLISHED', periodId: p, numerator: 1, denominator: 1, rate: 1, suppressed: false, version: 2, asOf: '' },
    { indicatorCode: 'PLATFORM_REGISTRATION', periodId: p, numerator: 412, denominator: 640, rate: 0.6438, suppressed: false, version: 5, asOf: '' },
  ] : [])
}

const path = `/schools/${SCHOOL}/demonstration/applications/${APP}?period=2026-2027-1`
const props = { schoolId: SCHOOL, applicationId: APP }

describe('the self-evaluation editor', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    arrange()
  })

  it('lays the self-evaluation out as the rubric: areas, then criteria with points and the evidence required', async () => {
    const { w } = await render(SchoolDemoApplicationView, path, props)
    expect(w.get('[data-testid="page-title"]').text()).toBe('2026 协同育人示范学校创建')
    expect(w.findAll('[data-testid^="area-"]').map((a) => a.attributes('data-testid'))).toEqual(['area-A1', 'area-A2'])
    const a1 = w.get('[data-testid="area-A1"]')
    expect(a1.text()).toContain('A1 · 家庭教育指导')
    expect(a1.findAll('[data-testid^="criterion-"]').map((c) => c.attributes('data-testid'))).toEqual(['criterion-A1.1', 'criterion-A1.2'])
    expect(w.get('[data-testid="max-A1.1"]').text()).toBe('分值 10 分')
    expect(w.get('[data-testid="required-A1.1"]').text()).toContain('章程、授课记录')
    expect((w.get('[data-testid="narrative-A1.1"]').element as HTMLTextAreaElement).value).toBe('要点0')
    expect(w.get('[data-testid="criterion-A1.1"]').attributes('data-state')).toBe('saved')
    expect(w.get('[data-testid="self-total"]').text()).toBe('24')
    expect(w.get('[data-testid="privacy-guard"]').text()).toContain('个人信息')
  })

  it("shows the school's own figures of the indicators each criterion is tied to", async () => {
    const { w } = await render(SchoolDemoApplicationView, path, props)
    expect(mocks.figures).toHaveBeenCalledWith(SCHOOL, '2026-2027-1')
    expect(w.get('[data-testid="figure-A1.1-PLATFORM_REGISTRATION"]').text()).toBe('数字家长学校注册率：64.4%')
    expect(w.get('[data-testid="figure-A1.1-PARENT_SCHOOL_ESTABLISHED"]').text()).toContain('建立家长学校')
    expect(w.get('[data-testid="figures-A1.2"]').text()).toContain('本要点未关联指标')
  })

  it('lists the attachments with their download link and uploads a file to the criterion', async () => {
    const { w } = await render(SchoolDemoApplicationView, path, props)
    const link = w.get('[data-testid="attachment-link-att-1"]')
    expect(link.attributes('href')).toBe(`/api/school/schools/${SCHOOL}/demonstration/applications/${APP}/attachments/att-1`)
    expect(link.text()).toBe('章程.pdf')
    mocks.upload.mockResolvedValue({ id: 'att-2', applicationId: APP, round: 1, criterionCode: 'A2.1', fileName: '名单.png',
      contentType: 'image/png', sizeBytes: 1000, sha256: 'y', uploadedAt: '', href: '/x' })
    const input = w.get('[data-testid="upload-A2.1"]')
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], '名单.png', { type: 'image/png' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await flushPromises()
    expect(mocks.upload).toHaveBeenCalledWith(SCHOOL, APP, 'A2.1', file, 'zh-CN', expect.any(Function))
    expect(w.get('[data-testid="attachments-A2.1"]').text()).toContain('名单.png')
  })

  it('shows the refusal of personal data next to the field it names, and keeps the item unsaved', async () => {
    const { w } = await render(SchoolDemoApplicationView, path, props)
    await w.get('[data-testid="narrative-A1.1"]').setValue('联系家长 13800138000')
    mocks.putItem.mockRejectedValue(new ApiError(422, '请求不符合业务规则', '未保存', [
      { field: 'items.A1.1.narrative', message: '含有手机号码' }]))
    await w.get('[data-testid="save-A1.1"]').trigger('click')
    await flushPromises()
    expect(mocks.putItem).toHaveBeenCalledWith(SCHOOL, APP, 'A1.1', expect.objectContaining({ narrative: '联系家长 13800138000' }))
    expect(w.get('[data-testid="narrative-error-A1.1"]').text()).toBe('含有手机号码')
    expect(w.get('[data-testid="criterion-A1.1"]').attributes('data-state')).toBe('failed')
  })

  it('asks for a confirmation before it submits', async () => {
    mocks.submit.mockResolvedValue({ round: 1, submittedAt: '2026-12-01T02:00:00Z', selfTotal: 24 })
    const { w } = await render(SchoolDemoApplicationView, path, props)
    await w.get('[data-testid="submit"]').trigger('click')
    expect(w.get('[data-testid="confirm-dialog"]').text()).toContain('确认提交自评')
    expect(mocks.submit).not.toHaveBeenCalled()
    await w.get('[data-testid="confirm-cancel"]').trigger('click')
    expect(w.find('[data-testid="confirm-dialog"]').exists()).toBe(false)
    expect(mocks.submit).not.toHaveBeenCalled()
    await w.get('[data-testid="submit"]').trigger('click')
    await w.get('[data-testid="confirm-submit"]').trigger('click')
    await flushPromises()
    expect(mocks.submit).toHaveBeenCalledWith(SCHOOL, APP)
  })

  it('shows the application as a timeline: applied, then the county status', async () => {
    const { w } = await render(SchoolDemoApplicationView, path, props)
    const timeline = w.get('[data-testid="status-timeline"]')
    expect(timeline.text()).toContain('提交申报')
    expect(timeline.text()).toContain('区县更新状态：创建中')
    expect(w.get('[data-testid="application-status"]').attributes('data-status')).toBe('CREATING')
  })

  it('lists every status step the county took, in the county\'s order, with what each step set', async () => {
    const step = (version: number, status: string, previousStatus: string | null, at: string, more: Record<string, unknown> = {}) => ({
      version, status, previousStatus, at, creationEndsOn: null, finalScore: null, titleValidUntil: null, rectificationDeadline: null,
      reason: null, ...more })
    mocks.application.mockResolvedValue({
      ...APPLICATION, status: 'RECTIFYING', version: 7, finalScore: 86.5, submittedRound: 1,
      submissions: [{ round: 1, submittedAt: '2027-11-01T02:00:00Z', standardId: 'DEMO-SCHOOL', standardVersion: 2, selfTotal: 27 }],
      // as the API lists them (by version); the page orders them itself all the same
      statusHistory: [
        step(5, 'TITLED', 'ASSESSING', '2027-12-10T02:00:00Z', { finalScore: 86.5, titleValidUntil: '2030-12-09', reason: '评审通过' }),
        step(1, 'APPLIED', null, '2026-11-02T02:00:05Z'),
        step(2, 'CREATING', 'APPLIED', '2026-11-10T02:00:00Z', { creationEndsOn: '2027-11-01', reason: '同意创建' }),
        step(3, 'SELF_EVALUATED', 'CREATING', '2027-11-01T02:00:10Z', { creationEndsOn: '2027-11-01' }),
        step(4, 'ASSESSING', 'SELF_EVALUATED', '2027-11-20T02:00:00Z'),
        step(6, 'REINSPECTING', 'TITLED', '2028-09-01T02:00:00Z', { finalScore: 86.5, titleValidUntil: '2030-12-09' }),
        step(7, 'RECTIFYING', 'REINSPECTING', '2028-10-01T02:00:00Z', { finalScore: 86.5, titleValidUntil: '2030-12-09',
          rectificationDeadline: '2028-12-31', reason: '家委会改选记录不全' }),
      ],
    })
    const { w } = await render(SchoolDemoApplicationView, path, props)
    const items = w.findAll('[data-testid^="timeline-"]').map((x) => x.attributes('data-testid'))
    expect(items).toEqual(['timeline-applied', 'timeline-status-1', 'timeline-status-2', 'timeline-submitted-1', 'timeline-status-3',
      'timeline-status-4', 'timeline-status-5', 'timeline-status-6', 'timeline-status-7'])
    expect(w.get('[data-testid="timeline-status-2"]').text()).toContain('区县受理申报，进入创建期')
    expect(w.get('[data-testid="timeline-status-2"]').text()).toContain('区县说明：同意创建')
    expect(w.get('[data-testid="timeline-status-5"]').text()).toContain('评审结论：授予示范学校称号')
    expect(w.get('[data-testid="timeline-status-5"]').text()).toContain('最终得分 86.5')
    expect(w.get('[data-testid="timeline-status-5"]').text()).toContain('称号有效期至 2030-12-09')
    // the score and validity said once, where they were set
    expect(w.get('[data-testid="timeline-status-6"]').text()).not.toContain('最终得分')
    expect(w.get('[data-testid="timeline-status-7"]').text()).toContain('复查结论：限期整改')
    expect(w.get('[data-testid="timeline-status-7"]').text()).toContain('整改期限 2028-12-31')
    expect(w.get('[data-testid="timeline-status-7"]').attributes('data-latest')).toBe('true')
    expect(w.get('[data-testid="timeline-status-1"]').attributes('data-latest')).toBeUndefined()
    expect(w.find('[data-testid="timeline-creation-ends"]').exists()).toBe(false)
  })

  it('says a decline with its reason, a kept title after a re-inspection, in English too', async () => {
    const base = { creationEndsOn: null, finalScore: null, titleValidUntil: null, rectificationDeadline: null, reason: null }
    mocks.application.mockResolvedValue({ ...APPLICATION, status: 'DECLINED', version: 2, statusHistory: [
      { ...base, version: 1, status: 'APPLIED', previousStatus: null, at: '2026-11-02T02:00:05Z' },
      { ...base, version: 2, status: 'DECLINED', previousStatus: 'APPLIED', at: '2026-11-05T02:00:00Z', reason: '名额已满' },
    ] })
    const declined = await render(SchoolDemoApplicationView, path, props)
    expect(declined.w.get('[data-testid="timeline-status-2"]').text()).toContain('区县不予受理')
    expect(declined.w.get('[data-testid="timeline-status-2"]').text()).toContain('区县说明：名额已满')
    declined.w.unmount()

    mocks.application.mockResolvedValue({ ...APPLICATION, status: 'TITLED', version: 7, statusHistory: [
      { ...base, version: 6, status: 'REINSPECTING', previousStatus: 'TITLED', at: '2028-09-01T02:00:00Z' },
      { ...base, version: 7, status: 'TITLED', previousStatus: 'REINSPECTING', at: '2028-10-01T02:00:00Z', reason: '复查合格' },
    ] })
    const en = await render(SchoolDemoApplicationView, path, props, 'school-admin', 'en')
    expect(en.w.get('[data-testid="timeline-status-6"]').text()).toContain('The county scheduled a re-inspection')
    expect(en.w.get('[data-testid="timeline-status-7"]').text()).toContain('Re-inspection: the title is kept')
    expect(en.w.get('[data-testid="timeline-status-7"]').text()).toContain('County note: 复查合格')
    expect(en.w.get('[data-testid="status-timeline"]').text()).toContain('Every status change of the county is listed here')
  })

  it('is read only once the round is submitted: no upload, no delete, no submit', async () => {
    mocks.selfEvaluation.mockResolvedValue({ ...SELF, editable: false, submittedRound: 1 })
    const { w } = await render(SchoolDemoApplicationView, path, props)
    expect(w.get('[data-testid="read-only"]').text()).toContain('本轮已提交')
    expect(w.find('[data-testid="upload-A1.1"]').exists()).toBe(false)
    expect(w.find('[data-testid="attachment-delete-att-1"]').exists()).toBe(false)
    expect(w.find('[data-testid="submit"]').exists()).toBe(false)
  })
})

describe('the programmes page', () => {
  beforeEach(() => vi.resetAllMocks())

  it('lets the school admin apply inside the window and shows the API refusal', async () => {
    mocks.programmes.mockResolvedValue([{ ...PROGRAMME, applicationId: null }])
    mocks.applications.mockResolvedValue([])
    const { w } = await render(SchoolDemoView, `/schools/${SCHOOL}/demonstration`, { schoolId: SCHOOL })
    expect(w.get('[data-testid="programme-open"]').text()).toBe('申报中')
    await w.get('[data-testid="apply"]').trigger('click')
    await w.get('[data-testid="plan"]').setValue('学生张三的妈妈')
    mocks.apply.mockRejectedValue(new ApiError(422, null, '未保存', [{ field: 'plan', message: '含有姓名' }]))
    await w.get('[data-testid="apply-send"]').trigger('click')
    await flushPromises()
    expect(mocks.apply).toHaveBeenCalledWith(SCHOOL, expect.objectContaining({ programmeId: PROGRAMME.programmeId, plan: '学生张三的妈妈',
      baseline: [{ areaCode: 'A1', level: 3, note: null }, { areaCode: 'A2', level: 3, note: null }] }))
    expect(w.get('[data-testid="apply-error"]').text()).toBe('plan: 含有姓名')
  })

  it('offers no apply button to school staff', async () => {
    mocks.programmes.mockResolvedValue([{ ...PROGRAMME, applicationId: null }])
    mocks.applications.mockResolvedValue([])
    const { w } = await render(SchoolDemoView, `/schools/${SCHOOL}/demonstration`, { schoolId: SCHOOL }, 'school-staff')
    expect(w.find('[data-testid="apply"]').exists()).toBe(false)
  })
})
