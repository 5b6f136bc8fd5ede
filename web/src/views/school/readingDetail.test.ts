import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import { ApiError } from '@/api/client'
import { parseCheckIns, type ReadingCampaign, type ReadingSummary } from '@/api/reading'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'

const mocks = vi.hoisted(() => ({ campaign: vi.fn(), summary: vi.fn(), checkIn: vi.fn(), list: vi.fn() }))
vi.mock('@/api/reading', async (original) => ({
  ...(await original<typeof import('@/api/reading')>()),
  readingApi: { campaign: mocks.campaign, summary: mocks.summary, checkIn: mocks.checkIn },
}))
vi.mock('@/api/records', async (original) => {
  const real = await original<typeof import('@/api/records')>()
  return { ...real, recordsApi: { ...real.recordsApi, list: mocks.list } }
})

import ReadingCampaignDetailView from './ReadingCampaignDetailView.vue'
import { FAMILIES } from '@/records/families'

const SCHOOL = '9901130001'
const CAMPAIGN: ReadingCampaign = {
  campaignId: 'R1', classId: 'C1A', name: '亲子共读21天打卡', startDate: '2026-09-01', days: 21, targetMinutes: 20,
  lastDay: '2026-09-21', recordStatus: 'ACTIVE', version: 1,
}
const SUMMARY: ReadingSummary = {
  campaignId: 'R1', participants: 3, completed: 2, checkIns: 44,
  perDay: [{ date: '2026-09-01', students: 3 }, { date: '2026-09-02', students: 2 }],
}

const Blank = { template: '<div />' }
async function render(lang: 'zh-CN' | 'en' = 'zh-CN', school = SCHOOL) {
  const pinia = createPinia()
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: '/schools/:schoolId/records/reading-campaigns/:campaignId', component: ReadingCampaignDetailView, props: true },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(`/schools/${school}/records/reading-campaigns/R1`)
  setActivePinia(pinia)
  useSession().me = ME['school-admin']
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang, attachTo: document.body })
  await flushPromises()
  return w
}
const text = (testId: string) => document.body.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null
function typeLines(value: string) {
  const el = document.body.querySelector('[data-testid="check-in-lines"] textarea, textarea[data-testid="check-in-lines"]') as HTMLTextAreaElement
  expect(el).not.toBeNull()
  el.value = value
  el.dispatchEvent(new Event('input'))
}
async function send() {
  ;(document.body.querySelector('[data-testid="check-in-send"]') as HTMLButtonElement).click()
  await flushPromises()
}

vi.setConfig({ testTimeout: 30_000 })

describe('the check-in box', () => {
  it('reads a student a line with minutes, or the daily target without them; blank lines are skipped', () => {
    expect(parseCheckIns('20260101 25\n\n 20260102,30 \n20260103\r\n', '2026-09-02', 20)).toEqual({
      checkIns: [
        { studentRef: '20260101', date: '2026-09-02', minutes: 25 },
        { studentRef: '20260102', date: '2026-09-02', minutes: 30 },
        { studentRef: '20260103', date: '2026-09-02', minutes: 20 },
      ],
      problems: [],
    })
  })

  it('names each line it cannot read: minutes not a whole number from 1 to 1440, or more than two parts', () => {
    const { checkIns, problems } = parseCheckIns('A1 0\nA2 25.5\nA3 1441\nA4 20 extra\nA5 1440', '2026-09-02', 20)
    expect(problems.map((p) => p.line)).toEqual([1, 2, 3, 4])
    expect(checkIns).toEqual([{ studentRef: 'A5', date: '2026-09-02', minutes: 1440 }])
  })
})

describe('the reading campaign page', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    document.body.innerHTML = ''
    mocks.campaign.mockResolvedValue(CAMPAIGN)
    mocks.summary.mockResolvedValue(SUMMARY)
    mocks.list.mockResolvedValue([{ id: 'C1A', data: { classId: 'C1A', name: '一年级(1)班', schoolYear: '2026-2027' }, version: 1, withdrawn: false }])
  })

  it('shows the campaign, its counts and the completion rate, and never a student', async () => {
    await render()
    expect(text('page-title')).toBe('亲子共读 · 亲子共读21天打卡')
    expect(text('campaign-span')).toContain('一年级(1)班 · 2026-09-01 至 2026-09-21，共 21 天，每天 20 分钟')
    expect(text('summary-participants')).toBe('3')
    expect(text('summary-completed')).toBe('2')
    expect(text('summary-rate')).toBe('完成率 66.7%')
    expect(text('per-day-2026-09-01')).toBe('3')
    expect(text('check-in-privacy')).toContain('不会显示任何学生')
  })

  it('sends a day of check-ins as one batch, then shows what was stored and the new counts', async () => {
    mocks.checkIn.mockResolvedValue({ received: 2, recorded: 1, replaced: 1, unchanged: 0 })
    await render()
    typeLines('20260101 25\n20260102')
    await flushPromises()
    expect(text('check-in-count')).toBe('将录入 2 条打卡')
    mocks.summary.mockResolvedValue({ ...SUMMARY, checkIns: 45 })
    await send()
    expect(mocks.checkIn).toHaveBeenCalledTimes(1)
    const [school, campaign, checkIns] = mocks.checkIn.mock.calls[0]
    expect([school, campaign]).toEqual([SCHOOL, 'R1'])
    const day = checkIns[0].date
    expect(checkIns).toEqual([{ studentRef: '20260101', date: day, minutes: 25 }, { studentRef: '20260102', date: day, minutes: 20 }])
    expect(day >= CAMPAIGN.startDate && day <= CAMPAIGN.lastDay).toBe(true)
    expect(text('check-in-outcome')).toBe('收到 2 条：新增 1 条，更新分钟数 1 条，未变 0 条。')
    expect(text('summary-check-ins')).toBe('45')
  })

  it('sends nothing while a line cannot be read, and shows the API\'s refusal with its field', async () => {
    await render()
    typeLines('20260101 abc')
    await flushPromises()
    await send()
    expect(mocks.checkIn).not.toHaveBeenCalled()
    expect(text('check-in-line-problems')).toContain('第 1 行无法识别')
    typeLines('')
    await flushPromises()
    expect(text('check-in-line-problems')).toBeNull() // gone with the text that caused it
    mocks.checkIn.mockRejectedValue(new ApiError(422, '输入有误', '没有保存任何内容。',
      [{ field: 'checkIns[0].date', message: '2026-09-30 不在活动 R1 的日期内' }]))
    typeLines('20260101 25')
    await flushPromises()
    await send()
    expect(text('check-in-problem')).toContain('checkIns[0].date: 2026-09-30 不在活动 R1 的日期内')
  })

  it('is not found for another school, and in English speaks English', async () => {
    await render('zh-CN', '9909990001')
    expect(mocks.campaign).not.toHaveBeenCalled()
    document.body.innerHTML = ''
    await render('en')
    expect(text('summary-rate')).toBe('Completion 66.7%')
    expect(text('check-in-count')).toBe('0 check-ins will be entered')
  })

  it('is the reading campaigns\' detail page', () => {
    const reading = FAMILIES.find((f) => f.key === 'reading-campaigns')!
    expect(reading.detailPath!('S 1', 'R/1')).toBe('/schools/S%201/records/reading-campaigns/R%2F1')
  })
})
