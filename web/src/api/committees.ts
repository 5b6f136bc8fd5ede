// A parent committee's members, elections, activities and fee-ban declarations (school-service
// `committee.CommitteeWorkController`, issue 17 item 1; hand-written from the Java records like
// recordFamilies.ts). No answer carries a parent's reference: members and candidates are shown by
// role, class and term only; a reference is written once, in an election's candidates.
import { request } from './client'

export const ROLES = ['DIRECTOR', 'DEPUTY_DIRECTOR', 'SECRETARY', 'MEMBER'] as const
export const ELECTION_KINDS = ['GENERAL', 'BY_ELECTION'] as const
export const ELECTION_TYPES = ['COMPETITIVE', 'NON_COMPETITIVE'] as const
export const ELECTORATES = ['ALL_PARENTS', 'CLASS_REPRESENTATIVES', 'GRADE_REPRESENTATIVES'] as const
export const NOMINATORS = ['HEAD_TEACHER', 'PARENTS', 'SCHOOL'] as const
export const ACTIVITY_TYPES = [
  'OPINION', 'SUPERVISION', 'VOLUNTEER_SERVICE', 'RECEPTION_DAY', 'HEARING', 'MEETING', 'TRAINING', 'COMMENDATION',
] as const
export const DECLARERS = ['COMMITTEE_DIRECTOR', 'PRINCIPAL', 'HEAD_TEACHER'] as const
export const LEFT_REASONS = ['RESIGNED', 'CHILD_LEFT', 'REPLACED', 'TERM_ENDED', 'OTHER'] as const

export type Role = (typeof ROLES)[number]
export type Level = 'SCHOOL' | 'GRADE' | 'CLASS'

export interface Committee {
  committeeId: string; level: Level; classId: string | null; grade: number | null; foundedOn: string; termEndsOn: string
  venue: string | null; plaque: boolean; rulesAdopted: boolean; dissolvedOn: string | null
}
export interface Member {
  memberId: string; role: Role; classId: string | null; electionId: string | null; reElected: boolean
  termStartsOn: string; termEndsOn: string; status: 'ACTIVE' | 'LEFT'; leftOn: string | null
  leftReason: (typeof LEFT_REASONS)[number] | null
}
export interface CandidateView {
  candidateNo: number; classId: string | null; role: Role | null; elected: boolean; votes: number | null; memberId: string | null
}
export interface Election {
  electionId: string; kind: (typeof ELECTION_KINDS)[number]; type: (typeof ELECTION_TYPES)[number]
  electorate: (typeof ELECTORATES)[number]; nominatedBy: (typeof NOMINATORS)[number]; seats: number; heldOn: string
  schoolYear: string; termEndsOn: string; candidates: CandidateView[]
}
export interface Activity {
  activityId: string; type: (typeof ACTIVITY_TYPES)[number]; heldOn: string; online: boolean; theme: string; attendance: number
}
export interface Declaration { schoolYear: string; declaredOn: string; declaredBy: (typeof DECLARERS)[number]; textVersion: string }

/** GET …/committees/{committeeId} */
export interface CommitteeDetail {
  committee: Committee; inTerm: boolean; schoolYear: string; feeBanDeclaration: Declaration | null
  members: Member[]; elections: Election[]; activities: Activity[]; declarations: Declaration[]
}

/** PUT …/elections/{electionId}: `parentRef` is sent, never read back */
export interface CandidateRequest { parentRef: string; classId?: string | null; role?: Role | null; elected: boolean; votes?: number | null }
export interface ElectionRequest {
  kind: Election['kind']; type: Election['type']; electorate: Election['electorate']; nominatedBy: Election['nominatedBy']
  seats: number; heldOn: string; termEndsOn?: string | null; candidates: CandidateRequest[]
}
export type ActivityRequest = Omit<Activity, 'activityId'> & { reason?: string | null }
export type DeclarationRequest = Omit<Declaration, 'schoolYear'>

const e = encodeURIComponent
export const committeePath = (schoolId: string, committeeId: string) =>
  `/api/school/schools/${e(schoolId)}/committees/${e(committeeId)}`
const json = (method: string, body: unknown): RequestInit => ({
  method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
})

export const committeesApi = {
  detail: (schoolId: string, committeeId: string) => request<CommitteeDetail>(committeePath(schoolId, committeeId)),
  putElection: (schoolId: string, committeeId: string, electionId: string, body: ElectionRequest) =>
    request<Election>(`${committeePath(schoolId, committeeId)}/elections/${e(electionId)}`, json('PUT', body)),
  putActivity: (schoolId: string, committeeId: string, activityId: string, body: ActivityRequest) =>
    request<unknown>(`${committeePath(schoolId, committeeId)}/activities/${e(activityId)}`, json('PUT', body)),
  putDeclaration: (schoolId: string, committeeId: string, schoolYear: string, body: DeclarationRequest) =>
    request<Declaration>(`${committeePath(schoolId, committeeId)}/declarations/${e(schoolYear)}`, json('PUT', body)),
}
