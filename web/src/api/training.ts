// 培训与认证 (ADR 0025, issue 17 item 3): the city centre's training cohorts and instructor
// certificates (city-service `certification`). Shapes hand-written from the Java records
// (TrainingResponses, TrainingRequests).
import { request } from './client'

const e = encodeURIComponent
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})

export const COHORT_KINDS = ['INSTRUCTOR', 'KEY_STAFF'] as const
export type CohortKind = (typeof COHORT_KINDS)[number]
export const COHORT_MODES = ['ONLINE', 'OFFLINE', 'MIXED'] as const
export type CohortMode = (typeof COHORT_MODES)[number]
export type CohortStatus = 'PLANNED' | 'COMPLETED' | 'CANCELLED'
export const ROLES = ['HEAD', 'TEACHER', 'HEAD_TEACHER', 'COUNTY_STAFF'] as const
export type ParticipantRole = (typeof ROLES)[number]
export type CertificateStatus = 'VALID' | 'EXPIRED' | 'REVOKED'

export interface Certificate {
  number: string; participantId: string; cohortId: string; holderName: string; schoolId: string | null; countyId: string | null
  issuedOn: string; expiresOn: string; status: CertificateStatus; revokedOn: string | null; revokedReason: string | null; version: number
}
export interface Participant {
  id: string; cohortId: string; cohortName: string; cohortKind: CohortKind; name: string; role: ParticipantRole
  countyId: string | null; countyName: string | null; schoolId: string | null; sessionsAttended: number | null
  score: number | null; result: 'PASSED' | 'FAILED' | null; certificate: Certificate | null; version: number
}
export interface Cohort {
  id: string; name: string; kind: CohortKind; mode: CohortMode; startsOn: string; endsOn: string; organiser: string
  sessions: number; status: CohortStatus; statusReason: string | null; participantCount: number; passedCount: number
  certificateCount: number; version: number; participants: Participant[] | null
}
export interface NewCohort {
  name: string; kind: CohortKind | ''; mode: CohortMode | ''; startsOn: string | null; endsOn: string | null; organiser: string
  sessions: number | null
}
export interface NewParticipant { name: string; role: ParticipantRole | ''; countyId: string | null; schoolId: string | null }

const cohort = (id: string) => `/api/city/training-cohorts/${e(id)}`
const participant = (c: string, p: string) => `${cohort(c)}/participants/${e(p)}`
const certificate = (n: string) => `/api/city/instructor-certificates/${e(n)}`

export const trainingApi = {
  cohorts: () => request<Cohort[]>('/api/city/training-cohorts'),
  cohort: (id: string) => request<Cohort>(cohort(id)),
  create: (body: NewCohort) => request<Cohort>('/api/city/training-cohorts', json('POST', body)),
  enrol: (c: string, body: NewParticipant) => request<Participant>(`${cohort(c)}/participants`, json('POST', body)),
  attendance: (c: string, p: string, sessionsAttended: number | null) =>
    request<Participant>(`${participant(c, p)}/attendance`, json('PUT', { sessionsAttended })),
  assess: (c: string, p: string, score: number | null) => request<Participant>(`${participant(c, p)}/assessment`, json('PUT', { score })),
  complete: (c: string) => request<Cohort>(`${cohort(c)}/completion`, json('POST')),
  cancel: (c: string, reason: string) => request<Cohort>(`${cohort(c)}/cancellation`, json('POST', { reason })),
  issue: (c: string, p: string, body: { number: string; issuedOn: string | null; expiresOn: string | null }) =>
    request<Certificate>(`${participant(c, p)}/certificate`, json('POST', body)),
  certificates: (status?: CertificateStatus | '') =>
    request<Certificate[]>(`/api/city/instructor-certificates${status ? `?status=${e(status)}` : ''}`),
  renew: (n: string, expiresOn: string | null) => request<Certificate>(`${certificate(n)}/renewal`, json('POST', { expiresOn })),
  revoke: (n: string, reason: string) => request<Certificate>(`${certificate(n)}/revocation`, json('POST', { reason })),
  participantsOfCounty: (countyId: string) => request<Participant[]>(`/api/city/counties/${e(countyId)}/training-participants`),
  counties: () => request<{ id: string; name: string }[]>('/api/city/counties'),
}
