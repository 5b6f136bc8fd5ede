// The school's side of the demonstration-school programme (school-service through the gateway):
// programmes, the application, the self-evaluation drafts and their evidence attachments, and the
// school's own indicator figures the rubric's criteria are tied to (issue 13 item 2).
import { postForm, request } from './client'

export interface SchoolCriterion {
  code: string
  nameZh: string
  nameEn: string
  points: number
  evidenceRequired: string | null
  indicatorCodes: string[]
}
export interface SchoolArea { code: string; nameZh: string; nameEn: string; criteria: SchoolCriterion[] }
export interface SchoolRubric { titleZh: string; titleEn: string; passMark: number; fullMark: number; areas: SchoolArea[] }

/** GET …/demonstration/programmes */
export interface SchoolProgramme {
  programmeId: string
  countyId: string
  name: string
  target: number
  startsOn: string | null
  endsOn: string | null
  applicationOpensOn: string
  applicationDeadline: string
  open: boolean
  creationMonths: number
  titleValidityYears: number
  standardId: string
  standardVersion: number
  version: number
  rubric: SchoolRubric
  applicationId: string | null
}

export interface Baseline { areaCode: string; level: number; note?: string | null }
export interface ApplyRequest { programmeId: string; baseline: Baseline[]; plan: string }

/** GET …/demonstration/applications/{id}: the form, the county's status as last mirrored and every status step it took. */
export interface SchoolApplication {
  applicationId: string
  schoolId: string
  programmeId: string
  status: string
  version: number
  appliedAt: string
  statusAt: string | null
  creationEndsOn: string | null
  finalScore: number | null
  titleValidUntil: string | null
  rectificationDeadline: string | null
  reason: string | null
  selfEvaluationRound: number
  submittedRound: number
  baseline: Baseline[]
  plan: string
  submissions: { round: number; submittedAt: string; standardId: string; standardVersion: number; selfTotal: number }[]
  /** every status step the county took, by version (school-service keeps each one it received); absent from older servers */
  statusHistory?: StatusStep[]
}

/** A status step of the county (DemonstrationStatusChanged as received): what it moved to and what it set. */
export interface StatusStep {
  version: number
  status: string
  previousStatus: string | null
  at: string
  creationEndsOn: string | null
  finalScore: number | null
  titleValidUntil: string | null
  rectificationDeadline: string | null
  reason: string | null
}

export interface Evidence { title: string; reference: string }
export interface SelfItem {
  criterionCode: string
  round: number
  selfScore: number
  narrative: string
  evidence: Evidence[]
  updatedAt: string
}
export interface SelfEvaluation {
  applicationId: string
  status: string
  round: number
  editable: boolean
  submittedRound: number
  items: SelfItem[]
  missingCriteria: string[]
  selfTotal: number
  fullMark: number
}
export interface PutItemRequest { selfScore: number; narrative: string; evidence: Evidence[] }

export interface Attachment {
  id: string
  applicationId: string
  round: number
  criterionCode: string
  fileName: string
  contentType: string
  sizeBytes: number
  sha256: string
  uploadedAt: string
  href: string
}

/** GET /api/school/schools/{id}/indicators/{periodId} */
export interface SchoolFigure {
  indicatorCode: string
  periodId: string
  numerator: number | null
  denominator: number | null
  rate: number | null
  suppressed: boolean
  version: number
  asOf: string
}

const e = encodeURIComponent
const base = (schoolId: string) => `/api/school/schools/${e(schoolId)}/demonstration`
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})

export const attachmentsPath = (schoolId: string, applicationId: string) =>
  `${base(schoolId)}/applications/${e(applicationId)}/attachments`

/** The upload, with progress (fetch has none): multipart `criterionCode` + `file`, CSRF header, language. */
export function uploadAttachment(
  schoolId: string, applicationId: string, criterionCode: string, file: File, lang: string,
  onProgress: (percent: number) => void = () => {},
): Promise<Attachment> {
  const form = new FormData()
  form.append('criterionCode', criterionCode)
  form.append('file', file, file.name)
  return postForm<Attachment>(attachmentsPath(schoolId, applicationId), form, lang, onProgress)
}

export const schoolDemoApi = {
  programmes: (schoolId: string) => request<SchoolProgramme[]>(`${base(schoolId)}/programmes`),
  apply: (schoolId: string, body: ApplyRequest) => request<SchoolApplication>(`${base(schoolId)}/applications`, json('POST', body)),
  applications: (schoolId: string) => request<SchoolApplication[]>(`${base(schoolId)}/applications`),
  application: (schoolId: string, id: string) => request<SchoolApplication>(`${base(schoolId)}/applications/${e(id)}`),
  selfEvaluation: (schoolId: string, id: string) =>
    request<SelfEvaluation>(`${base(schoolId)}/applications/${e(id)}/self-evaluation`),
  putItem: (schoolId: string, id: string, code: string, body: PutItemRequest) =>
    request<SelfItem>(`${base(schoolId)}/applications/${e(id)}/self-evaluation/items/${e(code)}`, json('PUT', body)),
  submit: (schoolId: string, id: string) =>
    request<{ round: number; submittedAt: string; selfTotal: number }>(
      `${base(schoolId)}/applications/${e(id)}/self-evaluation/submit`, json('POST')),
  attachments: (schoolId: string, id: string) => request<Attachment[]>(attachmentsPath(schoolId, id)),
  /** Lists the attachments at a path the API handed out (the assessor's file names it). */
  attachmentsAt: (href: string) => request<Attachment[]>(href),
  upload: uploadAttachment,
  deleteAttachment: (schoolId: string, id: string, attachmentId: string) =>
    request<void>(`${attachmentsPath(schoolId, id)}/${e(attachmentId)}`, { method: 'DELETE' }),
  figures: (schoolId: string, periodId: string) =>
    request<SchoolFigure[]>(`/api/school/schools/${e(schoolId)}/indicators/${e(periodId)}`),
}
