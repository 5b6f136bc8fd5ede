import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import { ApiError } from '@/api/client'
import type { ApplicationFile, MyAssignment } from '@/api/types'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'

const mocks = vi.hoisted(() => ({
  myAssignments: vi.fn(),
  declare: vi.fn(),
  file: vi.fn(),
  putScore: vi.fn(),
  submit: vi.fn(),
  scoresheet: vi.fn(),
  myScores: vi.fn(),
}))
vi.mock('@/api/assessment', () => ({ assessmentApi: mocks }))

import MyAssignmentsView from './MyAssignmentsView.vue'
import DeclarationView from './DeclarationView.vue'
import AssessmentFileView from './AssessmentFileView.vue'

const APP = '0b9c6b8e-1f0a-4c1e-9d55-2f6f3c1a0002'
const row = (more: Partial<MyAssignment>): MyAssignment => ({
  applicationId: APP, programmeId: 'DEMO-2026', schoolId: '9901130002', schoolName: '西湖第二中学', round: 1, current: true,
  assignmentStatus: 'CLEARED', applicationStatus: 'ASSESSING', assignedAt: '2026-11-18T02:00:00Z', declaredAt: '2026-11-19T06:30:00Z',
  submittedAt: null, due: 'SCORE', ...more,
})

const FILE: ApplicationFile = {
  applicationId: APP, schoolId: '9901130002', programmeId: 'DEMO-2026', round: 1, submittedAt: '2026-11-15T08:00:00Z',
  standardId: 'STD', standardVersion: 1, selfTotal: 24,
  rubric: {
    titleZh: '标准', titleEn: 'Standard', passMark: 20, fullMark: 30,
    areas: [{ code: 'A1', nameZh: '组织', nameEn: 'Organisation', criteria: [
      { code: 'A1.1', nameZh: '有章程', nameEn: 'A charter', points: 10, evidenceRequired: '章程' },
      { code: 'A1.2', nameZh: '家委会', nameEn: 'Committees', points: 20, evidenceRequired: null },
    ] }],
  },
  items: [
    { criterionCode: 'A1.1', selfScore: 9, narrative: '已制定章程', evidence: [{ title: '章程', reference: 'DOC-1' }] },
    { criterionCode: 'A1.2', selfScore: 15, narrative: null, evidence: [] },
  ],
}

const Blank = { template: '<div />' }
/** The page as the app renders it: the route's component inside a router-view (where leave guards live). */
async function render(component: object, path: string, props: Record<string, unknown> = {}, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia()
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: path.split('?')[0], component, props: () => props },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(path)
  // the router's guard has loaded the session before any page renders
  setActivePinia(pinia)
  useSession().me = ME['county-assessor']
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang })
  await flushPromises()
  return { w, router }
}

describe('my assignments', () => {
  beforeEach(() => vi.resetAllMocks())

  it('lists every assignment with its translated status and the due action as a button', async () => {
    mocks.myAssignments.mockResolvedValue([
      row({ applicationId: 'a1', due: 'DECLARE', assignmentStatus: 'ASSIGNED', applicationStatus: 'SELF_EVALUATED', declaredAt: null }),
      row({ applicationId: 'a2', due: 'SCORE' }),
      row({ applicationId: 'a3', due: 'WAIT', applicationStatus: 'SELF_EVALUATED' }),
      row({ applicationId: 'a4', due: 'NONE', submittedAt: '2026-11-21T02:00:00Z' }),
      row({ applicationId: 'a5', due: 'NONE', assignmentStatus: 'RECUSED' }),
    ])
    const { w } = await render(MyAssignmentsView, '/assessor')
    expect(mocks.myAssignments).toHaveBeenCalledWith('990113')
    expect(w.get('[data-testid="page-title"]').text()).toBe('我的评审任务')
    const rows = w.findAll('[data-testid="assignment-row"]')
    expect(rows).toHaveLength(5)
    const action = (i: number) => rows[i].get('[data-testid="assignment-action"]')
    expect(action(0).text()).toBe('声明')
    expect(action(0).attributes('href')).toBe('/assessor/applications/a1/declaration')
    expect(rows[0].text()).toContain('待声明')
    expect(rows[0].text()).toContain('已自评')
    expect(action(1).text()).toBe('评分')
    expect(action(1).attributes('href')).toBe('/assessor/applications/a2')
    expect(action(2).text()).toBe('等待区县开始')
    expect(action(3).text()).toBe('已提交')
    expect(rows[3].text()).toContain('提交 2026-11-21 10:00')
    expect(action(4).text()).toBe('无待办')
    expect(action(4).element.tagName).toBe('SPAN')
    expect(rows[4].text()).toContain('已回避')
  })

  it('says so when nothing is assigned, in English too', async () => {
    mocks.myAssignments.mockResolvedValue([])
    const { w } = await render(MyAssignmentsView, '/assessor', {}, 'en')
    expect(w.get('[data-testid="my-assignments-empty"]').text()).toBe('No assessments are assigned to you')
    expect(document.title).toBe('My assignments · Gongyu')
  })
})

describe('the conflict-of-interest declaration', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    mocks.myAssignments.mockResolvedValue([row({ due: 'DECLARE', assignmentStatus: 'ASSIGNED', declaredAt: null, applicationStatus: 'SELF_EVALUATED' })])
  })

  it('needs a statement and the confirmation before anything is sent', async () => {
    const { w } = await render(DeclarationView, `/assessor/applications/${APP}/declaration`, { applicationId: APP })
    expect(w.get('[data-testid="page-title"]').text()).toBe('利益冲突声明：西湖第二中学')
    await w.get('[data-testid="declaration-form"]').trigger('submit')
    expect(w.get('[data-testid="statement-error"]').text()).toBe('请填写声明内容')
    expect(w.get('[data-testid="confirm-error"]').text()).toBe('请确认声明真实、完整')
    expect(w.get('[data-testid="statement"]').attributes('aria-invalid')).toBe('true')
    expect(mocks.declare).not.toHaveBeenCalled()
  })

  it('sends no conflicts and the statement, then opens the file', async () => {
    mocks.declare.mockResolvedValue({ status: 'CLEARED' })
    const { w, router } = await render(DeclarationView, `/assessor/applications/${APP}/declaration`, { applicationId: APP })
    await w.get('[data-testid="statement"]').setValue('  本人与该校不存在利益冲突。 ')
    await w.get('[data-testid="confirm"]').setValue(true)
    await w.get('[data-testid="declaration-form"]').trigger('submit')
    await flushPromises()
    expect(mocks.declare).toHaveBeenCalledWith('990113', APP, 'assessor-990113', { conflicts: [], statement: '本人与该校不存在利益冲突。' })
    expect(router.currentRoute.value.path).toBe(`/assessor/applications/${APP}`)
  })

  it('a declared conflict warns of the recusal, is sent, and leads back to the list', async () => {
    mocks.declare.mockResolvedValue({ status: 'RECUSED' })
    const { w, router } = await render(DeclarationView, `/assessor/applications/${APP}/declaration`, { applicationId: APP })
    expect(w.find('[data-testid="recuse-warning"]').exists()).toBe(false)
    await w.get('[data-testid="conflict-RELATIVE"]').setValue(true)
    expect(w.get('[data-testid="recuse-warning"]').text()).toContain('回避')
    await w.get('[data-testid="statement"]').setValue('本人亲属在该校任教。')
    await w.get('[data-testid="confirm"]').setValue(true)
    await w.get('[data-testid="declaration-form"]').trigger('submit')
    await flushPromises()
    expect(mocks.declare.mock.calls[0][3]).toEqual({ conflicts: ['RELATIVE'], statement: '本人亲属在该校任教。' })
    expect(router.currentRoute.value.path).toBe('/assessor')
  })

  it('shows the API field errors next to their field and a 409 in the form', async () => {
    mocks.declare.mockRejectedValueOnce(new ApiError(400, '请求无效', '请求内容有误', [{ field: 'statement', message: '不能为空' }]))
    const { w } = await render(DeclarationView, `/assessor/applications/${APP}/declaration`, { applicationId: APP })
    await w.get('[data-testid="statement"]').setValue('x')
    await w.get('[data-testid="confirm"]').setValue(true)
    await w.get('[data-testid="declaration-form"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="statement-error"]').text()).toBe('不能为空')

    mocks.declare.mockRejectedValueOnce(new ApiError(409, '冲突', '评审专家 assessor-990113 已对第 1 轮作出声明', []))
    await w.get('[data-testid="declaration-form"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="declaration-error"]').text()).toBe('冲突：评审专家 assessor-990113 已对第 1 轮作出声明')
  })

  it('an application not assigned to the caller is not found', async () => {
    mocks.myAssignments.mockResolvedValue([])
    const { w } = await render(DeclarationView, '/assessor/applications/x/declaration', { applicationId: 'x' })
    expect(w.find('[data-testid="not-found"]').exists()).toBe(true)
  })
})

describe('the file and the scores', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    mocks.myAssignments.mockResolvedValue([row({})])
    mocks.file.mockResolvedValue(FILE)
    mocks.myScores.mockResolvedValue([])
    mocks.putScore.mockImplementation(async (_c: string, _a: string, code: string, body: { points: number; comment: string }) => ({
      applicationId: APP, round: 1, assessor: 'assessor-990113', criterionCode: code, ...body, updatedAt: '2026-12-04T06:30:00Z',
    }))
  })

  async function score(w: Awaited<ReturnType<typeof render>>['w'], code: string, points: string, comment: string) {
    await w.get(`[data-testid="points-${code}"]`).setValue(points)
    await w.get(`[data-testid="comment-${code}"]`).setValue(comment)
    await w.get(`[data-testid="save-${code}"]`).trigger('click')
    await flushPromises()
  }

  it('lays out the rubric beside the self-evaluation and saves a draft per criterion', async () => {
    const { w } = await render(AssessmentFileView, `/assessor/applications/${APP}`, { applicationId: APP })
    expect(w.get('[data-testid="page-title"]').text()).toBe('评审：西湖第二中学')
    const c1 = w.get('[data-testid="criterion-A1.1"]')
    expect(c1.text()).toContain('有章程')
    expect(c1.text()).toContain('满分 10')
    expect(w.get('[data-testid="self-A1.1"]').text()).toBe('9')
    expect(c1.text()).toContain('已制定章程')
    expect(c1.text()).toContain('DOC-1')
    expect(w.get('[data-testid="points-A1.1"]').attributes('max')).toBe('10')
    expect(w.get('[data-testid="state-A1.1"]').text()).toBe('未评分')
    expect(w.get('[data-testid="submit-scores"]').attributes('disabled')).toBeDefined()

    await w.get('[data-testid="points-A1.1"]').setValue('8.5')
    expect(w.get('[data-testid="state-A1.1"]').text()).toBe('未保存')
    await w.get('[data-testid="comment-A1.1"]').setValue('章程齐全')
    // leaving the comment saves it once both are there
    await w.get('[data-testid="comment-A1.1"]').trigger('blur')
    await flushPromises()
    expect(mocks.putScore).toHaveBeenCalledWith('990113', APP, 'A1.1', { points: 8.5, comment: '章程齐全' })
    expect(w.get('[data-testid="state-A1.1"]').text()).toBe('✓ 已保存 2026-12-04 14:30')
    expect(w.get('[data-testid="my-total"]').text()).toBe('8.5')
    // a change is a new draft
    await score(w, 'A1.1', '9', '章程齐全，执行良好')
    expect(mocks.putScore).toHaveBeenCalledTimes(2)
    expect(w.get('[data-testid="my-total"]').text()).toBe('9')
  })

  it('shows the drafts this assessor saved before, wherever they saved them', async () => {
    mocks.myScores.mockResolvedValue([{
      applicationId: APP, round: 1, assessor: 'assessor-990113', criterionCode: 'A1.1', points: 7.5, comment: '章程齐全',
      updatedAt: '2026-12-03T02:00:00Z',
    }])
    const { w } = await render(AssessmentFileView, `/assessor/applications/${APP}`, { applicationId: APP })
    expect(mocks.myScores).toHaveBeenCalledWith('990113', APP)
    expect((w.get('[data-testid="points-A1.1"]').element as HTMLInputElement).value).toBe('7.5')
    expect((w.get('[data-testid="comment-A1.1"]').element as HTMLTextAreaElement).value).toBe('章程齐全')
    expect(w.get('[data-testid="state-A1.1"]').text()).toBe('✓ 已保存 2026-12-03 10:00')
    expect(w.get('[data-testid="my-total"]').text()).toBe('7.5')
  })

  it('checks the points against the criterion and shows the API problem beside the criterion', async () => {
    const { w } = await render(AssessmentFileView, `/assessor/applications/${APP}`, { applicationId: APP }, 'en')
    await score(w, 'A1.1', '11', '')
    expect(w.get('[data-testid="points-error-A1.1"]').text()).toBe('Points must be between 0 and 10')
    expect(w.get('[data-testid="comment-error-A1.1"]').text()).toBe('Write a comment')
    expect(mocks.putScore).not.toHaveBeenCalled()

    mocks.putScore.mockRejectedValueOnce(new ApiError(409, 'Conflict', 'the scores of assessor-990113 on round 1 were submitted and are frozen', []))
    await score(w, 'A1.1', '7', 'Fine')
    expect(w.get('[data-testid="score-error-A1.1"]').text()).toBe('Conflict: the scores of assessor-990113 on round 1 were submitted and are frozen')
    expect(w.get('[data-testid="state-A1.1"]').text()).toBe('✗ Not saved: failed')
  })

  it('submits after every criterion is saved and a confirmation, then is read only with the scoresheet', async () => {
    mocks.submit.mockResolvedValue({ applicationId: APP, round: 1, assessor: 'assessor-990113', submittedAt: '2026-12-04T07:00:00Z', total: 25 })
    mocks.scoresheet.mockResolvedValue({
      applicationId: APP, status: 'ASSESSING', round: 1, passMark: 20, fullMark: 30, consensusMargin: 3,
      assessors: [{ assessor: 'assessor-990113', status: 'CLEARED', submittedAt: '2026-12-04T07:00:00Z' },
        { assessor: 'expert-wang', status: 'CLEARED', submittedAt: '2026-12-04T05:00:00Z' }],
      criteria: [
        { criterionCode: 'A1.1', nameZh: '有章程', maxPoints: 10, scores: [{ assessor: 'assessor-990113', points: 8, comment: '好' },
          { assessor: 'expert-wang', points: 9, comment: '好' }], spread: 1, needsConsensus: false, consensus: null, result: 8.5 },
        { criterionCode: 'A1.2', nameZh: '家委会', maxPoints: 20, scores: [{ assessor: 'assessor-990113', points: 17, comment: '可' },
          { assessor: 'expert-wang', points: 12, comment: '弱' }], spread: 5, needsConsensus: true, consensus: null, result: null },
      ],
      totals: [{ assessor: 'assessor-990113', total: 25 }, { assessor: 'expert-wang', total: 21 }],
      finalScore: null, passed: null, missing: ['A1.2 需要合议'],
    })
    const { w } = await render(AssessmentFileView, `/assessor/applications/${APP}`, { applicationId: APP })
    await score(w, 'A1.1', '8', '好')
    expect(w.get('[data-testid="not-all-scored"]').text()).toBe('还有 1 个评价要点未保存评分')
    await score(w, 'A1.2', '17', '可')
    expect(w.find('[data-testid="not-all-scored"]').exists()).toBe(false)
    expect(w.get('[data-testid="my-total"]').text()).toBe('25')

    await w.get('[data-testid="submit-scores"]').trigger('click')
    expect(w.get('[data-testid="confirm-dialog"]').text()).toContain('您将提交 2 个评价要点的评分，合计 25 分')
    await w.get('[data-testid="confirm-cancel"]').trigger('click')
    expect(mocks.submit).not.toHaveBeenCalled()
    await w.get('[data-testid="submit-scores"]').trigger('click')
    await w.get('[data-testid="confirm-submit"]').trigger('click')
    await flushPromises()
    expect(mocks.submit).toHaveBeenCalledWith('990113', APP)
    expect(w.get('[data-testid="submitted"]').text()).toContain('评分已于 2026-12-04 15:00 提交，合计 25 分')
    expect(w.find('[data-testid="submit-scores"]').exists()).toBe(false)
    expect(w.find('[data-testid="save-A1.1"]').exists()).toBe(false)
    expect(w.get('[data-testid="points-A1.1"]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-testid="read-only"]').exists()).toBe(true)
    const sheet = w.get('[data-testid="scoresheet"]')
    expect(sheet.text()).toContain('expert-wang')
    expect(w.get('[data-testid="sheet-A1.2"]').text()).toContain('是')
    expect(w.get('[data-testid="final-state"]').text()).toContain('尚未完成')
    // the two papers as PDF: the application form from the start, the scoresheet once submitted
    expect(w.get('[data-testid="pdf-application-form"]').attributes('href'))
      .toBe(`/api/district/counties/990113/demonstration/applications/${APP}/application-form.pdf?lang=zh-CN`)
    expect(w.get('[data-testid="pdf-scoresheet"]').attributes('href'))
      .toBe(`/api/district/counties/990113/demonstration/applications/${APP}/scoresheet.pdf?lang=zh-CN`)
  })

  it('a submit the API refuses says why in the user language', async () => {
    mocks.submit.mockRejectedValue(new ApiError(422, '无法处理', '尚未评分：A1.2', []))
    const { w } = await render(AssessmentFileView, `/assessor/applications/${APP}`, { applicationId: APP })
    await score(w, 'A1.1', '8', '好')
    await score(w, 'A1.2', '17', '可')
    await w.get('[data-testid="submit-scores"]').trigger('click')
    await w.get('[data-testid="confirm-submit"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="submit-error"]').text()).toBe('无法处理：尚未评分：A1.2')
    expect(w.find('[data-testid="submitted"]').exists()).toBe(false)
  })

  it('leaving with a typed but unsaved score asks first', async () => {
    const { w, router } = await render(AssessmentFileView, `/assessor/applications/${APP}`, { applicationId: APP })
    await w.get('[data-testid="points-A1.1"]').setValue('5')
    const ask = vi.spyOn(window, 'confirm').mockReturnValueOnce(false)
    await router.push('/assessor')
    expect(ask).toHaveBeenCalledWith('有尚未保存的内容，确定离开此页吗？')
    expect(router.currentRoute.value.path).toBe(`/assessor/applications/${APP}`)
    ask.mockRestore()
  })

  it('waiting for the county: the file is readable, the scores are not editable', async () => {
    mocks.myAssignments.mockResolvedValue([row({ due: 'WAIT', applicationStatus: 'SELF_EVALUATED' })])
    const { w } = await render(AssessmentFileView, `/assessor/applications/${APP}`, { applicationId: APP })
    expect(w.get('[data-testid="wait"]').text()).toContain('区县尚未开始评审')
    expect(w.get('[data-testid="points-A1.1"]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-testid="submit-scores"]').exists()).toBe(false)
  })

  it('an undeclared assessor is sent to the declaration and does not get the file', async () => {
    mocks.myAssignments.mockResolvedValue([row({ due: 'DECLARE', assignmentStatus: 'ASSIGNED' })])
    const { w } = await render(AssessmentFileView, `/assessor/applications/${APP}`, { applicationId: APP })
    expect(w.get('[data-testid="declare-first"] a').attributes('href')).toBe(`/assessor/applications/${APP}/declaration`)
    expect(mocks.file).not.toHaveBeenCalled()
  })
})
