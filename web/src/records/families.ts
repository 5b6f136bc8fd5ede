// The school workspace's record families as the pages show them: which group of the menu each
// belongs to, the list's columns and the form's fields. One generic component (RecordFamily.vue)
// renders every family from this description; the API side of each family (fields, enums, URLs)
// is in src/api/recordFamilies.ts, and the field keys here are type-checked against it.
// Labels: records.fields.{key}, records.families.{family}.*, records.enums.{enum}.{value}.
import { ENDPOINTS, type EnumName, type FamilyFields, type FamilyKey } from '@/api/recordFamilies'
import type { FamilyEndpoints } from '@/api/records'

export type GroupKey = 'organisation' | 'activities' | 'care' | 'platform'
export const GROUPS: GroupKey[] = ['organisation', 'activities', 'care', 'platform']

/**
 * text, textarea, number; date (`2026-10-01`), datetime (an instant, entered in Asia/Shanghai);
 * enum (one of ENUMS[enum]); bool; class (a class of the school, chosen by name); lecturer (a lecturer
 * of the city's registry as the school's copy has it, chosen by name; ADR 0024); list (ids typed
 * separated by commas or spaces, sent as an array); guardMembers (the school's guard-duty members,
 * picked by kind and member id from those on the team that day, sent as an array of ids).
 */
export type FieldKind = 'text' | 'textarea' | 'number' | 'date' | 'datetime' | 'enum' | 'bool' | 'class' | 'lecturer' | 'list'
  | 'guardMembers'

export interface FieldSpec<K extends string = string> {
  key: K
  kind: FieldKind
  enum?: EnumName
  /** marked with an asterisk; the API checks it (its messages show beside the field) */
  required?: boolean
  /** written but never answered (student and guardian references, notes): blank in a correction, sent only when filled */
  secret?: boolean
  /** written only when the record is created, never corrected (a home-visit file's student): not in the correction form */
  createOnly?: boolean
  /** shown only when the form's other fields make it apply (a class for CLASS sessions) */
  when?: (form: Record<string, unknown>) => boolean
}

export interface ColumnSpec {
  key: string
  kind: FieldKind
  enum?: EnumName
}

/** A record family as the generic page reads it (field keys checked against the API's types where it is built). */
export interface FamilySpec {
  key: FamilyKey
  group: GroupKey
  endpoints: FamilyEndpoints
  /** the list can be narrowed to a class */
  classFilter: boolean
  /** the list follows the top bar's period (semester or its school year) */
  periodFilter: boolean
  fields: FieldSpec[]
  columns: ColumnSpec[]
  /** a new record's form starts with these */
  defaults: () => Record<string, unknown>
  /** a record's own page, if it has one (a committee's members, elections, activities) */
  detailPath?: (schoolId: string, id: string) => string
}

const isClass = (value: string) => (form: Record<string, unknown>) => form.type === value || form.level === value
const isClassroom = (form: Record<string, unknown>) => form.type === 'PARENTS_INTO_CLASSROOM'
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)

/** The columns: every field that is answered back, in the form's order. */
function columnsOf<K extends string>(fields: FieldSpec<K>[], extra: ColumnSpec[] = []): ColumnSpec[] {
  return [...fields.filter((f) => !f.secret && f.kind !== 'textarea').map(({ key, kind, enum: en }) => ({ key, kind, enum: en })), ...extra]
}

function family<K extends FamilyKey>(key: K, group: GroupKey, fields: FieldSpec<Extract<keyof FamilyFields[K], string>>[], more: {
  classFilter?: boolean; periodFilter?: boolean; columns?: ColumnSpec[]; defaults?: () => Partial<FamilyFields[NoInfer<K>]>
  detailPath?: (schoolId: string, id: string) => string
} = {}): FamilySpec {
  return {
    key, group, endpoints: ENDPOINTS[key], fields,
    classFilter: more.classFilter ?? fields.some((f) => f.kind === 'class'),
    periodFilter: more.periodFilter ?? Object.keys(ENDPOINTS[key].listQuery('2026-2027-1', null)).length > 0,
    columns: more.columns ?? columnsOf(fields),
    defaults: (more.defaults ?? (() => ({}))) as () => Record<string, unknown>,
    ...(more.detailPath ? { detailPath: more.detailPath } : {}),
  }
}

export const FAMILIES: readonly FamilySpec[] = [
  // ---------------------------------------------------------------- organisation 组织建设
  family('classes', 'organisation', [
    { key: 'schoolYear', kind: 'text', required: true },
    { key: 'grade', kind: 'number', required: true },
    { key: 'name', kind: 'text', required: true },
    { key: 'enrolment', kind: 'number', required: true },
  ], { classFilter: false }),
  family('parent-school', 'organisation', [
    { key: 'headName', kind: 'text', required: true },
    { key: 'effectiveFrom', kind: 'date' },
    { key: 'establishedOn', kind: 'date', required: true },
    { key: 'structure', kind: 'textarea', required: true },
    { key: 'rules', kind: 'textarea', required: true },
  ], { columns: [
    { key: 'headName', kind: 'text' }, { key: 'headFrom', kind: 'date' }, { key: 'establishedOn', kind: 'date' },
    { key: 'structure', kind: 'textarea' }, { key: 'rules', kind: 'textarea' },
  ] }),
  family('committees', 'organisation', [
    { key: 'level', kind: 'enum', enum: 'committeeLevel', required: true },
    { key: 'classId', kind: 'class', when: isClass('CLASS') },
    { key: 'grade', kind: 'number', when: isClass('GRADE') },
    { key: 'foundedOn', kind: 'date', required: true },
    { key: 'termEndsOn', kind: 'date' },
    { key: 'venue', kind: 'text' },
    { key: 'plaque', kind: 'bool', required: true },
    { key: 'rulesAdopted', kind: 'bool', required: true },
    { key: 'dissolvedOn', kind: 'date' },
  ], {
    defaults: () => ({ level: 'SCHOOL', plaque: false, rulesAdopted: false }) as const,
    detailPath: (schoolId, id) => `/schools/${encodeURIComponent(schoolId)}/records/committees/${encodeURIComponent(id)}`,
  }),
  family('instructors', 'organisation', [
    { key: 'name', kind: 'text', required: true },
    { key: 'certificateNo', kind: 'text', required: true },
    { key: 'certifiedOn', kind: 'date', required: true },
    { key: 'leftOn', kind: 'date' },
  ]),
  family('head-trainings', 'organisation', [
    { key: 'personName', kind: 'text', required: true },
    { key: 'course', kind: 'text', required: true },
    { key: 'completedOn', kind: 'date', required: true },
  ]),
  // guard duty (issue 17 item 4): members by kind and member id; who they are is written, never shown
  family('guard-duty-members', 'organisation', [
    { key: 'kind', kind: 'enum', enum: 'guardKind', required: true },
    { key: 'personRef', kind: 'text', required: true, secret: true },
    { key: 'signedUpOn', kind: 'date', required: true },
    { key: 'voluntary', kind: 'bool', when: (f) => f.kind === 'PARENT' },
    { key: 'leftOn', kind: 'date' },
  ], {
    defaults: () => ({ kind: 'PARENT', signedUpOn: today(), voluntary: true }) as const,
    columns: [
      { key: 'memberId', kind: 'text' }, { key: 'kind', kind: 'enum', enum: 'guardKind' }, { key: 'signedUpOn', kind: 'date' },
      { key: 'voluntary', kind: 'bool' }, { key: 'leftOn', kind: 'date' },
    ],
  }),
  family('guard-duties', 'organisation', [
    { key: 'date', kind: 'date', required: true },
    { key: 'slot', kind: 'enum', enum: 'guardSlot', required: true },
    { key: 'memberIds', kind: 'guardMembers', required: true },
  ], { defaults: () => ({ date: today(), slot: 'ARRIVAL' }) as const }),
  family('practice-bases', 'organisation', [
    { key: 'name', kind: 'text', required: true },
    { key: 'type', kind: 'enum', enum: 'practiceBaseType', required: true },
    { key: 'partnerUnit', kind: 'text', required: true },
    { key: 'agreementSignedOn', kind: 'date' },
    { key: 'courses', kind: 'number', required: true },
    { key: 'active', kind: 'bool', required: true },
  ], { defaults: () => ({ type: 'LABOUR', courses: 0, active: true }) as const }),
  // ---------------------------------------------------------------- activities 家校活动
  family('sessions', 'activities', [
    { key: 'type', kind: 'enum', enum: 'sessionType', required: true },
    { key: 'classId', kind: 'class', when: isClass('CLASS') },
    { key: 'date', kind: 'date', required: true },
    { key: 'topic', kind: 'text', required: true },
    // 备案讲师 (ADR 0024): a registered lecturer of the city's registry, or only a name for one who is not
    { key: 'lecturerId', kind: 'lecturer' },
    { key: 'lecturer', kind: 'text' },
    { key: 'mode', kind: 'enum', enum: 'sessionMode', required: true },
    { key: 'attendance', kind: 'number', required: true },
  ], { defaults: () => ({ type: 'COLLECTIVE', mode: 'OFFLINE', date: today() }) as const }),
  family('six-ones', 'activities', [
    { key: 'classId', kind: 'class', required: true },
    { key: 'studentRef', kind: 'text', required: true, secret: true },
    { key: 'activity', kind: 'enum', enum: 'activity', required: true },
    { key: 'date', kind: 'date', required: true },
  ], { defaults: () => ({ date: today() }) as const }),
  family('suggestions', 'activities', [
    { key: 'receivedOn', kind: 'date', required: true },
    { key: 'category', kind: 'enum', enum: 'suggestionCategory', required: true },
    { key: 'channel', kind: 'enum', enum: 'suggestionChannel', required: true },
    { key: 'status', kind: 'enum', enum: 'suggestionStatus', required: true },
    { key: 'resolvedOn', kind: 'date', when: (f) => f.status === 'RESOLVED' },
  ], { defaults: () => ({ receivedOn: today(), status: 'OPEN' }) as const }),
  // open schooling (issue 17 item 4): the parent who taught a parents-into-classroom session is written, never shown
  family('open-school-events', 'activities', [
    { key: 'type', kind: 'enum', enum: 'openSchoolType', required: true },
    { key: 'classId', kind: 'class' },
    { key: 'date', kind: 'date', required: true },
    { key: 'mode', kind: 'enum', enum: 'sessionMode', required: true },
    { key: 'theme', kind: 'text', required: true },
    { key: 'attendance', kind: 'number', required: true },
    { key: 'profession', kind: 'text', required: true, when: isClassroom },
    { key: 'parentRef', kind: 'text', secret: true, when: isClassroom },
  ], { defaults: () => ({ type: 'PARENT_MEETING', mode: 'OFFLINE', date: today() }) as const }),
  family('reading-campaigns', 'activities', [
    { key: 'classId', kind: 'class', required: true },
    { key: 'name', kind: 'text', required: true },
    { key: 'startDate', kind: 'date', required: true },
    { key: 'days', kind: 'number' },
    { key: 'targetMinutes', kind: 'number' },
  ], {
    defaults: () => ({ name: '亲子共读21天打卡', startDate: today(), days: 21, targetMinutes: 20 }) as const,
    columns: [
      { key: 'classId', kind: 'class' }, { key: 'name', kind: 'text' }, { key: 'startDate', kind: 'date' },
      { key: 'lastDay', kind: 'date' }, { key: 'days', kind: 'number' }, { key: 'targetMinutes', kind: 'number' },
    ],
    detailPath: (schoolId, id) => `/schools/${encodeURIComponent(schoolId)}/records/reading-campaigns/${encodeURIComponent(id)}`,
  }),
  // ---------------------------------------------------------------- care 家访与关爱
  family('home-contacts', 'care', [
    { key: 'classId', kind: 'class', required: true },
    { key: 'studentRef', kind: 'text', required: true, secret: true },
    { key: 'date', kind: 'date', required: true },
    { key: 'mode', kind: 'enum', enum: 'contactMode', required: true },
    { key: 'priority', kind: 'bool' },
  ], { defaults: () => ({ date: today(), mode: 'IN_HOME', priority: false }) as const }),
  // a file is created in a batch without an id of the school's (the service answers its fileId); a
  // correction changes the class or the day, never the student (withdraw and add the right one)
  family('home-visit-files', 'care', [
    { key: 'classId', kind: 'class', required: true },
    { key: 'studentRef', kind: 'text', required: true, secret: true, createOnly: true },
    { key: 'openedOn', kind: 'date', required: true },
  ], {
    defaults: () => ({ openedOn: today() }) as const,
    columns: [{ key: 'fileId', kind: 'text' }, { key: 'classId', kind: 'class' }, { key: 'openedOn', kind: 'date' }],
  }),
  family('special-students', 'care', [
    { key: 'classId', kind: 'class', required: true },
    { key: 'studentRef', kind: 'text', required: true, secret: true },
    { key: 'category', kind: 'enum', enum: 'specialCategory', required: true },
    { key: 'registeredOn', kind: 'date', required: true },
    { key: 'careFileOn', kind: 'date' },
    { key: 'assistancePlanOn', kind: 'date' },
    { key: 'closedOn', kind: 'date' },
    { key: 'notes', kind: 'textarea', secret: true },
  ]),
  family('consultation-outreach', 'care', [
    { key: 'classId', kind: 'class', required: true },
    { key: 'studentRef', kind: 'text', required: true, secret: true },
    { key: 'channel', kind: 'enum', enum: 'outreachChannel', required: true },
    { key: 'deliveredOn', kind: 'date', required: true },
  ], { defaults: () => ({ deliveredOn: today() }) as const }),
  family('consultations', 'care', [
    { key: 'classId', kind: 'class', required: true },
    { key: 'studentRef', kind: 'text', required: true, secret: true },
    { key: 'category', kind: 'enum', enum: 'caseCategory', required: true },
    { key: 'openedOn', kind: 'date', required: true },
    { key: 'appointmentAt', kind: 'datetime' },
    { key: 'consultant', kind: 'text', required: true },
    { key: 'status', kind: 'enum', enum: 'caseStatus', required: true },
    { key: 'resolvedOn', kind: 'date', when: (f) => f.status === 'RESOLVED' },
    { key: 'notes', kind: 'textarea', secret: true },
  ], { defaults: () => ({ openedOn: today(), status: 'OPEN' }) as const }),
  // ---------------------------------------------------------------- platform 平台数据（手工录入）
  family('platform-registrations', 'platform', [
    { key: 'classId', kind: 'class', required: true },
    { key: 'studentRef', kind: 'text', required: true, secret: true },
    { key: 'guardianRef', kind: 'text', required: true, secret: true },
    { key: 'registeredAt', kind: 'datetime', required: true },
  ]),
  family('platform-learning', 'platform', [
    { key: 'guardianRef', kind: 'text', required: true, secret: true },
    { key: 'resourceId', kind: 'text', required: true },
    { key: 'occurredAt', kind: 'datetime', required: true },
    { key: 'minutes', kind: 'number', required: true },
  ]),
  family('platform-recommendations', 'platform', [
    { key: 'resourceId', kind: 'text', required: true },
    { key: 'title', kind: 'text', required: true },
    { key: 'resourceType', kind: 'text', required: true },
    { key: 'authoringTier', kind: 'text', required: true },
    { key: 'recommendedAt', kind: 'datetime', required: true },
  ]),
]

export type AnyFamily = FamilySpec

export function familyOf(key: string): AnyFamily | null {
  return FAMILIES.find((f) => f.key === key) ?? null
}

export function familiesOf(group: GroupKey): AnyFamily[] {
  return FAMILIES.filter((f) => f.group === group)
}

/** The page of a family: `/schools/{schoolId}/records/{family}`. */
export function recordsPath(schoolId: string, family: string): string {
  return `/schools/${encodeURIComponent(schoolId)}/records/${family}`
}
