// Each record family of the school as school-service takes and answers it (hand-written from the
// Java request records and /work/coord/records-api.md; one place per family): the fields a school
// writes, the enum values, the record's URL, how a new record is sent and how the list is filtered.
// The UI description of each family (columns, form) is in src/records/families.ts, typed against these.
import type { FamilyEndpoints } from './records'

/** 2026-2027-1 → 2026-2027 (the school year a semester belongs to). */
export function schoolYearOf(period: string | null): string {
  const m = period ? /^(\d{4}-\d{4})(-[12])?$/.exec(period) : null
  return m ? m[1] : ''
}
const semester = (period: string | null) => period ?? ''
const cls = (classId: string | null): Record<string, string> => (classId ? { classId } : {})

// ------------------------------------------------------------------ enums
export const SESSION_TYPES = ['COLLECTIVE', 'CLASS'] as const
export const SESSION_MODES = ['OFFLINE', 'ONLINE'] as const
export const COMMITTEE_LEVELS = ['SCHOOL', 'GRADE', 'CLASS'] as const
export const CONTACT_MODES = ['IN_HOME', 'PHONE', 'WECHAT', 'AT_SCHOOL'] as const
export const SPECIAL_CATEGORIES = ['LEFT_BEHIND', 'SPECIAL_NEEDS', 'HARDSHIP', 'OTHER'] as const
export const OUTREACH_CHANNELS = ['NOTICE', 'WECHAT', 'MEETING', 'PLATFORM'] as const
export const CASE_CATEGORIES = ['STUDY', 'EMOTION', 'BEHAVIOUR', 'FAMILY_RELATIONS', 'OTHER'] as const
export const CASE_STATUSES = ['OPEN', 'RESOLVED', 'REFERRED'] as const
export const ACTIVITIES = ['SONG', 'PLAY', 'BOOK', 'FILM', 'CHARITY', 'HIKE'] as const
export const SUGGESTION_CATEGORIES = [
  'TEACHING', 'HOMEWORK', 'SAFETY', 'CATERING', 'FACILITIES', 'ACTIVITIES', 'HOME_SCHOOL', 'MANAGEMENT', 'OTHER',
] as const
export const SUGGESTION_CHANNELS = ['PARENT_STATION', 'MAILBOX', 'MEETING', 'ONLINE'] as const
export const SUGGESTION_STATUSES = ['OPEN', 'RESOLVED'] as const
export const OPEN_SCHOOL_TYPES = [
  'PARENT_MEETING', 'OPEN_DAY', 'RECEPTION_DAY', 'PARENTS_INTO_CLASSROOM', 'PARENTS_LECTURE_HALL', 'MODEL_TALK', 'ONLINE_THEME',
] as const
export const GUARD_KINDS = ['SECURITY_GUARD', 'TEACHER', 'PARENT'] as const
export const PRACTICE_BASE_TYPES = ['LABOUR', 'PRACTICE', 'VOLUNTEER', 'LEGAL', 'SAFETY', 'STUDY_TOUR'] as const
export const GUARD_SLOTS = ['ARRIVAL', 'DISMISSAL'] as const

export const ENUMS = {
  sessionType: SESSION_TYPES,
  sessionMode: SESSION_MODES,
  committeeLevel: COMMITTEE_LEVELS,
  contactMode: CONTACT_MODES,
  specialCategory: SPECIAL_CATEGORIES,
  outreachChannel: OUTREACH_CHANNELS,
  caseCategory: CASE_CATEGORIES,
  caseStatus: CASE_STATUSES,
  activity: ACTIVITIES,
  suggestionCategory: SUGGESTION_CATEGORIES,
  suggestionChannel: SUGGESTION_CHANNELS,
  suggestionStatus: SUGGESTION_STATUSES,
  openSchoolType: OPEN_SCHOOL_TYPES,
  guardKind: GUARD_KINDS,
  practiceBaseType: PRACTICE_BASE_TYPES,
  guardSlot: GUARD_SLOTS,
} as const
export type EnumName = keyof typeof ENUMS

// ------------------------------------------------------------------ the fields a school writes, per family
// (dates are ISO local dates `2026-10-01`, instants ISO UTC)

/** PUT …/classes/{classId} */
export interface ClassFields { schoolYear: string; grade: number; name: string; enrolment: number }
/** PUT …/parent-school (one per school); `effectiveFrom`: the day a new head takes over */
export interface ParentSchoolFields { headName: string; effectiveFrom?: string | null; establishedOn: string; structure: string; rules: string }
/** GET …/parent-school answers, besides the fields, the day the current head took over */
export interface ParentSchoolAnswer extends ParentSchoolFields { headFrom: string | null }
/** PUT …/parent-school/sessions/{sessionId} */
export interface SessionFields {
  type: (typeof SESSION_TYPES)[number]; classId?: string | null; date: string; topic: string
  /** who taught it; may be left out when `lecturerId` names a registry lecturer (the registry's name is kept) */
  lecturer?: string | null
  /** a lecturer of the city's registry (ADR 0024), as the school's copy has it; unknown ids are 422 */
  lecturerId?: string | null
  mode: (typeof SESSION_MODES)[number]; attendance: number
}
/** PUT …/head-trainings/{trainingId} */
export interface HeadTrainingFields { personName: string; course: string; completedOn: string }
/** PUT …/instructors/{instructorId} */
export interface InstructorFields { name: string; certificateNo: string; certifiedOn: string; leftOn?: string | null }
/** PUT …/committees/{committeeId} */
export interface CommitteeFields {
  level: (typeof COMMITTEE_LEVELS)[number]; classId?: string | null; grade?: number | null; foundedOn: string; termEndsOn?: string | null
  venue?: string | null; plaque: boolean; rulesAdopted: boolean; dissolvedOn?: string | null
}
/** POST …/home-contacts {contacts:[{externalId, …}]}; PUT …/home-contacts/{externalId} */
export interface HomeContactFields {
  classId: string; studentRef?: string; date: string; mode: (typeof CONTACT_MODES)[number]; priority?: boolean | null
}
/**
 * POST …/home-visit-files {files:[{studentRef, classId, openedOn}]} (the service answers each item's `fileIds[i]`);
 * PUT …/home-visit-files/{fileId} {classId, openedOn, reason}: the student is never corrected (400)
 */
export interface HomeVisitFileFields { studentRef?: string; classId: string; openedOn: string }
/** PUT …/special-students/{entryId} (studentRef and notes are written, never answered) */
export interface SpecialStudentFields {
  classId: string; studentRef?: string; category: (typeof SPECIAL_CATEGORIES)[number]; registeredOn: string
  careFileOn?: string | null; assistancePlanOn?: string | null; closedOn?: string | null; notes?: string | null
}
/** POST …/consultation-outreach {records:[{externalId, …}]}; PUT …/consultation-outreach/{externalId} */
export interface OutreachFields { classId: string; studentRef?: string; channel: (typeof OUTREACH_CHANNELS)[number]; deliveredOn: string }
/** PUT …/consultations/{caseId} */
export interface CaseFields {
  classId: string; studentRef?: string; category: (typeof CASE_CATEGORIES)[number]; openedOn: string
  appointmentAt?: string | null; consultant: string; status: (typeof CASE_STATUSES)[number]; resolvedOn?: string | null
  notes?: string | null
}
/** POST …/six-ones {participations:[{externalId, …}]}; PUT …/six-ones/{externalId} */
export interface SixOnesFields { classId: string; studentRef?: string; activity: (typeof ACTIVITIES)[number]; date: string }
/** PUT …/suggestions/{suggestionId} (no parent, no text: deliberately) */
export interface SuggestionFields {
  receivedOn: string; category: (typeof SUGGESTION_CATEGORIES)[number]; channel: (typeof SUGGESTION_CHANNELS)[number]
  status: (typeof SUGGESTION_STATUSES)[number]; resolvedOn?: string | null
}
/** POST …/platform-registrations {period, registrations:[{externalId, …}]} */
export interface RegistrationFields { classId: string; studentRef?: string; guardianRef?: string; registeredAt: string }
/** POST …/platform-learning {activities:[{externalId, …}]} */
export interface LearningFields { guardianRef?: string; resourceId: string; occurredAt: string; minutes: number }
/** POST …/platform-recommendations {recommendations:[{externalId, …}]} */
export interface RecommendationFields {
  resourceId: string; title: string; resourceType: string; authoringTier: string; recommendedAt: string
}

/**
 * PUT …/open-school-events/{eventId}: `classId` absent = whole school; `profession` (required) and
 * `parentRef` (written, never answered) only for PARENTS_INTO_CLASSROOM
 */
export interface OpenSchoolEventFields {
  type: (typeof OPEN_SCHOOL_TYPES)[number]; classId?: string | null; date: string; mode: (typeof SESSION_MODES)[number]
  theme: string; attendance: number; profession?: string | null; parentRef?: string
}
/** PUT …/reading-campaigns/{campaignId} (`days` 21 and `targetMinutes` 20 when absent); check-ins are sent by the class's app */
export interface ReadingCampaignFields { classId: string; name: string; startDate: string; days?: number | null; targetMinutes?: number | null }
/** PUT …/guard-duty/members/{memberId}: `personRef` written, never answered; `voluntary` only for PARENT */
export interface GuardMemberFields {
  kind: (typeof GUARD_KINDS)[number]; personRef?: string; signedUpOn: string; voluntary?: boolean | null; leftOn?: string | null
}
/** PUT …/guard-duty/duties/{dutyId}: at least one member id, each once, each standing guard that day */
export interface GuardDutyFields { date: string; slot: (typeof GUARD_SLOTS)[number]; memberIds: string[] | string }
/** PUT …/practice-bases/{baseId} */
export interface PracticeBaseFields {
  name: string; type: (typeof PRACTICE_BASE_TYPES)[number]; partnerUnit: string; agreementSignedOn?: string | null
  courses: number; active: boolean
}

/** Family key → its fields (the form's model and the body of a write). */
export interface FamilyFields {
  classes: ClassFields
  'parent-school': ParentSchoolFields
  sessions: SessionFields
  'head-trainings': HeadTrainingFields
  instructors: InstructorFields
  committees: CommitteeFields
  'home-contacts': HomeContactFields
  'home-visit-files': HomeVisitFileFields
  'special-students': SpecialStudentFields
  'consultation-outreach': OutreachFields
  consultations: CaseFields
  'six-ones': SixOnesFields
  suggestions: SuggestionFields
  'platform-registrations': RegistrationFields
  'platform-learning': LearningFields
  'platform-recommendations': RecommendationFields
  'open-school-events': OpenSchoolEventFields
  'reading-campaigns': ReadingCampaignFields
  'guard-duty-members': GuardMemberFields
  'guard-duties': GuardDutyFields
  'practice-bases': PracticeBaseFields
}
export type FamilyKey = keyof FamilyFields

// ------------------------------------------------------------------ endpoints per family
const bySemester = (p: string | null, c: string | null) => ({ semester: semester(p), ...cls(c) })
const bySchoolYear = (p: string | null, c: string | null) => ({ schoolYear: schoolYearOf(p), ...cls(c) })

export const ENDPOINTS: Record<FamilyKey, FamilyEndpoints> = {
  classes: { path: 'classes', idKey: 'classId', create: 'put', listQuery: (p) => ({ schoolYear: schoolYearOf(p) }) },
  'parent-school': { path: 'parent-school', idKey: 'parent-school', singleton: true, create: 'put', listQuery: () => ({}) },
  sessions: { path: 'parent-school/sessions', idKey: 'sessionId', create: 'put', listQuery: bySemester },
  // a training counts for every later year: no period filter
  'head-trainings': { path: 'head-trainings', idKey: 'trainingId', create: 'put', listQuery: () => ({}) },
  instructors: { path: 'instructors', idKey: 'instructorId', create: 'put', listQuery: () => ({}) },
  committees: { path: 'committees', idKey: 'committeeId', create: 'put', listQuery: (_p, c) => cls(c) },
  'home-contacts': { path: 'home-contacts', idKey: 'externalId', create: { batch: 'contacts' }, listQuery: bySemester },
  // files opened in a school year (GET …/home-visit-files?schoolYear=&classId=)
  'home-visit-files': { path: 'home-visit-files', idKey: 'fileId', create: { batch: 'files', idInBatch: null }, listQuery: bySchoolYear },
  'special-students': { path: 'special-students', idKey: 'entryId', create: 'put', listQuery: bySchoolYear },
  'consultation-outreach': { path: 'consultation-outreach', idKey: 'externalId', create: { batch: 'records' }, listQuery: bySemester },
  consultations: { path: 'consultations', idKey: 'caseId', create: 'put', listQuery: bySchoolYear },
  'six-ones': { path: 'six-ones', idKey: 'externalId', create: { batch: 'participations' }, listQuery: bySchoolYear },
  suggestions: { path: 'suggestions', idKey: 'suggestionId', create: 'put', listQuery: (p) => ({ schoolYear: schoolYearOf(p) }) },
  'platform-registrations': {
    path: 'platform-registrations', idKey: 'externalId', listQuery: bySemester,
    create: { batch: 'registrations', extra: (p) => ({ period: semester(p) }) },
  },
  'platform-learning': { path: 'platform-learning', idKey: 'externalId', create: { batch: 'activities' }, listQuery: bySemester },
  'platform-recommendations': {
    path: 'platform-recommendations', idKey: 'externalId', create: { batch: 'recommendations' }, listQuery: bySemester,
  },
  'open-school-events': { path: 'open-school-events', idKey: 'eventId', create: 'put', listQuery: bySemester },
  // campaigns by the semester of their last day
  'reading-campaigns': { path: 'reading-campaigns', idKey: 'campaignId', create: 'put', listQuery: bySemester },
  'guard-duty-members': { path: 'guard-duty/members', idKey: 'memberId', create: 'put', listQuery: () => ({}) },
  'guard-duties': { path: 'guard-duty/duties', idKey: 'dutyId', create: 'put', listQuery: (p) => ({ semester: semester(p) }) },
  'practice-bases': { path: 'practice-bases', idKey: 'baseId', create: 'put', listQuery: () => ({}) },
}

/** The heads of the parent school with the day each took over (GET …/parent-school/heads). */
export interface ParentSchoolHead { headFrom: string; headName: string }
