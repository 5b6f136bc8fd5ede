import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import axe from 'axe-core'
import { createPinia } from 'pinia'
import { ApiError } from '@/api/client'
import { useSession } from '@/stores/session'
import { blankRouter, mountWith } from '@/test/mount'
import { CITY_CARD, ME, cell, indicator } from '@/test/fixtures'

const mocks = vi.hoisted(() => ({
  cityScorecard: vi.fn(),
  schoolScorecard: vi.fn(),
  attention: vi.fn(),
  unit: vi.fn(),
  countyScorecard: vi.fn(),
  countyIndicator: vi.fn(),
}))
vi.mock('@/api/reports', async (orig) => ({
  ...(await orig<typeof import('@/api/reports')>()),
  api: mocks,
}))

import CityView from './CityView.vue'
import SchoolView from './SchoolView.vue'
import AttentionView from './AttentionView.vue'
import CountyView from './CountyView.vue'

async function render(component: object, role: string, path: string, props: Record<string, unknown> = {}, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia()
  const router = blankRouter()
  await router.push(path)
  const w = mountWith(component, { pinia, router, props, lang })
  const s = useSession()
  s.me = ME[role]
  s.calendar = { today: '2026-12-04', currentSemester: '2026-2027-1', semesters: [] }
  await flushPromises()
  return w
}

describe('pages', () => {
  beforeEach(() => vi.resetAllMocks())

  it('the city scorecard shows the city row and counties, with export links carrying lang', async () => {
    mocks.cityScorecard.mockResolvedValue(CITY_CARD)
    const w = await render(CityView, 'city-staff', '/city?period=2026-2027-1', {}, 'en')
    expect(mocks.cityScorecard).toHaveBeenCalledWith('2026-2027-1')
    expect(w.get('[data-testid="page-title"]').text()).toBe('City scorecard')
    expect(w.get('[data-testid="row-990100"]').text()).toContain('演示市')
    expect(w.get('[data-testid="cell-990114-PLATFORM_REGISTRATION"]').attributes('data-value')).toBe('0.3000')
    expect(w.get('[data-testid="export-xlsx"]').attributes('href'))
      .toBe('/api/reports/periods/2026-2027-1/scorecard/export.xlsx?lang=en')
    expect(w.get('[data-testid="export-pdf"]').attributes('href'))
      .toBe('/api/reports/periods/2026-2027-1/scorecard/export.pdf?lang=en')
    expect(document.title).toBe('City scorecard · Gongyu')
  })

  it('the city scorecard labels the city-direct unit 市直学校, after the counties, drilling down like a county', async () => {
    const card = {
      ...CITY_CARD,
      cityDirect: '990100-ZS',
      indicators: CITY_CARD.indicators.map((l) => ({
        ...l,
        counties: [cell('990100-ZS', '市直属学校', { numerator: 20, denominator: 40, value: 0.5, target: l.indicator.target }), ...l.counties],
      })),
    }
    mocks.cityScorecard.mockResolvedValue(card)
    const zh = await render(CityView, 'city-staff', '/city?period=2026-2027-1')
    expect(zh.get('[data-testid="row-990100-ZS"]').text()).toContain('市直学校')
    expect(zh.get('[data-testid="row-990100-ZS"]').text()).not.toContain('市直属学校')
    const ids = zh.findAll('[data-testid^="row-"]').map((r) => r.attributes('data-testid'))
    expect(ids.indexOf('row-990100-ZS')).toBeGreaterThan(ids.indexOf('row-990114'))
    expect(zh.get('[data-testid="row-990100-ZS"] a').attributes('href')).toContain('/counties/990100-ZS')
    mocks.cityScorecard.mockResolvedValue(card)
    const en = await render(CityView, 'city-staff', '/city?period=2026-2027-1', {}, 'en')
    expect(en.get('[data-testid="row-990100-ZS"]').text()).toContain('City-direct schools')
  })

  it('the county view shows sign-off completeness, timeliness and approvals beside the deadline, "—" where not counted', async () => {
    const ind = indicator('PLATFORM_REGISTRATION', 'RATIO', 0.6)
    const county = cell('990113', '西湖区', { value: 0.7, schoolsReporting: 3, schoolsExpected: 3, version: 2 })
    mocks.countyScorecard.mockResolvedValue({
      periodId: '2026-2027-1', countyId: '990113', countyName: '西湖区',
      indicators: [{ indicator: ind, periodId: '2026-2027-1', county }], schools: [],
    })
    mocks.unit.mockResolvedValue(null)
    const detail = {
      ...county, rate: 0.7, deadline: '2026-12-31T15:59:00Z', schoolsOnTime: 2, lineage: [],
      signOffs: { signedOff: 2, signedOffOnTime: 1, approved: 1, completeness: 0.6667, timeliness: 0.3333 },
    }
    mocks.countyIndicator.mockResolvedValue({ indicator: ind, periodId: '2026-2027-1', county: detail, schools: [] })
    const w = await render(CountyView, 'county-admin', '/counties/990113?period=2026-2027-1', { countyId: '990113' })
    expect(mocks.countyIndicator).toHaveBeenCalledWith('PLATFORM_REGISTRATION', '2026-2027-1', '990113')
    expect(w.get('[data-testid="sign-off-status"]').text()).toContain('上报完成率')
    expect(w.get('[data-testid="sign-off-completeness"]').text()).toBe('66.7%（2/3）')
    expect(w.get('[data-testid="sign-off-timeliness"]').text()).toBe('33.3%')
    expect(w.get('[data-testid="sign-off-approved"]').text()).toBe('1')
    const axeResult = await axe.run(w.element as HTMLElement, { rules: { 'color-contrast': { enabled: false } } })
    expect(axeResult.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])

    // a rollup published before sign-offs
    mocks.countyIndicator.mockResolvedValue({ indicator: ind, periodId: '2026-2027-1', county: { ...detail, signOffs: null }, schools: [] })
    const older = await render(CountyView, 'county-admin', '/counties/990113?period=2026-2027-1', { countyId: '990113' }, 'en')
    expect(older.get('[data-testid="sign-off-status"]').text()).toContain('Sign-off completeness')
    expect(older.get('[data-testid="sign-off-completeness"]').text()).toBe('—')
    expect(older.get('[data-testid="sign-off-timeliness"]').text()).toBe('—')
    expect(older.get('[data-testid="sign-off-approved"]').text()).toBe('—')
  })

  it('a school the API does not show (404) is the not-found page, with no figures', async () => {
    mocks.schoolScorecard.mockRejectedValue(new ApiError(404, 'Not Found', 'no school 9901140001', []))
    const w = await render(SchoolView, 'school-admin', '/schools/9901140001?period=2026-2027-1', { schoolId: '9901140001' })
    expect(w.find('[data-testid="not-found"]').exists()).toBe(true)
    expect(w.find('[data-testid="scorecard"]').exists()).toBe(false)
    expect(w.find('[data-testid="export-xlsx"]').exists()).toBe(false)
  })

  it('the school view lists what is missing for the period', async () => {
    mocks.schoolScorecard.mockResolvedValue({
      periodId: '2026-2027-1',
      school: { id: '9901130001', level: 'SCHOOL', name: '湖畔小学', cityId: '990100', cityName: '演示市', countyId: '990113', countyName: '西湖区', xuequId: 'XQ1', schoolType: 'PRIMARY' },
      indicators: [
        { indicator: indicator('PLATFORM_REGISTRATION', 'RATIO', 0.6, { nameZh: '家长注册率' }), periodId: '2026-2027-1',
          cell: { applies: true, suppressed: false, numerator: 3, denominator: 4, value: 0.75, target: 0.6, met: true, version: 1, asOf: '2026-10-01T02:00:00Z' },
          missing: false },
        { indicator: indicator('HEAD_TRAINING', 'RATIO', 1, { nameZh: '校长培训', periodType: 'SCHOOL_YEAR' }), periodId: '2026-2027',
          cell: { applies: true, suppressed: false, numerator: null, denominator: null, value: null, target: 1, met: null, version: null, asOf: null },
          missing: true },
      ],
    })
    const w = await render(SchoolView, 'school-admin', '/schools/9901130001?period=2026-2027-1', { schoolId: '9901130001' })
    const missing = w.get('[data-testid="school-missing"]')
    expect(missing.text()).toContain('校长培训（2026-2027）尚未上报')
    expect(missing.text()).not.toContain('家长注册率')
    const c = w.get('[data-testid="cell-9901130001-PLATFORM_REGISTRATION"]')
    expect(c.attributes('data-text')).toBe('75.0%')
    expect(c.attributes('data-met')).toBe('true')
    expect(w.text()).toContain('2026-10-01 10:00')
    expect(w.get('[data-testid="export-xlsx"]').attributes('href'))
      .toBe('/api/reports/periods/2026-2027-1/schools/9901130001/scorecard/export.xlsx?lang=zh-CN')
    // a school's own user has no indicator views to go to
    expect(w.find('[data-testid="indicator-link-PLATFORM_REGISTRATION"]').exists()).toBe(false)
  })

  it('the attention page filters by reason and links the unit and the indicator', async () => {
    const item = (reason: string, unitId: string, level: string) => ({
      indicatorCode: 'PLATFORM_REGISTRATION', indicatorNameZh: '家长注册率', indicatorNameEn: 'Registration', kind: 'RATIO',
      periodId: '2026-2027-1', level, unitId, unitName: `单位${unitId}`, countyId: '990113', countyName: '西湖区',
      xuequId: null, reason, value: reason === 'MISSING' ? null : 0.3, target: 0.6, gap: 0.3, numerator: 3, denominator: 10,
    })
    mocks.attention.mockResolvedValue({
      periodId: '2026-2027-1', withheld: 1,
      items: [item('BELOW_TARGET', '9901130001', 'SCHOOL'), item('MISSING', '9901130002', 'SCHOOL'), item('BELOW_TARGET', '990113', 'COUNTY'),
        { ...item('LATE', '9901130003', 'SCHOOL'), deadline: '2026-10-31T15:59:00Z', firstReportedAt: '2026-11-02T01:00:00Z' }],
    })
    const w = await render(AttentionView, 'city-staff', '/attention?period=2026-2027-1')
    expect(w.findAll('[data-testid="attention-row"]')).toHaveLength(4)
    expect(w.get('[data-testid="attention-row"][data-reason="LATE"]').text()).toContain('截止 2026-10-31 23:59；首次上报 2026-11-02 09:00')
    await w.get('[data-testid="filter-reason"]').setValue('MISSING')
    const rows = w.findAll('[data-testid="attention-row"]')
    expect(rows).toHaveLength(1)
    expect(rows[0].text()).toContain('缺报')
    expect(rows[0].find('a[href^="/schools/9901130002"]').exists()).toBe(true)
    expect(rows[0].find('a[href^="/indicators/PLATFORM_REGISTRATION"]').attributes('href')).toContain('county=990113')
    expect(w.get('[data-testid="export-xlsx"]').attributes('href'))
      .toBe('/api/reports/periods/2026-2027-1/attention/export.xlsx?reason=MISSING&lang=zh-CN')
    expect(w.text()).toContain('另有 1 项因小数保护未列出数值')
  })
})
