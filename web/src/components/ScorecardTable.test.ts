import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import ScorecardTable from './ScorecardTable.vue'
import type { ScoreRow } from './cells'
import { CITY_CARD } from '@/test/fixtures'
import { mountWith } from '@/test/mount'

function props() {
  const columns = CITY_CARD.indicators.map((l) => ({ indicator: l.indicator, periodId: l.periodId }))
  const pinned: ScoreRow[] = [{
    id: '990100', name: '演示市', level: 'CITY', link: null,
    cells: Object.fromEntries(CITY_CARD.indicators.map((l) => [l.indicator.code, l.city])),
  }]
  const rows: ScoreRow[] = ['990113', '990114'].map((id) => ({
    id,
    name: CITY_CARD.indicators[0].counties.find((c) => c.id === id)!.name!,
    level: 'COUNTY',
    link: { path: `/counties/${id}`, query: { period: '2026-2027-1' } },
    cells: Object.fromEntries(CITY_CARD.indicators.map((l) => [l.indicator.code, l.counties.find((c) => c.id === id)])),
  }))
  return {
    columns, pinned, rows,
    indicatorLink: (code: string) => ({ path: `/indicators/${code}`, query: { period: '2026-2027-1' } }),
  }
}

async function render(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const w = mountWith(ScorecardTable, { props: props(), lang })
  await flushPromises()
  return w
}

describe('ScorecardTable', () => {
  it('renders the table, the city row on top and a row per county with the C3 test ids', async () => {
    const w = await render()
    expect(w.find('[data-testid="scorecard"]').exists()).toBe(true)
    const rows = w.findAll('tbody tr[data-testid^="row-"]').map((r) => r.attributes('data-testid'))
    expect(rows).toEqual(['row-990100', 'row-990113', 'row-990114'])
  })

  it('a cell carries the raw value, the met state, suppression and the formatted text', async () => {
    const w = await render()
    const c = w.get('[data-testid="cell-990100-PLATFORM_REGISTRATION"]')
    expect(c.attributes('data-value')).toBe('0.5440')
    expect(c.attributes('data-met')).toBe('false')
    expect(c.attributes('data-suppressed')).toBe('false')
    expect(c.attributes('data-text')).toBe('54.4%')
    expect(c.text()).toContain('54.4%')
    expect(c.text()).toContain('目标 ≥ 60.0%')
    expect(c.text()).toContain('完整 10/10 · 及时 90.0%')
  })

  it('met and not met show an icon and a word, not only a colour', async () => {
    const w = await render()
    const met = w.get('[data-testid="cell-990113-PLATFORM_REGISTRATION"] .met-badge')
    expect(met.classes()).toContain('met-met')
    expect(met.text()).toBe('✓达标')
    const not = w.get('[data-testid="cell-990114-PLATFORM_REGISTRATION"] .met-badge')
    expect(not.text()).toBe('✗未达标')
    expect(w.get('[data-testid="cell-990114-PLATFORM_REGISTRATION"]').attributes('data-met')).toBe('false')
  })

  it('a suppressed cell shows <5 with the reason and no number', async () => {
    const w = await render()
    const c = w.get('[data-testid="cell-990113-SPECIAL_CARE"]')
    expect(c.attributes('data-suppressed')).toBe('true')
    expect(c.attributes('data-value')).toBe('')
    expect(c.attributes('data-met')).toBe('none')
    expect(c.get('.figure').text()).toContain('<5')
    expect(c.get('.figure').attributes('title')).toContain('小于5的敏感数据不予显示')
    const empty = w.get('[data-testid="cell-990114-SPECIAL_CARE"]')
    expect(empty.attributes('data-text')).toBe('—')
    expect(empty.text()).toContain('无数据')
  })

  it('COUNT cells above the school read as schools meeting the target', async () => {
    const w = await render()
    expect(w.get('[data-testid="cell-990113-COLLECTIVE_SESSIONS"]').attributes('data-text')).toBe('1/2 所')
    expect(w.get('[data-testid="cell-990100-COLLECTIVE_SESSIONS"]').text()).toContain('每校 ≥ 1')
  })

  it('sign-offs (完成上报) show beside the coverage, with "—" where the rollup does not count them', async () => {
    const zh = await render()
    const city = zh.get('[data-testid="cell-990100-PLATFORM_REGISTRATION"] .sign-offs')
    expect(city.text()).toBe('上报完成率 80.0%（8/10） · 按时上报率 60.0% · 审核通过 5')
    expect(city.attributes('data-sign-off-completeness')).toBe('0.8000')
    expect(city.attributes('data-sign-off-timeliness')).toBe('0.6000')
    expect(zh.get('[data-testid="cell-990100-PLATFORM_REGISTRATION"] .coverage').text()).toBe('完整 10/10 · 及时 90.0%')
    expect(zh.get('[data-testid="cell-990113-PLATFORM_REGISTRATION"] .sign-offs').text())
      .toBe('上报完成率 60.0%（3/5） · 按时上报率 — · 审核通过 1')
    expect(zh.get('[data-testid="cell-990114-PLATFORM_REGISTRATION"] .sign-offs').text())
      .toBe('上报完成率 — · 按时上报率 — · 审核通过 —')
    expect(zh.find('[data-testid="cell-990114-SPECIAL_CARE"] .sign-offs').exists(), 'no rollup at all').toBe(false)
    const en = await render('en')
    expect(en.get('[data-testid="cell-990100-PLATFORM_REGISTRATION"] .sign-offs').text())
      .toBe('Sign-off completeness 80.0% (8/10) · Signed off on time 60.0% · Approved 5')
  })

  it('links drill down to the county and to the indicator, keeping the period', async () => {
    const w = await render()
    expect(w.get('[data-testid="unit-link-990113"]').attributes('href')).toBe('/counties/990113?period=2026-2027-1')
    expect(w.find('[data-testid="unit-link-990100"]').exists()).toBe(false)
    const head = w.get('[data-testid="indicator-link-PLATFORM_REGISTRATION"]')
    expect(head.attributes('href')).toBe('/indicators/PLATFORM_REGISTRATION?period=2026-2027-1')
    expect(head.text()).toBe('家长注册率')
  })

  it('indicator names and figures follow the language', async () => {
    const w = await render('en')
    expect(w.get('[data-testid="indicator-link-PLATFORM_REGISTRATION"]').text()).toBe('Parent registration')
    expect(w.get('[data-testid="cell-990113-COLLECTIVE_SESSIONS"]').attributes('data-text')).toBe('1/2 schools')
    expect(w.get('[data-testid="cell-990113-PLATFORM_REGISTRATION"] .met-badge').text()).toBe('✓Met')
  })

  it('sorting by an indicator orders the counties, keeps the city on top, and says so (aria-sort)', async () => {
    const w = await render()
    const ids = () => w.findAll('tbody tr[data-testid^="row-"]').map((r) => r.attributes('data-testid'))
    const button = w.get('button[aria-label="按 家长注册率 排序"]')
    await button.trigger('click') // descending first: 0.7 before 0.3
    expect(ids()).toEqual(['row-990100', 'row-990113', 'row-990114'])
    await button.trigger('click')
    expect(ids()).toEqual(['row-990100', 'row-990114', 'row-990113'])
    expect(button.element.closest('th')!.getAttribute('aria-sort')).toBe('ascending')
  })

  it('groups school rows by 学区 when asked', async () => {
    const p = props()
    p.rows = p.rows.map((r, i) => ({ ...r, level: 'SCHOOL', xuequId: i === 0 ? 'XQ2' : 'XQ1' }))
    const w = mountWith(ScorecardTable, { props: { ...p, groupByXuequ: true } })
    await flushPromises()
    const groups = w.findAll('tr.group-row').map((g) => g.text())
    expect(groups[0]).toContain('学区 XQ1')
    expect(groups[1]).toContain('学区 XQ2')
  })
})
