// Sign-off and approval for `npm run dev:mock` (issue 15): the school's sign-offs and late data
// (school 9901130001), the county's review (990113) and the city's decisions, in memory while the dev
// server runs and in the shapes of the API, so the three pages can be clicked through. Never bundled.

import { mockSchoolFigures } from './reporting'

type State = 'NOT_SIGNED_OFF' | 'SIGNED_OFF' | 'APPROVED' | 'RETURNED' | 'REOPENED'
type Reply = [number, unknown]

const NOW = () => new Date().toISOString()
const SCHOOL_NAMES: Record<string, string> = { '9901130001': '湖畔小学', '9901130002': '西湖第二中学', '9901130003': '柳浪幼儿园' }
const COUNTY = '990113'
const COUNTIES: Record<string, string> = { '990113': '西湖区', '990114': '北湖县', '990115': '南山区' }
const FIGURES: Record<string, [string, number, number][]> = {
  SEMESTER: [['PLATFORM_REGISTRATION', 312, 480], ['COLLECTIVE_SESSIONS', 3, 1], ['PARENT_SCHOOL_ESTABLISHED', 1, 1], ['SPECIAL_CARE', 12, 12]],
  SCHOOL_YEAR: [['PARENT_LEARNING_PER_CAPITA', 1920, 480], ['SUGGESTIONS_RESOLVED', 41, 45]],
}

interface SignOff {
  state: State; version: number; signedOffAt: string | null; signedOffBy: string | null; comment: string | null
  reviewedAt: string | null; reviewedBy: string | null; updatedAt: string; rowVersion: number
  trail: { at: string; action: string; signOffVersion: number; reviewVersion: number | null; by: string; comment: string | null; applied: boolean }[]
}
interface CountySub {
  status: 'SUBMITTED' | 'WITHDRAWN'; version: number; at: string; by: string; reason: string | null
  schools: { schoolId: string; signOffVersion: number }[]
  decision: { decision: 'ACCEPTED' | 'RETURNED'; comment: string | null; at: string; by: string; submissionVersion: number } | null
}
const signOffs: Record<string, SignOff> = {} // `${school}|${period}`
const countyTrail: Record<string, { schoolId: string | null; at: string; actor: string; action: string; version: number | null; comment: string | null }[]> = {}
const subs: Record<string, CountySub> = {} // `${county}|${period}`

function so(school: string, period: string): SignOff {
  return (signOffs[`${school}|${period}`] ??= {
    state: 'NOT_SIGNED_OFF', version: 0, signedOffAt: null, signedOffBy: null, comment: null, reviewedAt: null, reviewedBy: null,
    updatedAt: '2026-09-01T00:00:00Z', rowVersion: 0, trail: [],
  })
}
function signOffNow(school: string, period: string, at: string, by: string) {
  const s = so(school, period)
  s.version += 1
  Object.assign(s, { state: 'SIGNED_OFF', signedOffAt: at, signedOffBy: by, comment: null, reviewedAt: null, reviewedBy: null, updatedAt: at, rowVersion: s.rowVersion + 1 })
  s.trail.push({ at, action: 'SIGNED_OFF', signOffVersion: s.version, reviewVersion: null, by, comment: null, applied: true })
  ;(countyTrail[`${COUNTY}|${period}`] ??= []).push({ schoolId: school, at, actor: 'school-service', action: 'SIGNED_OFF', version: s.version, comment: null })
}
function review(school: string, period: string, to: State, at: string, by: string, comment: string | null) {
  const s = so(school, period)
  Object.assign(s, { state: to, comment, reviewedAt: at, reviewedBy: by, updatedAt: at, rowVersion: s.rowVersion + 1 })
  s.trail.push({ at, action: to, signOffVersion: s.version, reviewVersion: s.trail.filter((x) => x.action !== 'SIGNED_OFF').length + 1, by: COUNTY, comment, applied: true })
  ;(countyTrail[`${COUNTY}|${period}`] ??= []).push({ schoolId: school, at, actor: by, action: to, version: s.version, comment })
}

// the demo's history
signOffNow('9901130001', '2025-2026-1', '2026-01-20T02:00:00Z', 'admin-9901130001')
review('9901130001', '2025-2026-1', 'APPROVED', '2026-01-22T06:00:00Z', 'admin-990113', null)
signOffNow('9901130001', '2025-2026-2', '2026-07-10T02:00:00Z', 'admin-9901130001')
review('9901130001', '2025-2026-2', 'RETURNED', '2026-07-12T03:00:00Z', 'admin-990113', '家长学校授课次数与签到表不符，请核对 5 月的两次授课后重新上报。')
signOffNow('9901130001', '2025-2026', '2026-08-20T02:00:00Z', 'admin-9901130001')
review('9901130001', '2025-2026', 'APPROVED', '2026-08-25T02:00:00Z', 'admin-990113', null)
so('9901130001', '2026-2027-1')
signOffNow('9901130002', '2026-2027-1', '2026-11-28T07:30:00Z', 'admin-9901130002')
review('9901130002', '2026-2027-1', 'RETURNED', '2026-11-29T02:00:00Z', 'admin-990113', '特殊学生关爱建档数偏低，请补录后重新上报。')
signOffNow('9901130002', '2026-2027-1', '2026-12-01T08:00:00Z', 'admin-9901130002')
signOffNow('9901130003', '2026-2027-1', '2026-11-30T01:15:00Z', 'admin-9901130003')
review('9901130003', '2026-2027-1', 'APPROVED', '2026-12-02T03:40:00Z', 'admin-990113', null)
// last semester: every school approved, submitted, accepted by the city
for (const [id, at] of [['9901130002', '2026-01-19T03:00:00Z'], ['9901130003', '2026-01-21T02:30:00Z']] as const) {
  signOffNow(id, '2025-2026-1', at, `admin-${id}`)
  review(id, '2025-2026-1', 'APPROVED', '2026-01-23T02:00:00Z', 'admin-990113', null)
}
subs[`990113|2025-2026-1`] = { status: 'SUBMITTED', version: 1, at: '2026-01-25T02:00:00Z', by: 'admin-990113', reason: null,
  schools: Object.keys(SCHOOL_NAMES).map((schoolId) => ({ schoolId, signOffVersion: 1 })),
  decision: { decision: 'ACCEPTED', comment: '数据完整，予以接受。', at: '2026-01-28T02:00:00Z', by: 'staff-990100', submissionVersion: 1 } }
;(countyTrail[`990113|2025-2026-1`] ??= []).push(
  { schoolId: null, at: '2026-01-25T02:00:00Z', actor: 'admin-990113', action: 'SUBMITTED', version: 1, comment: null },
  { schoolId: null, at: '2026-01-28T02:00:00Z', actor: 'city-service', action: 'CITY_ACCEPTED', version: 1, comment: '数据完整，予以接受。' })
subs[`990114|2026-2027-1`] = { status: 'SUBMITTED', version: 1, at: '2026-12-03T02:00:00Z', by: 'admin-990114', reason: null,
  schools: [{ schoolId: '9901140001', signOffVersion: 1 }, { schoolId: '9901140002', signOffVersion: 2 }], decision: null }
subs[`990115|2026-2027-1`] = { status: 'SUBMITTED', version: 1, at: '2026-12-01T02:00:00Z', by: 'admin-990115', reason: null,
  schools: [{ schoolId: '9901150001', signOffVersion: 1 }],
  decision: { decision: 'RETURNED', comment: '南山小学家访覆盖率与上学期差异较大，请核实。', at: '2026-12-02T09:00:00Z', by: 'staff-990100', submissionVersion: 1 } }

const late = [
  { id: 41, family: 'home-contacts', method: 'POST', periodId: '2025-2026-1', signOffVersion: 1, items: 3, receivedAt: '2026-02-03T01:20:00Z', status: 'KEPT', settledAt: null as string | null },
  { id: 42, family: 'parent-school/sessions', method: 'PUT', periodId: '2025-2026-1', signOffVersion: 1, items: 1, receivedAt: '2026-02-05T06:45:00Z', status: 'KEPT', settledAt: null as string | null },
  { id: 37, family: 'special-students', method: 'POST', periodId: '2025-2026-2', signOffVersion: 1, items: 2, receivedAt: '2026-07-11T03:00:00Z', status: 'APPLIED', settledAt: '2026-07-13T02:00:00Z' },
]

const problem = (status: number, zh: string, en: string, lang: string, extra: Record<string, unknown> = {}): Reply =>
  [status, { title: status === 409 ? (lang.startsWith('en') ? 'Conflict' : '冲突') : lang.startsWith('en') ? 'Unprocessable' : '无法处理', status, detail: lang.startsWith('en') ? en : zh, ...extra }]
const periodType = (p: string) => (/^\d{4}-\d{4}$/.test(p) ? 'SCHOOL_YEAR' : 'SEMESTER')
const inForce = (s: State) => s === 'SIGNED_OFF' || s === 'APPROVED'
// the figures the reporting mock shows for the school (so the sign-off dialog and the stored version agree), else a fixed set
const figures = (p: string, school = '9901130001') => {
  const live = mockSchoolFigures(school, p)
  return live.length ? live.map((f) => ({ ...f, snapshotVersion: 3 }))
    : FIGURES[periodType(p)].map(([indicatorCode, numerator, denominator]) => ({ indicatorCode, numerator, denominator, snapshotVersion: 3 }))
}

function schoolView(school: string, p: string) {
  const s = so(school, p)
  return {
    periodId: p, state: s.state, locked: inForce(s.state), signOffVersion: s.version, signedOffAt: s.signedOffAt, signedOffBy: s.signedOffBy,
    comment: s.comment, figures: s.version ? figures(p, school) : [], trail: s.trail,
    // the county's deadline as it reaches the school (ReportingDeadlineSet): the demo county set one for semesters
    deadline: /^\d{4}-\d{4}-[12]$/.test(p) ? `${p.slice(5, 9)}-0${p.endsWith('1') ? '1-15' : '7-10'}T16:00:00Z` : null,
  }
}

function countyOverview(c: string, p: string) {
  const ids = c === COUNTY ? Object.keys(SCHOOL_NAMES) : []
  const lines = ids.map((id) => {
    const s = so(id, p)
    return { schoolId: id, schoolName: SCHOOL_NAMES[id], state: s.state, signOffVersion: s.version || null, signedOffAt: s.signedOffAt,
      reviewedAt: s.reviewedAt, reviewedBy: s.reviewedBy, comment: s.comment, version: s.rowVersion }
  })
  const n = (st: State) => lines.filter((l) => l.state === st).length
  const sub = subs[`${c}|${p}`]
  const subInForce = !!sub && sub.status === 'SUBMITTED' && sub.decision?.decision !== 'RETURNED'
  return {
    countyId: c, periodId: p, schoolsExpected: lines.length, notSignedOff: n('NOT_SIGNED_OFF'), awaitingReview: n('SIGNED_OFF'),
    approved: n('APPROVED'), returned: n('RETURNED'), reopened: n('REOPENED'),
    maySubmit: lines.length > 0 && n('APPROVED') === lines.length && !subInForce,
    submission: sub ? { status: sub.status, version: sub.version, at: sub.at, by: sub.by, reason: sub.reason, inForce: subInForce,
      schools: sub.status === 'WITHDRAWN' ? [] : sub.schools } : null,
    cityDecision: sub?.decision ? { ...sub.decision, onCurrentSubmission: sub.decision.submissionVersion === sub.version } : null,
    schools: lines, trail: (countyTrail[`${c}|${p}`] ?? []).filter((t) => t.schoolId == null),
  }
}

function cityState(sub: CountySub | undefined) {
  if (!sub) return 'NOT_SUBMITTED'
  if (sub.status === 'WITHDRAWN') return 'WITHDRAWN'
  if (sub.decision && sub.decision.submissionVersion === sub.version) return sub.decision.decision
  return 'SUBMITTED'
}
function countyLine(c: string, p: string) {
  const sub = subs[`${c}|${p}`]
  const st = cityState(sub)
  return { countyId: c, countyName: COUNTIES[c], state: st, submissionVersion: sub?.version ?? null, submittedAt: sub?.at ?? null,
    schools: sub && sub.status === 'SUBMITTED' ? sub.schools.length : null, reason: sub?.status === 'WITHDRAWN' ? sub.reason : null,
    comment: st === 'ACCEPTED' || st === 'RETURNED' ? sub?.decision?.comment ?? null : null,
    decidedAt: st === 'ACCEPTED' || st === 'RETURNED' ? sub?.decision?.at ?? null : null,
    decidedBy: st === 'ACCEPTED' || st === 'RETURNED' ? sub?.decision?.by ?? null : null }
}
function countyDetail(c: string, p: string) {
  const sub = subs[`${c}|${p}`]
  const trail = (countyTrail[`${c}|${p}`] ?? []).filter((t) => t.schoolId == null && !t.action.startsWith('CITY_'))
    .map((t) => ({ at: t.at, actor: 'district-service', action: t.action, submissionVersion: t.version ?? 0, comment: t.comment }))
  if (sub?.decision) trail.push({ at: sub.decision.at, actor: sub.decision.by, action: sub.decision.decision, submissionVersion: sub.decision.submissionVersion, comment: sub.decision.comment })
  if (sub && !trail.some((t) => t.action === 'SUBMITTED')) trail.unshift({ at: sub.at, actor: 'district-service', action: 'SUBMITTED', submissionVersion: sub.version, comment: null })
  return { cityId: '990100', ...countyLine(c, p), periodId: p, schools: sub && sub.status === 'SUBMITTED' ? sub.schools : [], trail }
}

export function approvalsAnswer(method: string, path: string, body: unknown, lang: string): Reply | null {
  let m: RegExpExecArray | null
  const b = (body ?? {}) as Record<string, unknown>
  // ---- school ----
  if ((m = /^\/api\/school\/schools\/([^/]+)\/sign-offs$/.exec(path)) && method === 'GET') {
    const school = m[1]
    return [200, Object.entries(signOffs).filter(([k]) => k.startsWith(school + '|')).map(([k, s]) => {
      const p = k.split('|')[1]
      return { periodId: p, periodType: periodType(p), state: s.state, locked: inForce(s.state), signOffVersion: s.version, comment: s.comment, updatedAt: s.updatedAt }
    })]
  }
  if ((m = /^\/api\/school\/schools\/([^/]+)\/sign-offs\/([^/]+)$/.exec(path))) {
    const [, school, p] = m
    if (method === 'GET') return [200, schoolView(school, p)]
    if (method === 'POST') {
      const s = so(school, p)
      if (inForce(s.state)) {
        return problem(409, `期间 ${p} 已完成上报（第 ${s.version} 版，${s.state === 'APPROVED' ? '区县已审核通过' : '待区县审核'}），区县退回或重新开放前不能再次上报。`,
          `Period ${p} is signed off (version ${s.version}); it cannot be signed off again before the county returns or reopens it.`, lang)
      }
      signOffNow(school, p, NOW(), 'admin-9901130001')
      return [201, schoolView(school, p)]
    }
  }
  if ((m = /^\/api\/school\/schools\/([^/]+)\/late-submissions$/.exec(path)) && method === 'GET') return [200, late]
  if ((m = /^\/api\/school\/schools\/([^/]+)\/late-submissions\/(\d+)(\/application)?$/.exec(path))) {
    const l = late.find((x) => x.id === Number(m![2]))
    if (!l) return problem(404, '没有这条迟交数据', 'No such late submission', lang)
    if (l.status !== 'KEPT') return problem(409, `迟交数据 ${l.id} 已处理过。`, `Late submission ${l.id} has been settled.`, lang)
    if (m[3] && method === 'POST') {
      const s = so(m[1], l.periodId)
      if (inForce(s.state)) {
        return problem(409, `期间 ${l.periodId} 仍处于锁定（第 ${s.version} 版上报有效），区县退回或重新开放后才能重新提交。`,
          `Period ${l.periodId} is still locked (sign-off version ${s.version}); submit again once the county returns or reopens it.`, lang)
      }
      Object.assign(l, { status: 'APPLIED', settledAt: NOW() })
      return [200, { submission: l, answerStatus: l.method === 'POST' ? 201 : 200 }]
    }
    if (method === 'DELETE') {
      Object.assign(l, { status: 'DISCARDED', settledAt: NOW() })
      return [204, null]
    }
  }
  // ---- county ----
  if ((m = /^\/api\/district\/counties\/([^/]+)\/approvals\/([^/]+)(\/.*)?$/.exec(path))) {
    const [, c, p, rest = ''] = m
    if (rest === '' && method === 'GET') return [200, countyOverview(c, p)]
    if (rest === '/submission' && method === 'POST') {
      const o = countyOverview(c, p)
      if (o.submission?.inForce) return problem(409, `本期间已报送市级（第 ${o.submission.version} 次），市级审核前不能再次报送。`, `Submission ${o.submission.version} stands.`, lang)
      const not = o.schools.filter((s) => s.state !== 'APPROVED')
      if (not.length) {
        return problem(409, `还有 ${not.length} 所学校未审核通过，不能报送：${not.map((s) => s.schoolId).join('、')}`,
          `${not.length} schools are not approved: ${not.map((s) => s.schoolId).join(', ')}`, lang, { notApproved: not.map((s) => ({ schoolId: s.schoolId, state: s.state })) })
      }
      const prev = subs[`${c}|${p}`]
      const at = NOW()
      subs[`${c}|${p}`] = { status: 'SUBMITTED', version: (prev?.version ?? 0) + 1, at, by: 'admin-990113', reason: null,
        schools: o.schools.map((s) => ({ schoolId: s.schoolId, signOffVersion: s.signOffVersion ?? 0 })), decision: prev?.decision ?? null }
      ;(countyTrail[`${c}|${p}`] ??= []).push({ schoolId: null, at, actor: 'admin-990113', action: 'SUBMITTED', version: (prev?.version ?? 0) + 1, comment: null })
      return [200, countyOverview(c, p)]
    }
    const sm = /^\/schools\/([^/]+)(\/approval|\/return|\/reopening)?$/.exec(rest)
    if (sm) {
      const school = sm[1]
      if (!SCHOOL_NAMES[school]) return problem(404, `学校 ${school} 不是本期间应上报的学校`, 'Not expected', lang)
      const detail = () => {
        const line = countyOverview(c, p).schools.find((s) => s.schoolId === school)!
        return { ...line, countyId: c, periodId: p, figures: line.signOffVersion ? figures(p, school) : [], trail: (countyTrail[`${c}|${p}`] ?? []).filter((t) => t.schoolId === school) }
      }
      if (!sm[2] && method === 'GET') return [200, detail()]
      if (method === 'POST') {
        const s = so(school, p)
        const to: State = sm[2] === '/approval' ? 'APPROVED' : sm[2] === '/return' ? 'RETURNED' : 'REOPENED'
        const text = String((to === 'REOPENED' ? b.reason : b.comment) ?? '').trim()
        const extra = { currentState: s.state, currentSignOffVersion: s.version }
        if (Number(b.signOffVersion) !== s.version) {
          return problem(409, `第 ${b.signOffVersion} 版已不是 ${school} 最新的上报（现为第 ${s.version} 版）。`, `Version ${b.signOffVersion} is outdated (now ${s.version}).`, lang, extra)
        }
        if ((to === 'REOPENED' && s.state !== 'APPROVED') || (to !== 'REOPENED' && s.state !== 'SIGNED_OFF')) {
          return problem(409, `${school} 的上报当前不能${to === 'APPROVED' ? '审核通过' : to === 'RETURNED' ? '退回' : '重新开放'}。`, `Not possible in the current state.`, lang, extra)
        }
        if (to !== 'APPROVED' && !text) return [422, { title: '无法处理', status: 422, detail: '请填写意见', errors: [to === 'REOPENED' ? 'reason: 不能为空' : 'comment: 不能为空'] }]
        const at = NOW()
        review(school, p, to, at, 'admin-990113', to === 'APPROVED' ? null : text)
        const sub = subs[`${c}|${p}`]
        if (to === 'REOPENED' && sub && sub.status === 'SUBMITTED' && sub.decision?.decision !== 'RETURNED') {
          Object.assign(sub, { status: 'WITHDRAWN', reason: text, version: sub.version + 1 })
          ;(countyTrail[`${c}|${p}`] ??= []).push({ schoolId: null, at, actor: 'admin-990113', action: 'WITHDRAWN', version: sub.version, comment: text })
        }
        return [200, detail()]
      }
    }
  }
  // ---- city ----
  if ((m = /^\/api\/city\/approvals\/([^/]+)(\/counties\/([^/]+)(\/acceptance|\/return)?)?$/.exec(path))) {
    const p = m[1]
    if (!m[2] && method === 'GET') {
      const lines = Object.keys(COUNTIES).map((c) => countyLine(c, p))
      const n = (st: string) => lines.filter((l) => l.state === st).length
      return [200, { cityId: '990100', periodId: p, countiesExpected: lines.length, notSubmitted: n('NOT_SUBMITTED'), awaitingDecision: n('SUBMITTED'),
        withdrawn: n('WITHDRAWN'), accepted: n('ACCEPTED'), returned: n('RETURNED'), counties: lines }]
    }
    const c = m[3]
    if (!COUNTIES[c]) return problem(404, `没有区县 ${c}`, `No county ${c}`, lang)
    if (!m[4] && method === 'GET') return [200, countyDetail(c, p)]
    if (method === 'POST') {
      const sub = subs[`${c}|${p}`]
      const st = cityState(sub)
      if (!sub || st !== 'SUBMITTED' || Number(b.submissionVersion) !== sub.version) {
        return problem(409, `${COUNTIES[c]} 的报送已撤回、已变更或已作出决定（当前：第 ${sub?.version ?? 0} 次报送）。`, `The submission was withdrawn, changed or decided.`, lang)
      }
      const comment = String(b.comment ?? '').trim()
      if (m[4] === '/return' && !comment) return [422, { title: '无法处理', status: 422, detail: '退回须附意见', errors: ['comment: 不能为空'] }]
      sub.decision = { decision: m[4] === '/return' ? 'RETURNED' : 'ACCEPTED', comment: comment || null, at: NOW(), by: 'staff-990100', submissionVersion: sub.version }
      return [200, countyDetail(c, p)]
    }
  }
  return null
}
