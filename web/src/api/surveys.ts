// 问卷调查 (ADR 0026, issue 17 item 5): the city's questionnaires (city-service `survey`) and a
// school's anonymous answers and counts (school-service `survey`). Shapes hand-written from the
// Java records (SurveyResponse, SurveyResults, SchoolSurveyResponse, SurveyCounts).
import { request } from './client'

const e = encodeURIComponent
const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: body === undefined ? undefined : JSON.stringify(body),
})

export type Purpose = 'PROBLEM_DISCOVERY' | 'SATISFACTION'
export type Audience = 'PARENTS' | 'STUDENTS'
export type Kind = 'SINGLE' | 'MULTIPLE' | 'SCALE'
export const PURPOSES: Purpose[] = ['PROBLEM_DISCOVERY', 'SATISFACTION']
export const AUDIENCES: Audience[] = ['PARENTS', 'STUDENTS']
export const KINDS: Kind[] = ['SINGLE', 'MULTIPLE', 'SCALE']

export interface Option { code: string; label: string }
export interface Question { code: string; text: string; kind: Kind; options: Option[] }
export interface Survey {
  id: string; countyId: string | null; countyName: string | null; title: string; purpose: Purpose; audience: Audience
  questions: Question[]; opensOn: string; closesOn: string; status: 'DRAFT' | 'OPEN' | 'CLOSED'; version: number
  createdAt: string; createdBy: string; schoolsReporting: number
  /** CITY: built by city staff; COUNTY: built by the admin of countyId, who alone publishes and closes it */
  ownerTier: 'CITY' | 'COUNTY'
}
export interface NewSurvey {
  title: string; purpose: Purpose; audience: Audience; countyId?: string | null; opensOn: string; closesOn: string
  questions: { text: string; kind: Kind; options: string[] }[]
}
/** A count: null where the school withheld it (shown as "*"). */
export interface Cell { code: string; label: string; count: number | null; withheld: number }
export interface QuestionTotal {
  code: string; text: string; kind: Kind; answered: number; withheldSchools: number; options: Cell[]
  score: number | null; scoreBasis: number
}
export interface Unit {
  id: string | null; name: string | null; countyId: string | null; schools: number; responses: number
  satisfaction: number | null; version: number | null; publishedAt: string | null; questions: QuestionTotal[]
}
export interface Results {
  surveyId: string; title: string; purpose: Purpose; audience: Audience; status: string; countyId: string | null
  schoolsReporting: number; responses: number; satisfaction: number | null; questions: QuestionTotal[]; counties: Unit[]; schools: Unit[]
}

export interface SchoolSurvey {
  surveyId: string; title: string; purpose: Purpose; audience: Audience; countyId: string | null; opensOn: string; closesOn: string
  status: 'OPEN' | 'CLOSED'; accepting: boolean; questions: Question[]; responses: number
  publishedVersion: number | null; publishedAt: string | null; publishedResponses: number | null
}
export interface Answered { grade?: number | null; answers: Record<string, string[]> }
export interface SchoolCounts {
  surveyId: string; responses: number
  questions: { code: string; text: string; kind: Kind; answered: number; answeredShown: number | null
    options: { code: string; label: string; count: number; shown: number | null }[] }[]
}

const city = (id: string) => `/api/city/surveys/${e(id)}`
const county = (c: string, id?: string) => `/api/city/counties/${e(c)}/surveys${id ? `/${e(id)}` : ''}`
const school = (s: string, id?: string) => `/api/school/schools/${e(s)}/surveys${id ? `/${e(id)}` : ''}`

export const surveyApi = {
  // ---- the city
  list: () => request<Survey[]>('/api/city/surveys'),
  create: (body: NewSurvey) => request<Survey>('/api/city/surveys', json('POST', body)),
  publish: (id: string) => request<Survey>(`${city(id)}/publication`, json('POST')),
  close: (id: string) => request<Survey>(`${city(id)}/closure`, json('POST')),
  results: (id: string) => request<Results>(`${city(id)}/results`),
  // ---- a county: the surveys reaching its schools and its own (its admin builds, publishes, closes them)
  countyList: (c: string) => request<Survey[]>(county(c)),
  countyCreate: (c: string, body: NewSurvey) => request<Survey>(county(c), json('POST', body)),
  countyPublish: (c: string, id: string) => request<Survey>(`${county(c, id)}/publication`, json('POST')),
  countyClose: (c: string, id: string) => request<Survey>(`${county(c, id)}/closure`, json('POST')),
  countyResults: (c: string, id: string) => request<Results>(`${county(c, id)}/results`),
  // ---- a school
  schoolList: (s: string) => request<SchoolSurvey[]>(school(s)),
  enter: (s: string, id: string, responses: Answered[]) => request<SchoolSurvey>(`${school(s, id)}/responses`, json('POST', { responses })),
  counts: (s: string, id: string) => request<SchoolCounts>(`${school(s, id)}/results`),
  publishCounts: (s: string, id: string) => request<SchoolCounts>(`${school(s, id)}/results/publication`, json('POST')),
}

/** A count for people: "*" where withheld; a total some school withheld a part of: "12 + *". */
export function cellText(count: number | null | undefined, lang: string, withheld = 0): string {
  if (count === null || count === undefined) return '*'
  if (withheld > 0) return count === 0 ? '*' : `${count.toLocaleString(lang)} + *`
  return count.toLocaleString(lang)
}

/** The surveys page of the city ({@code countyId} absent) or of one county: which calls it makes. */
export function surveysOf(countyId?: string) {
  return countyId
    ? {
        list: () => surveyApi.countyList(countyId),
        create: (body: NewSurvey) => surveyApi.countyCreate(countyId, body),
        publish: (id: string) => surveyApi.countyPublish(countyId, id),
        close: (id: string) => surveyApi.countyClose(countyId, id),
        results: (id: string) => surveyApi.countyResults(countyId, id),
        /** a county steps only what it built */
        mayStep: (s: Survey) => s.ownerTier === 'COUNTY' && s.countyId === countyId,
      }
    : {
        list: surveyApi.list, create: surveyApi.create, publish: surveyApi.publish, close: surveyApi.close, results: surveyApi.results,
        mayStep: () => true,
      }
}
