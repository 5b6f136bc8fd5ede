// The assessor's side of district-service for `npm run dev:mock` (GONGYU_MOCK=county-assessor): a
// made-up panel round in the shapes of the API, kept in memory while the dev server runs, so the
// assessor workspace can be clicked through and screenshotted without a platform. Never bundled.

import { countyAnswer } from './countyDemo'

const COUNTY = '990113'
export const ASSESSOR = 'assessor-990113'
const NOW = () => new Date().toISOString()

const RUBRIC = {
  titleZh: '家校社协同育人示范校评估标准', titleEn: 'Demonstration school standard', passMark: 80, fullMark: 100,
  areas: [
    { code: 'A1', nameZh: '组织与制度', nameEn: 'Organisation and rules', criteria: [
      { code: 'A1.1', nameZh: '成立家长学校并有章程', nameEn: 'A parent school with a charter', points: 10, evidenceRequired: '章程、成立文件' },
      { code: 'A1.2', nameZh: '家委会三级组织健全', nameEn: 'Parent committees at three levels', points: 15, evidenceRequired: '家委会名单' },
    ] },
    { code: 'A2', nameZh: '活动与成效', nameEn: 'Activities and results', criteria: [
      { code: 'A2.1', nameZh: '每学期集体授课不少于 2 次', nameEn: 'At least 2 collective sessions a semester', points: 20, evidenceRequired: '授课记录、签到表' },
      { code: 'A2.2', nameZh: '家访覆盖率达到 90%', nameEn: 'Home visits reach 90% of families', points: 25, evidenceRequired: null },
      { code: 'A2.3', nameZh: '家长满意度调查', nameEn: 'Parent satisfaction survey', points: 30, evidenceRequired: '问卷与统计' },
    ] },
  ],
}
const ITEMS = [
  { criterionCode: 'A1.1', selfScore: 10, narrative: '2024 年 3 月成立家长学校，章程经校务会通过。', evidence: [{ title: '家长学校章程', reference: 'DOC-2024-031' }] },
  { criterionCode: 'A1.2', selfScore: 14, narrative: '校、年级、班三级家委会均已成立。', evidence: [{ title: '家委会名单', reference: 'DOC-2024-044' }] },
  { criterionCode: 'A2.1', selfScore: 18, narrative: '本学期集体授课 3 次，平均到课率 87%。', evidence: [{ title: '授课记录', reference: 'REC-2026-09' }, { title: '签到表', reference: 'REC-2026-10' }] },
  { criterionCode: 'A2.2', selfScore: 22, narrative: '家访覆盖 92% 的家庭。', evidence: [] },
  { criterionCode: 'A2.3', selfScore: 27, narrative: '回收问卷 412 份，满意及以上 93.4%。', evidence: [{ title: '满意度调查报告', reference: 'SRV-2026-02' }] },
]

interface A {
  applicationId: string; programmeId: string; schoolId: string; schoolName: string; round: number; current: boolean
  assignmentStatus: 'ASSIGNED' | 'CLEARED' | 'RECUSED'; applicationStatus: string; assignedAt: string; declaredAt: string | null
  submittedAt: string | null
}
const state: { assignments: A[]; scores: Record<string, Record<string, { points: number; comment: string; updatedAt: string }>> } = {
  assignments: [
    { applicationId: '0b9c6b8e-1f0a-4c1e-9d55-2f6f3c1a0001', programmeId: 'DEMO-2026', schoolId: '9901130001', schoolName: '湖畔小学', round: 1, current: true,
      assignmentStatus: 'ASSIGNED', applicationStatus: 'SELF_EVALUATED', assignedAt: '2026-11-20T02:00:00Z', declaredAt: null, submittedAt: null },
    { applicationId: '0b9c6b8e-1f0a-4c1e-9d55-2f6f3c1a0002', programmeId: 'DEMO-2026', schoolId: '9901130002', schoolName: '西湖第二中学', round: 1, current: true,
      assignmentStatus: 'CLEARED', applicationStatus: 'ASSESSING', assignedAt: '2026-11-18T02:00:00Z', declaredAt: '2026-11-19T06:30:00Z', submittedAt: null },
    { applicationId: '0b9c6b8e-1f0a-4c1e-9d55-2f6f3c1a0003', programmeId: 'DEMO-2026', schoolId: '9901130003', schoolName: '柳浪幼儿园', round: 1, current: true,
      assignmentStatus: 'CLEARED', applicationStatus: 'SELF_EVALUATED', assignedAt: '2026-11-25T02:00:00Z', declaredAt: '2026-11-26T01:00:00Z', submittedAt: null },
    { applicationId: '0b9c6b8e-1f0a-4c1e-9d55-2f6f3c1a0004', programmeId: 'DEMO-2025', schoolId: '9901130004', schoolName: '湖滨实验学校', round: 1, current: true,
      assignmentStatus: 'CLEARED', applicationStatus: 'ASSESSING', assignedAt: '2026-10-08T02:00:00Z', declaredAt: '2026-10-09T01:00:00Z', submittedAt: '2026-10-20T07:12:00Z' },
  ],
  scores: {},
}
// the submitted one has its scores
state.scores['0b9c6b8e-1f0a-4c1e-9d55-2f6f3c1a0004'] = Object.fromEntries(ITEMS.map((i) => [i.criterionCode,
  { points: (i.selfScore ?? 0) - 1, comment: '材料齐全，略有不足。', updatedAt: '2026-10-20T07:00:00Z' }]))

function due(a: A): string {
  if (!a.current || a.assignmentStatus === 'RECUSED') return 'NONE'
  if (a.assignmentStatus === 'ASSIGNED') return ['SELF_EVALUATED', 'ASSESSING'].includes(a.applicationStatus) ? 'DECLARE' : 'NONE'
  if (a.submittedAt) return 'NONE'
  return a.applicationStatus === 'SELF_EVALUATED' ? 'WAIT' : a.applicationStatus === 'ASSESSING' ? 'SCORE' : 'NONE'
}

const criteria = RUBRIC.areas.flatMap((a) => a.criteria)
const zh = (lang: string) => !lang.startsWith('en')
const problem = (status: number, lang: string, zhText: [string, string], enText: [string, string], errors?: string[]) =>
  [status, { type: 'about:blank', title: zh(lang) ? zhText[0] : enText[0], status, detail: zh(lang) ? zhText[1] : enText[1], ...(errors ? { errors } : {}) }] as [number, unknown]

/** The answer to a district path, or null when the path is not one of these. */
export function districtAnswer(method: string, path: string, body: unknown, lang: string): [number, unknown] | null {
  // the county admin's workspace (mock/countyDemo.ts) first; what it does not know is the assessor's
  const county = countyAnswer(method, path, body, lang)
  if (county) return county
  const base = `/api/district/counties/${COUNTY}/demonstration`
  if (!path.startsWith('/api/district/')) return null
  if (!path.startsWith(base)) return problem(404, lang, ['未找到', '没有这个区县'], ['Not Found', 'no such county'])
  const rest = path.slice(base.length)
  if (method === 'GET' && rest === '/my-assignments') {
    const rows = state.assignments.map((a) => ({ ...a, due: due(a) }))
    return [200, rows.sort((x, y) => Number(y.due !== 'NONE') - Number(x.due !== 'NONE') || y.assignedAt.localeCompare(x.assignedAt))]
  }
  let m: RegExpExecArray | null
  const find = (id: string) => state.assignments.find((a) => a.applicationId === id)
  if ((m = /^\/applications\/([^/]+)\/assignments\/([^/]+)\/declaration$/.exec(rest)) && method === 'POST') {
    const a = find(m[1])
    if (!a) return problem(404, lang, ['未找到', '没有这份申报'], ['Not Found', 'no such application'])
    if (a.assignmentStatus !== 'ASSIGNED') return problem(409, lang, ['冲突', `评审专家 ${ASSESSOR} 已对第 ${a.round} 轮作出声明`], ['Conflict', `assessor ${ASSESSOR} has already declared for round ${a.round}`])
    const b = (body ?? {}) as { conflicts?: string[]; statement?: string }
    if (!b.statement || !b.statement.trim()) return problem(400, lang, ['请求无效', '请求内容有误'], ['Bad Request', 'invalid request'], [zh(lang) ? 'statement: 不能为空' : 'statement: must not be blank'])
    a.assignmentStatus = (b.conflicts ?? []).length > 0 ? 'RECUSED' : 'CLEARED'
    a.declaredAt = NOW()
    return [200, { applicationId: a.applicationId, round: a.round, assessor: ASSESSOR, status: a.assignmentStatus, assignedAt: a.assignedAt,
      assignedBy: 'admin-990113', declaredAt: a.declaredAt, declaredConflicts: b.conflicts ?? [], submittedAt: null }]
  }
  if ((m = /^\/applications\/([^/]+)\/file$/.exec(rest)) && method === 'GET') {
    const a = find(m[1])
    if (!a || a.assignmentStatus !== 'CLEARED') return problem(403, lang, ['禁止访问', '请先声明利益冲突'], ['Forbidden', 'declare conflicts of interest first'])
    return [200, { applicationId: a.applicationId, schoolId: a.schoolId, programmeId: a.programmeId, round: a.round, submittedAt: '2026-11-15T08:00:00Z',
      standardId: 'STD-DEMO', standardVersion: 2, selfTotal: ITEMS.reduce((s, i) => s + (i.selfScore ?? 0), 0), rubric: RUBRIC, items: ITEMS }]
  }
  if ((m = /^\/applications\/([^/]+)\/scores\/mine$/.exec(rest)) && method === 'GET') {
    const a = find(m[1])
    if (!a || a.assignmentStatus !== 'CLEARED') return problem(403, lang, ['禁止访问', '请先声明利益冲突'], ['Forbidden', 'declare conflicts of interest first'])
    const mine = state.scores[a.applicationId] ?? {}
    return [200, Object.entries(mine).sort(([x], [y]) => x.localeCompare(y))
      .map(([code, s]) => ({ applicationId: a.applicationId, round: a.round, assessor: ASSESSOR, criterionCode: code, ...s }))]
  }
  if ((m = /^\/applications\/([^/]+)\/scores\/([^/]+)$/.exec(rest)) && method === 'PUT' && m[2] !== 'submit') {
    const a = find(m[1])
    const c = criteria.find((x) => x.code === m![2])
    if (!a || !c) return problem(404, lang, ['未找到', '没有这个评价要点'], ['Not Found', 'no such criterion'])
    if (a.submittedAt) return problem(409, lang, ['冲突', `${ASSESSOR} 在第 ${a.round} 轮的评分已提交，不能再修改`], ['Conflict', `the scores of ${ASSESSOR} on round ${a.round} were submitted and are frozen`])
    if (a.applicationStatus !== 'ASSESSING') return problem(409, lang, ['冲突', '申报尚未进入评审'], ['Conflict', 'the assessment has not started'])
    const b = (body ?? {}) as { points?: number; comment?: string }
    if (b.points == null || b.points < 0 || b.points > c.points) {
      return problem(422, lang, ['无法处理', `评分应在 0 到 ${c.points} 之间`], ['Unprocessable', `points must be between 0 and ${c.points}`], [zh(lang) ? `points: 不能超过 ${c.points}` : `points: at most ${c.points}`])
    }
    const s = { points: b.points, comment: (b.comment ?? '').trim(), updatedAt: NOW() }
    ;(state.scores[a.applicationId] ??= {})[c.code] = s
    return [200, { applicationId: a.applicationId, round: a.round, assessor: ASSESSOR, criterionCode: c.code, ...s }]
  }
  if ((m = /^\/applications\/([^/]+)\/scores\/submit$/.exec(rest)) && method === 'POST') {
    const a = find(m[1])
    if (!a) return problem(404, lang, ['未找到', '没有这份申报'], ['Not Found', 'no such application'])
    const mine = state.scores[a.applicationId] ?? {}
    const missing = criteria.filter((c) => !mine[c.code]).map((c) => c.code)
    if (missing.length) return problem(422, lang, ['无法处理', `尚未评分：${missing.join('、')}`], ['Unprocessable', `not scored yet: ${missing.join(', ')}`])
    a.submittedAt = NOW()
    return [200, { applicationId: a.applicationId, round: a.round, assessor: ASSESSOR, submittedAt: a.submittedAt,
      total: Object.values(mine).reduce((s, x) => s + x.points, 0) }]
  }
  if ((m = /^\/applications\/([^/]+)\/scoresheet$/.exec(rest)) && method === 'GET') {
    const a = find(m[1])
    if (!a?.submittedAt) return problem(403, lang, ['禁止访问', '请先提交本人的评分：评分汇总表会显示其他评审专家的分数'], ['Forbidden', "submit your own scores first: the scoresheet shows the other assessors' points"])
    const mine = state.scores[a.applicationId] ?? {}
    const others = ['expert-wang', 'expert-zhao']
    const lines = criteria.map((c, k) => {
      const pts = [mine[c.code]?.points ?? null, Math.max(0, c.points - 2 - k), Math.max(0, c.points - 1 - 3 * (k % 2))]
      const scored = pts.filter((p): p is number => p != null)
      const spread = Math.max(...scored) - Math.min(...scored)
      const needs = spread > 3
      const consensus = needs && k === 1 ? { points: c.points - 2, note: '合议后取中间值', by: 'admin-990113', at: '2026-10-21T03:00:00Z' } : null
      return { criterionCode: c.code, nameZh: c.nameZh, nameEn: c.nameEn, maxPoints: c.points,
        scores: [ASSESSOR, ...others].map((who, i) => ({ assessor: who, points: pts[i], comment: i === 0 ? mine[c.code]?.comment ?? null : '符合要求' })),
        spread, needsConsensus: needs, consensus,
        result: needs ? consensus?.points ?? null : Math.round(scored.reduce((s, p) => s + p, 0) / scored.length * 100) / 100 }
    })
    const complete = lines.every((l) => l.result != null)
    const final = complete ? lines.reduce((s, l) => s + (l.result ?? 0), 0) : null
    return [200, { applicationId: a.applicationId, status: a.applicationStatus, round: a.round, passMark: 80, fullMark: 100, consensusMargin: 3,
      assessors: [ASSESSOR, ...others].map((who) => ({ assessor: who, status: 'CLEARED', submittedAt: '2026-10-20T07:12:00Z' })),
      criteria: lines, totals: [ASSESSOR, ...others].map((who, i) => ({ assessor: who, total: lines.reduce((s, l) => s + (l.scores[i].points ?? 0), 0) })),
      finalScore: final, passed: final == null ? null : final >= 80,
      missing: complete ? [] : lines.filter((l) => l.result == null).map((l) => `${l.criterionCode}: ${zh(lang) ? '需要合议' : 'needs a consensus'}`) }]
  }
  return problem(404, lang, ['未找到', `没有 ${path}`], ['Not Found', `no ${path}`])
}
