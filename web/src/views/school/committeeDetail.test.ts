import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import { ApiError } from '@/api/client'
import type { CommitteeDetail } from '@/api/committees'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'

const mocks = vi.hoisted(() => ({ detail: vi.fn(), putElection: vi.fn(), putActivity: vi.fn(), putDeclaration: vi.fn() }))
vi.mock('@/api/committees', async (original) => ({
  ...(await original<typeof import('@/api/committees')>()),
  committeesApi: mocks,
}))

import CommitteeDetailView from './CommitteeDetailView.vue'
import { FAMILIES } from '@/records/families'

const SCHOOL = '9901130001'

function detail(more: Partial<CommitteeDetail> = {}): CommitteeDetail {
  return {
    committee: { committeeId: 'K1', level: 'SCHOOL', classId: null, grade: null, foundedOn: '2024-09-10', termEndsOn: '2030-09-20',
      venue: '家长驿站', plaque: true, rulesAdopted: true, dissolvedOn: null },
    inTerm: true, schoolYear: '2027-2028',
    feeBanDeclaration: { schoolYear: '2027-2028', declaredOn: '2027-09-05', declaredBy: 'COMMITTEE_DIRECTOR', textVersion: '2027版' },
    members: [
      { memberId: 'E1-1', role: 'DIRECTOR', classId: 'N1', electionId: 'E1', reElected: true, termStartsOn: '2027-09-20',
        termEndsOn: '2030-09-20', status: 'ACTIVE', leftOn: null, leftReason: null },
      { memberId: 'E0-2', role: 'MEMBER', classId: 'N2', electionId: 'E0', reElected: false, termStartsOn: '2024-09-10',
        termEndsOn: '2027-09-10', status: 'LEFT', leftOn: '2027-09-20', leftReason: 'TERM_ENDED' },
    ],
    elections: [{ electionId: 'E1', kind: 'GENERAL', type: 'COMPETITIVE', electorate: 'CLASS_REPRESENTATIVES', nominatedBy: 'PARENTS',
      seats: 2, heldOn: '2027-09-20', schoolYear: '2027-2028', termEndsOn: '2030-09-20', candidates: [
        { candidateNo: 1, classId: 'N1', role: 'DIRECTOR', elected: true, votes: 40, memberId: 'E1-1' },
        { candidateNo: 2, classId: 'N2', role: null, elected: false, votes: 12, memberId: null },
        { candidateNo: 3, classId: 'N2', role: 'MEMBER', elected: true, votes: 35, memberId: 'E1-3' },
      ] }],
    activities: [{ activityId: 'A1', type: 'RECEPTION_DAY', heldOn: '2027-09-25', online: false, theme: '食堂管理', attendance: 45 }],
    declarations: [],
    ...more,
  }
}

const Blank = { template: '<div />' }
async function render(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia()
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/schools/:schoolId/records/committees/:committeeId', component: CommitteeDetailView, props: true },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(`/schools/${SCHOOL}/records/committees/K1`)
  setActivePinia(pinia)
  useSession().me = ME['school-admin']
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang, attachTo: document.body })
  await flushPromises()
  return { w, router }
}
const body = () => document.body
/** the input of an Element Plus field (its data-testid lands on the input itself or on a wrapper) */
function input(testId: string): HTMLInputElement {
  const el = body().querySelector(`[data-testid="${testId}"] input, input[data-testid="${testId}"]`) as HTMLInputElement
  expect(el, testId).not.toBeNull()
  return el
}
function typeInto(testId: string, text: string) {
  const el = input(testId)
  el.value = text
  el.dispatchEvent(new Event('input'))
}

// Element Plus dialogs and tables in jsdom are slow on a busy machine
vi.setConfig({ testTimeout: 30_000 })

describe('the committee page', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    document.body.innerHTML = ''
    mocks.detail.mockResolvedValue(detail())
  })

  it("shows the committee's term, members by role and class, its elections, activities and the year's no-fee declaration", async () => {
    const { w } = await render()
    expect(mocks.detail).toHaveBeenCalledWith(SCHOOL, 'K1')
    expect(w.get('[data-testid="page-title"]').text()).toBe('家长委员会 K1')
    expect(w.get('[data-testid="committee-unit"]').text()).toBe('校级家委会')
    expect(w.get('[data-testid="committee-term"]').text()).toBe('本届任期：2024-09-10 至 2030-09-20（不含）')
    expect(w.get('[data-testid="committee-in-term"]').text()).toBe('任期内')
    expect(w.get('[data-testid="fee-ban-declared"]').text()).toBe('2027-2028 学年已声明：2027-09-05，声明人 家委会主任，文本版本 2027版')
    expect(w.get('[data-testid="member-role-E1-1"]').text()).toBe('主任')
    expect(w.get('[data-testid="member-status-E0-2"]').text()).toBe('已离任 2027-09-20（任期届满）')
    expect(w.get('[data-testid="members"]').text()).toContain('E1 · 连任')
    expect(w.get('[data-testid="election-elected-E1"]').text()).toBe('2 人')
    expect(w.get('[data-testid="elections"]').text()).toContain('换届选举')
    expect(w.get('[data-testid="activities"]').text()).toContain('家长接待日')
    expect(w.get('[data-testid="members-privacy"]').text()).toContain('不上报')
  })

  it('speaks English too', async () => {
    const { w } = await render('en')
    expect(w.get('[data-testid="page-title"]').text()).toBe('Parent committee K1')
    expect(w.get('[data-testid="member-role-E1-1"]').text()).toBe('Director')
    expect(w.get('[data-testid="committee-in-term"]').text()).toBe('In term')
    expect(w.get('[data-testid="elections"]').text()).toContain('General election')
  })

  it('warns when the year has no declaration and records one for the current school year', async () => {
    mocks.detail.mockResolvedValue(detail({ feeBanDeclaration: null }))
    const { w } = await render()
    expect(w.get('[data-testid="fee-ban-missing"]').text()).toContain('2027-2028 学年尚未记录不收费声明')
    await w.get('[data-testid="fee-ban-record"]').trigger('click')
    await flushPromises()
    typeInto('declaration-text-version', '2027版')
    mocks.putDeclaration.mockResolvedValue({})
    ;(body().querySelector('[data-testid="declaration-save"]') as HTMLElement).click()
    await flushPromises()
    expect(mocks.putDeclaration).toHaveBeenCalledWith(SCHOOL, 'K1', '2027-2028',
      expect.objectContaining({ declaredBy: 'COMMITTEE_DIRECTOR', textVersion: '2027版' }))
    expect(mocks.detail).toHaveBeenCalledTimes(2)
  })

  it("records an election: the refusal names the field, the parent's reference is sent but never shown", async () => {
    const { w } = await render()
    await w.get('[data-testid="election-record"]').trigger('click')
    await flushPromises()
    expect(input('candidate-ref-0').type).toBe('password')
    typeInto('candidate-ref-0', 'RAW-PARENT-1')
    input('candidate-elected-0').click()
    typeInto('candidate-ref-1', 'RAW-PARENT-2')
    await flushPromises()
    mocks.putElection.mockRejectedValueOnce(new ApiError(422, 'Request breaks a rule', '未保存任何内容',
      [{ field: 'candidates[0].role', message: 'is required for an elected candidate' }]))
    ;(body().querySelector('[data-testid="election-save"]') as HTMLElement).click()
    await flushPromises()
    const [school, committee, id, sent] = mocks.putElection.mock.calls[0]
    expect([school, committee]).toEqual([SCHOOL, 'K1'])
    expect(id).toBeTruthy()
    expect(sent).toMatchObject({ kind: 'GENERAL', type: 'COMPETITIVE', electorate: 'CLASS_REPRESENTATIVES', seats: 1, termEndsOn: null,
      candidates: [{ parentRef: 'RAW-PARENT-1', elected: true, role: null }, { parentRef: 'RAW-PARENT-2', elected: false, role: null }] })
    expect(body().querySelector('[data-testid="election-problem"]')!.textContent).toContain('candidates[0].role: is required for an elected candidate')

    mocks.putElection.mockResolvedValueOnce({})
    ;(body().querySelector('[data-testid="election-save"]') as HTMLElement).click()
    await flushPromises()
    expect(mocks.putElection.mock.calls[1][2]).toBe(id) // the same election id: sending again is harmless
    expect(mocks.detail).toHaveBeenCalledTimes(2)
    expect(body().textContent).not.toContain('RAW-PARENT')
  })

  it('records an activity', async () => {
    const { w } = await render()
    await w.get('[data-testid="activity-record"]').trigger('click')
    await flushPromises()
    typeInto('activity-theme', ' 学期工作会议 ')
    mocks.putActivity.mockResolvedValue({})
    ;(body().querySelector('[data-testid="activity-save"]') as HTMLElement).click()
    await flushPromises()
    expect(mocks.putActivity).toHaveBeenCalledWith(SCHOOL, 'K1', expect.any(String),
      expect.objectContaining({ type: 'MEETING', online: false, theme: '学期工作会议', attendance: 0 }))
  })

  it("is not found for another school's committee or an unknown one", async () => {
    mocks.detail.mockRejectedValue(new ApiError(404, 'Not found', 'committee K1 is not recorded', []))
    const { w } = await render()
    expect(w.find('[data-testid="not-found"]').exists()).toBe(true)
    expect(w.text()).not.toContain('家长委员会 K1')
  })

  it('is linked from each committee of the records list', () => {
    const committees = FAMILIES.find((f) => f.key === 'committees')!
    expect(committees.detailPath!(SCHOOL, 'K 1')).toBe(`/schools/${SCHOOL}/records/committees/K%201`)
    expect(FAMILIES.filter((f) => f.detailPath).map((f) => f.key)).toEqual(['committees', 'reading-campaigns'])
  })
})
