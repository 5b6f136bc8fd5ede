// The county's school registry (ADR 0010, ADR 0027): the schools district-service lists for a county,
// and closing or merging one (issue 17 item 6). Shapes hand-written from SchoolResponse and CloseSchoolRequest.
import { request } from './client'

const e = encodeURIComponent

/** SchoolResponse.MergedFrom: a school that merged into this one from `closedFrom` on. */
export interface MergedFrom {
  id: string
  name: string
  closedFrom: string
}

/** GET /api/district/counties/{c}/schools: a registered school, open or closed. */
export interface RegistrySchool {
  id: string
  countyId: string
  xuequId: string | null
  name: string
  schoolType: string
  version: number
  /** the first day the school is closed (yyyy-MM-dd), null while open */
  closedFrom: string | null
  /** the school it merged into (合并至), null for a plain closure or an open school */
  successorId: string | null
  successorName: string | null
  /** the schools that merged into this one (合并自) */
  mergedFrom: MergedFrom[]
}

/** POST …/schools/{id}/close */
export interface CloseBody {
  effectiveFrom: string
  successorId: string | null
}

const county = (c: string) => `/api/district/counties/${e(c)}`

export const registryApi = {
  /** The county's schools; closed ones whose last period has ended only with `closed`. */
  schools: (c: string, closed = false) =>
    request<RegistrySchool[]>(`${county(c)}/schools${closed ? '?closed=true' : ''}`),
  close: (c: string, schoolId: string, body: CloseBody) =>
    request<RegistrySchool>(`${county(c)}/schools/${e(schoolId)}/close`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }),
}
