// The county admin's side of the demonstration programme for `npm run dev:mock`
// (GONGYU_MOCK=county-admin): a made-up programme of county 990113 with applications at every
// stage, a panel, one assessment whose scores spread, titles and the progress per 学区, in the
// shapes of district-service's API, kept in memory while the dev server runs. Never bundled.

const COUNTY = '990113'
const NOW = () => new Date().toISOString()
const zh = (lang: string) => !lang.startsWith('en')
type Answer = [number, unknown]
const problem = (status: number, lang: string, zhText: [string, string], enText: [string, string], errors?: string[]): Answer =>
  [status, { type: 'about:blank', title: zh(lang) ? zhText[0] : enText[0], status, detail: zh(lang) ? zhText[1] : enText[1], ...(errors ? { errors } : {}) }]

const XUEQU = [
  { id: 'XQ01', countyId: COUNTY, name: '湖东学区', version: 1 },
  { id: 'XQ02', countyId: COUNTY, name: '湖西学区', version: 1 },
  { id: 'XQ03', countyId: COUNTY, name: '北山学区', version: 1 },
]
const SCHOOLS = [
  ['9901130001', '湖畔小学', 'XQ01'], ['9901130002', '西湖第二中学', 'XQ01'], ['9901130003', '柳浪幼儿园', 'XQ02'],
  ['9901130004', '湖滨实验学校', 'XQ02'], ['9901130005', '北山中学', 'XQ03'], ['9901130006', '北山第一小学', 'XQ03'],
  ['9901130007', '西溪小学', 'XQ01'], ['9901130008', '龙井中学', 'XQ02'], ['9901130009', '区直属实验小学', null],
  ['9901130010', '区特殊教育学校', null], ['9901130011', '灵隐小学', 'XQ03'], ['9901130012', '梅家坞小学', 'XQ02'],
].map(([id, name, xuequId]) => ({ id: id!, countyId: COUNTY, xuequId, name: name!, schoolType: 'PRIMARY', version: 1 }))

const STANDARD = { standardId: 'STD-DEMO', version: 2, publishedAt: '2024-01-10T00:00:00Z', titleZh: '家校社协同育人示范校评估标准',
  titleEn: 'Demonstration school standard', passMark: 80, fullMark: 100, criteria: 5 }
const CRITERIA = [
  ['A1.1', '成立家长学校并有章程', 'A parent school with a charter', 10], ['A1.2', '家委会三级组织健全', 'Parent committees at three levels', 15],
  ['A2.1', '每学期集体授课不少于 2 次', 'At least 2 collective sessions a semester', 20],
  ['A2.2', '家访覆盖率达到 90%', 'Home visits reach 90% of families', 25], ['A2.3', '家长满意度调查', 'Parent satisfaction survey', 30],
] as const

interface P {
  id: string; countyId: string; name: string; target: number; startsOn: string; endsOn: string; applicationOpensOn: string
  applicationDeadline: string; creationMonths: number; titleValidityYears: number; consensusMargin: number; standardId: string
  standardVersion: number; version: number; quotas: { xuequId: string | null; quota: number }[]
}
const programmes: P[] = [
  { id: 'DEMO-2024', countyId: COUNTY, name: '2024—2027 年示范校创建', target: 8, startsOn: '2024-02-01', endsOn: '2027-01-31',
    applicationOpensOn: '2024-02-01', applicationDeadline: '2024-03-31', creationMonths: 12, titleValidityYears: 3, consensusMargin: 3,
    standardId: 'STD-DEMO', standardVersion: 2, version: 4,
    quotas: [{ xuequId: null, quota: 2 }, { xuequId: 'XQ01', quota: 2 }, { xuequId: 'XQ02', quota: 3 }, { xuequId: 'XQ03', quota: 1 }] },
]
const arrangement: Record<string, { schoolId: string; plannedYear: number }[]> = {
  direct: [{ schoolId: '9901130009', plannedYear: 2025 }],
  XQ01: [{ schoolId: '9901130001', plannedYear: 2025 }, { schoolId: '9901130002', plannedYear: 2026 }],
  XQ02: [{ schoolId: '9901130004', plannedYear: 2025 }, { schoolId: '9901130003', plannedYear: 2026 }],
  XQ03: [{ schoolId: '9901130005', plannedYear: 2026 }],
}

interface A {
  id: string; programmeId: string; schoolId: string; xuequId: string | null; status: string; version: number; appliedAt: string
  creationEndsOn: string | null; round: number; finalScore: number | null
}
const id = (n: number) => `5c1d2e3f-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`
const apps: A[] = [
  [1, '9901130007', 'APPLIED', 0], [2, '9901130012', 'APPLIED', 0], [3, '9901130011', 'CREATING', 0], [4, '9901130005', 'CREATING', 0],
  [5, '9901130002', 'SELF_EVALUATED', 1], [6, '9901130004', 'ASSESSING', 1], [7, '9901130003', 'ASSESSING', 1],
  [8, '9901130001', 'TITLED', 1], [9, '9901130009', 'TITLED', 1], [10, '9901130006', 'RECTIFYING', 1], [11, '9901130008', 'REVOKED', 1],
  [12, '9901130010', 'DECLINED', 0], [13, '9901130011', 'DEFERRED', 1],
].filter(([n]) => n !== 13).map(([n, schoolId, status, round]) => ({
  id: id(n as number), programmeId: 'DEMO-2024', schoolId: schoolId as string,
  xuequId: SCHOOLS.find((s) => s.id === schoolId)!.xuequId, status: status as string, version: 3, appliedAt: `2024-03-${String(n).padStart(2, '0')}T02:00:00Z`,
  creationEndsOn: status === 'APPLIED' || status === 'DECLINED' ? null : '2025-03-10', round: round as number,
  finalScore: ['TITLED', 'RECTIFYING', 'REVOKED'].includes(status as string) ? 86.5 : null,
}))

const panel = [
  { username: 'assessor-990113', name: '陈静', homeSchoolId: null, formerSchoolIds: [] as string[] },
  { username: 'expert-wang', name: '王立', homeSchoolId: '9901130005', formerSchoolIds: [] },
  { username: 'expert-zhao', name: '赵敏', homeSchoolId: '9901130001', formerSchoolIds: ['9901130002'] },
  { username: 'expert-sun', name: '孙华', homeSchoolId: '9901130002', formerSchoolIds: [] },
  { username: 'expert-qian', name: '钱雨', homeSchoolId: '9901130008', formerSchoolIds: ['9901130003', '9901120004'], active: false },
].map((p) => ({ countyId: COUNTY, active: true, version: 1, ...p }) as { countyId: string; username: string; name: string
  homeSchoolId: string | null; formerSchoolIds: string[]; active: boolean; version: number })

const removed = new Set<string>()
/** The applications whose open round (self-evaluated or being assessed) the assessor is on, not recused. */
const openOf = (username: string) => apps.filter((a) => ['SELF_EVALUATED', 'ASSESSING'].includes(a.status)
  && (rounds[a.id] ?? []).some((x) => x.assessor === username && x.status !== 'RECUSED')).map((a) => a.id)
const panelOut = (p: (typeof panel)[number]) => ({ ...p, openAssignments: openOf(p.username) })

/** PUT …/assessors/{username}: the API's checks, its field messages (400 and 422) in the caller's language. */
function putAssessor(username: string, b: Record<string, unknown>, lang: string): Answer {
  const errors: string[] = []
  if (!/^[a-z0-9][a-z0-9._@-]{0,99}$/.test(username)) errors.push(`putAssessor.username: ${zh(lang) ? '需要匹配正则表达式"[a-z0-9][a-z0-9._@-]{0,99}"' : 'must match "[a-z0-9][a-z0-9._@-]{0,99}"'}`)
  const name = typeof b.name === 'string' ? b.name.trim() : ''
  if (!name) errors.push(`name: ${zh(lang) ? '不能为空' : 'must not be blank'}`)
  else if (name.length > 200) errors.push(`name: ${zh(lang) ? '个数必须在0和200之间' : 'size must be between 0 and 200'}`)
  const former = Array.isArray(b.formerSchoolIds) ? (b.formerSchoolIds as string[]) : []
  if (former.some((x) => !/^[A-Za-z0-9-]{1,40}$/.test(x))) errors.push(`formerSchoolIds: ${zh(lang) ? '学校代码只能由字母、数字和连字符组成' : 'must match "[A-Za-z0-9-]{1,40}"'}`)
  if (errors.length) return problem(400, lang, ['请求无效', '请求内容有误'], ['Bad Request', 'invalid request'], errors)
  const home = (b.homeSchoolId as string | null) || null
  const unprocessable: string[] = []
  if (home && former.includes(home)) unprocessable.push(`formerSchoolIds: ${home} ${zh(lang) ? '是其现所在学校' : 'is the home school'}`)
  if (home && !SCHOOLS.some((x) => x.id === home)) unprocessable.push(zh(lang) ? `homeSchoolId: ${home} 不是区县 ${COUNTY} 已登记的学校` : `homeSchoolId: ${home} is not a registered school of county ${COUNTY}`)
  for (const f of former) {
    if (!SCHOOLS.some((x) => x.id === f) && !/^99011[0-9]{5}$/.test(f)) unprocessable.push(zh(lang) ? `formerSchoolIds: ${f} 不是已登记的学校` : `formerSchoolIds: ${f} is not a registered school`)
  }
  if (unprocessable.length) {
    return problem(422, lang, ['无法处理', '评审专家的所在学校和曾任职学校必须是已登记的学校'], ['Unprocessable', "the assessor's schools must be registered schools"], unprocessable)
  }
  const wanted = { name, homeSchoolId: home, formerSchoolIds: [...new Set(former)], active: b.active !== false }
  const existing = panel.find((x) => x.username === username)
  if (!existing) {
    const row = { countyId: COUNTY, username, version: 1, ...wanted }
    panel.push(row)
    return [201, panelOut(row)]
  }
  const wasRemoved = removed.delete(username)
  const same = existing.name === wanted.name && existing.homeSchoolId === wanted.homeSchoolId && existing.active === wanted.active
    && JSON.stringify(existing.formerSchoolIds) === JSON.stringify(wanted.formerSchoolIds)
  if (!same || wasRemoved) Object.assign(existing, wanted, { version: existing.version + 1 })
  return [wasRemoved ? 201 : 200, panelOut(existing)]
}

/** Assignments and scores per application: who, status, submitted, points per criterion. */
const rounds: Record<string, { assessor: string; status: string; submittedAt: string | null; points: number[]; comments: string[] }[]> = {
  [id(5)]: [{ assessor: 'expert-wang', status: 'CLEARED', submittedAt: null, points: [], comments: [] }],
  [id(6)]: [
    { assessor: 'assessor-990113', status: 'CLEARED', submittedAt: '2026-11-20T07:00:00Z', points: [9, 13, 18, 16, 27], comments: ['章程齐全', '三级家委会健全', '授课 3 次，记录完整', '家访覆盖 78%，未达 90%', '满意度 93%'] },
    { assessor: 'expert-wang', status: 'CLEARED', submittedAt: '2026-11-21T03:00:00Z', points: [10, 14, 17, 23, 28], comments: ['符合要求', '运行良好', '有签到表', '家访记录较完整', '问卷样本充足'] },
  ],
  [id(7)]: [
    { assessor: 'assessor-990113', status: 'CLEARED', submittedAt: null, points: [8, 12], comments: ['基本符合', '年级家委会待完善'] },
    { assessor: 'expert-sun', status: 'RECUSED', submittedAt: null, points: [], comments: [] },
  ],
}
const consensus: Record<string, Record<string, { points: number; note: string; by: string; at: string }>> = {}

function scoresheet(a: A, lang: string) {
  const team = rounds[a.id] ?? []
  const cleared = team.filter((x) => x.status === 'CLEARED')
  const p = programmes.find((x) => x.id === a.programmeId)!
  const lines = CRITERIA.map(([code, nameZh, nameEn, max], k) => {
    const pts = cleared.map((x) => x.points[k] ?? null)
    const scored = pts.filter((v): v is number => v != null)
    const complete = scored.length === cleared.length && scored.length >= 2
    const spread = complete ? Math.max(...scored) - Math.min(...scored) : null
    const needs = spread != null && spread > p.consensusMargin
    const c = consensus[a.id]?.[code] ?? null
    const mean = complete ? Math.round((scored.reduce((s, v) => s + v, 0) / scored.length) * 100) / 100 : null
    return { criterionCode: code, nameZh, nameEn, maxPoints: max, scores: cleared.map((x) => ({ assessor: x.assessor, points: x.points[k] ?? null, comment: x.comments[k] ?? null })),
      spread, needsConsensus: needs, consensus: c, result: c ? c.points : needs ? null : mean }
  })
  const done = lines.every((l) => l.result != null)
  const final = done ? lines.reduce((s, l) => s + (l.result ?? 0), 0) : null
  return { applicationId: a.id, status: a.status, round: a.round, passMark: 80, fullMark: 100, consensusMargin: p.consensusMargin,
    assessors: team.map((x) => ({ assessor: x.assessor, status: x.status, submittedAt: x.submittedAt })),
    criteria: lines, totals: cleared.map((x) => ({ assessor: x.assessor, total: x.points.length ? x.points.reduce((s, v) => s + v, 0) : null })),
    finalScore: final, passed: final == null ? null : final >= 80,
    missing: lines.filter((l) => l.result == null).map((l) => `${l.criterionCode}: ${l.needsConsensus ? (zh(lang) ? '需要合议' : 'needs a consensus') : (zh(lang) ? '评分未齐' : 'scores missing')}`) }
}

const titles = () => apps.filter((a) => ['TITLED', 'REINSPECTING', 'RECTIFYING', 'REVOKED', 'EXPIRED'].includes(a.status)).map((a) => {
  const s = SCHOOLS.find((x) => x.id === a.schoolId)!
  return { applicationId: a.id, programmeId: a.programmeId, schoolId: a.schoolId, schoolName: s.name, xuequId: s.xuequId,
    xuequName: XUEQU.find((x) => x.id === s.xuequId)?.name ?? null, awardedOn: '2025-06-01', validUntil: '2028-05-31', status: a.status,
    version: a.version, reinspectionOn: ['REINSPECTING', 'RECTIFYING'].includes(a.status) ? '2026-10-15' : null,
    rectificationDeadline: a.status === 'RECTIFYING' ? '2027-03-31' : null, endedOn: a.status === 'REVOKED' ? '2026-09-01' : null,
    finalScore: a.finalScore }
})

function progress(p: P) {
  const keys = [null, ...XUEQU.map((x) => x.id)]
  const held = (k: string | null) => apps.filter((a) => a.programmeId === p.id && a.xuequId === k && ['TITLED', 'REINSPECTING', 'RECTIFYING'].includes(a.status)).length
  const count = (k: string | null, st: string[]) => apps.filter((a) => a.programmeId === p.id && a.xuequId === k && st.includes(a.status)).length
  const byXuequ = keys.map((k) => {
    const quota = p.quotas.find((q) => q.xuequId === k)?.quota ?? 0
    return { xuequKey: k ?? 'direct', xuequId: k, xuequName: XUEQU.find((x) => x.id === k)?.name ?? null, quota, held: held(k),
      applied: count(k, ['APPLIED']), creating: count(k, ['CREATING']), inAssessment: count(k, ['SELF_EVALUATED', 'ASSESSING', 'DEFERRED']),
      revoked: count(k, ['REVOKED']), expired: count(k, ['EXPIRED']), quotaMet: held(k) >= quota }
  })
  return { programmeId: p.id, name: p.name, target: p.target, asOf: NOW().slice(0, 10), titlesHeld: byXuequ.reduce((s, x) => s + x.held, 0),
    revoked: count(null, ['REVOKED']) + XUEQU.reduce((s, x) => s + count(x.id, ['REVOKED']), 0), expired: 0, byXuequ }
}

const programmeOut = (p: P) => {
  const total = p.quotas.reduce((s, q) => s + q.quota, 0)
  return { ...p, quotaTotal: total, quotasMatchTarget: total === p.target }
}
const move = (a: A, to: string) => {
  a.status = to
  a.version += 1
  return [200, { id: a.id, status: a.status, version: a.version }] as Answer
}

/** The answer to a county path, or null when the path is not one of these (the assessor's mock answers then). */
export function countyAnswer(method: string, path: string, body: unknown, lang: string): Answer | null {
  const county = `/api/district/counties/${COUNTY}`
  if (method === 'GET' && path === `${county}/xuequ`) return [200, XUEQU]
  if (method === 'GET' && path === `${county}/schools`) return [200, SCHOOLS]
  const base = `${county}/demonstration`
  if (!path.startsWith(base)) return null
  const rest = path.slice(base.length)
  const b = (body ?? {}) as Record<string, unknown>
  let m: RegExpExecArray | null
  if (method === 'GET' && rest === '/standards') return [200, [STANDARD]]
  if (method === 'GET' && rest === '/programmes') return [200, programmes.map(programmeOut)]
  if (method === 'GET' && rest === '/assessors') return [200, panel.filter((p) => !removed.has(p.username)).map(panelOut)]
  if ((m = /^\/assessors\/([^/]+)$/.exec(rest)) && method === 'PUT') return putAssessor(decodeURIComponent(m[1]), b, lang)
  if ((m = /^\/assessors\/([^/]+)$/.exec(rest)) && method === 'DELETE') {
    const username = decodeURIComponent(m[1])
    const p = panel.find((x) => x.username === username && !removed.has(x.username))
    if (!p) return problem(404, lang, ['未找到', `评审专家 ${username} 不在区县 ${COUNTY} 的专家库中`], ['Not Found', `assessor ${username} is not on the assessor panel of county ${COUNTY}`])
    const open = openOf(username)
    if (open.length) {
      return [409, { type: 'about:blank', title: zh(lang) ? '冲突' : 'Conflict', status: 409, openAssignments: open,
        detail: zh(lang) ? `评审专家 ${username} 仍在 ${open.length} 份尚未结束的评审中（申报 ${open.join(', ')}）：请先在这些评审中更换该专家，或将其停用（停用只是不再分派新的评审）`
          : `assessor ${username} is still on ${open.length} open assessment round(s) (application ${open.join(', ')}): replace them there first, or deactivate them, which stops only new assignments` }]
    }
    removed.add(username)
    p.active = false
    p.version += 1
    return [204, null]
  }
  if (method === 'GET' && rest.startsWith('/applications') && !rest.slice('/applications'.length).replace(/^\?.*/, '')) return [200, apps]
  if (method === 'GET' && rest.startsWith('/titles')) return [200, titles()]
  if ((m = /^\/programmes\/([^/]+)$/.exec(rest)) && method === 'PUT') {
    const errors = ['name', 'target', 'startsOn', 'endsOn', 'applicationOpensOn', 'applicationDeadline'].filter((f) => b[f] == null || b[f] === '')
      .map((f) => `${f}: ${zh(lang) ? '不能为空' : 'must not be null'}`)
    if (errors.length) return problem(400, lang, ['请求无效', '请求内容有误'], ['Bad Request', 'invalid request'], errors)
    const existing = programmes.find((p) => p.id === m![1])
    if (existing) {
      Object.assign(existing, b, { version: existing.version + 1 })
      return [200, programmeOut(existing)]
    }
    const p = { ...(b as unknown as P), id: m[1], countyId: COUNTY, version: 1, quotas: [] }
    programmes.push(p)
    return [201, programmeOut(p)]
  }
  if ((m = /^\/programmes\/([^/]+)\/quotas$/.exec(rest)) && method === 'PUT') {
    const p = programmes.find((x) => x.id === m![1])
    if (!p) return problem(404, lang, ['未找到', '没有这个项目'], ['Not Found', 'no such programme'])
    const quotas = (b.quotas ?? []) as P['quotas']
    const sum = quotas.reduce((s, q) => s + q.quota, 0)
    if (sum !== p.target) return problem(422, lang, ['无法处理', `各学区名额合计 ${sum} 与创建目标 ${p.target} 不一致`], ['Unprocessable', `the quotas add up to ${sum}, not the target ${p.target}`], [`quotas: ${zh(lang) ? '合计应等于目标' : 'must add up to the target'}`])
    p.quotas = quotas
    p.version += 1
    return [200, programmeOut(p)]
  }
  if ((m = /^\/programmes\/([^/]+)\/arrangement$/.exec(rest)) && method === 'GET') {
    return [200, { programmeId: m[1], programmeVersion: 4, xuequ: Object.entries(arrangement).map(([key, schools]) => ({ xuequKey: key,
      xuequId: key === 'direct' ? null : key, schools: schools.map((s) => ({ ...s, name: SCHOOLS.find((x) => x.id === s.schoolId)?.name ?? null })) })) }]
  }
  if ((m = /^\/programmes\/([^/]+)\/arrangement\/([^/]+)$/.exec(rest)) && method === 'PUT') {
    arrangement[m[2]] = (b.schools ?? []) as { schoolId: string; plannedYear: number }[]
    return countyAnswer('GET', `${base}/programmes/${m[1]}/arrangement`, null, lang)
  }
  if ((m = /^\/programmes\/([^/]+)\/progress$/.exec(rest)) && method === 'GET') {
    const p = programmes.find((x) => x.id === m![1])
    return p ? [200, progress(p)] : problem(404, lang, ['未找到', '没有这个项目'], ['Not Found', 'no such programme'])
  }
  const appMatch = /^\/applications\/([^/]+)(\/.*)?$/.exec(rest)
  if (!appMatch) return null
  const a = apps.find((x) => x.id === appMatch[1])
  if (!a) return null
  const tail = appMatch[2] ?? ''
  const conflict = (currentStatus: string): Answer => [409, { type: 'about:blank', title: zh(lang) ? '冲突' : 'Conflict', status: 409,
    detail: zh(lang) ? `申报当前状态为 ${currentStatus}，不能这样办理` : `the application is ${currentStatus}: not possible now`, currentStatus }]
  if (method === 'GET' && tail === '') {
    return [200, { ...a, countyId: COUNTY, schoolName: SCHOOLS.find((s) => s.id === a.schoolId)?.name ?? null, plan: '一校一案', baseline: [],
      selfEvaluation: a.round > 0 ? { round: a.round, submittedAt: '2026-11-10T02:00:00Z', selfTotal: 88 } : null }]
  }
  if (method === 'GET' && tail === '/history') {
    return [200, [
      { seq: 1, at: a.appliedAt, actor: 'school-service', action: 'RECEIVE', from: null, to: 'APPLIED', detail: {} },
      ...(a.status !== 'APPLIED' ? [{ seq: 2, at: '2024-04-02T02:00:00Z', actor: 'admin-990113', action: a.status === 'DECLINED' ? 'DECLINE' : 'ACCEPT',
        from: 'APPLIED', to: a.status === 'DECLINED' ? 'DECLINED' : 'CREATING', detail: {} }] : []),
    ]]
  }
  if (method === 'POST' && tail === '/accept') return a.status === 'APPLIED' ? move(a, 'CREATING') : conflict(a.status)
  if (method === 'POST' && tail === '/decline') {
    if (a.status !== 'APPLIED') return conflict(a.status)
    if (!b.reason || !String(b.reason).trim()) return problem(400, lang, ['请求无效', '请求内容有误'], ['Bad Request', 'invalid request'], [`reason: ${zh(lang) ? '不能为空' : 'must not be blank'}`])
    return move(a, 'DECLINED')
  }
  if (method === 'GET' && tail === '/scoresheet') return [200, scoresheet(a, lang)]
  if (method === 'POST' && tail === '/assignments') {
    if (a.status !== 'SELF_EVALUATED') return conflict(a.status)
    const who = panel.find((p) => p.username === b.assessor)
    if (!who) return problem(422, lang, ['无法处理', '不是评审专家库的在册专家'], ['Unprocessable', 'not an active member of the panel'], [`assessor: ${zh(lang) ? '不在专家库' : 'not on the panel'}`])
    const kind = who.homeSchoolId === a.schoolId ? 'OWN_SCHOOL' : who.formerSchoolIds.includes(a.schoolId) ? 'FORMER_EMPLOYMENT' : null
    if (kind) {
      return [409, { type: 'about:blank', title: zh(lang) ? '利益冲突' : 'Conflict of interest', status: 409, conflict: kind,
        detail: zh(lang) ? `${who.username} ${kind === 'OWN_SCHOOL' ? '在' : '曾在'}学校 ${a.schoolId} 任职，须回避` : `${who.username} ${kind === 'OWN_SCHOOL' ? 'works' : 'worked'} at school ${a.schoolId} and must be recused` }]
    }
    ;(rounds[a.id] ??= []).push({ assessor: who.username, status: 'ASSIGNED', submittedAt: null, points: [], comments: [] })
    return [201, { applicationId: a.id, round: a.round, assessor: who.username, status: 'ASSIGNED', assignedAt: NOW(), assignedBy: 'admin-990113',
      declaredAt: null, declaredConflicts: [], submittedAt: null }]
  }
  if (method === 'POST' && tail === '/assessment/start') {
    const cleared = (rounds[a.id] ?? []).filter((x) => x.status === 'CLEARED').length
    if (a.status !== 'SELF_EVALUATED' || cleared < 2) {
      return [409, { type: 'about:blank', title: zh(lang) ? '冲突' : 'Conflict', status: 409, cleared,
        detail: zh(lang) ? `至少需要 2 名已声明无利益冲突的专家（现有 ${cleared} 名）` : `at least 2 cleared assessors are needed (${cleared} now)` }]
    }
    return move(a, 'ASSESSING')
  }
  if ((m = /^\/consensus\/([^/]+)$/.exec(tail)) && method === 'PUT') {
    const line = scoresheet(a, lang).criteria.find((l) => l.criterionCode === m![1])
    if (!line) return problem(404, lang, ['未找到', '没有这个评价要点'], ['Not Found', 'no such criterion'])
    if (a.status !== 'ASSESSING' || !line.needsConsensus) return problem(409, lang, ['冲突', '该评价要点不需要合议'], ['Conflict', 'this criterion needs no consensus'])
    const errors: string[] = []
    if (typeof b.points !== 'number' || b.points < 0) errors.push(`points: ${zh(lang) ? '不能为空' : 'must not be null'}`)
    if (!b.note || !String(b.note).trim()) errors.push(`note: ${zh(lang) ? '不能为空' : 'must not be blank'}`)
    if (errors.length) return problem(400, lang, ['请求无效', '请求内容有误'], ['Bad Request', 'invalid request'], errors)
    if ((b.points as number) > line.maxPoints) return problem(422, lang, ['无法处理', `合议分不能超过 ${line.maxPoints}`], ['Unprocessable', `at most ${line.maxPoints}`], [`points: ${zh(lang) ? `不能超过 ${line.maxPoints}` : `at most ${line.maxPoints}`}`])
    ;(consensus[a.id] ??= {})[m[1]] = { points: b.points as number, note: String(b.note), by: 'admin-990113', at: NOW() }
    return [201, { applicationId: a.id, round: a.round, criterionCode: m[1], points: b.points, note: b.note, agreedBy: 'admin-990113', agreedAt: NOW() }]
  }
  if (method === 'POST' && tail === '/decision') {
    if (a.status !== 'ASSESSING') return conflict(a.status)
    const sheet = scoresheet(a, lang)
    if (sheet.missing.length) return [409, { type: 'about:blank', title: zh(lang) ? '冲突' : 'Conflict', status: 409, missing: sheet.missing,
      detail: (zh(lang) ? '尚不能作出结论：' : 'not ready for a decision: ') + sheet.missing.join('; ') }]
    if (b.outcome !== 'AWARD' && !b.note) return problem(422, lang, ['无法处理', '不予通过或暂缓须说明理由'], ['Unprocessable', 'a note is required'], [`note: ${zh(lang) ? '不能为空' : 'must not be blank'}`])
    a.finalScore = sheet.finalScore
    return move(a, b.outcome === 'AWARD' ? 'TITLED' : b.outcome === 'DEFER' ? 'DEFERRED' : 'REJECTED')
  }
  if (method === 'POST' && tail === '/reinspection') return a.status === 'TITLED' ? move(a, 'REINSPECTING') : conflict(a.status)
  if (method === 'POST' && tail === '/reinspection/outcome') {
    if (a.status !== 'REINSPECTING') return conflict(a.status)
    return move(a, b.outcome === 'KEEP' ? 'TITLED' : b.outcome === 'RECTIFY' ? 'RECTIFYING' : 'REVOKED')
  }
  if (method === 'POST' && tail === '/rectification/outcome') {
    if (a.status !== 'RECTIFYING') return conflict(a.status)
    return move(a, b.outcome === 'KEEP' ? 'TITLED' : 'REVOKED')
  }
  return null
}
