import { describe, expect, it } from 'vitest'
import { adjustmentBody, adjustmentProblems, body, bandsText, byField, fromVersion, inForce, parseBands, schoolYearOf, signed, template } from './shared'
import { schemesApi, schemesBase } from '@/api/schemes'

describe('assessment schemes (考核方案)', () => {
  it('a first scheme starts from a template whose points add up to its total', () => {
    for (const tier of ['city', 'county'] as const) {
      const t = template(tier)
      expect(t.items.reduce((s, i) => s + i.points, 0)).toBe(t.totalPoints)
    }
  })

  it('bands read and write as people type them, unreadable parts kept for the API to name', () => {
    expect(parseBands('0.6:15；0.8:24, 1：30')).toEqual([{ atLeast: 0.6, points: 15 }, { atLeast: 0.8, points: 24 }, { atLeast: 1, points: 30 }])
    expect(bandsText([{ atLeast: 0.5, points: 5 }, { atLeast: 0.6, points: 10 }])).toBe('0.5:5；0.6:10')
    expect(Number.isNaN(parseBands('x:1')[0].atLeast)).toBe(true)
  })

  it('sends only what a rule takes, and issuing again starts from the latest version', () => {
    const s = template('city')
    s.items[0].rule = { type: 'THRESHOLD', floor: 0.4, target: 0.6, bands: [] }
    expect(body(s).items[0].rule).toEqual({ type: 'THRESHOLD', target: 0.6 })
    const copy = fromVersion({ schemeId: 'S', version: 2, titleZh: 'a', titleEn: 'a', totalPoints: 10, issuedAt: '', issuedBy: '',
      items: [{ code: 'K1', nameZh: 'n', nameEn: 'n', indicatorCode: 'X', points: 10, rule: { type: 'LINEAR', floor: 0.1, target: 0.2 } }] })
    expect(copy.items[0].rule).toEqual({ type: 'LINEAR', floor: 0.1, target: 0.2, bands: [] })
  })

  it('places each field problem by its path and knows the school year of a day', () => {
    expect(byField([{ field: 'totalPoints', message: '须等于总分' }, { field: 'items[0].rule.floor', message: 'a' },
      { field: 'items[0].rule.floor', message: 'b' }])).toEqual({ totalPoints: '须等于总分', 'items[0].rule.floor': 'a b' })
    expect(schoolYearOf('2026-12-05')).toBe('2026-2027')
    expect(schoolYearOf('2027-03-01')).toBe('2026-2027')
  })

  it('the city and a county each have their own address', () => {
    expect(schemesBase('city')).toBe('/api/city/assessments')
    expect(schemesApi(schemesBase('county', '990113')).exportUrl('XQ', 3, 'zh-CN'))
      .toBe('/api/district/counties/990113/assessments/XQ/runs/3/export.xlsx?lang=zh-CN')
  })

  it('an adjustment is checked as the API checks it: not 0, two decimals, at most the total either way, with a reason', () => {
    expect(adjustmentProblems({ points: 5, reason: '获表彰' }, 20)).toEqual({})
    expect(adjustmentProblems({ points: -20, reason: '扣分' }, 20)).toEqual({})
    expect(adjustmentProblems({ points: 0, reason: '' }, 20)).toEqual({ points: 'zero', reason: 'required' })
    expect(adjustmentProblems({ points: '', reason: 'x' }, 20)).toEqual({ points: 'required' })
    expect(adjustmentProblems({ points: 1.234, reason: 'x' }, 20)).toEqual({ points: 'decimals' })
    expect(adjustmentProblems({ points: -20.5, reason: 'x' }, 20)).toEqual({ points: 'range' })
    expect(adjustmentBody({ points: '-2.5', reason: ' 逾期 ', itemCode: '' })).toEqual({ points: -2.5, reason: '逾期', itemCode: null })
    expect(adjustmentBody({ points: 3, reason: 'x', itemCode: 'K1' }).itemCode).toBe('K1')
  })

  it('adjustments read with their sign, and a withdrawn one no longer counts', () => {
    expect(signed(5)).toBe('+5')
    expect(signed(-2.5)).toBe('-2.5')
    expect(signed(0)).toBe('0')
    expect(inForce({ withdrawnAt: null })).toBe(true)
    expect(inForce({ withdrawnAt: '2026-12-05T10:00:00Z' })).toBe(false)
  })

  it('the PDF sits next to the .xlsx, in the page\'s language', () => {
    const api = schemesApi(schemesBase('city'))
    expect(api.pdfUrl('COUNTY-MGMT', 7, 'en')).toBe('/api/city/assessments/COUNTY-MGMT/runs/7/export.pdf?lang=en')
    expect(schemesApi(schemesBase('county', '990113')).pdfUrl('XQ', 3, 'zh-CN'))
      .toBe('/api/district/counties/990113/assessments/XQ/runs/3/export.pdf?lang=zh-CN')
  })
})
