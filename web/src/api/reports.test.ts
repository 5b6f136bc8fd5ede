import { describe, expect, it } from 'vitest'
import { exportUrl } from './reports'

describe('export URLs', () => {
  it('a city trend export names the window and the language', () => {
    const url = new URL(exportUrl.trend('PARENT_CONTACT', '2026-2027-1', null, 'en'), 'http://x')
    expect(url.pathname).toBe('/api/reports/indicators/PARENT_CONTACT/trend/export.xlsx')
    expect(url.searchParams.get('to')).toBe('2026-2027-1')
    expect(url.searchParams.get('periods')).toBe('6')
    expect(url.searchParams.get('lang')).toBe('en')
  })

  it("a county user's trend export is the county variant", () => {
    const url = new URL(exportUrl.trend('PARENT_CONTACT', '2026-2027', '990101', 'zh-CN', 3), 'http://x')
    expect(url.pathname).toBe('/api/reports/indicators/PARENT_CONTACT/counties/990101/trend/export.xlsx')
    expect(url.searchParams.get('periods')).toBe('3')
    expect(url.searchParams.get('lang')).toBe('zh-CN')
  })
})
