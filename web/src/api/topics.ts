// 问题清单、课题库与认领 (ADR 0026, issue 17 item 5): the city's problem list and research topic bank
// (city-service `topic`) and a school's claims (school-service `topic`). Shapes hand-written from
// TopicResponses and SchoolTopics.TopicView.
import { request } from './client'

const e = encodeURIComponent
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})

export type ProblemSource = 'SURVEY' | 'CONSULTATION' | 'OTHER'
export const SOURCES: ProblemSource[] = ['SURVEY', 'CONSULTATION', 'OTHER']
export interface Problem {
  id: string; title: string; category: string; source: ProblemSource; surveyId: string | null; questionCode: string | null
  description: string | null; status: 'OPEN' | 'RESOLVED'; version: number; createdAt: string; createdBy: string; topics: number
}
export interface Claim {
  schoolId: string; schoolName: string | null; countyId: string | null; status: ClaimStatus; resultSummary: string | null
  version: number; changedAt: string
}
export type ClaimStatus = 'CLAIMED' | 'WITHDRAWN' | 'COMPLETED'
export interface Topic {
  id: string; title: string; category: string; problemId: string | null; problemTitle: string | null; capacity: number
  description: string | null; status: 'OPEN' | 'WITHDRAWN'; version: number; createdAt: string; claimed: number; completed: number
  overCapacity: boolean; claims: Claim[]
}
export interface SchoolTopic {
  topicId: string; title: string; category: string | null; problemTitle: string | null; capacity: number; status: 'OPEN' | 'WITHDRAWN'
  claim: ClaimStatus | null; resultSummary: string | null; claimVersion: number | null; claimChangedAt: string | null
}

const claim = (s: string, t: string) => `/api/school/schools/${e(s)}/research-topics/${e(t)}/claim`

export const topicApi = {
  // ---- the city
  problems: () => request<Problem[]>('/api/city/problems'),
  addProblem: (body: { title: string; category: string; source: ProblemSource; surveyId?: string | null; questionCode?: string | null; description?: string | null }) =>
    request<Problem>('/api/city/problems', json('POST', body)),
  resolve: (id: string) => request<Problem>(`/api/city/problems/${e(id)}/resolution`, json('POST')),
  topics: () => request<Topic[]>('/api/city/research-topics'),
  addTopic: (body: { title: string; category: string; problemId?: string | null; capacity: number | null; description?: string | null }) =>
    request<Topic>('/api/city/research-topics', json('POST', body)),
  withdraw: (id: string) => request<Topic>(`/api/city/research-topics/${e(id)}/withdrawal`, json('POST')),
  // ---- a school
  schoolTopics: (s: string) => request<SchoolTopic[]>(`/api/school/schools/${e(s)}/research-topics`),
  claim: (s: string, t: string) => request<SchoolTopic>(claim(s, t), json('POST')),
  withdrawClaim: (s: string, t: string) => request<SchoolTopic>(`${claim(s, t)}/withdrawal`, json('POST')),
  complete: (s: string, t: string, resultSummary: string) => request<SchoolTopic>(`${claim(s, t)}/completion`, json('POST', { resultSummary })),
}
