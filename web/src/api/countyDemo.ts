// The county's side of the demonstration programme (district-service through the gateway): the
// programme and its quotas and arrangement, the applications, the panel (add, edit, deactivate,
// remove) and assignments, the consensus and decision, the titles and the progress per 学区. Shapes
// hand-written from the Java records (ProgrammeResponse, ApplicationResponses, TitleResponse, ProgressResponse, …).
import { request } from './client'
import type { DemonstrationStatus, Scoresheet } from './types'

const e = encodeURIComponent
const county = (countyId: string) => `/api/district/counties/${e(countyId)}`
const base = (countyId: string) => `${county(countyId)}/demonstration`
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})
const query = (q: Record<string, string | null | undefined>) => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v)
  const s = p.toString()
  return s ? `?${s}` : ''
}

export interface QuotaLine { xuequId: string | null; quota: number }
export interface Programme {
  id: string; countyId: string; name: string; target: number; startsOn: string; endsOn: string
  applicationOpensOn: string; applicationDeadline: string; creationMonths: number; titleValidityYears: number
  consensusMargin: number; standardId: string; standardVersion: number; version: number
  quotas: QuotaLine[]; quotaTotal: number; quotasMatchTarget: boolean
}
export type ProgrammeBody = Omit<Programme, 'id' | 'countyId' | 'version' | 'quotas' | 'quotaTotal' | 'quotasMatchTarget'>
export interface Arrangement {
  programmeId: string; programmeVersion: number
  xuequ: { xuequKey: string; xuequId: string | null; schools: { schoolId: string; name: string | null; plannedYear: number }[] }[]
}
export interface StandardVersion { standardId: string; version: number; titleZh?: string; titleEn?: string }
export interface Xuequ { id: string; countyId: string; name: string; version: number }
export interface School { id: string; countyId: string; xuequId: string | null; name: string; schoolType: string; version: number }
export interface ApplicationSummary {
  id: string; programmeId: string; schoolId: string; xuequId: string | null; status: DemonstrationStatus; version: number
  appliedAt: string; creationEndsOn: string | null; round: number; finalScore: number | null
}
export interface ApplicationDetail extends ApplicationSummary {
  countyId: string; schoolName: string | null; plan: string | null
  baseline: { areaCode: string; level: number; note: string | null }[]
  selfEvaluation: { round: number; submittedAt: string; selfTotal: number } | null
}
export interface HistoryEntry {
  seq: number; at: string; actor: string; action: string; from: string | null; to: string | null; detail: Record<string, unknown> | null
}
/** A panel entry (GET …/assessors); `openAssignments`: applications whose open round they are on (they cannot be removed then). */
export interface Assessor {
  countyId: string; username: string; name: string; homeSchoolId: string | null; formerSchoolIds: string[]; active: boolean; version: number
  openAssignments?: string[]
}
/** Body of PUT …/assessors/{username}. */
export interface AssessorBody { name: string; homeSchoolId: string | null; formerSchoolIds: string[]; active: boolean }
export type Outcome = 'AWARD' | 'REJECT' | 'DEFER'
export interface Title {
  applicationId: string; programmeId: string; schoolId: string; schoolName: string | null; xuequId: string | null
  xuequName: string | null; awardedOn: string; validUntil: string; status: DemonstrationStatus; version: number
  reinspectionOn: string | null; rectificationDeadline: string | null; endedOn: string | null; finalScore: number | null
}
export interface XuequProgress {
  xuequKey: string; xuequId: string | null; xuequName: string | null; quota: number; held: number; applied: number
  creating: number; inAssessment: number; revoked: number; expired: number; quotaMet: boolean
}
export interface Progress {
  programmeId: string; name: string; target: number; asOf: string; titlesHeld: number; revoked: number; expired: number
  byXuequ: XuequProgress[]
}

export const countyDemoApi = {
  standards: (c: string) => request<StandardVersion[]>(`${base(c)}/standards`),
  xuequ: (c: string) => request<Xuequ[]>(`${county(c)}/xuequ`),
  schools: (c: string) => request<School[]>(`${county(c)}/schools`),
  programmes: (c: string) => request<Programme[]>(`${base(c)}/programmes`),
  putProgramme: (c: string, id: string, body: ProgrammeBody) => request<Programme>(`${base(c)}/programmes/${e(id)}`, json('PUT', body)),
  putQuotas: (c: string, id: string, quotas: QuotaLine[]) =>
    request<Programme>(`${base(c)}/programmes/${e(id)}/quotas`, json('PUT', { quotas })),
  arrangement: (c: string, id: string) => request<Arrangement>(`${base(c)}/programmes/${e(id)}/arrangement`),
  putArrangement: (c: string, id: string, xuequKey: string, schools: { schoolId: string; plannedYear: number }[]) =>
    request<Arrangement>(`${base(c)}/programmes/${e(id)}/arrangement/${e(xuequKey)}`, json('PUT', { schools })),
  progress: (c: string, id: string) => request<Progress>(`${base(c)}/programmes/${e(id)}/progress`),
  applications: (c: string, programmeId?: string | null) =>
    request<ApplicationSummary[]>(`${base(c)}/applications${query({ programmeId })}`),
  application: (c: string, id: string) => request<ApplicationDetail>(`${base(c)}/applications/${e(id)}`),
  history: (c: string, id: string) => request<HistoryEntry[]>(`${base(c)}/applications/${e(id)}/history`),
  accept: (c: string, id: string, note?: string) => request<unknown>(`${base(c)}/applications/${e(id)}/accept`, json('POST', { note: note || null })),
  decline: (c: string, id: string, reason: string) => request<unknown>(`${base(c)}/applications/${e(id)}/decline`, json('POST', { reason })),
  assessors: (c: string) => request<Assessor[]>(`${base(c)}/assessors`),
  putAssessor: (c: string, username: string, body: AssessorBody) =>
    request<Assessor>(`${base(c)}/assessors/${e(username)}`, json('PUT', body)),
  removeAssessor: (c: string, username: string) => request<void>(`${base(c)}/assessors/${e(username)}`, { method: 'DELETE' }),
  assign: (c: string, id: string, assessor: string) =>
    request<unknown>(`${base(c)}/applications/${e(id)}/assignments`, json('POST', { assessor })),
  start: (c: string, id: string) => request<unknown>(`${base(c)}/applications/${e(id)}/assessment/start`, json('POST')),
  scoresheet: (c: string, id: string) => request<Scoresheet>(`${base(c)}/applications/${e(id)}/scoresheet`),
  putConsensus: (c: string, id: string, criterionCode: string, body: { points: number; note: string }) =>
    request<unknown>(`${base(c)}/applications/${e(id)}/consensus/${e(criterionCode)}`, json('PUT', body)),
  decide: (c: string, id: string, body: { outcome: Outcome; note: string | null }) =>
    request<unknown>(`${base(c)}/applications/${e(id)}/decision`, json('POST', body)),
  titles: (c: string, programmeId?: string | null) => request<Title[]>(`${base(c)}/titles${query({ programmeId })}`),
  scheduleReinspection: (c: string, id: string, body: { scheduledOn: string; note: string | null }) =>
    request<unknown>(`${base(c)}/applications/${e(id)}/reinspection`, json('POST', body)),
  reinspectionOutcome: (c: string, id: string, body: { outcome: 'KEEP' | 'RECTIFY' | 'REVOKE'; rectificationDeadline: string | null; note: string | null }) =>
    request<unknown>(`${base(c)}/applications/${e(id)}/reinspection/outcome`, json('POST', body)),
  rectificationOutcome: (c: string, id: string, body: { outcome: 'KEEP' | 'REVOKE'; note: string | null }) =>
    request<unknown>(`${base(c)}/applications/${e(id)}/rectification/outcome`, json('POST', body)),
}

/** The scoresheet (评分表) and application form (申报表) as PDF, in the page's language (opened as links). */
export function paperUrl(countyId: string, applicationId: string, paper: 'scoresheet' | 'application-form', lang: string): string {
  return `${base(countyId)}/applications/${e(applicationId)}/${paper}.pdf?lang=${lang === 'en' ? 'en' : 'zh-CN'}`
}

/** The board's columns, in the order an application moves through them. */
export const BOARD: DemonstrationStatus[] = [
  'APPLIED', 'CREATING', 'SELF_EVALUATED', 'ASSESSING', 'DEFERRED', 'TITLED', 'REINSPECTING', 'RECTIFYING',
  'DECLINED', 'REJECTED', 'REVOKED', 'EXPIRED',
]

/** Applications grouped by status in the board's order, every column present (empty ones too). */
export function byStatus<T extends { status: DemonstrationStatus }>(rows: T[]): { status: DemonstrationStatus; rows: T[] }[] {
  return BOARD.map((status) => ({ status, rows: rows.filter((r) => r.status === status) }))
}

/** The conflict the panel already shows for an assessor and a school, before asking the API (which decides). */
export function panelConflict(a: Assessor | undefined, schoolId: string): 'OWN_SCHOOL' | 'FORMER_EMPLOYMENT' | null {
  if (!a) return null
  if (a.homeSchoolId === schoolId) return 'OWN_SCHOOL'
  if (a.formerSchoolIds?.includes(schoolId)) return 'FORMER_EMPLOYMENT'
  return null
}
