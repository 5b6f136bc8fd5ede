// Shapes of the reporting API (reporting-service, org.gongyu.reporting.report.*) and the gateway's
// /me, written by hand from the Java records and the contract of issue 11 (C1, C2). BigDecimal
// values arrive as JSON numbers (rates to four decimals); Instants as ISO-8601 UTC strings.

export type IndicatorKind = 'RATIO' | 'COUNT' | 'PER_CAPITA' | 'SCHOOL_THRESHOLD' | 'UNIT_COUNT'
export type PeriodType = 'SEMESTER' | 'SCHOOL_YEAR' | 'CALENDAR_YEAR' | 'PROGRAMME_CYCLE'
export type Comparator = 'AT_LEAST' | 'AT_MOST'
export type Level = 'CITY' | 'COUNTY' | 'SCHOOL'

/** GET /me (gateway). */
export interface Me {
  username: string
  name?: string | null
  roles: string[]
  school_id?: string | null
  county_id?: string | null
  city_id?: string | null
  /** the 学区 of a xuequ-staff user (who also carries its county in county_id) */
  xuequ_id?: string | null
}

/** GET /api/reports/calendar */
export interface Calendar {
  today: string
  currentSemester: string
  semesters: { id: string; start: string; end: string }[]
}

/** GET /api/reports/units/{unitId} */
export interface Unit {
  id: string
  level: Level
  name: string | null
  cityId: string | null
  cityName: string | null
  countyId: string | null
  countyName: string | null
  xuequId: string | null
  schoolType: string | null
}

/** IndicatorView */
export interface Indicator {
  code: string
  nameZh: string | null
  nameEn: string | null
  kind: IndicatorKind
  periodType: PeriodType
  comparator: Comparator | null
  sensitive: boolean
  schoolTypes: string[]
  target: number | null
}

/**
 * SignOffs: the sign-offs (完成上报, ADR 0019) a county's or the city's latest rollup counts; null
 * while that rollup predates sign-offs. completeness = signedOff / schools expected; timeliness =
 * signedOffOnTime / schools expected (the city: schools under a deadline), null without a deadline.
 */
export interface SignOffs {
  signedOff: number
  signedOffOnTime: number | null
  approved: number | null
  completeness: number | null
  timeliness: number | null
}

/** RollupCell: the city's or a county's own rollup in a scorecard. */
export interface RollupCell {
  id: string | null
  name: string | null
  suppressed: boolean
  numerator: number | null
  denominator: number | null
  value: number | null
  target: number | null
  met: boolean | null
  schoolsMeetingTarget: number | null
  schoolsReporting: number | null
  schoolsExpected: number | null
  completeness: number | null
  schoolsOnTime: number | null
  schoolsUnderDeadline: number | null
  timeliness: number | null
  signOffs: SignOffs | null
  version: number | null
  asOf: string | null
}

/** CountyScorecard.SchoolCell (also the school scorecard's cell). */
export interface SchoolCell {
  code?: string
  periodId?: string
  xuequId?: string | null
  applies: boolean
  suppressed: boolean
  numerator: number | null
  denominator: number | null
  value: number | null
  target: number | null
  met: boolean | null
  version: number | null
  asOf: string | null
}

/** CityScorecard */
export interface CityScorecard {
  periodId: string
  indicators: { indicator: Indicator; periodId: string; city: RollupCell; counties: RollupCell[] }[]
  /** the id of the city's unit of city-direct schools (市直学校) among the counties' cells, if any (ADR 0027) */
  cityDirect?: string | null
}

/** CountyScorecard */
export interface CountyScorecard {
  periodId: string
  countyId: string
  countyName: string | null
  indicators: { indicator: Indicator; periodId: string; county: RollupCell }[]
  schools: { id: string; name: string | null; schoolType: string | null; cells: (SchoolCell & { code: string; periodId: string })[] }[]
}

/** GET /api/reports/periods/{p}/schools/{s}/scorecard (C2) */
export interface SchoolScorecard {
  periodId: string
  school: Unit
  indicators: { indicator: Indicator; periodId: string; cell: SchoolCell; missing: boolean }[]
}

/** CountyFigures / CountyDetail */
export interface CountyFigures {
  id: string
  name: string | null
  suppressed: boolean
  numerator: number | null
  denominator: number | null
  rate: number | null
  met: boolean | null
  schoolsMeetingTarget: number | null
  schoolsReporting: number | null
  schoolsExpected: number | null
  completeness: number | null
  schoolsOnTime: number | null
  deadline: string | null
  timeliness: number | null
  signOffs: SignOffs | null
  version: number | null
  asOf: string | null
}

export interface CountyDetail extends CountyFigures {
  lineage: { schoolId: string; version: number; asOf?: string | null }[]
}

/** CityFigures */
export interface CityFigures {
  id: string
  name: string | null
  suppressed: boolean
  numerator: number | null
  denominator: number | null
  rate: number | null
  met: boolean | null
  schoolsMeetingTarget: number
  schoolsReporting: number
  schoolsExpected: number
  countiesReporting: number
  countiesExpected: number
  completeness: number | null
  schoolsOnTime: number | null
  schoolsUnderDeadline: number | null
  timeliness: number | null
  signOffs: SignOffs | null
  version: number
  asOf: string | null
  lineage: { countyId: string; version: number }[]
}

/** SchoolFigures */
export interface SchoolFigures {
  id: string
  name: string | null
  xuequId: string | null
  schoolType: string | null
  applies: boolean
  suppressed: boolean
  numerator: number | null
  denominator: number | null
  rate: number | null
  met: boolean | null
  snapshotVersion: number | null
  asOf: string | null
  usedInCountyRollup: number | null
}

export interface CityReport {
  indicator: Indicator
  periodId: string
  city: CityFigures | null
  counties: CountyFigures[]
}

export interface CountyReport {
  indicator: Indicator
  periodId: string
  county: CountyDetail
  schools: SchoolFigures[]
}

export interface BelowTarget {
  indicator: Indicator
  periodId: string
  countyId: string | null
  note: string | null
  counties: {
    id: string; name: string | null; numerator: number; denominator: number; value: number | null
    schoolsMeetingTarget: number; schoolsExpected: number; gap: number | null
  }[]
  schools: {
    id: string; name: string | null; countyId: string; countyName: string | null
    numerator: number; denominator: number; value: number | null; gap: number | null
  }[]
  withheld: number
}

export interface TrendPoint {
  periodId: string
  suppressed: boolean
  numerator: number | null
  denominator: number | null
  value: number | null
  target: number | null
  met: boolean | null
  completeness: number | null
  version: number | null
  direction: 'UP' | 'DOWN' | 'SAME' | null
}

export interface Trend {
  indicator: Indicator
  to: string
  periods: string[]
  series: { level: 'CITY' | 'COUNTY'; id: string | null; name: string | null; points: TrendPoint[] }[]
}

export type AttentionReason = 'BELOW_TARGET' | 'MISSING' | 'LATE'

export interface AttentionItem {
  indicatorCode: string
  indicatorNameZh: string | null
  indicatorNameEn: string | null
  kind: IndicatorKind
  periodId: string
  level: 'COUNTY' | 'SCHOOL'
  unitId: string
  unitName: string | null
  countyId: string | null
  countyName: string | null
  xuequId: string | null
  reason: AttentionReason
  value: number | null
  target: number | null
  gap: number | null
  numerator: number | null
  denominator: number | null
  /** the county's deadline and the school's first report: why it is LATE */
  deadline?: string | null
  firstReportedAt?: string | null
}

export interface Attention {
  periodId: string
  countyId?: string | null
  items: AttentionItem[]
  withheld: number
}

// ---- demonstration-school assessment (district-service, org.gongyu.district.demonstration.assessment),
// written by hand from the Java records MyAssignmentResponse, DeclarationRequest, AssignmentResponse,
// FileResponse, PutScoreRequest, ScoreResponse, SubmissionResponse and ScoresheetResponse (no generated
// district types yet: a renamed field there is caught by the system test, not by vue-tsc). BigDecimal
// points arrive as JSON numbers; Instants as ISO-8601 UTC strings.

export type AssignmentStatus = 'ASSIGNED' | 'CLEARED' | 'RECUSED'
/** org.gongyu.contracts.demonstration.DemonstrationStatus */
export type DemonstrationStatus =
  | 'APPLIED' | 'DECLINED' | 'CREATING' | 'SELF_EVALUATED' | 'ASSESSING' | 'DEFERRED' | 'REJECTED' | 'TITLED'
  | 'REINSPECTING' | 'RECTIFYING' | 'REVOKED' | 'EXPIRED'
/** What an assignment asks of the assessor now (MyAssignmentResponse.Due). */
export type Due = 'DECLARE' | 'WAIT' | 'SCORE' | 'NONE'
export type Conflict = 'OWN_SCHOOL' | 'FORMER_EMPLOYMENT' | 'RELATIVE' | 'RECENT_VISIT'
export const CONFLICTS: readonly Conflict[] = ['OWN_SCHOOL', 'FORMER_EMPLOYMENT', 'RELATIVE', 'RECENT_VISIT']

/** GET …/demonstration/my-assignments: one of the caller's assignments. */
export interface MyAssignment {
  applicationId: string
  programmeId: string
  schoolId: string
  schoolName: string | null
  round: number
  /** of the application's current round (an earlier round's is history) */
  current: boolean
  assignmentStatus: AssignmentStatus
  applicationStatus: DemonstrationStatus
  assignedAt: string
  declaredAt: string | null
  submittedAt: string | null
  due: Due
}

/** POST …/assignments/{assessor}/declaration */
export interface DeclarationRequest {
  conflicts: Conflict[]
  statement: string
}

export interface AssignmentResponse {
  applicationId: string
  round: number
  assessor: string
  status: AssignmentStatus
  assignedAt: string
  assignedBy: string | null
  declaredAt: string | null
  declaredConflicts: Conflict[] | null
  submittedAt: string | null
}

/** GET …/applications/{id}/file */
export interface ApplicationFile {
  applicationId: string
  schoolId: string
  programmeId: string
  round: number
  submittedAt: string | null
  standardId: string
  standardVersion: number
  selfTotal: number | null
  rubric: Rubric
  items: SelfEvaluationItem[]
  /** where the school tier lists the evidence attachments (through the gateway); absent from older servers */
  attachmentsHref?: string | null
}

export interface Rubric {
  titleZh: string | null
  titleEn: string | null
  passMark: number
  fullMark: number
  areas: RubricArea[]
}

export interface RubricArea {
  code: string
  nameZh: string | null
  nameEn: string | null
  criteria: RubricCriterion[]
}

export interface RubricCriterion {
  code: string
  nameZh: string | null
  nameEn: string | null
  /** the most points the criterion gives */
  points: number
  evidenceRequired: string | null
}

export interface SelfEvaluationItem {
  criterionCode: string
  selfScore: number | null
  narrative: string | null
  evidence: { title: string | null; reference: string }[]
}

/** PUT …/scores/{criterionCode} */
export interface PutScoreRequest {
  points: number
  comment: string
}

export interface ScoreResponse {
  applicationId: string
  round: number
  assessor: string
  criterionCode: string
  points: number
  comment: string
  updatedAt: string
}

/** POST …/scores/submit */
export interface SubmissionResponse {
  applicationId: string
  round: number
  assessor: string
  submittedAt: string
  total: number
}

/** GET …/applications/{id}/scoresheet (an assessor reads it once their own scores are submitted) */
export interface Scoresheet {
  applicationId: string
  status: DemonstrationStatus
  round: number
  passMark: number
  fullMark: number
  consensusMargin: number | null
  assessors: { assessor: string; status: AssignmentStatus; submittedAt: string | null }[]
  criteria: {
    criterionCode: string
    nameZh: string | null
    /** the standard's English name (district-service sends both; the page picks by language) */
    nameEn?: string | null
    maxPoints: number
    scores: { assessor: string; points: number | null; comment: string | null }[]
    spread: number | null
    needsConsensus: boolean
    consensus: { points: number; note: string | null; by: string; at: string } | null
    result: number | null
  }[]
  totals: { assessor: string; total: number | null }[]
  finalScore: number | null
  passed: boolean | null
  missing: string[]
}
