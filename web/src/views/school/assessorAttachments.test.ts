import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import type { ApplicationFile, MyAssignment } from '@/api/types'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'

const mocks = vi.hoisted(() => ({
  myAssignments: vi.fn(), declare: vi.fn(), file: vi.fn(), putScore: vi.fn(), submit: vi.fn(), scoresheet: vi.fn(), myScores: vi.fn(),
  attachmentsAt: vi.fn(),
}))
vi.mock('@/api/assessment', () => ({ assessmentApi: mocks }))
vi.mock('@/api/schoolDemo', async (original) => ({
  ...(await original<typeof import('@/api/schoolDemo')>()),
  schoolDemoApi: { attachmentsAt: mocks.attachmentsAt },
}))

import AssessmentFileView from '../AssessmentFileView.vue'

const APP = '0b9c6b8e-1f0a-4c1e-9d55-2f6f3c1a0002'
const HREF = `/api/school/schools/9901130002/demonstration/applications/${APP}/attachments`
const ASSIGNMENT: MyAssignment = {
  applicationId: APP, programmeId: 'DEMO-2026', schoolId: '9901130002', schoolName: '西湖第二中学', round: 1, current: true,
  assignmentStatus: 'CLEARED', applicationStatus: 'ASSESSING', assignedAt: '2026-11-18T02:00:00Z', declaredAt: '2026-11-19T06:30:00Z',
  submittedAt: null, due: 'SCORE',
}
const FILE: ApplicationFile = {
  applicationId: APP, schoolId: '9901130002', programmeId: 'DEMO-2026', round: 1, submittedAt: '2026-11-15T08:00:00Z',
  standardId: 'STD', standardVersion: 1, selfTotal: 9,
  rubric: { titleZh: '标准', titleEn: 'Standard', passMark: 6, fullMark: 10, areas: [{ code: 'A1', nameZh: '组织', nameEn: 'Organisation',
    criteria: [{ code: 'A1.1', nameZh: '有章程', nameEn: 'A charter', points: 10, evidenceRequired: '章程' }] }] },
  items: [{ criterionCode: 'A1.1', selfScore: 9, narrative: '已制定章程', evidence: [{ title: '章程', reference: 'DOC-1' }] }],
  attachmentsHref: HREF,
}

const Blank = { template: '<div />' }
async function render() {
  const pinia = createPinia()
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/assessor/applications/:applicationId', component: AssessmentFileView, props: () => ({ applicationId: APP }) },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(`/assessor/applications/${APP}`)
  setActivePinia(pinia)
  useSession().me = ME['county-assessor']
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang: 'zh-CN' })
  await flushPromises()
  return w
}

describe("the assessor's file", () => {
  beforeEach(() => {
    vi.resetAllMocks()
    mocks.myAssignments.mockResolvedValue([ASSIGNMENT])
    mocks.file.mockResolvedValue(FILE)
    mocks.myScores.mockResolvedValue([])
  })

  it('links the evidence attachments the school tier lists at the path the file names', async () => {
    mocks.attachmentsAt.mockResolvedValue([{ id: 'att-9', applicationId: APP, round: 1, criterionCode: 'A1.1', fileName: '家长学校章程.pdf',
      contentType: 'application/pdf', sizeBytes: 1000, sha256: 'x', uploadedAt: '', href: `${HREF}/att-9` }])
    const w = await render()
    expect(mocks.attachmentsAt).toHaveBeenCalledWith(HREF)
    const link = w.get('[data-testid="file-attachment-att-9"]')
    expect(link.attributes('href')).toBe(`${HREF}/att-9`)
    expect(link.text()).toContain('家长学校章程.pdf')
  })

  it('still shows the file when the school tier does not answer', async () => {
    mocks.attachmentsAt.mockRejectedValue(new Error('down'))
    const w = await render()
    expect(w.find('[data-testid="criterion-A1.1"]').exists()).toBe(true)
    expect(w.find('[data-testid="file-attachments-A1.1"]').exists()).toBe(false)
  })
})
