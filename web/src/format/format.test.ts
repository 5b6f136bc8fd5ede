import { describe, expect, it } from 'vitest'
import {
  dataMet, formatCoverage, formatDateTime, formatFigure, formatGap, formatTarget, indicatorName, metState, percent,
  rawValue, formatSignOffs, signOffParts, SUPPRESSED,
} from '@/format'

describe('percent and raw values', () => {
  it('rates get one decimal, rounded half up on the decimal value', () => {
    expect(percent(0.544)).toBe('54.4%')
    expect(percent(0.5445)).toBe('54.5%') // 544.5 tenths: no binary drift down to 54.4
    expect(percent(1)).toBe('100.0%')
    expect(percent(0)).toBe('0.0%')
  })

  it('data-value is the API value with its four decimals, empty when null', () => {
    expect(rawValue(0.544)).toBe('0.5440')
    expect(rawValue(1.75)).toBe('1.7500')
    expect(rawValue(null)).toBe('')
  })
})

describe('formatFigure by kind', () => {
  it('RATIO is a percentage in both languages', () => {
    const f = { kind: 'RATIO' as const, level: 'COUNTY' as const, value: 0.544 }
    expect(formatFigure(f, 'zh-CN').text).toBe('54.4%')
    expect(formatFigure(f, 'en').text).toBe('54.4%')
  })

  it('PER_CAPITA is times per person, 次/人 in Chinese', () => {
    const f = { kind: 'PER_CAPITA' as const, level: 'CITY' as const, value: 3.2 }
    expect(formatFigure(f, 'zh-CN').text).toBe('3.2 次/人')
    expect(formatFigure(f, 'en').text).toBe('3.2 per person')
  })

  it('a value that rounds to its target keeps the decimals that tell them apart', () => {
    expect(formatFigure({ kind: 'PER_CAPITA', level: 'COUNTY', value: 3.961, target: 4 }, 'zh-CN').text).toBe('3.96 次/人')
    expect(formatFigure({ kind: 'PER_CAPITA', level: 'COUNTY', value: 3.9996, target: 4 }, 'en').text).toBe('3.9996 per person')
    expect(formatFigure({ kind: 'PER_CAPITA', level: 'COUNTY', value: 3.91, target: 4 }, 'zh-CN').text).toBe('3.9 次/人')
    expect(formatFigure({ kind: 'RATIO', level: 'SCHOOL', value: 0.5996, target: 0.6 }, 'zh-CN').text).toBe('59.96%')
    expect(formatFigure({ kind: 'RATIO', level: 'SCHOOL', value: 0.6, target: 0.6 }, 'zh-CN').text).toBe('60.0%')
    expect(formatFigure({ kind: 'RATIO', level: 'SCHOOL', value: 0.544, target: null }, 'zh-CN').text).toBe('54.4%')
  })

  it('COUNT above the school is the schools meeting the per-school target', () => {
    const f = {
      kind: 'COUNT' as const, level: 'COUNTY' as const, value: 1.75, numerator: 7, denominator: 4, target: 1,
      schoolsMeetingTarget: 9, schoolsExpected: 10,
    }
    expect(formatFigure(f, 'zh-CN').text).toBe('9/10 所')
    expect(formatFigure(f, 'en').text).toBe('9/10 schools')
  })

  it('COUNT at a school is the count itself', () => {
    const f = { kind: 'COUNT' as const, level: 'SCHOOL' as const, value: 3, numerator: 3, denominator: 1, target: 1 }
    expect(formatFigure(f, 'zh-CN').text).toBe('3')
  })

  it('SCHOOL_THRESHOLD is schools meeting the condition above the school, yes/no at a school', () => {
    expect(formatFigure({ kind: 'SCHOOL_THRESHOLD', level: 'COUNTY', value: 0.9, numerator: 9, denominator: 10 }, 'zh-CN').text)
      .toBe('9/10 所')
    expect(formatFigure({ kind: 'SCHOOL_THRESHOLD', level: 'SCHOOL', value: 1, numerator: 1, denominator: 1 }, 'zh-CN').text)
      .toBe('已具备')
    expect(formatFigure({ kind: 'SCHOOL_THRESHOLD', level: 'SCHOOL', value: 0, numerator: 0, denominator: 1 }, 'en').text)
      .toBe('No')
  })

  it('UNIT_COUNT is a whole number of titles; the city mean keeps one decimal', () => {
    expect(formatFigure({ kind: 'UNIT_COUNT', level: 'COUNTY', value: 12 }, 'zh-CN').text).toBe('12 个')
    expect(formatFigure({ kind: 'UNIT_COUNT', level: 'CITY', value: 2.5 }, 'zh-CN').text).toBe('2.5 个')
    expect(formatFigure({ kind: 'UNIT_COUNT', level: 'COUNTY', value: 12 }, 'en').text).toBe('12')
  })

  it('a suppressed figure is <5 with the reason, never the number', () => {
    const zh = formatFigure({ kind: 'RATIO', level: 'COUNTY', value: 0.75, suppressed: true }, 'zh-CN')
    expect(zh.text).toBe(SUPPRESSED)
    expect(zh.state).toBe('suppressed')
    expect(zh.title).toContain('小于5的敏感数据不予显示')
    expect(formatFigure({ kind: 'RATIO', level: 'COUNTY', value: null, suppressed: true }, 'en').title)
      .toContain('below 5 are not shown')
  })

  it('no figure is a dash that says no data', () => {
    const f = formatFigure({ kind: 'RATIO', level: 'COUNTY', value: null }, 'zh-CN')
    expect(f.text).toBe('—')
    expect(f.title).toBe('无数据')
    expect(formatFigure({ kind: 'COUNT', level: 'COUNTY', value: null, numerator: null }, 'en').title).toBe('No data')
  })
})

describe('targets and gaps', () => {
  it('targets follow the kind and the comparator', () => {
    expect(formatTarget('RATIO', 0.6, 'AT_LEAST', 'COUNTY', 'zh-CN')).toBe('≥ 60.0%')
    expect(formatTarget('PER_CAPITA', 4, 'AT_LEAST', 'CITY', 'zh-CN')).toBe('≥ 4.0 次/人')
    expect(formatTarget('COUNT', 1, 'AT_LEAST', 'COUNTY', 'zh-CN')).toBe('每校 ≥ 1')
    expect(formatTarget('COUNT', 20, 'AT_LEAST', 'SCHOOL', 'en')).toBe('≥ 20')
    expect(formatTarget('UNIT_COUNT', 100, 'AT_LEAST', 'COUNTY', 'zh-CN')).toBe('≥ 100 个')
    expect(formatTarget('RATIO', 0.1, 'AT_MOST', 'COUNTY', 'zh-CN')).toBe('≤ 10.0%')
    expect(formatTarget('RATIO', null, null, 'COUNTY', 'zh-CN')).toBe('无目标')
    expect(formatTarget('RATIO', null, null, 'COUNTY', 'en')).toBe('No target')
  })

  it('gaps are in the unit of the kind', () => {
    expect(formatGap('RATIO', 0.06, 'COUNTY', 'zh-CN')).toBe('6.0%')
    expect(formatGap('COUNT', 2, 'COUNTY', 'zh-CN')).toBe('2 所')
    expect(formatGap('COUNT', 1, 'SCHOOL', 'zh-CN')).toBe('1')
    expect(formatGap('UNIT_COUNT', 3, 'COUNTY', 'zh-CN')).toBe('3 个')
    expect(formatGap('RATIO', null, 'SCHOOL', 'zh-CN')).toBe('—')
  })

  it('completeness and timeliness read as a short line', () => {
    expect(formatCoverage({ schoolsReporting: 10, schoolsExpected: 10, timeliness: 0.9 }, 'zh-CN')).toBe('完整 10/10 · 及时 90.0%')
    expect(formatCoverage({ schoolsReporting: 3, schoolsExpected: 4, timeliness: null }, 'en')).toBe('Complete 3/4')
  })

  it('sign-offs read as completeness with the count, timeliness and approvals, "—" where not counted', () => {
    const s = { signedOff: 2, signedOffOnTime: 1, approved: 1, completeness: 0.6667, timeliness: 0.3333 }
    expect(signOffParts(s, 3, 'zh-CN')).toEqual({ completeness: '66.7%（2/3）', timeliness: '33.3%', approved: '1' })
    expect(formatSignOffs(s, 3, 'en')).toBe('Sign-off completeness 66.7% (2/3) · Signed off on time 33.3% · Approved 1')
    expect(signOffParts({ ...s, signedOffOnTime: null, timeliness: null }, 3, 'zh-CN').timeliness).toBe('—')
    expect(signOffParts(null, 3, 'zh-CN')).toEqual({ completeness: '—', timeliness: '—', approved: '—' })
  })
})

describe('dates, judgements and names', () => {
  it('UTC instants are shown in Asia/Shanghai', () => {
    expect(formatDateTime('2026-12-04T08:30:00Z')).toBe('2026-12-04 16:30')
    expect(formatDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30')
    expect(formatDateTime(null)).toBe('—')
  })

  it('met state distinguishes met, not met, no target, no data, not applicable and withheld', () => {
    expect(metState({ met: true, value: 1 })).toBe('met')
    expect(metState({ met: false, value: 0.2, target: 0.6 })).toBe('notMet')
    expect(metState({ met: null, value: 0.2, target: null })).toBe('noTarget')
    expect(metState({ met: null, value: null, target: 0.6 })).toBe('noData')
    expect(metState({ met: null, value: null, applies: false })).toBe('notApplicable')
    expect(metState({ met: null, value: null, suppressed: true })).toBe('suppressed')
    expect([dataMet(true), dataMet(false), dataMet(null)]).toEqual(['true', 'false', 'none'])
  })

  it('indicator names follow the language and fall back to the other one, then the code', () => {
    const i = { code: 'PLATFORM_REGISTRATION', nameZh: '家长平台注册率', nameEn: 'Platform registration' }
    expect(indicatorName(i, 'zh-CN')).toBe('家长平台注册率')
    expect(indicatorName(i, 'en')).toBe('Platform registration')
    expect(indicatorName({ code: 'X', nameZh: '只有中文', nameEn: null }, 'en')).toBe('只有中文')
    expect(indicatorName({ code: 'X' }, 'en')).toBe('X')
  })
})
