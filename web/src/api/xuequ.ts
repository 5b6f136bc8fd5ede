// 学区 as a working tier (issue 17 item 6, ADR 0027): a 学区's scorecard and a county's 学区, from
// district-service through the gateway. Shapes hand-written from XuequScorecardResponse and XuequResponse.
import { request } from './client'
import type { Indicator, SchoolCell, SignOffs } from './types'

const e = encodeURIComponent

/** XuequScorecardResponse.Cell: the 学区's own figures of an indicator (computed when asked, never stored). */
export interface XuequCell {
  id: string
  name: string
  suppressed: boolean
  numerator: number | null
  denominator: number | null
  value: number | null
  target: number | null
  met: boolean | null
  schoolsMeetingTarget: number
  schoolsReporting: number
  schoolsExpected: number
  completeness: number | null
  schoolsOnTime: number | null
  timeliness: number | null
  signOffs: SignOffs | null
}

/** GET /api/district/counties/{c}/xuequ/{x}/scorecard/{p} */
export interface XuequScorecard {
  periodId: string
  countyId: string
  xuequId: string
  xuequName: string
  indicators: { indicator: Indicator; periodId: string; xuequ: XuequCell }[]
  schools: { id: string; name: string | null; schoolType: string | null; cells: (SchoolCell & { code: string; periodId: string })[] }[]
}

/** GET /api/district/counties/{c}/xuequ */
export interface Xuequ {
  id: string
  countyId: string
  name: string
  version: number
}

/** GET /api/district/counties/{c}/xuequ/{x}/demonstration/programmes (XuequProgrammesResponse) */
export interface XuequProgrammes {
  countyId: string
  xuequId: string
  schools: { schoolId: string; name: string }[]
  programmes: {
    programmeId: string; name: string; startsOn: string; endsOn: string; version: number
    /** the 学区's quota in the county's breakdown table, null before the county puts one */
    quota: number | null
    arranged: { schoolId: string; name: string | null; plannedYear: number }[]
  }[]
}

const programmes = (c: string, x: string) => `/api/district/counties/${e(c)}/xuequ/${e(x)}/demonstration/programmes`

export const xuequApi = {
  programmes: (countyId: string, xuequId: string) => request<XuequProgrammes>(programmes(countyId, xuequId)),
  /** the 学区's part of the arrangement table (安排表): replaces what it submitted before */
  submitArrangement: (countyId: string, xuequId: string, programmeId: string, schools: { schoolId: string; plannedYear: number }[]) =>
    request<unknown>(`${programmes(countyId, xuequId)}/${e(programmeId)}/arrangement`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ schools }),
    }),
  scorecard: (countyId: string, xuequId: string, periodId: string) =>
    request<XuequScorecard>(`/api/district/counties/${e(countyId)}/xuequ/${e(xuequId)}/scorecard/${e(periodId)}`),
  ofCounty: (countyId: string) => request<Xuequ[]>(`/api/district/counties/${e(countyId)}/xuequ`),
}
