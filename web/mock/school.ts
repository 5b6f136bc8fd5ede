// The school's own records for `npm run dev:mock` (GONGYU_MOCK=school-admin): every record family of
// school-service in the shapes of /work/coord/records-api.md (list with filters, PUT to record or
// correct with a reason, POST …/withdrawal, GET …/history), kept in memory while the dev server runs,
// so the school workspace can be clicked through and screenshotted without a platform. The checks
// here only imitate the service's answers (a field error, a missing reason); never bundled.

export const SCHOOL = '9901130001'
const USER = 'admin-9901130001'
const TODAY = '2026-12-04'
const NOW = () => new Date().toISOString()

interface Family {
  path: string
  idKey: string
  /** the day that places a record in a period */
  dateKey?: string
  /** batch endpoint: the list member and the id inside an item (null: the id is made here) */
  batch?: { member: string; idInItem: string | null }
  required: string[]
  /** written, never answered */
  secret?: string[]
}

const FAMILIES: Family[] = [
  { path: 'classes', idKey: 'classId', required: ['schoolYear', 'grade', 'name', 'enrolment'] },
  { path: 'parent-school', idKey: '', required: ['headName', 'establishedOn', 'structure', 'rules'] },
  { path: 'parent-school/sessions', idKey: 'sessionId', dateKey: 'date', required: ['type', 'date', 'topic', 'lecturer', 'mode', 'attendance'] },
  { path: 'head-trainings', idKey: 'trainingId', dateKey: 'completedOn', required: ['personName', 'course', 'completedOn'] },
  { path: 'instructors', idKey: 'instructorId', required: ['name', 'certificateNo', 'certifiedOn'] },
  { path: 'committees', idKey: 'committeeId', required: ['level', 'foundedOn', 'plaque', 'rulesAdopted'] },
  { path: 'home-contacts', idKey: 'externalId', dateKey: 'date', batch: { member: 'contacts', idInItem: 'externalId' }, required: ['classId', 'studentRef', 'date', 'mode'], secret: ['studentRef'] },
  { path: 'home-visit-files', idKey: 'fileId', dateKey: 'openedOn', batch: { member: 'files', idInItem: null }, required: ['classId', 'studentRef', 'openedOn'], secret: ['studentRef'] },
  { path: 'special-students', idKey: 'entryId', dateKey: 'registeredOn', required: ['classId', 'studentRef', 'category', 'registeredOn'], secret: ['studentRef', 'notes'] },
  { path: 'consultation-outreach', idKey: 'externalId', dateKey: 'deliveredOn', batch: { member: 'records', idInItem: 'externalId' }, required: ['classId', 'studentRef', 'channel', 'deliveredOn'], secret: ['studentRef'] },
  { path: 'consultations', idKey: 'caseId', dateKey: 'openedOn', required: ['classId', 'studentRef', 'category', 'openedOn', 'consultant', 'status'], secret: ['studentRef', 'notes'] },
  { path: 'six-ones', idKey: 'externalId', dateKey: 'date', batch: { member: 'participations', idInItem: 'externalId' }, required: ['classId', 'studentRef', 'activity', 'date'], secret: ['studentRef'] },
  { path: 'suggestions', idKey: 'suggestionId', dateKey: 'receivedOn', required: ['receivedOn', 'category', 'channel', 'status'] },
  { path: 'platform-registrations', idKey: 'externalId', dateKey: 'registeredAt', batch: { member: 'registrations', idInItem: 'externalId' }, required: ['classId', 'studentRef', 'guardianRef', 'registeredAt'], secret: ['studentRef', 'guardianRef'] },
  { path: 'platform-learning', idKey: 'externalId', dateKey: 'occurredAt', batch: { member: 'activities', idInItem: 'externalId' }, required: ['guardianRef', 'resourceId', 'occurredAt', 'minutes'], secret: ['guardianRef'] },
  { path: 'platform-recommendations', idKey: 'externalId', dateKey: 'recommendedAt', batch: { member: 'recommendations', idInItem: 'externalId' }, required: ['resourceId', 'title', 'resourceType', 'authoringTier', 'recommendedAt'] },
]

interface Version { version: number; action: 'CREATED' | 'CORRECTED' | 'WITHDRAWN'; reason: string | null; actor: string | null; at: string; content: Record<string, unknown> }
interface Stored { content: Record<string, unknown>; versions: Version[]; withdrawn: boolean; withdrawnReason: string | null; withdrawnAt: string | null }

const store = new Map<string, Map<string, Stored>>()
const heads: { headFrom: string; headName: string }[] = [{ headFrom: '2024-03-01', headName: '周丽' }, { headFrom: '2026-09-01', headName: '张敏' }]
/** a file id as the service makes them: opaque, random */
const fileId = () => 'hvf-' + Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('')

function table(f: Family): Map<string, Stored> {
  let t = store.get(f.path)
  if (!t) store.set(f.path, (t = new Map()))
  return t
}

function put(f: Family, id: string, content: Record<string, unknown>, at: string, actor: string | null = USER) {
  table(f).set(id, { content, versions: [{ version: 1, action: 'CREATED', reason: null, actor, at, content }], withdrawn: false, withdrawnReason: null, withdrawnAt: null })
}
function correct(f: Family, id: string, content: Record<string, unknown>, reason: string, at: string) {
  const s = table(f).get(id)!
  s.content = content
  s.versions.push({ version: s.versions.length + 1, action: 'CORRECTED', reason, actor: USER, at, content })
}
function withdraw(f: Family, id: string, reason: string, at: string) {
  const s = table(f).get(id)!
  s.withdrawn = true
  s.withdrawnReason = reason
  s.withdrawnAt = at
  s.versions.push({ version: s.versions.length + 1, action: 'WITHDRAWN', reason, actor: USER, at, content: s.content })
}
const fam = (path: string) => FAMILIES.find((f) => f.path === path)!

// ---------------------------------------------------------------- the demo school's records
function seed() {
  const classes = fam('classes')
  const cls = [['C1A', 1, '一年级1班', 42], ['C1B', 1, '一年级2班', 41], ['C3A', 3, '三年级1班', 44], ['C5A', 5, '五年级1班', 45]] as const
  for (const [id, grade, name, enrolment] of cls) put(classes, id, { classId: id, schoolYear: '2026-2027', grade, name, enrolment }, '2026-09-01T01:00:00Z')
  put(classes, 'C6A-OLD', { classId: 'C6A-OLD', schoolYear: '2026-2027', grade: 6, name: '六年级1班（重复）', enrolment: 40 }, '2026-09-01T01:05:00Z')
  withdraw(classes, 'C6A-OLD', '重复录入', '2026-09-02T02:00:00Z')
  put(fam('parent-school'), 'parent-school', { headName: '周丽', establishedOn: '2024-03-01', structure: '校长任校长，德育处具体负责，各年级组长为成员。', rules: '《家长学校章程》《授课管理制度》' }, '2024-03-01T02:00:00Z')
  correct(fam('parent-school'), 'parent-school', { headName: '张敏', establishedOn: '2024-03-01', structure: '校长任校长，德育处具体负责，各年级组长为成员。', rules: '《家长学校章程》《授课管理制度》' }, '负责人更换', '2026-09-01T02:00:00Z')
  const s = fam('parent-school/sessions')
  put(s, 'S-2026-01', { sessionId: 'S-2026-01', type: 'COLLECTIVE', classId: null, date: '2026-09-12', topic: '新学期家庭教育指导', lecturer: '王校长', mode: 'OFFLINE', attendance: 310 }, '2026-09-12T08:00:00Z')
  put(s, 'S-2026-02', { sessionId: 'S-2026-02', type: 'CLASS', classId: 'C1A', date: '2026-10-15', topic: '幼小衔接', lecturer: '李老师', mode: 'OFFLINE', attendance: 38 }, '2026-10-15T08:00:00Z')
  correct(s, 'S-2026-02', { sessionId: 'S-2026-02', type: 'CLASS', classId: 'C1A', date: '2026-10-16', topic: '幼小衔接', lecturer: '李老师', mode: 'OFFLINE', attendance: 38 }, '日期录错', '2026-10-17T01:30:00Z')
  put(s, 'S-2026-03', { sessionId: 'S-2026-03', type: 'CLASS', classId: 'C3A', date: '2026-11-05', topic: '如何陪伴孩子阅读', lecturer: '陈老师', mode: 'ONLINE', attendance: 40 }, '2026-11-05T08:00:00Z')
  put(s, 'S-2026-04', { sessionId: 'S-2026-04', type: 'CLASS', classId: 'C3A', date: '2026-11-05', topic: '如何陪伴孩子阅读', lecturer: '陈老师', mode: 'ONLINE', attendance: 40 }, '2026-11-05T08:10:00Z')
  withdraw(s, 'S-2026-04', '重复录入', '2026-11-06T02:00:00Z')
  put(fam('head-trainings'), 'T-1', { trainingId: 'T-1', personName: '张敏', course: '家庭教育指导师培训（市级）', completedOn: '2026-10-20' }, '2026-10-21T02:00:00Z')
  put(fam('instructors'), 'I-1', { instructorId: 'I-1', name: '陈静', certificateNo: 'JJZD-2025-0312', certifiedOn: '2025-06-30', leftOn: null }, '2025-07-01T02:00:00Z')
  put(fam('instructors'), 'I-2', { instructorId: 'I-2', name: '刘洋', certificateNo: 'JJZD-2024-0077', certifiedOn: '2024-05-10', leftOn: null }, '2024-05-11T02:00:00Z')
  put(fam('committees'), 'K-SCHOOL', { committeeId: 'K-SCHOOL', level: 'SCHOOL', classId: null, foundedOn: '2025-09-20', termEndsOn: '2028-09-20', venue: '家长驿站', plaque: true, rulesAdopted: true, dissolvedOn: null }, '2025-09-21T02:00:00Z')
  put(fam('committees'), 'K-C1A', { committeeId: 'K-C1A', level: 'CLASS', classId: 'C1A', foundedOn: '2026-09-25', termEndsOn: '2029-09-25', venue: null, plaque: false, rulesAdopted: true, dissolvedOn: null }, '2026-09-26T02:00:00Z')
  const hc = fam('home-contacts')
  const modes = ['IN_HOME', 'PHONE', 'WECHAT', 'IN_HOME', 'AT_SCHOOL', 'IN_HOME']
  modes.forEach((mode, i) => put(hc, `HC-${i + 1}`, { externalId: `HC-${i + 1}`, classId: i % 2 ? 'C1A' : 'C3A', date: `2026-10-${String(8 + i * 3).padStart(2, '0')}`, mode, priority: i === 0 }, '2026-10-25T02:00:00Z'))
  withdraw(hc, 'HC-5', '联系对象录错班级', '2026-10-26T03:00:00Z')
  const hvf = fam('home-visit-files')
  put(hvf, 'hvf-3c9e1a0b7d4f4e2a9b6c1d0e5f7a8b90', { fileId: 'hvf-3c9e1a0b7d4f4e2a9b6c1d0e5f7a8b90', classId: 'C3A', studentRef: 'STU-031', openedOn: '2026-10-08' }, '2026-10-08T09:00:00Z')
  put(hvf, 'hvf-81f04c2d9e3b4a6f8c7d2e1b0a9f6e53', { fileId: 'hvf-81f04c2d9e3b4a6f8c7d2e1b0a9f6e53', classId: 'C1A', studentRef: 'STU-012', openedOn: '2026-10-09' }, '2026-10-09T09:00:00Z')
  correct(hvf, 'hvf-81f04c2d9e3b4a6f8c7d2e1b0a9f6e53', { fileId: 'hvf-81f04c2d9e3b4a6f8c7d2e1b0a9f6e53', classId: 'C1B', studentRef: 'STU-012', openedOn: '2026-10-09' }, '班级录错', '2026-10-10T02:00:00Z')
  withdraw(hvf, 'hvf-81f04c2d9e3b4a6f8c7d2e1b0a9f6e53', '学生录错，已为正确学生重新建档', '2026-10-11T02:00:00Z')
  put(fam('special-students'), 'E-1', { entryId: 'E-1', classId: 'C5A', category: 'LEFT_BEHIND', registeredOn: '2026-09-10', careFileOn: '2026-09-20', assistancePlanOn: null, closedOn: null }, '2026-09-10T02:00:00Z')
  put(fam('consultation-outreach'), 'O-1', { externalId: 'O-1', classId: 'C1B', channel: 'WECHAT', deliveredOn: '2026-09-30' }, '2026-09-30T02:00:00Z')
  put(fam('consultations'), 'CASE-1', { caseId: 'CASE-1', classId: 'C5A', category: 'EMOTION', openedOn: '2026-10-09', appointmentAt: '2026-10-12T07:00:00Z', consultant: '陈静', status: 'RESOLVED', resolvedOn: '2026-11-02' }, '2026-10-09T02:00:00Z')
  put(fam('six-ones'), 'SO-1', { externalId: 'SO-1', classId: 'C1A', activity: 'BOOK', date: '2026-11-01' }, '2026-11-01T02:00:00Z')
  put(fam('suggestions'), 'SG-1', { suggestionId: 'SG-1', receivedOn: '2026-10-10', category: 'CATERING', channel: 'MAILBOX', status: 'RESOLVED', resolvedOn: '2026-10-20' }, '2026-10-10T02:00:00Z')
  put(fam('suggestions'), 'SG-2', { suggestionId: 'SG-2', receivedOn: '2026-11-18', category: 'SAFETY', channel: 'PARENT_STATION', status: 'OPEN', resolvedOn: null }, '2026-11-18T02:00:00Z')
  put(fam('platform-registrations'), 'R-1', { externalId: 'R-1', classId: 'C1A', registeredAt: '2026-09-05T12:30:00Z' }, '2026-09-06T02:00:00Z')
  put(fam('platform-learning'), 'L-1', { externalId: 'L-1', resourceId: 'RES-102', occurredAt: '2026-10-11T13:00:00Z', minutes: 25 }, '2026-10-12T02:00:00Z')
  put(fam('platform-recommendations'), 'P-1', { externalId: 'P-1', resourceId: 'RES-102', title: '如何与青春期孩子沟通', resourceType: 'VIDEO', authoringTier: 'CITY', recommendedAt: '2026-10-01T01:00:00Z' }, '2026-10-01T02:00:00Z')
}
seed()

// ---------------------------------------------------------------- answers
const zh = (lang: string) => !lang.startsWith('en')
function problem(status: number, lang: string, zhText: [string, string], enText: [string, string], errors?: string[]): [number, unknown] {
  return [status, { type: 'about:blank', title: zh(lang) ? zhText[0] : enText[0], status, detail: zh(lang) ? zhText[1] : enText[1], ...(errors ? { errors } : {}) }]
}
const invalid = (lang: string, errors: string[]) => problem(400, lang, ['请求无效', '请求内容有误'], ['Bad Request', 'invalid request'], errors)

function periodRange(query: URLSearchParams): [string, string] | null {
  const sem = query.get('semester')
  let m: RegExpExecArray | null
  if (sem && (m = /^(\d{4})-(\d{4})-([12])$/.exec(sem))) return m[3] === '1' ? [`${m[1]}-09-01`, `${m[2]}-02-01`] : [`${m[2]}-02-01`, `${m[2]}-09-01`]
  const year = query.get('year') ?? query.get('schoolYear')
  if (year && (m = /^(\d{4})-(\d{4})$/.exec(year))) return [`${m[1]}-09-01`, `${m[2]}-09-01`]
  return null
}

function answerOf(f: Family, id: string, s: Stored): Record<string, unknown> {
  const content = { ...s.content }
  for (const k of f.secret ?? []) delete content[k]
  // cases and suggestions have a status of their own: the record's state is recordStatus there
  const stateKey = 'status' in content ? 'recordStatus' : 'status'
  return { ...(f.idKey ? { [f.idKey]: id } : {}), ...content, [stateKey]: s.withdrawn ? 'WITHDRAWN' : 'ACTIVE',
    version: s.versions.length, withdrawnReason: s.withdrawnReason, withdrawnAt: s.withdrawnAt }
}

/** The service's checks, imitated: a required field, a day in the future. Messages in the request's language. */
function check(f: Family, item: Record<string, unknown>, prefix: string, lang: string): string[] {
  const out: string[] = []
  for (const k of f.required) {
    const v = item[k]
    if (v == null || (typeof v === 'string' && v.trim() === '')) out.push(`${prefix}${k}: ${zh(lang) ? '不能为空' : 'must not be blank'}`)
  }
  for (const [k, v] of Object.entries(item)) {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && /(On|date|At)$/.test(k) && k !== 'termEndsOn' && v.slice(0, 10) > TODAY) {
      out.push(`${prefix}${k}: ${zh(lang) ? `${v.slice(0, 10)} 晚于今天` : `${v.slice(0, 10)} is in the future`}`)
    }
  }
  if (f.path === 'parent-school/sessions' && item.type === 'CLASS' && !item.classId) out.push(`${prefix}classId: ${zh(lang) ? '班级授课须选择班级' : 'required for a CLASS session'}`)
  return out
}

function same(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null))
}

/** PUT: record (201), the same again (200, nothing), or correct with a reason (200, version + 1). */
function write(f: Family, id: string, raw: Record<string, unknown>, lang: string, prefix = ''): [number, unknown] | string[] {
  const { reason, ...fields } = raw
  const errs = check(f, fields, prefix, lang)
  if (errs.length) return errs
  const t = table(f)
  const s = t.get(id)
  const content = { ...(f.idKey ? { [f.idKey]: id } : {}), ...fields }
  if (!s) {
    put(f, id, content, NOW())
    if (f.path === 'parent-school' && fields.headName) heads.push({ headFrom: String(fields.effectiveFrom ?? TODAY), headName: String(fields.headName) })
    return [201, answerOf(f, id, t.get(id)!)]
  }
  if (s.withdrawn) return problem(409, lang, ['冲突', '该记录已撤回，不能再修改'], ['Conflict', 'the record was withdrawn and cannot be changed'])
  // a secret not sent again stays as it was
  for (const k of f.secret ?? []) if (content[k] == null && s.content[k] != null) content[k] = s.content[k]
  const { effectiveFrom, ...kept } = content
  if (same(kept, s.content)) return [200, answerOf(f, id, s)]
  if (typeof reason !== 'string' || !reason.trim()) return [`reason: ${zh(lang) ? '更正已记录的记录时必须填写原因' : 'is required when a recorded record is corrected'}`]
  if (f.path === 'parent-school' && kept.headName !== s.content.headName) heads.push({ headFrom: String(effectiveFrom ?? TODAY), headName: String(kept.headName) })
  correct(f, id, kept, reason.trim(), NOW())
  return [200, answerOf(f, id, s)]
}

// ---------------------------------------------------------------- a committee's page (issue 17 item 1)
// Members, elections, activities and the no-fee declaration per committee, in memory. A parent's
// reference is taken and dropped at once, as the service keeps only its keyed hash.
interface CommitteeWork { members: Record<string, unknown>[]; elections: Record<string, unknown>[]; activities: Record<string, unknown>[]; declarations: Record<string, unknown>[] }
const committeeWork = new Map<string, CommitteeWork>([['K-SCHOOL', {
  members: [
    { memberId: 'E2025-1', role: 'DIRECTOR', classId: 'C1A', electionId: 'E2025', reElected: false, termStartsOn: '2025-09-20', termEndsOn: '2028-09-20', status: 'ACTIVE', leftOn: null, leftReason: null },
    { memberId: 'E2025-2', role: 'MEMBER', classId: 'C3A', electionId: 'E2025', reElected: false, termStartsOn: '2025-09-20', termEndsOn: '2028-09-20', status: 'LEFT', leftOn: '2026-07-10', leftReason: 'CHILD_LEFT' },
  ],
  elections: [{ electionId: 'E2025', kind: 'GENERAL', type: 'COMPETITIVE', electorate: 'CLASS_REPRESENTATIVES', nominatedBy: 'PARENTS', seats: 2,
    heldOn: '2025-09-20', schoolYear: '2025-2026', termEndsOn: '2028-09-20', candidates: [
      { candidateNo: 1, classId: 'C1A', role: 'DIRECTOR', elected: true, votes: 31, memberId: 'E2025-1' },
      { candidateNo: 2, classId: 'C3A', role: 'MEMBER', elected: true, votes: 27, memberId: 'E2025-2' },
      { candidateNo: 3, classId: 'C1B', role: null, elected: false, votes: 9, memberId: null }] }],
  activities: [{ activityId: 'A-1', type: 'RECEPTION_DAY', heldOn: '2026-10-15', online: false, theme: '家长接待日：课后服务', attendance: 36 }],
  declarations: [],
}]])
const addYears = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`

function committeeAnswer(method: string, id: string, part: string | undefined, key: string | undefined, body: Record<string, unknown>, lang: string): [number, unknown] {
  const c = table(fam('committees')).get(id)
  if (!c || c.withdrawn) return problem(404, lang, ['未找到', `本校没有记录家长委员会 ${id}`], ['Not Found', `committee ${id} is not recorded`])
  const w = committeeWork.get(id) ?? { members: [], elections: [], activities: [], declarations: [] }
  committeeWork.set(id, w)
  const committee = { ...c.content, committeeId: id } as Record<string, unknown>
  const year = TODAY.slice(5) >= '09-01' ? `${TODAY.slice(0, 4)}-${Number(TODAY.slice(0, 4)) + 1}` : `${Number(TODAY.slice(0, 4)) - 1}-${TODAY.slice(0, 4)}`
  if (method === 'GET' && !part) {
    return [200, { committee: { grade: null, ...committee }, inTerm: String(committee.foundedOn) <= TODAY && TODAY < String(committee.termEndsOn) && !committee.dissolvedOn,
      schoolYear: year, feeBanDeclaration: w.declarations.find((d) => d.schoolYear === year) ?? null, ...w }]
  }
  if (method === 'PUT' && part === 'elections' && key) {
    const candidates = (body.candidates ?? []) as Record<string, unknown>[]
    const elected = candidates.filter((x) => x.elected)
    const seats = Number(body.seats)
    const errs: string[] = []
    if (body.type === 'COMPETITIVE' && candidates.length <= seats) errs.push(`candidates: ${zh(lang) ? '差额选举的候选人须多于名额' : 'a COMPETITIVE election needs more candidates than seats'}`)
    if (body.type === 'NON_COMPETITIVE' && candidates.length !== seats) errs.push(`candidates: ${zh(lang) ? '等额选举的候选人须等于名额' : 'a NON_COMPETITIVE election has as many candidates as seats'}`)
    if (elected.length === 0 || elected.length > seats) errs.push(`candidates: ${zh(lang) ? '当选人数须在 1 至名额之间' : 'between 1 and the seats are elected'}`)
    candidates.forEach((x, i) => { if (x.elected && !x.role) errs.push(`candidates[${i}].role: ${zh(lang) ? '当选人须填写职务' : 'is required for an elected candidate'}`) })
    if (errs.length) return problem(422, lang, ['请求违反规则', '未保存任何内容'], ['Request breaks a rule', 'nothing was stored'], errs)
    const heldOn = String(body.heldOn)
    const termEndsOn = body.kind === 'GENERAL' ? String(body.termEndsOn ?? addYears(heldOn, 3)) : String(committee.termEndsOn)
    const view = { electionId: key, kind: body.kind, type: body.type, electorate: body.electorate, nominatedBy: body.nominatedBy, seats, heldOn,
      schoolYear: year, termEndsOn, candidates: candidates.map((x, i) => ({ candidateNo: i + 1, classId: x.classId ?? null, role: x.elected ? x.role : null,
        elected: !!x.elected, votes: x.votes ?? null, memberId: x.elected ? `${key}-${i + 1}` : null })) }
    w.elections.push(view)
    candidates.forEach((x, i) => {
      if (x.elected) w.members.push({ memberId: `${key}-${i + 1}`, role: x.role, classId: x.classId ?? null, electionId: key, reElected: false,
        termStartsOn: heldOn, termEndsOn, status: 'ACTIVE', leftOn: null, leftReason: null })
    })
    if (body.kind === 'GENERAL') c.content = { ...c.content, termEndsOn }
    return [201, view]
  }
  if (method === 'PUT' && part === 'activities' && key) {
    const { reason: _reason, ...fields } = body
    w.activities = w.activities.filter((a) => a.activityId !== key).concat([{ activityId: key, ...fields }])
    return [201, { record: { activityId: key, ...fields }, status: 'ACTIVE', version: 1 }]
  }
  if (method === 'PUT' && part === 'declarations' && key) {
    const d = { schoolYear: key, ...body }
    w.declarations.push(d)
    return [201, d]
  }
  return problem(405, lang, ['方法不允许', `${method}`], ['Method not allowed', `${method}`])
}

/** The answer to a school-service path, or null when the path is not one of these. */
export function schoolAnswer(method: string, path: string, query: URLSearchParams, body: unknown, lang: string): [number, unknown] | null {
  const base = `/api/school/schools/${SCHOOL}/`
  if (!path.startsWith('/api/school/')) return null
  if (!path.startsWith(base)) return problem(404, lang, ['未找到', '没有这所学校'], ['Not Found', 'no such school'])
  const rest = path.slice(base.length)
  const work = /^committees\/([^/]+)(?:\/(elections|activities|declarations)(?:\/([^/]+))?)?$/.exec(rest)
  if (work && (work[2] || method === 'GET')) {
    return committeeAnswer(method, decodeURIComponent(work[1]), work[2], work[3] && decodeURIComponent(work[3]), (body ?? {}) as Record<string, unknown>, lang)
  }
  if (rest === 'parent-school/heads' && method === 'GET') return [200, [...heads].sort((a, b) => a.headFrom.localeCompare(b.headFrom))]
  // the longest family path the rest starts with
  const f = [...FAMILIES].sort((a, b) => b.path.length - a.path.length).find((x) => rest === x.path || rest.startsWith(x.path + '/'))
  if (!f) return problem(404, lang, ['未找到', `没有 ${path}`], ['Not Found', `no ${path}`])
  const tail = rest.slice(f.path.length).split('/').filter(Boolean).map(decodeURIComponent)
  const b = (body ?? {}) as Record<string, unknown>
  const t = table(f)
  const singleton = f.path === 'parent-school'
  const id = singleton ? 'parent-school' : tail[0]
  const action = singleton ? tail[0] : tail[1]

  if (method === 'GET' && (singleton ? !action : tail.length === 0)) {
    if (singleton) {
      const s = t.get('parent-school')
      return s ? [200, { ...answerOf(f, '', s), headFrom: [...heads].sort((a, b) => b.headFrom.localeCompare(a.headFrom))[0]?.headFrom ?? null }] : problem(404, lang, ['未找到', '尚未记录家长学校'], ['Not Found', 'no parent school recorded'])
    }
    const range = periodRange(query)
    const cls = query.get('classId')
    const year = query.get('schoolYear')
    const rows = [...t.entries()].filter(([, s]) => {
      if (cls && s.content.classId != null && s.content.classId !== cls) return false
      if (f.path === 'classes') return !year || s.content.schoolYear === year
      if (!range || !f.dateKey) return true
      const day = String(s.content[f.dateKey] ?? '').slice(0, 10)
      return day >= range[0] && day < range[1]
    })
    return [200, rows.map(([k, s]) => answerOf(f, k, s))]
  }
  if (method === 'POST' && tail.length === 0 && f.batch) {
    const list = b[f.batch.member]
    if (!Array.isArray(list) || list.length === 0) return invalid(lang, [`${f.batch.member}: ${zh(lang) ? '不能为空' : 'must not be empty'}`])
    const errs: string[] = []
    list.forEach((item: Record<string, unknown>, i: number) => errs.push(...check(f, item, `${f.batch!.member}[${i}].`, lang)))
    if (errs.length) return problem(422, lang, ['请求违反规则', '有记录未通过检查，均未保存'], ['Request breaks a rule', 'a record failed its checks; nothing was stored'], errs)
    let accepted = 0
    const fileIds: string[] = []
    for (const item of list as Record<string, unknown>[]) {
      if (!f.batch.idInItem) {
        // home-visit files: one per student; the same file again (or a withdrawn one re-sent) is already recorded
        const files = [...t.entries()].filter(([, s]) => s.content.studentRef === item.studentRef)
        const same = files.find(([, s]) => s.versions.some((v) => v.content.classId === item.classId && v.content.openedOn === item.openedOn))
        const standing = files.find(([, s]) => !s.withdrawn)
        if (same) {
          fileIds.push(same[0])
          continue
        }
        if (standing) {
          return problem(409, lang, ['冲突', `files[${fileIds.length}].studentRef: 该学生的档案已于 ${standing[1].content.openedOn} 建档`],
            ['Conflict', `files[${fileIds.length}].studentRef: the student's file was opened on ${standing[1].content.openedOn}`])
        }
        const key = fileId()
        put(f, key, { fileId: key, ...item }, NOW())
        fileIds.push(key)
        accepted++
        continue
      }
      const key = String(item[f.batch.idInItem])
      if (!t.has(key)) {
        put(f, key, { ...(f.idKey ? { [f.idKey]: key } : {}), ...item }, NOW())
        accepted++
      }
    }
    return [200, { received: list.length, accepted, alreadyRecorded: list.length - accepted, snapshots: [], ...(f.batch.idInItem ? {} : { fileIds }) }]
  }
  if (method === 'PUT' && !action && id) {
    // a home-visit file is created in a batch only, and its student is never corrected
    if (f.path === 'home-visit-files') {
      if (!t.has(id)) return problem(404, lang, ['未找到', `本校没有家访档案 ${id}`], ['Not Found', `no home-visit file ${id}`])
      if (b.studentRef != null) return invalid(lang, [zh(lang) ? 'studentRef: 档案的学生不能更改；请撤回该档案，再批量上报正确学生的档案' : "studentRef: the student of a file cannot be changed; withdraw the file and send the right student's file in a batch"])
    }
    const r = write(f, id, b, lang)
    return Array.isArray(r) && typeof r[0] === 'string' ? invalid(lang, r as string[]) : (r as [number, unknown])
  }
  const s = id ? t.get(id) : undefined
  if (!s) return problem(404, lang, ['未找到', `没有记录 ${id}`], ['Not Found', `no record ${id}`])
  if (method === 'POST' && action === 'withdrawal') {
    const reason = typeof b.reason === 'string' ? b.reason.trim() : ''
    if (!reason) return invalid(lang, [`reason: ${zh(lang) ? '不能为空' : 'must not be blank'}`])
    if (s.withdrawn) return problem(409, lang, ['冲突', '该记录已撤回'], ['Conflict', 'the record was already withdrawn'])
    withdraw(f, id!, reason, NOW())
    return [200, answerOf(f, singleton ? '' : id!, s)]
  }
  if (method === 'GET' && action === 'history') {
    return [200, s.versions.map((v) => {
      const content = { ...v.content }
      for (const k of f.secret ?? []) delete content[k]
      return { ...v, content }
    })]
  }
  if (method === 'GET' && !action) return [200, answerOf(f, id!, s)]
  return problem(405, lang, ['方法不允许', `${method} ${path}`], ['Method not allowed', `${method} ${path}`])
}
