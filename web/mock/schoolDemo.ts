// The school's demonstration endpoints for `GONGYU_MOCK=school-admin npm run dev:mock` (issue 13
// item 2): one programme in its window, one application in CREATING with drafts (and one of an
// earlier cycle whose timeline runs from applying to rectification), attachments kept
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
  statusHistory: [
    { version: 1, status: 'APPLIED', previousStatus: null, at: '2026-11-03T02:00:05Z', creationEndsOn: null, finalScore: null,
      titleValidUntil: null, rectificationDeadline: null, reason: null },
    { version: 2, status: 'CREATING', previousStatus: 'APPLIED', at: '2026-11-10T06:00:00Z', creationEndsOn: '2026-11-30', finalScore: null,
      titleValidUntil: null, rectificationDeadline: null, reason: '同意受理，进入创建期' },
  ] as Record<string, unknown>[],
}
/** An application of the earlier cycle with the county's whole path: titled, re-inspected, put to rectification. */
const APP_2023 = '5c0f1d9e-0000-4000-8000-00000000d000'
const step = (version: number, status: string, previousStatus: string | null, at: string, more: Record<string, unknown> = {}) => ({
  version, status, previousStatus, at, creationEndsOn: version > 1 ? '2024-03-31' : null, finalScore: null, titleValidUntil: null,
  rectificationDeadline: null, reason: null, ...more })
const earlier = {
  applicationId: APP_2023, schoolId: SCHOOL, programmeId: '990113-DEMO-2023', status: 'RECTIFYING', version: 7,
  appliedAt: '2023-03-06T02:00:00Z', statusAt: '2026-10-20T06:00:00Z', creationEndsOn: '2024-03-31', finalScore: 86.5,
  titleValidUntil: '2027-06-30', rectificationDeadline: '2026-12-31', reason: '家委会改选记录不全，限期补齐', selfEvaluationRound: 1,
  submittedRound: 1, baseline: [{ areaCode: 'A1', level: 2, note: null }], plan: '一校一案：建成家长学校',
  submissions: [{ round: 1, submittedAt: '2024-04-02T03:00:00Z', standardId: 'DEMO-SCHOOL', standardVersion: 1, selfTotal: 44 }],
  statusHistory: [
    step(1, 'APPLIED', null, '2023-03-06T02:00:05Z'),
    step(2, 'CREATING', 'APPLIED', '2023-03-20T01:30:00Z', { reason: '同意创建' }),
    step(3, 'SELF_EVALUATED', 'CREATING', '2024-04-02T03:00:10Z'),
    step(4, 'ASSESSING', 'SELF_EVALUATED', '2024-05-08T02:00:00Z'),
    step(5, 'TITLED', 'ASSESSING', '2024-07-01T08:00:00Z', { finalScore: 86.5, titleValidUntil: '2027-06-30', reason: '评审通过' }),
    step(6, 'REINSPECTING', 'TITLED', '2026-09-15T02:00:00Z', { finalScore: 86.5, titleValidUntil: '2027-06-30', reason: '2026 年秋季复查' }),
    step(7, 'RECTIFYING', 'REINSPECTING', '2026-10-20T06:00:00Z', { finalScore: 86.5, titleValidUntil: '2027-06-30',
      rectificationDeadline: '2026-12-31', reason: '家委会改选记录不全，限期补齐' }),
  ],
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
  if (r === 'programmes' && method === 'GET') {
    return [200, [PROGRAMME, { ...PROGRAMME, programmeId: '990113-DEMO-2023', name: '2023—2026 协同育人示范学校创建', startsOn: '2023-02-01',
      endsOn: '2026-01-31', applicationOpensOn: '2023-03-01', applicationDeadline: '2023-03-31', open: false, standardVersion: 1, version: 5,
      applicationId: APP_2023 }]]
  }
  if (r === 'applications' && method === 'GET') return [200, [application, earlier]]
  if (r === `applications/${APP}` && method === 'GET') return [200, application]
  if (r === `applications/${APP_2023}` && method === 'GET') return [200, earlier]
  if (r === `applications/${APP_2023}/self-evaluation` && method === 'GET') {
    const done = RUBRIC.areas.flatMap((a) => a.criteria).map((c, i) => ({ criterionCode: c.code, round: 1, selfScore: [9, 9, 8, 9, 9][i] ?? 8,
      narrative: '按标准逐项自查，材料齐全。', evidence: [{ title: '自查材料汇编', reference: `档案室 2024-03 第 ${i + 1} 卷` }],
      updatedAt: '2024-04-01T02:00:00Z' }))
    return [200, { applicationId: APP_2023, status: earlier.status, round: 1, editable: false, submittedRound: 1, items: done,
      missingCriteria: [], selfTotal: done.reduce((s, x) => s + x.selfScore, 0), fullMark: RUBRIC.fullMark }]
  }
  if (r === `applications/${APP_2023}/attachments` && method === 'GET') return [200, []]
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
    const at = new Date().toISOString()
    application.submittedRound = 1
    application.submissions = [{ round: 1, submittedAt: at, standardId: 'DEMO-SCHOOL', standardVersion: 2, selfTotal: 45 }]
    // the county's intake answers at once here: SELF_EVALUATED, a new step of the history
    application.status = 'SELF_EVALUATED'
    application.version += 1
    application.statusHistory.push({ version: application.version, status: 'SELF_EVALUATED', previousStatus: 'CREATING',
      at: new Date(Date.now() + 1000).toISOString(), creationEndsOn: '2026-11-30', finalScore: null, titleValidUntil: null,
      rectificationDeadline: null, reason: null })
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
