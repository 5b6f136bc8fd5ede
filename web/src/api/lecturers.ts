// 讲师备案 (ADR 0024, issue 17 item 2): the city's lecturer registry (city-service `lecturer`).
// Counties nominate and follow their nominations; city staff review and keep the registry.
// Shapes hand-written from the Java records (LecturerResponse, LecturerRequests).
import { request } from './client'

const e = encodeURIComponent
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})

export type LecturerStatus = 'NOMINATED' | 'REGISTERED' | 'REJECTED' | 'SUSPENDED' | 'REVOKED'
export const LECTURER_STATUSES: LecturerStatus[] = ['NOMINATED', 'REGISTERED', 'REJECTED', 'SUSPENDED', 'REVOKED']
export type TeamKind = 'CITY_TEAM' | 'COUNTY_TEAM' | 'ADVISORY'
export const TEAMS: TeamKind[] = ['CITY_TEAM', 'COUNTY_TEAM', 'ADVISORY']
export const AGE_GROUPS = ['PRESCHOOL', 'PRIMARY', 'JUNIOR_SECONDARY', 'SENIOR_SECONDARY'] as const
export type AgeGroup = (typeof AGE_GROUPS)[number]

export interface Team { team: TeamKind; countyId: string | null; countyName?: string | null }
export interface LecturerStep { at: string; actor: string; action: string; version: number; comment: string | null }
export interface Lecturer {
  id: string; name: string; affiliation: string | null; expertise: string | null; ageGroups: AgeGroup[]
  nominatedByCounty: string | null; nominatedByCountyName: string | null; nominatedAt: string
  status: LecturerStatus; statusReason: string | null; registeredAt: string | null; trainedOn: string | null
  registeredAndTrained: boolean; teams: Team[]; version: number; trail: LecturerStep[] | null
}
export interface Nomination {
  name: string; affiliation?: string | null; expertise?: string | null; ageGroups?: AgeGroup[]; comment?: string | null
}
export interface RegistryFilter { status?: LecturerStatus | ''; team?: TeamKind | ''; nominatedBy?: string }

const query = (q: Record<string, string | undefined>) => {
  const p = Object.entries(q).filter(([, v]) => v).map(([k, v]) => `${k}=${e(v!)}`).join('&')
  return p ? `?${p}` : ''
}
const county = (c: string) => `/api/city/counties/${e(c)}`
const one = (id: string) => `/api/city/lecturers/${e(id)}`

export const lecturerApi = {
  // ---- the county
  nominate: (c: string, body: Nomination) => request<Lecturer>(`${county(c)}/lecturer-nominations`, json('POST', body)),
  nominations: (c: string) => request<Lecturer[]>(`${county(c)}/lecturer-nominations`),
  /** corrects a nomination still 待审核, or sends a rejected one again */
  editNomination: (c: string, id: string, body: Nomination) =>
    request<Lecturer>(`${county(c)}/lecturer-nominations/${encodeURIComponent(id)}`, json('PUT', body)),
  registered: (c: string, team?: TeamKind | '') => request<Lecturer[]>(`${county(c)}/lecturers${query({ team: team || undefined })}`),
  // ---- the city
  list: (f: RegistryFilter = {}) =>
    request<Lecturer[]>(`/api/city/lecturers${query({ status: f.status || undefined, team: f.team || undefined, nominatedBy: f.nominatedBy })}`),
  read: (id: string) => request<Lecturer>(one(id)),
  register: (id: string, trainedOn: string | null, teams: { team: TeamKind; countyId?: string | null }[]) =>
    request<Lecturer>(`${one(id)}/registration`, json('POST', { trainedOn, teams })),
  reject: (id: string, reason: string) => request<Lecturer>(`${one(id)}/rejection`, json('POST', { reason })),
  training: (id: string, trainedOn: string | null) => request<Lecturer>(`${one(id)}/training`, json('POST', { trainedOn })),
  suspend: (id: string, reason: string) => request<Lecturer>(`${one(id)}/suspension`, json('POST', { reason })),
  reinstate: (id: string) => request<Lecturer>(`${one(id)}/reinstatement`, json('POST')),
  revoke: (id: string, reason: string) => request<Lecturer>(`${one(id)}/revocation`, json('POST', { reason })),
}
