// The assessor's side of the demonstration-school assessment (district-service through the gateway).
import { request } from './client'
import type {
  ApplicationFile, AssignmentResponse, DeclarationRequest, MyAssignment, PutScoreRequest, ScoreResponse, Scoresheet,
  SubmissionResponse,
} from './types'

const e = encodeURIComponent
const base = (countyId: string) => `/api/district/counties/${e(countyId)}/demonstration`
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})

export const assessmentApi = {
  myAssignments: (countyId: string) => request<MyAssignment[]>(`${base(countyId)}/my-assignments`),
  declare: (countyId: string, applicationId: string, assessor: string, body: DeclarationRequest) =>
    request<AssignmentResponse>(
      `${base(countyId)}/applications/${e(applicationId)}/assignments/${e(assessor)}/declaration`, json('POST', body)),
  file: (countyId: string, applicationId: string) =>
    request<ApplicationFile>(`${base(countyId)}/applications/${e(applicationId)}/file`),
  putScore: (countyId: string, applicationId: string, criterionCode: string, body: PutScoreRequest) =>
    request<ScoreResponse>(`${base(countyId)}/applications/${e(applicationId)}/scores/${e(criterionCode)}`, json('PUT', body)),
  /** The caller's own scores of the current round, drafts included (empty before the assessment starts). */
  myScores: (countyId: string, applicationId: string) =>
    request<ScoreResponse[]>(`${base(countyId)}/applications/${e(applicationId)}/scores/mine`),
  submit: (countyId: string, applicationId: string) =>
    request<SubmissionResponse>(`${base(countyId)}/applications/${e(applicationId)}/scores/submit`, json('POST')),
  scoresheet: (countyId: string, applicationId: string) =>
    request<Scoresheet>(`${base(countyId)}/applications/${e(applicationId)}/scoresheet`),
}
