// The school's demonstration endpoints for `GONGYU_MOCK=school-admin npm run dev:mock` (issue 13
// item 2): one programme in its window, one application in CREATING with drafts, attachments kept
// in memory (a multipart upload is read just enough for its criterion and file name), and the
// school's figures. Never bundled.
const SCHOOL = '9901130001'
const APP = '5c0f1d9e-0000-4000-8000-00000000d001'
const area = (code: string, zh: string, en: string, crits: [string, string, string, number, string, string[]][]) => ({
  code, nameZh: zh, nameEn: en,
  criteria: crits.map(([c, z, e, points, evidenceRequired, indicatorCodes]) => ({ code: c, nameZh: z, nameEn: e, points, evidenceRequired, indicatorCodes })),
})
const RUBRIC = {
  titleZh: '家校社协同育人示范学校建设标准', titleEn: 'Demonstration-school standard', passMark: 80, fullMark: 100,
  areas: [
    area('A1', '家长学校建设', 'Parent school', [
      ['A1.1', '家长学校组织机构健全', 'Parent school organised', 10, '章程、校长任命文件', ['PARENT_SCHOOL_ESTABLISHED', 'HEAD_TRAINING']],
      ['A1.2', '集体授课与班级授课', 'Collective and class sessions', 10, '授课计划与签到表', ['COLLECTIVE_SESSIONS', 'CLASS_SESSIONS']],
    ]),
    area('A2', '数字家长学校', 'Digital parent school', [
      ['A2.1', '家长注册与学习', 'Registration and learning', 10, '平台统计截图', ['PLATFORM_REGISTRATION', 'PARENT_LEARNING_PER_CAPITA']],
    ]),
    area('A3', '家访与家长委员会', 'Home visits and committees', [
      ['A3.1', '家访全覆盖', 'Home visits', 10, '家访记录', ['HOME_VISIT_3Y', 'VISIT_FILES']],
      ['A3.2', '三级家委会', 'Committees at three levels', 10, '家委会名单与章程', ['COMMITTEE_COVERAGE']],
    ]),
  ],
}
const PROGRAMME = {
  programmeId: '990113-DEMO-2026', countyId: '990113', name: '2026—2029 协同育人示范学校创建', target: 100,
  startsOn: '2026-09-01', endsOn: '2029-08-31', applicationOpensOn: '2026-11-01', applicationDeadline: '2026-12-31', open: true,
  creationMonths: 12, titleValidityYears: 3, standardId: 'DEMO-SCHOOL', standardVersion: 2, version: 3, rubric: RUBRIC,
  applicationId: APP as string | null,
}
const application = {
  applicationId: APP, schoolId: SCHOOL, programmeId: PROGRAMME.programmeId, status: 'CREATING', version: 2,
  appliedAt: '2026-11-03T02:00:00Z', statusAt: '2026-11-10T06:00:00Z', creationEndsOn: '2026-11-30', finalScore: null,
  titleValidUntil: null, rectificationDeadline: null, reason: '同意受理，进入创建期', selfEvaluationRound: 1, submittedRound: 0,
  baseline: [{ areaCode: 'A1', level: 3, note: null }], plan: '一校一案：完善三级家委会', submissions: [] as unknown[],
}
const items = new Map<string, Record<string, unknown>>([
  ['A1.1', { criterionCode: 'A1.1', round: 1, selfScore: 9, narrative: '家长学校章程齐全，校长任校长。', evidence: [{ title: '家长学校章程', reference: '档案室 2026-01' }], updatedAt: '2026-11-20T02:00:00Z' }],
])
const attachments: Record<string, unknown>[] = [
  { id: 'a0000000-0000-4000-8000-000000000001', applicationId: APP, round: 1, criterionCode: 'A1.1', fileName: '家长学校章程.pdf',
    contentType: 'application/pdf', sizeBytes: 182_344, sha256: '—', uploadedAt: '2026-11-20T02:05:00Z',
    href: `/api/school/schools/${SCHOOL}/demonstration/applications/${APP}/attachments/a0000000-0000-4000-8000-000000000001` },
]
const FIGURES: [string, number, number][] = [
  ['PARENT_SCHOOL_ESTABLISHED', 1, 1], ['HEAD_TRAINING', 1, 1], ['COLLECTIVE_SESSIONS', 2, 1], ['CLASS_SESSIONS', 18, 24],
  ['PLATFORM_REGISTRATION', 412, 640], ['PARENT_LEARNING_PER_CAPITA', 1530, 412], ['HOME_VISIT_3Y', 588, 960],
  ['VISIT_FILES', 120, 131], ['COMMITTEE_COVERAGE', 1, 1],
]

function problem(status: number, lang: string, zh: string, en: string, errors: string[] = []): [number, unknown] {
  return [status, { type: 'about:blank', title: lang.startsWith('en') ? 'Refused' : '未通过', status, detail: lang.startsWith('en') ? en : zh, errors }]
}

function editable() {
  return ['CREATING', 'DEFERRED'].includes(application.status) && application.submittedRound < application.selfEvaluationRound
}

export function schoolDemoAnswer(method: string, path: string, body: unknown, raw: string, lang: string): [number, unknown] | null {
  const base = `/api/school/schools/${SCHOOL}/`
  if (!path.startsWith(base)) return null
  const rest = path.slice(base.length)
  const figures = /^indicators\/([^/]+)$/.exec(rest)
  if (figures && method === 'GET') {
    return [200, FIGURES.map(([code, n, d]) => ({ indicatorCode: code, periodId: decodeURIComponent(figures[1]), numerator: n, denominator: d,
      rate: d ? Math.round((n / d) * 10000) / 10000 : null, suppressed: false, version: 1, asOf: '2026-11-20T02:00:00Z' }))]
  }
  if (!rest.startsWith('demonstration/')) return null
  const r = rest.slice('demonstration/'.length)
  if (r === 'programmes' && method === 'GET') return [200, [PROGRAMME]]
  if (r === 'applications' && method === 'GET') return [200, [application]]
  if (r === `applications/${APP}` && method === 'GET') return [200, application]
  const self = `applications/${APP}/self-evaluation`
  if (r === self && method === 'GET') {
    const codes = RUBRIC.areas.flatMap((a) => a.criteria.map((c) => c.code))
    const list = codes.filter((c) => items.has(c)).map((c) => items.get(c))
    return [200, { applicationId: APP, status: application.status, round: application.selfEvaluationRound, editable: editable(),
      submittedRound: application.submittedRound, items: list, missingCriteria: codes.filter((c) => !items.has(c)),
      selfTotal: list.reduce((s, i) => s + Number(i?.selfScore ?? 0), 0), fullMark: RUBRIC.fullMark }]
  }
  if (r.startsWith(`${self}/items/`) && method === 'PUT') {
    const code = decodeURIComponent(r.slice(`${self}/items/`.length))
    const b = (body ?? {}) as { selfScore?: number; narrative?: string; evidence?: unknown[] }
    if (!editable()) return problem(409, lang, '本轮自评已提交，已冻结', 'the round is submitted and frozen')
    if (/1[3-9]\d{9}/.test(JSON.stringify(b))) {
      return problem(422, lang, '未保存：含有手机号码', 'not stored: contains a mobile phone number',
        [`items.${code}.narrative: ${lang.startsWith('en') ? 'contains a mobile phone number' : '含有手机号码'}`])
    }
    const item = { criterionCode: code, round: 1, selfScore: b.selfScore, narrative: b.narrative, evidence: b.evidence ?? [], updatedAt: new Date().toISOString() }
    items.set(code, item)
    return [200, item]
  }
  if (r === `${self}/submit` && method === 'POST') {
    if (items.size < RUBRIC.areas.flatMap((a) => a.criteria).length) return problem(422, lang, '尚有评价要点未填写', 'criteria missing')
    application.submittedRound = 1
    application.submissions = [{ round: 1, submittedAt: new Date().toISOString(), standardId: 'DEMO-SCHOOL', standardVersion: 2, selfTotal: 45 }]
    return [200, { round: 1, submittedAt: new Date().toISOString(), selfTotal: 45 }]
  }
  const files = `applications/${APP}/attachments`
  if (r === files && method === 'GET') return [200, attachments]
  if (r === files && method === 'POST') {
    if (!editable()) return problem(409, lang, '自评已提交，佐证材料已冻结', 'frozen')
    const name = /filename="([^"]*)"/.exec(raw)?.[1] ?? 'file.pdf'
    const criterion = /name="criterionCode"\r?\n\r?\n([^\r\n]*)/.exec(raw)?.[1] ?? 'A1.1'
    if (!/\.(pdf|jpe?g|png)$/i.test(name)) return problem(415, lang, '仅接受 PDF、JPEG 和 PNG 文件', 'Only PDF, JPEG and PNG files are accepted')
    const id = `a0000000-0000-4000-8000-${String(attachments.length + 1).padStart(12, '0')}`
    const a = { id, applicationId: APP, round: 1, criterionCode: criterion, fileName: name, contentType: 'application/pdf',
      sizeBytes: raw.length, sha256: '—', uploadedAt: new Date().toISOString(), href: `${base}demonstration/${files}/${id}` }
    attachments.push(a)
    return [201, a]
  }
  if (r.startsWith(`${files}/`) && method === 'DELETE') {
    const i = attachments.findIndex((a) => a.id === r.slice(files.length + 1))
    if (i < 0) return problem(404, lang, '没有该附件', 'no such attachment')
    if (!editable()) return problem(409, lang, '自评已提交，佐证材料已冻结', 'frozen')
    attachments.splice(i, 1)
    return [204, null]
  }
  return null
}
