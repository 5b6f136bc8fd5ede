// Excel import for the dev mock (issue 14 item 3): school 9901130001's record families
// (GONGYU_MOCK=school-admin) and county 990113's registry and its schools' classes (GONGYU_MOCK=county-admin). Jobs live in
// memory and move with the clock: queued for a second (rows counted on upload), then done over about
// five seconds. What the upload's file name contains decides the story:
//   not .xlsx → 415; "big" → 413; "old"/"旧" → 422 (template version); "encrypted"/"加密" → 422;
//   "error"/"错误" → done with refused rows and an error workbook; "fail"/"失败" → FAILED;
//   the same file name and family again → nothing applied, everything unchanged (idempotence).
// Downloads (templates, error workbooks) are a few bytes with an xlsx content type. Never bundled.

const SCHOOL = '9901130001'
const COUNTY = '990113'

type Col = [key: string, zh: string, en: string, type: string, required: boolean]
const tpl = (family: string, zh: string, en: string, version: number, cols: Col[]) => ({
  family, titleZh: zh, titleEn: en, templateVersion: version,
  columns: cols.map(([key, headerZh, headerEn, type, required]) => ({ key, headerZh, headerEn, type, required })),
})

const SCHOOL_TEMPLATES = [
  { ...tpl('classes', '班级及在籍人数', 'Classes and enrolment', 1, [
    ['classId', '班级编号', 'Class id', 'TEXT', true], ['schoolYear', '学年', 'School year', 'TEXT', true],
    ['grade', '年级', 'Grade', 'INTEGER', true], ['name', '班级名称', 'Name', 'TEXT', true],
    ['enrolment', '在籍人数', 'Enrolment', 'INTEGER', true], ['reason', '更正原因', 'Reason', 'TEXT', false]]), adminsOnly: true },
  tpl('parent-school-sessions', '家长学校授课', 'Parent-school sessions', 1, [
    ['sessionId', '授课编号', 'Session id', 'TEXT', true], ['date', '日期', 'Date', 'DATE', true],
    ['level', '授课范围', 'Scope', 'ENUM', true], ['classId', '班级编号', 'Class id', 'TEXT', false],
    ['topic', '主题', 'Topic', 'TEXT', true], ['attendance', '参加家长数', 'Parents attending', 'INTEGER', true]]),
  tpl('home-contacts', '家校联系与家访', 'Home contacts and visits', 1, [
    ['externalId', '记录编号', 'Record id', 'TEXT', true], ['date', '日期', 'Date', 'DATE', true],
    ['classId', '班级编号', 'Class id', 'TEXT', true], ['studentRef', '学生编号', 'Student ref', 'TEXT', true],
    ['mode', '方式', 'Mode', 'ENUM', true]]),
  tpl('six-ones', '"六个一"活动', '"Six ones" activities', 1, [
    ['externalId', '记录编号', 'Record id', 'TEXT', true], ['date', '日期', 'Date', 'DATE', true],
    ['activity', '活动', 'Activity', 'ENUM', true], ['studentRef', '学生编号', 'Student ref', 'TEXT', true]]),
  tpl('platform-registrations', '数字家长学校注册', 'Platform registrations', 1, [
    ['externalId', '注册编号', 'Registration id', 'TEXT', true], ['registeredAt', '注册时间', 'Registered at', 'DATETIME', true],
    ['classId', '班级编号', 'Class id', 'TEXT', true], ['studentRef', '学生编号', 'Student ref', 'TEXT', true]]),
]
const COUNTY_SCHOOL_TEMPLATES = [
  tpl('classes', '各校班级及在籍人数', "Classes and enrolment of the county's schools", 1, [
    ['schoolId', '学校编号', 'School id', 'TEXT', true], ['classId', '班级编号', 'Class id', 'TEXT', true],
    ['schoolYear', '学年', 'School year', 'TEXT', true], ['grade', '年级', 'Grade', 'INTEGER', true],
    ['name', '班级名称', 'Name', 'TEXT', true], ['enrolment', '在籍人数', 'Enrolment', 'INTEGER', true],
    ['reason', '更正原因', 'Reason', 'TEXT', false]]),
]
const COUNTY_TEMPLATES = [
  tpl('xuequ', '学区', 'School districts (学区)', 1, [
    ['xuequId', '学区代码', '学区 code', 'TEXT', true], ['name', '学区名称', 'Name', 'TEXT', true]]),
  tpl('schools', '学校名录', 'School registry', 2, [
    ['schoolId', '学校代码', 'School code', 'TEXT', true], ['name', '学校名称', 'Name', 'TEXT', true],
    ['xuequId', '学区代码', '学区 code', 'TEXT', false], ['schoolType', '学校类型', 'School type', 'ENUM', true]]),
]

interface Job {
  jobId: string; family: string; fileName: string; status: string; rowsTotal: number | null; rowsDone: number
  read: number; applied: number; refused: number; unchanged: number; hasErrorWorkbook: boolean
  problem: { title: string; detail: string } | null; createdAt: string; finishedAt: string | null; expiresAt: string
}
/** how the job will end, decided on upload; the clock moves it there */
interface Plan { lang: string; startedAt: number; rows: number; refused: number; repeat: boolean; fail: boolean; cancelledAt?: number }

const DAY = 86_400_000
const iso = (t: number) => new Date(t).toISOString()
const now0 = Date.now()
let seq = 0
const nextId = () => `0c6f7a52-0000-4000-8000-${String(++seq).padStart(12, '0')}`

function finished(over: Partial<Job> & Pick<Job, 'family' | 'fileName' | 'status'>, ago: number): [Job, Plan | null] {
  const at = now0 - ago
  return [{ jobId: nextId(), rowsTotal: 0, rowsDone: 0, read: 0, applied: 0, refused: 0, unchanged: 0, hasErrorWorkbook: false,
    problem: null, createdAt: iso(at), finishedAt: iso(at + 6000), expiresAt: iso(at + 7 * DAY), ...over }, null]
}

const stores: Record<string, { templates: (ReturnType<typeof tpl> & { adminsOnly?: boolean })[]; jobs: [Job, Plan | null][] }> = {
  [`/api/school/schools/${SCHOOL}/imports`]: {
    templates: SCHOOL_TEMPLATES,
    jobs: [
      finished({ family: 'parent-school-sessions', fileName: '2026秋季家长学校授课.xlsx', status: 'DONE', rowsTotal: 1286, rowsDone: 1286,
        read: 1286, applied: 1249, refused: 37, unchanged: 0, hasErrorWorkbook: true }, 3 * 3600_000),
      finished({ family: 'home-contacts', fileName: '家访记录-十月.xlsx', status: 'DONE', rowsTotal: 412, rowsDone: 412,
        read: 412, applied: 0, refused: 0, unchanged: 412 }, DAY + 2 * 3600_000),
      finished({ family: 'classes', fileName: '班级名单.xlsx', status: 'FAILED', rowsTotal: 20, rowsDone: 7, read: 7, problem: {
        title: '导入中断', detail: '第 8 行之后的工作表无法读取：文件已损坏。' } }, 2 * DAY),
      finished({ family: 'platform-registrations', fileName: '平台注册-旧导出.xlsx', status: 'DONE', rowsTotal: 15020, rowsDone: 15020,
        read: 15020, applied: 15003, refused: 17, unchanged: 0, hasErrorWorkbook: true, expiresAt: iso(now0 - DAY) }, 9 * DAY),
    ],
  },
  [`/api/school/counties/${COUNTY}/imports`]: {
    templates: COUNTY_SCHOOL_TEMPLATES,
    jobs: [
      finished({ family: 'classes', fileName: '2026学年各校班级.xlsx', status: 'DONE', rowsTotal: 1_204, rowsDone: 1_204,
        read: 1_204, applied: 1_198, refused: 6, unchanged: 0, hasErrorWorkbook: true }, 26 * 3600_000),
    ],
  },
  [`/api/district/counties/${COUNTY}/imports`]: {
    templates: COUNTY_TEMPLATES,
    jobs: [
      finished({ family: 'schools', fileName: '西湖区学校名录2026.xlsx', status: 'DONE', rowsTotal: 64, rowsDone: 64,
        read: 64, applied: 61, refused: 3, unchanged: 0, hasErrorWorkbook: true }, 5 * 3600_000),
    ],
  },
}

/** The job as the clock has moved it: a second queued, then about five seconds of rows. */
function advance([job, plan]: [Job, Plan | null], t = Date.now()): Job {
  if (!plan || ['DONE', 'FAILED', 'CANCELLED'].includes(job.status)) return job
  const end = plan.cancelledAt ?? t
  const elapsed = end - plan.startedAt
  if (elapsed < 1000) {
    if (plan.cancelledAt) Object.assign(job, { status: 'CANCELLED', finishedAt: iso(end) })
    return job
  }
  const share = Math.min(1, (elapsed - 1000) / 5000)
  const done = Math.floor(plan.rows * share)
  const refused = Math.floor(plan.refused * share)
  const fresh = done - refused
  Object.assign(job, {
    status: 'RUNNING', rowsTotal: plan.rows, rowsDone: done, read: done, refused,
    applied: plan.repeat ? 0 : fresh, unchanged: plan.repeat ? fresh : 0,
  })
  if (plan.fail && share >= 0.4) {
    Object.assign(job, { status: 'FAILED', finishedAt: iso(end), problem: plan.lang.startsWith('en')
      ? { title: 'Import failed', detail: `The sheet cannot be read beyond row ${done + 2}: its layout differs from the template.` }
      : { title: '导入失败', detail: `第 ${done + 2} 行之后无法继续读取：工作表结构与模板不符。` } })
  } else if (plan.cancelledAt) {
    Object.assign(job, { status: 'CANCELLED', finishedAt: iso(end), hasErrorWorkbook: refused > 0 })
  } else if (share >= 1) {
    Object.assign(job, { status: 'DONE', finishedAt: iso(end), hasErrorWorkbook: refused > 0 })
  }
  return job
}

export interface MockAnswer { status: number; json?: unknown; file?: { name: string; bytes: Buffer } }

function problem(status: number, lang: string, zh: [string, string], en: [string, string], errors: string[] = []): MockAnswer {
  const [title, detail] = lang.startsWith('en') ? en : zh
  return { status, json: { type: 'about:blank', title, status, detail, errors } }
}

const XLSX_BYTES = (what: string) => Buffer.from(`mock ${what}: the dev mock serves no real workbook\n`)

/** An answer for `{base}/imports/...` of the mock's school or county, or null for anything else. */
export function importsAnswer(method: string, path: string, query: URLSearchParams, raw: string, lang: string): MockAnswer | null {
  const base = Object.keys(stores).find((b) => path === b || path.startsWith(b + '/'))
  if (!base) return null
  const store = stores[base]
  const rest = path.slice(base.length + 1)
  let m: RegExpExecArray | null
  if (rest === 'templates' && method === 'GET') return { status: 200, json: store.templates }
  if ((m = /^templates\/([^/]+)\.xlsx$/.exec(rest)) && method === 'GET') {
    const t = store.templates.find((x) => x.family === decodeURIComponent(m![1]))
    if (!t) return problem(404, lang, ['未找到', '没有该模板'], ['Not found', 'no such template'])
    const en = query.get('lang') === 'en'
    return { status: 200, file: { name: `${en ? t.titleEn : t.titleZh}-v${t.templateVersion}.xlsx`, bytes: XLSX_BYTES(`template ${t.family}`) } }
  }
  if (rest === 'jobs' && method === 'GET') {
    return { status: 200, json: store.jobs.map((x) => advance(x)).sort((a, b) => b.createdAt.localeCompare(a.createdAt)) }
  }
  const entry = (id: string) => store.jobs.find(([j]) => j.jobId === decodeURIComponent(id))
  if ((m = /^jobs\/([^/]+)$/.exec(rest)) && method === 'GET') {
    const x = entry(m[1])
    return x ? { status: 200, json: advance(x) } : problem(404, lang, ['未找到', '没有该导入任务'], ['Not found', 'no such import job'])
  }
  if ((m = /^jobs\/([^/]+)\/cancellation$/.exec(rest)) && method === 'POST') {
    const x = entry(m[1])
    if (!x) return problem(404, lang, ['未找到', '没有该导入任务'], ['Not found', 'no such import job'])
    const job = advance(x)
    if (['DONE', 'FAILED', 'CANCELLED'].includes(job.status)) {
      return problem(409, lang, ['导入已结束', '该导入任务已经结束，不能再取消。'], ['Import finished', 'The import job has already finished and cannot be cancelled.'])
    }
    x[1]!.cancelledAt = Date.now()
    return { status: 200, json: advance(x) }
  }
  if ((m = /^jobs\/([^/]+)\/errors\.xlsx$/.exec(rest)) && method === 'GET') {
    const x = entry(m[1])
    if (!x || !x[0].hasErrorWorkbook) return problem(404, lang, ['未找到', '该导入没有错误工作簿'], ['Not found', 'this import has no error workbook'])
    return { status: 200, file: { name: `错误说明-${x[0].fileName}`, bytes: XLSX_BYTES('error workbook') } }
  }
  if ((m = /^([^/]+)$/.exec(rest)) && method === 'POST' && m[1] !== 'templates' && m[1] !== 'jobs') {
    const family = decodeURIComponent(m[1])
    const t = store.templates.find((x) => x.family === family)
    if (!t) return problem(404, lang, ['未找到', `没有 ${family} 的导入模板`], ['Not found', `no import template for ${family}`])
    const name = /filename="([^"]*)"/.exec(raw)?.[1] ?? 'upload.xlsx'
    if (!/\.xlsx$/i.test(name)) {
      return problem(415, lang, ['不支持的文件类型', `“${name}”不是 Excel 工作簿（.xlsx）；请使用本页下载的模板。`],
        ['Unsupported file type', `“${name}” is not an Excel workbook (.xlsx); use the template from this page.`])
    }
    if (/big/i.test(name)) {
      return problem(413, lang, ['文件过大', '上传的文件超过 20 MB 的上限，请拆分后分批上传。'],
        ['File too large', 'The file is larger than the 20 MB limit; split it and upload the parts.'])
    }
    if (/old|旧/i.test(name)) {
      return problem(422, lang, ['模板版本不符', `该文件由旧版模板制作，当前为第 ${t.templateVersion} 版；请下载新模板后重新填写。`],
        ['Wrong template version', `The file was made from an older template; the current version is ${t.templateVersion}. Download the new template and fill it in again.`])
    }
    if (/encrypted|加密/i.test(name)) {
      return problem(422, lang, ['无法读取文件', '工作簿已加密或设有打开密码，请取消密码后重新上传。'],
        ['Cannot read the file', 'The workbook is encrypted or password-protected; remove the password and upload it again.'])
    }
    const t0 = Date.now()
    const repeat = store.jobs.some(([j]) => j.fileName === name && j.family === family && j.status === 'DONE')
    const errorsToo = /error|错误/i.test(name)
    const rows = errorsToo ? 2480 : 1200
    // like the services, the rows are counted when the file is accepted
    const job: Job = { jobId: nextId(), family, fileName: name, status: 'QUEUED', rowsTotal: rows, rowsDone: 0, read: 0, applied: 0,
      refused: 0, unchanged: 0, hasErrorWorkbook: false, problem: null, createdAt: iso(t0), finishedAt: null, expiresAt: iso(t0 + 7 * DAY) }
    store.jobs.unshift([job, { lang, startedAt: t0, rows, refused: errorsToo ? 126 : 0, repeat, fail: /fail|失败/i.test(name) }])
    return { status: 202, json: job }
  }
  return null
}
