import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { ApiError } from '@/api/client'
import type { XuequScorecard } from '@/api/xuequ'
import { homePath, menuFor, ownUnitId, primaryRole } from '@/roles'
import { useSession } from '@/stores/session'
import { blankRouter, mountWith } from '@/test/mount'
import { ME, indicator } from '@/test/fixtures'

const mocks = vi.hoisted(() => ({ scorecard: vi.fn(), ofCounty: vi.fn(), programmes: vi.fn(), submitArrangement: vi.fn() }))
vi.mock('@/api/xuequ', async (orig) => ({
  ...(await orig<typeof import('@/api/xuequ')>()),
  xuequApi: mocks,
}))

import XuequView from './XuequView.vue'

const CARD: XuequScorecard = {
  periodId: '2026-2027-1',
  countyId: '990113',
  xuequId: '990113-XQ1',
  xuequName: '西湖城区学区',
  indicators: [
    {
      indicator: indicator('PLATFORM_REGISTRATION', 'RATIO', 0.6, { nameZh: '家长注册率', nameEn: 'Parent registration' }),
      periodId: '2026-2027-1',
      xuequ: {
        id: '990113-XQ1', name: '西湖城区学区', suppressed: false, numerator: 160, denominator: 240, value: 0.6667, target: 0.6,
        met: true, schoolsMeetingTarget: 2, schoolsReporting: 3, schoolsExpected: 3, completeness: 1, schoolsOnTime: null,
        timeliness: null, signOffs: { signedOff: 1, signedOffOnTime: null, approved: 0, completeness: 0.3333, timeliness: null },
      },
    },
  ],
  schools: [
    { id: '9901130001', name: '城东一小', schoolType: 'PRIMARY', cells: [
      { code: 'PLATFORM_REGISTRATION', periodId: '2026-2027-1', xuequId: '990113-XQ1', applies: true, suppressed: false, numerator: 70,
        denominator: 100, value: 0.7, target: 0.6, met: true, version: 1, asOf: null }] },
    { id: '9901130002', name: '城东二小', schoolType: 'PRIMARY', cells: [
      { code: 'PLATFORM_REGISTRATION', periodId: '2026-2027-1', xuequId: '990113-XQ1', applies: true, suppressed: false, numerator: 50,
        denominator: 100, value: 0.5, target: 0.6, met: false, version: 1, asOf: null }] },
  ],
}

async function render(role: string, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia()
  const router = blankRouter()
  await router.push('/counties/990113/xuequ/990113-XQ1?period=2026-2027-1')
  const w = mountWith(XuequView, { pinia, router, props: { countyId: '990113', xuequId: '990113-XQ1' }, lang })
  const s = useSession()
  s.me = ME[role]
  s.calendar = { today: '2026-12-04', currentSemester: '2026-2027-1', semesters: [] }
  await flushPromises()
  return w
}

describe('学区 as a working tier (issue 17 item 6)', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    mocks.programmes.mockResolvedValue({ countyId: '990113', xuequId: '990113-XQ1', schools: [], programmes: [] })
  })

  it('学区 staff land on their 学区 and have only it in the menu', () => {
    const me = ME['xuequ-staff']
    expect(primaryRole(me)).toBe('xuequ-staff')
    expect(ownUnitId(me)).toBe('990113-XQ1')
    expect(homePath(me)).toBe('/counties/990113/xuequ/990113-XQ1')
    expect(menuFor(me).map((m) => [m.testId, m.path])).toEqual([['nav-xuequ', '/counties/990113/xuequ/990113-XQ1']])
    expect(homePath({ ...me, xuequ_id: null })).toBeNull()
  })

  it('the 学区 scorecard pins the 学区 row above its schools; 学区 staff get no school pages', async () => {
    mocks.scorecard.mockResolvedValue(CARD)
    const w = await render('xuequ-staff')
    expect(mocks.scorecard).toHaveBeenCalledWith('990113', '990113-XQ1', '2026-2027-1')
    expect(w.get('[data-testid="page-title"]').text()).toBe('西湖城区学区 指标总览')
    expect(w.get('[data-testid="row-990113-XQ1"]').text()).toContain('学区合计')
    expect(w.get('[data-testid="cell-990113-XQ1-PLATFORM_REGISTRATION"]').attributes('data-value')).toBe('0.6667')
    expect(w.get('[data-testid="cell-9901130002-PLATFORM_REGISTRATION"]').attributes('data-value')).toBe('0.5000')
    expect(w.get('[data-testid="xuequ-schools"]').text()).toBe('本学区学校（2 所）')
    expect(w.find('[data-testid="unit-link-9901130001"]').exists()).toBe(false)
    expect(w.find('[data-testid="crumb-county"]').exists()).toBe(false)
    w.unmount()
  })

  it('county staff drill from the 学区 to its schools and back to the county, in English too', async () => {
    mocks.scorecard.mockResolvedValue(CARD)
    const w = await render('county-admin', 'en')
    expect(w.get('[data-testid="page-title"]').text()).toBe('西湖城区学区 indicators')
    expect(w.get('[data-testid="row-990113-XQ1"]').text()).toContain('School district total')
    expect(w.get('[data-testid="unit-link-9901130001"]').attributes('href')).toBe('/schools/9901130001?period=2026-2027-1')
    expect(w.get('[data-testid="crumb-county"]').attributes('href')).toBe('/counties/990113?period=2026-2027-1')
    w.unmount()
  })

  it('a 学区 the API does not show (404) is the not-found page', async () => {
    mocks.scorecard.mockRejectedValue(new ApiError(404, 'Not Found', 'no 学区', []))
    const w = await render('xuequ-staff')
    expect(w.find('[data-testid="scorecard"]').exists()).toBe(false)
    expect(w.find('[data-testid="not-found"]').exists()).toBe(true)
    w.unmount()
  })

  it('学区 staff select their schools and submit the 学区\'s part of the arrangement table, over the quota in red', async () => {
    mocks.scorecard.mockResolvedValue(CARD)
    mocks.programmes.mockResolvedValue({
      countyId: '990113', xuequId: '990113-XQ1',
      schools: [{ schoolId: '9901130001', name: '城东一小' }, { schoolId: '9901130002', name: '城东二小' }],
      programmes: [{ programmeId: 'P1', name: '示范校创建', startsOn: '2026-02-01', endsOn: '2028-01-31', version: 3, quota: 1,
        arranged: [{ schoolId: '9901130001', name: '城东一小', plannedYear: 2026 }] }],
    })
    mocks.submitArrangement.mockResolvedValue({})
    const w = await render('xuequ-staff')
    const form = w.get('[data-testid="arrangement-P1"]')
    expect((form.get('[data-testid="arr-year-9901130001"]').element as HTMLSelectElement).value).toBe('2026')
    expect(form.get('[data-testid="arrangement-count"]').text()).toBe('已选 1 所 / 本学区名额 1 所')
    expect(form.findAll('[data-testid="arr-year-9901130002"] option').map((o) => o.text())).toEqual(['不列入', '2026 年', '2027 年', '2028 年'])
    await form.get('[data-testid="arr-year-9901130002"]').setValue('2027')
    expect(form.get('[data-testid="arrangement-count"]').classes()).toContain('bad')
    await form.trigger('submit')
    await flushPromises()
    expect(mocks.submitArrangement).toHaveBeenCalledWith('990113', '990113-XQ1', 'P1',
      [{ schoolId: '9901130001', plannedYear: 2026 }, { schoolId: '9901130002', plannedYear: 2027 }])
    w.unmount()
  })

  it('a county assessor reads the arrangement but cannot submit it', async () => {
    mocks.scorecard.mockResolvedValue(CARD)
    mocks.programmes.mockResolvedValue({ countyId: '990113', xuequId: '990113-XQ1', schools: [{ schoolId: '9901130001', name: '城东一小' }],
      programmes: [{ programmeId: 'P1', name: '示范校创建', startsOn: '2026-02-01', endsOn: '2028-01-31', version: 3, quota: null, arranged: [] }] })
    const w = await render('county-assessor')
    expect(w.get('[data-testid="arrangement-count"]').text()).toContain('区县尚未分配本学区名额')
    expect(w.find('[data-testid="arrangement-submit"]').exists()).toBe(false)
    expect(w.get('[data-testid="arr-year-9901130001"]').attributes('disabled')).toBeDefined()
    w.unmount()
  })
})
