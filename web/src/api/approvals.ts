// Period sign-off and approval up the tiers (ADR 0019, issue 15): the school's 上报与审核
// (school-service `signoff`), the county's 上报审核 (district-service `approval`) and the city's
// 区县报送 (city-service `approval`). Shapes hand-written from the Java records (SignOffController,
// LateSubmissionController, ApprovalResponses, CityApprovalResponses).
import { ApiError, request } from './client'

const e = encodeURIComponent
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})

/** A period's state at the school, and a school's at the county. */
export type SignOffState = 'NOT_SIGNED_OFF' | 'SIGNED_OFF' | 'APPROVED' | 'RETURNED' | 'REOPENED'
export const SIGN_OFF_STATES: SignOffState[] = ['NOT_SIGNED_OFF', 'SIGNED_OFF', 'APPROVED', 'RETURNED', 'REOPENED']

// ---- school-service ----
export interface PeriodState {
  periodId: string; periodType: string; state: SignOffState; locked: boolean; signOffVersion: number
  comment: string | null; updatedAt: string | null
}
export interface SignedFigure { indicatorCode: string; numerator: number; denominator: number; snapshotVersion: number }
/** A step of a school's trail: SIGNED_OFF (by a user of the school) or the county's APPROVED, RETURNED, REOPENED. */
export interface SchoolStep {
  at: string; action: string; signOffVersion: number; reviewVersion: number | null; by: string | null; comment: string | null; applied: boolean
}
export interface SignOffView {
  periodId: string; state: SignOffState; locked: boolean; signOffVersion: number; signedOffAt: string | null
  signedOffBy: string | null; comment: string | null; figures: SignedFigure[]; trail: SchoolStep[]
  /** the county's deadline to sign off the period, as it reached the school; null if none */
  deadline?: string | null
}
export type LateStatus = 'KEPT' | 'APPLIED' | 'DISCARDED'
export interface LateSubmission {
  id: number; family: string; method: string; periodId: string; signOffVersion: number; items: number
  receivedAt: string; status: LateStatus; settledAt: string | null
}
export interface Application { submission: LateSubmission; answerStatus: number }

const school = (s: string) => `/api/school/schools/${e(s)}`

export const signOffApi = {
  list: (s: string) => request<PeriodState[]>(`${school(s)}/sign-offs`),
  read: (s: string, p: string) => request<SignOffView>(`${school(s)}/sign-offs/${e(p)}`),
  signOff: (s: string, p: string) => request<SignOffView>(`${school(s)}/sign-offs/${e(p)}`, json('POST')),
  late: (s: string) => request<LateSubmission[]>(`${school(s)}/late-submissions`),
  apply: (s: string, id: number) => request<Application>(`${school(s)}/late-submissions/${id}/application`, json('POST')),
  discard: (s: string, id: number) => request<void>(`${school(s)}/late-submissions/${id}`, { method: 'DELETE' }),
}

// ---- district-service ----
export interface SchoolLine {
  schoolId: string; schoolName: string | null; state: SignOffState; signOffVersion: number | null; signedOffAt: string | null
  reviewedAt: string | null; reviewedBy: string | null; comment: string | null; version: number | null
}
/** A step of the county's trail: SIGNED_OFF, APPROVED, RETURNED, REOPENED (a school's), SUBMITTED, WITHDRAWN, CITY_ACCEPTED, CITY_RETURNED. */
export interface CountyStep { schoolId: string | null; at: string; actor: string; action: string; version: number | null; comment: string | null }
export interface Submission {
  status: 'SUBMITTED' | 'WITHDRAWN'; version: number; at: string; by: string; reason: string | null; inForce: boolean
  schools: { schoolId: string; signOffVersion: number }[]
}
export interface CityDecision {
  decision: 'ACCEPTED' | 'RETURNED'; comment: string | null; at: string; submissionVersion: number; onCurrentSubmission: boolean
}
export interface CountyOverview {
  countyId: string; periodId: string; schoolsExpected: number; notSignedOff: number; awaitingReview: number; approved: number
  returned: number; reopened: number; maySubmit: boolean; submission: Submission | null; cityDecision: CityDecision | null
  schools: SchoolLine[]; trail: CountyStep[]
}
export interface SchoolDetail extends SchoolLine {
  countyId: string; periodId: string; figures: SignedFigure[]; trail: CountyStep[]
}

const approvals = (c: string, p: string) => `/api/district/counties/${e(c)}/approvals/${e(p)}`

export const countyApprovalApi = {
  overview: (c: string, p: string) => request<CountyOverview>(approvals(c, p)),
  school: (c: string, p: string, s: string) => request<SchoolDetail>(`${approvals(c, p)}/schools/${e(s)}`),
  approve: (c: string, p: string, s: string, signOffVersion: number) =>
    request<SchoolDetail>(`${approvals(c, p)}/schools/${e(s)}/approval`, json('POST', { signOffVersion })),
  returnToSchool: (c: string, p: string, s: string, signOffVersion: number, comment: string) =>
    request<SchoolDetail>(`${approvals(c, p)}/schools/${e(s)}/return`, json('POST', { signOffVersion, comment })),
  reopen: (c: string, p: string, s: string, signOffVersion: number, reason: string) =>
    request<SchoolDetail>(`${approvals(c, p)}/schools/${e(s)}/reopening`, json('POST', { signOffVersion, reason })),
  submit: (c: string, p: string) => request<CountyOverview>(`${approvals(c, p)}/submission`, json('POST')),
}

// ---- city-service ----
export type CountySubmissionState = 'NOT_SUBMITTED' | 'SUBMITTED' | 'WITHDRAWN' | 'ACCEPTED' | 'RETURNED'
export interface CountyLine {
  countyId: string; countyName: string | null; state: CountySubmissionState; submissionVersion: number | null
  submittedAt: string | null; schools: number | null; reason: string | null; comment: string | null
  decidedAt: string | null; decidedBy: string | null
}
export interface CityOverview {
  cityId: string; periodId: string; countiesExpected: number; notSubmitted: number; awaitingDecision: number
  withdrawn: number; accepted: number; returned: number; counties: CountyLine[]
}
export interface CityStep { at: string; actor: string; action: string; submissionVersion: number; comment: string | null }
export interface CountyDetail {
  cityId: string; countyId: string; countyName: string | null; periodId: string; state: CountySubmissionState
  submissionVersion: number | null; submittedAt: string | null; reason: string | null; comment: string | null
  decidedAt: string | null; decidedBy: string | null; schools: { schoolId: string; signOffVersion: number }[]; trail: CityStep[]
}

const city = (p: string) => `/api/city/approvals/${e(p)}`

export const cityApprovalApi = {
  overview: (p: string) => request<CityOverview>(city(p)),
  county: (p: string, c: string) => request<CountyDetail>(`${city(p)}/counties/${e(c)}`),
  accept: (p: string, c: string, submissionVersion: number, comment: string | null) =>
    request<CountyDetail>(`${city(p)}/counties/${e(c)}/acceptance`, json('POST', { submissionVersion, comment })),
  returnToCounty: (p: string, c: string, submissionVersion: number, comment: string) =>
    request<CountyDetail>(`${city(p)}/counties/${e(c)}/return`, json('POST', { submissionVersion, comment })),
}

/** The state a 409 says the thing is in now (district: `currentState`), if it says. */
export function currentStateOf(e: unknown): string | null {
  return e instanceof ApiError && typeof e.properties.currentState === 'string' ? e.properties.currentState : null
}

/** The schools a refused submission names as not approved (`notApproved` of the 409). */
export function notApprovedOf(e: unknown): { schoolId: string; state: string }[] {
  if (!(e instanceof ApiError) || !Array.isArray(e.properties.notApproved)) return []
  return (e.properties.notApproved as { schoolId?: unknown; state?: unknown }[])
    .filter((x) => typeof x?.schoolId === 'string')
    .map((x) => ({ schoolId: String(x.schoolId), state: String(x.state ?? '') }))
}

/**
 * The semester whose scorecard names a period's indicators: the semester itself, a school year's
 * first semester (`2025-2026` → `2025-2026-1`), else null.
 */
export function scorecardSemester(periodId: string): string | null {
  if (/^\d{4}-\d{4}-[12]$/.test(periodId)) return periodId
  if (/^\d{4}-\d{4}$/.test(periodId)) return `${periodId}-1`
  return null
}

/** The school year of a semester (`2025-2026-1` → `2025-2026`), or null. */
export function schoolYearOf(periodId: string): string | null {
  const m = /^(\d{4}-\d{4})-[12]$/.exec(periodId)
  return m ? m[1] : null
}
