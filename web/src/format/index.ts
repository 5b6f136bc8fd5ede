// How a figure is shown to a person: by indicator kind and tier, in the chosen language.
// Pure functions of their arguments (and the i18n message files), unit-tested in format.test.ts.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { i18n, type Lang } from '@/i18n'
import type { Comparator, IndicatorKind, Level } from '@/api/types'

dayjs.extend(utc)
dayjs.extend(timezone)

export const ZONE = 'Asia/Shanghai'
export const NO_DATA = '—'
export const SUPPRESSED = '<5'

function t(lang: Lang, key: string, named: Record<string, unknown> = {}): string {
  return i18n.global.t(key, named, { locale: lang })
}

/** 0.5440 → "54.4%": one decimal, half up on the decimal value (no binary drift). */
export function percent(value: number): string {
  const tenths = Math.round(Number((value * 1000).toFixed(6)))
  return (tenths / 10).toFixed(1) + '%'
}

/** {@code value × scale} with {@code decimals} decimals, half up on the decimal value (no binary drift). */
function fixed(value: number, scale: number, decimals: number): string {
  const f = 10 ** decimals
  return (Math.round(Number((value * scale * f).toFixed(6))) / f).toFixed(decimals)
}

/**
 * A value that differs from its target keeps as many decimals (1 to 4, the API's precision) as it takes not to read
 * like the target: 3.96 against ≥ 4 is "3.96", not "4.0" beside 未达标.
 */
function apart(value: number, target: number | null | undefined, scale: number): string {
  let decimals = 1
  if (target != null && value !== target) {
    while (decimals < 4 && fixed(value, scale, decimals) === fixed(target, scale, decimals)) decimals++
  }
  return fixed(value, scale, decimals)
}

/** One decimal, half up: 3.25 → "3.3". */
export function oneDecimal(value: number): string {
  const tenths = Math.round(Number((value * 10).toFixed(6)))
  return (tenths / 10).toFixed(1)
}

/** Whole numbers stay whole (12 → "12"); others get one decimal (2.5 → "2.5"). */
export function wholeOrOne(value: number): string {
  return Number.isInteger(value) ? String(value) : oneDecimal(value)
}

/** The raw API value for data-value: rates come with four decimals (Figure#rate); empty when null. */
export function rawValue(value: number | null | undefined): string {
  return value == null ? '' : value.toFixed(4)
}

export interface FigureInput {
  kind: IndicatorKind
  level: Level
  value: number | null | undefined
  numerator?: number | null
  denominator?: number | null
  schoolsMeetingTarget?: number | null
  schoolsExpected?: number | null
  target?: number | null
  suppressed?: boolean
}

export interface Formatted {
  text: string
  /** why the text is not a number (suppressed, no data), for a tooltip and screen readers */
  title: string | null
  state: 'value' | 'suppressed' | 'none'
}

/** The figure of one unit for one indicator, as a person reads it. */
export function formatFigure(f: FigureInput, lang: Lang): Formatted {
  if (f.suppressed) return { text: SUPPRESSED, title: t(lang, 'fmt.suppressed'), state: 'suppressed' }
  const none: Formatted = { text: NO_DATA, title: t(lang, 'fmt.noData'), state: 'none' }
  const school = f.level === 'SCHOOL'
  switch (f.kind) {
    case 'RATIO':
      return f.value == null ? none : value(apart(f.value, f.target, 100) + '%')
    case 'PER_CAPITA':
      return f.value == null ? none : value(t(lang, 'fmt.perCapita', { v: apart(f.value, f.target, 1) }))
    case 'SCHOOL_THRESHOLD':
      if (school) {
        if (f.numerator == null || f.denominator == null) return none
        return value(t(lang, f.numerator >= 1 ? 'fmt.yes' : 'fmt.no'))
      }
      if (f.numerator == null || f.denominator == null) return none
      return value(t(lang, 'fmt.schools', { n: f.numerator, d: f.denominator }))
    case 'COUNT':
      if (school) return f.numerator == null ? none : value(String(f.numerator))
      if (f.value == null && f.numerator == null) return none
      if (f.target != null && f.schoolsMeetingTarget != null && f.schoolsExpected != null) {
        return value(t(lang, 'fmt.schools', { n: f.schoolsMeetingTarget, d: f.schoolsExpected }))
      }
      return f.numerator == null ? none : value(String(f.numerator))
    case 'UNIT_COUNT':
      return f.value == null ? none : value(t(lang, 'fmt.units', { v: wholeOrOne(f.value) }))
    default:
      return f.value == null ? none : value(String(f.value))
  }
}

function value(text: string): Formatted {
  return { text, title: null, state: 'value' }
}

/** A target in the unit of its kind, with its comparator: "≥ 60.0%", "每校 ≥ 1", "≥ 4.0 次/人". */
export function formatTarget(kind: IndicatorKind, target: number | null | undefined, comparator: Comparator | null | undefined,
  level: Level, lang: Lang): string {
  if (target == null) return t(lang, 'fmt.noTargetShort')
  let v: string
  switch (kind) {
    case 'RATIO':
    case 'SCHOOL_THRESHOLD':
      v = percent(target)
      break
    case 'PER_CAPITA':
      v = t(lang, 'fmt.perCapita', { v: oneDecimal(target) })
      break
    case 'UNIT_COUNT':
      v = t(lang, 'fmt.units', { v: wholeOrOne(target) })
      break
    default:
      v = wholeOrOne(target)
  }
  const withComparator = t(lang, comparator === 'AT_MOST' ? 'fmt.atMost' : 'fmt.atLeast', { v })
  if (kind === 'COUNT' && level !== 'SCHOOL') return t(lang, 'fmt.perSchool', { v: withComparator })
  return withComparator
}

/** How far a unit is from the target, in the unit of its kind (see BelowTarget / attention `gap`). */
export function formatGap(kind: IndicatorKind, gap: number | null | undefined, level: Level, lang: Lang): string {
  if (gap == null) return NO_DATA
  switch (kind) {
    case 'RATIO':
    case 'SCHOOL_THRESHOLD':
      return percent(gap)
    case 'PER_CAPITA':
      return t(lang, 'fmt.perCapita', { v: oneDecimal(gap) })
    case 'COUNT':
      return level === 'SCHOOL' ? wholeOrOne(gap) : t(lang, 'fmt.schoolCount', { n: wholeOrOne(gap) })
    case 'UNIT_COUNT':
      return t(lang, 'fmt.units', { v: wholeOrOne(gap) })
    default:
      return String(gap)
  }
}

/** "完整 9/10 · 及时 90.0%" — completeness and timeliness of a county's or the city's figure. */
export function formatCoverage(
  c: { schoolsReporting?: number | null; schoolsExpected?: number | null; timeliness?: number | null },
  lang: Lang,
): string {
  const parts: string[] = []
  if (c.schoolsExpected != null && c.schoolsReporting != null) {
    parts.push(t(lang, 'fmt.completeness', { n: c.schoolsReporting, d: c.schoolsExpected }))
  }
  if (c.timeliness != null) parts.push(t(lang, 'fmt.timeliness', { v: percent(c.timeliness) }))
  return parts.join(' · ')
}

/**
 * The sign-offs (完成上报) of a county's or the city's figure, each part "—" where the rollup does
 * not say (before sign-offs, or no deadline for the on-time share): completeness "66.7%（2/3）",
 * timeliness "33.3%", approved "1".
 */
export function signOffParts(
  s: { signedOff: number; signedOffOnTime?: number | null; approved?: number | null; completeness?: number | null;
    timeliness?: number | null } | null | undefined,
  expected: number | null | undefined,
  lang: Lang,
): { completeness: string; timeliness: string; approved: string } {
  let completeness = NO_DATA
  if (s?.completeness != null) {
    completeness = expected != null
      ? t(lang, 'fmt.ofSchools', { v: percent(s.completeness), n: s.signedOff, d: expected })
      : percent(s.completeness)
  }
  return {
    completeness,
    timeliness: s?.timeliness != null ? percent(s.timeliness) : NO_DATA,
    approved: s?.approved != null ? String(s.approved) : NO_DATA,
  }
}

/** "上报完成率 66.7%（2/3） · 按时上报率 33.3% · 审核通过 1" — the sign-offs beside the coverage line. */
export function formatSignOffs(
  s: Parameters<typeof signOffParts>[0],
  expected: number | null | undefined,
  lang: Lang,
): string {
  const p = signOffParts(s, expected, lang)
  return [
    t(lang, 'fmt.signOffCompleteness', { v: p.completeness }),
    t(lang, 'fmt.signOffTimeliness', { v: p.timeliness }),
    t(lang, 'fmt.signOffApproved', { v: p.approved }),
  ].join(' · ')
}

/** "2026-12-04T08:30:00Z" → "2026-12-04 16:30" (Asia/Shanghai). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return NO_DATA
  const d = dayjs.utc(iso)
  return d.isValid() ? d.tz(ZONE).format('YYYY-MM-DD HH:mm') : NO_DATA
}

export type MetState = 'met' | 'notMet' | 'noData' | 'noTarget' | 'notApplicable' | 'suppressed'

/** The judgement shown next to a figure; never colour alone (icon and text too). */
export function metState(cell: { met?: boolean | null; value?: number | null; numerator?: number | null;
  target?: number | null; suppressed?: boolean; applies?: boolean }): MetState {
  if (cell.applies === false) return 'notApplicable'
  if (cell.suppressed) return 'suppressed'
  if (cell.met === true) return 'met'
  if (cell.met === false) return 'notMet'
  const hasData = cell.value != null || cell.numerator != null
  if (!hasData) return 'noData'
  return cell.target == null ? 'noTarget' : 'noData'
}

/** data-met of contract C3: true | false | none. */
export function dataMet(met: boolean | null | undefined): 'true' | 'false' | 'none' {
  return met === true ? 'true' : met === false ? 'false' : 'none'
}

/** The indicator's name in the chosen language (the other one, then the code, when missing). */
export function indicatorName(ind: { code: string; nameZh?: string | null; nameEn?: string | null }, lang: Lang): string {
  return (lang === 'en' ? ind.nameEn || ind.nameZh : ind.nameZh || ind.nameEn) || ind.code
}
