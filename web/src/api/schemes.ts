// 考核方案 (ADR 0028, issue 17 item 7): the city's management assessment of counties (city-service
// `assessment`) and a county's 学区 performance assessment (district-service `assessment`) share one
// shape (org.gongyu.chassis.assessment): versioned schemes over indicators, computed runs, xlsx.
import { request } from './client'

const e = encodeURIComponent
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})

export type RuleType = 'THRESHOLD' | 'LINEAR' | 'BANDS'
export const RULE_TYPES: RuleType[] = ['LINEAR', 'THRESHOLD', 'BANDS']
export interface Band { atLeast: number; points: number }
export interface Rule { type: RuleType; floor?: number | null; target?: number | null; bands?: Band[] }
export interface SchemeItem {
  code: string; nameZh: string; nameEn: string; indicatorCode: string; kind?: string; points: number; rule: Rule
  ruleZh?: string; ruleEn?: string
}
export interface SchemeVersion {
  schemeId: string; version: number; titleZh: string; titleEn: string; totalPoints: number; issuedAt: string; issuedBy: string
  items: SchemeItem[]
}
export interface IssueScheme { titleZh: string; titleEn: string; totalPoints: number; items: SchemeItem[] }
export interface RunSummary { runId: number; schemeId: string; schemeVersion: number; periodId: string; computedAt: string; computedBy: string; units: number }
export interface RunItem {
  code: string; periodIds: string[]; numerator: number | null; denominator: number | null; value: number | null
  figureZh: string | null; figureEn: string | null; points: number; maxPoints: number; explanationZh: string; explanationEn: string
}
/** A manual adjustment (加减分) of a unit's result for a scheme version and school year; withdrawn ones stay listed and do not count. */
export interface Adjustment {
  adjustmentId: number; schemeId: string; schemeVersion: number; periodId: string; unitId: string; itemCode: string | null
  points: number; reason: string; addedAt: string; addedBy: string
  withdrawnAt: string | null; withdrawnBy: string | null; withdrawalReason: string | null
}
export interface AdjustmentBody { points: number; reason: string; itemCode: string | null }
/** `rank` and `total` are by the final total (computed + adjustments in force). */
export interface RunUnit {
  unitId: string; unitName: string; rank: number; total: number; computedTotal: number; computedRank: number
  adjustmentPoints: number; adjustments: Adjustment[]; items: RunItem[]
}
export interface Run {
  runId: number; schemeId: string; schemeVersion: number; titleZh: string; titleEn: string; totalPoints: number; periodId: string
  computedAt: string; computedBy: string; items: SchemeItem[]; units: RunUnit[]
}

/** Where a tier's schemes live: the city's, or one county's. */
export function schemesBase(tier: 'city' | 'county', countyId?: string): string {
  return tier === 'city' ? '/api/city/assessments' : `/api/district/counties/${e(countyId ?? '')}/assessments`
}

export function schemesApi(base: string) {
  const scheme = (id: string) => `${base}/${e(id)}`
  return {
    latest: () => request<SchemeVersion[]>(base),
    issue: (id: string, body: IssueScheme) => request<SchemeVersion>(`${scheme(id)}/versions`, json('POST', body)),
    compute: (id: string, periodId: string, version?: number | null) =>
      request<Run>(`${scheme(id)}/runs`, json('POST', { periodId, version: version ?? null })),
    runs: (id: string) => request<RunSummary[]>(`${scheme(id)}/runs`),
    run: (id: string, runId: number) => request<Run>(`${scheme(id)}/runs/${runId}`),
    exportUrl: (id: string, runId: number, lang: string) => `${scheme(id)}/runs/${runId}/export.xlsx?lang=${e(lang)}`,
    pdfUrl: (id: string, runId: number, lang: string) => `${scheme(id)}/runs/${runId}/export.pdf?lang=${e(lang)}`,
    adjust: (id: string, runId: number, unitId: string, body: AdjustmentBody) =>
      request<Adjustment>(`${scheme(id)}/runs/${runId}/units/${e(unitId)}/adjustments`, json('POST', body)),
    withdraw: (id: string, runId: number, adjustmentId: number, reason: string) =>
      request<Adjustment>(`${scheme(id)}/runs/${runId}/adjustments/${adjustmentId}/withdrawal`, json('POST', { reason })),
  }
}

/** The city's management assessment of one county: per scheme, the county's row of the newest run (read-only). */
export const cityAssessmentOf = (countyId: string) => request<Run[]>(`/api/city/assessments/counties/${e(countyId)}`)
