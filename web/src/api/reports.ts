import { request } from './client'
import type {
  Attention, BelowTarget, Calendar, CityReport, CityScorecard, CountyReport, CountyScorecard, Me,
  SchoolScorecard, Trend, Unit,
} from './types'

const e = encodeURIComponent
const R = '/api/reports'

export const api = {
  me: () => request<Me>('/me'),
  calendar: () => request<Calendar>(`${R}/calendar`),
  unit: (id: string) => request<Unit>(`${R}/units/${e(id)}`),
  cityScorecard: (p: string) => request<CityScorecard>(`${R}/periods/${e(p)}/scorecard`),
  countyScorecard: (p: string, c: string) => request<CountyScorecard>(`${R}/periods/${e(p)}/counties/${e(c)}/scorecard`),
  schoolScorecard: (p: string, s: string) => request<SchoolScorecard>(`${R}/periods/${e(p)}/schools/${e(s)}/scorecard`),
  cityIndicator: (code: string, p: string) => request<CityReport>(`${R}/indicators/${e(code)}/periods/${e(p)}`),
  countyIndicator: (code: string, p: string, c: string) =>
    request<CountyReport>(`${R}/indicators/${e(code)}/periods/${e(p)}/counties/${e(c)}`),
  belowTarget: (code: string, p: string, c?: string | null) =>
    request<BelowTarget>(`${R}/indicators/${e(code)}/periods/${e(p)}${c ? `/counties/${e(c)}` : ''}/below-target`),
  trend: (code: string, to: string, c?: string | null, periods = 6) =>
    request<Trend>(`${R}/indicators/${e(code)}${c ? `/counties/${e(c)}` : ''}/trend?to=${e(to)}&periods=${periods}`),
  attention: (p: string, c?: string | null) =>
    request<Attention>(`${R}/periods/${e(p)}${c ? `/counties/${e(c)}` : ''}/attention`),
}

/** Export URLs of contract C2: relative, with the chosen language as `lang=`. */
export const exportUrl = {
  cityScorecard: (p: string, fmt: 'xlsx' | 'pdf', lang: string) =>
    withLang(`${R}/periods/${e(p)}/scorecard/export.${fmt}`, lang),
  countyScorecard: (p: string, c: string, fmt: 'xlsx' | 'pdf', lang: string) =>
    withLang(`${R}/periods/${e(p)}/counties/${e(c)}/scorecard/export.${fmt}`, lang),
  schoolScorecard: (p: string, s: string, lang: string) =>
    withLang(`${R}/periods/${e(p)}/schools/${e(s)}/scorecard/export.xlsx`, lang),
  indicator: (code: string, p: string, c: string | null, lang: string) =>
    withLang(`${R}/indicators/${e(code)}/periods/${e(p)}${c ? `/counties/${e(c)}` : ''}/export.xlsx`, lang),
  belowTarget: (code: string, p: string, c: string | null, lang: string) =>
    withLang(`${R}/indicators/${e(code)}/periods/${e(p)}${c ? `/counties/${e(c)}` : ''}/below-target/export.xlsx`, lang),
  trend: (code: string, to: string, c: string | null, lang: string, periods = 6) =>
    withLang(`${R}/indicators/${e(code)}${c ? `/counties/${e(c)}` : ''}/trend/export.xlsx`, lang, { to, periods: String(periods) }),
  attention: (p: string, c: string | null, lang: string, filters: Record<string, string | null | undefined> = {}) =>
    withLang(`${R}/periods/${e(p)}${c ? `/counties/${e(c)}` : ''}/attention/export.xlsx`, lang, filters),
}

function withLang(path: string, lang: string, extra: Record<string, string | null | undefined> = {}): string {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v)
  q.set('lang', lang)
  return `${path}?${q.toString()}`
}
