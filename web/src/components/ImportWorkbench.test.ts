import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import { ApiError } from '@/api/client'
import type { ImportJob, ImportTemplate } from '@/api/imports'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'

const mocks = vi.hoisted(() => ({
  templates: vi.fn(), upload: vi.fn(), jobs: vi.fn(), job: vi.fn(), cancel: vi.fn(), bases: [] as string[],
}))
vi.mock('@/api/imports', async (original) => {
  const real = await original<typeof import('@/api/imports')>()
  return {
    ...real,
    importsClient: (base: string) => {
      mocks.bases.push(base)
      const { templates, upload, jobs, job, cancel } = mocks
      return { ...real.importsClient(base), templates, upload, jobs, job, cancel }
    },
  }
})

import ImportWorkbench from './ImportWorkbench.vue'
import ImportsView from '@/views/ImportsView.vue'

const SCHOOL = '9901130001'
const BASE = `/api/school/schools/${SCHOOL}/imports`

const TEMPLATES: ImportTemplate[] = [
  { family: 'classes', titleZh: '班级与在籍人数', titleEn: 'Classes and enrolment', templateVersion: 1, columns: [
    { key: 'name', headerZh: '班级名称', headerEn: 'Class name', type: 'TEXT', required: true },
  ] },
  { family: 'sessions', titleZh: '家长学校授课', titleEn: 'Parent-school sessions', templateVersion: 2, columns: [
    { key: 'date', headerZh: '日期', headerEn: 'Date', type: 'DATE', required: true },
    { key: 'className', headerZh: '班级', headerEn: 'Class', type: 'TEXT', required: false },
    { key: 'odd', headerZh: '奇怪', headerEn: 'Odd', type: 'GEOMETRY', required: false },
  ] },
]

function job(over: Partial<ImportJob> = {}): ImportJob {
  return {
    jobId: 'job-1', family: 'sessions', fileName: '授课记录.xlsx', status: 'QUEUED', rowsTotal: null, rowsDone: 0, read: 0,
    applied: 0, refused: 0, unchanged: 0, hasErrorWorkbook: false, problem: null, createdAt: '2026-12-04T08:00:00Z',
    finishedAt: null, expiresAt: '2099-12-11T08:00:00Z', ...over,
  }
}
const DONE = job({ status: 'DONE', rowsTotal: 12_345, rowsDone: 12_345, read: 12_345, applied: 12_000, refused: 300, unchanged: 45,
  hasErrorWorkbook: true, finishedAt: '2026-12-04T08:00:09Z' })

/** One polling period (the page asks about every second; the tests' clock is fake). */
async function second() {
  await vi.advanceTimersByTimeAsync(1000)
  await flushPromises()
}

/** mounted pages poll: each test unmounts its own, so none asks the next test's mocks */
const mounted: { unmount: () => void }[] = []
beforeEach(() => {
  // setTimeout only: flushPromises (setImmediate) and the rest keep the real clock
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  vi.setSystemTime(new Date('2026-12-04T09:00:00Z'))
})
afterEach(() => {
  for (const w of mounted.splice(0)) w.unmount()
  vi.useRealTimers()
})

async function mountBench(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const w = mountWith(ImportWorkbench, { props: { base: BASE }, lang })
  mounted.push(w)
  await flushPromises()
  return w
}

async function drop(w: ReturnType<typeof mountWith>, name = '授课记录.xlsx') {
  const input = w.get('[data-testid="import-upload"] input[type=file]')
  const file = new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await flushPromises()
  return file
}

describe('the Excel import page', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    mocks.bases.length = 0
    mocks.templates.mockResolvedValue(TEMPLATES)
    mocks.jobs.mockResolvedValue([])
  })

  it('lists the templates in Chinese, with their columns and the template links in both languages', async () => {
    const w = await mountBench('zh-CN')
    expect(mocks.bases).toContain(BASE)
    const radios = w.findAll('[data-testid^="import-family-"]')
    expect(radios.map((r) => r.text())).toEqual(['班级与在籍人数', '家长学校授课'])
    // the first family is chosen; choosing another shows its template
    expect(w.get('[data-testid="import-template"]').attributes('data-family')).toBe('classes')
    await w.get('[data-testid="import-family-sessions"] input').setValue(true)
    expect(w.get('[data-testid="import-template-title"]').text()).toBe('家长学校授课')
    expect(w.get('[data-testid="import-template-version"]').text()).toBe('模板版本 2')
    expect(w.get('[data-testid="import-column-date"]').text()).toContain('日期')
    expect(w.get('[data-testid="import-column-date"]').text()).toContain('必填')
    expect(w.get('[data-testid="import-column-className"]').text()).toContain('选填')
    expect(w.get('[data-testid="import-column-odd"]').text()).toContain('GEOMETRY')
    expect(w.get('[data-testid="import-template-zh"]').attributes('href')).toBe(`${BASE}/templates/sessions.xlsx?lang=zh-CN`)
    expect(w.get('[data-testid="import-template-en"]').attributes('href')).toBe(`${BASE}/templates/sessions.xlsx?lang=en`)
    expect(w.get('[data-testid="import-template-zh"]').attributes('download')).toBeDefined()
    expect(w.get('[data-testid="import-policy"]').text()).toContain('错误说明')
    expect(w.get('[data-testid="import-policy"]').text()).toContain('同一文件重复上传不会重复录入')
  })

  it('lists the templates in English when the page is in English', async () => {
    const w = await mountBench('en')
    expect(w.findAll('[data-testid^="import-family-"]').map((r) => r.text())).toEqual(['Classes and enrolment', 'Parent-school sessions'])
    await w.get('[data-testid="import-family-sessions"] input').setValue(true)
    expect(w.get('[data-testid="import-template-version"]').text()).toBe('Template version 2')
    expect(w.get('[data-testid="import-column-date"]').text()).toContain('Date')
    expect(w.get('[data-testid="import-column-date"]').text()).toContain('Required')
    expect(w.get('[data-testid="import-template-en"]').text()).toBe('⤓ Download the English template')
    expect(w.get('[data-testid="import-policy"]').text()).toContain('Uploading the same file twice changes nothing')
  })

  it('uploads the file with its progress, then follows the job to its summary and reloads the recent jobs', async () => {
    let finishUpload!: (j: ImportJob) => void
    mocks.upload.mockImplementation((_f: string, _file: File, _l: string, onProgress: (p: number) => void) => {
      onProgress(40)
      return new Promise<ImportJob>((resolve) => (finishUpload = resolve))
    })
    const w = await mountBench()
    await w.get('[data-testid="import-family-sessions"] input').setValue(true)
    const file = await drop(w)
    expect(mocks.upload).toHaveBeenCalledWith('sessions', file, 'zh-CN', expect.any(Function))
    expect(w.get('[data-testid="import-upload-progress"]').text()).toContain('正在上传 授课记录.xlsx')
    expect(w.get('[data-testid="import-upload-progress"] [role="progressbar"]').attributes('aria-valuenow')).toBe('40')

    const queued = job({ rowsTotal: 12_345 })
    mocks.job.mockResolvedValueOnce(job({ status: 'RUNNING', rowsTotal: null, rowsDone: 0 }))
      .mockResolvedValueOnce(job({ status: 'RUNNING', rowsTotal: 12_345, rowsDone: 6_200, read: 6_200 }))
      .mockResolvedValue(DONE)
    // the last poll answers DONE: the list is asked again
    mocks.jobs.mockResolvedValue([DONE])
    finishUpload(queued)
    await flushPromises()
    expect(w.find('[data-testid="import-upload-progress"]').exists()).toBe(false)
    expect(w.get('[data-testid="import-current"]').attributes('data-status')).toBe('QUEUED')
    expect(w.get('[data-testid="import-rows"]').text()).toBe('排队等待处理（共 12,345 行）…')
    expect(w.find('[data-testid="import-cancel"]').exists()).toBe(true)
    // the upload is locked while the job runs
    expect(w.get('[data-testid="import-upload-hint"]').text()).toContain('当前导入完成或取消后')

    await second()
    expect(mocks.job).toHaveBeenCalledWith('job-1')
    expect(w.get('[data-testid="import-rows"]').text()).toBe('已处理 0 行，正在统计总行数')
    expect(w.get('[data-testid="import-progress"]').attributes('data-percent')).toBe('')
    await second()
    expect(w.get('[data-testid="import-rows"]').text()).toBe('已处理 6,200 / 12,345 行')
    expect(w.get('[data-testid="import-progress"]').attributes('data-percent')).toBe('50')
    await second()
    expect(w.get('[data-testid="import-current"]').attributes('data-status')).toBe('DONE')
    expect(mocks.job).toHaveBeenCalledTimes(3)
    expect(w.get('[data-testid="import-progress"]').attributes('data-percent')).toBe('100')
    expect(w.get('[data-testid="import-rows"]').text()).toBe('已处理 12,345 / 12,345 行')
    expect(w.get('[data-testid="import-read"]').text()).toBe('读取12,345 行')
    expect(w.get('[data-testid="import-applied"]').text()).toBe('应用12,000 行')
    expect(w.get('[data-testid="import-refused"]').text()).toBe('拒绝300 行')
    expect(w.get('[data-testid="import-unchanged"]').text()).toBe('未变更45 行')
    expect(w.get('[data-testid="import-job-status"]').text()).toBe('已完成')
    expect(w.find('[data-testid="import-cancel"]').exists()).toBe(false)
    expect(w.get('[data-testid="import-live"]').text()).toBe('已完成：已处理 12,345 / 12,345 行')
    expect(mocks.jobs).toHaveBeenCalledTimes(2)
    expect(w.findAll('.import-job').map((r) => r.attributes('data-status'))).toEqual(['DONE'])
  })

  it('shows the progress of rows done of the total while the job runs, for people and screen readers', async () => {
    mocks.jobs.mockResolvedValue([job({ status: 'RUNNING', rowsTotal: 2_480, rowsDone: 1_031 })])
    mocks.job.mockReturnValue(new Promise(() => {}))
    const w = await mountBench()
    // an import still running when the page opens is followed
    expect(w.get('[data-testid="import-current"]').attributes('data-status')).toBe('RUNNING')
    const bar = w.get('[data-testid="import-progress"]')
    expect(bar.attributes('data-percent')).toBe('41')
    expect(bar.attributes('role')).toBe('progressbar')
    expect(bar.attributes('aria-label')).toBe('导入进度')
    expect(bar.attributes('aria-valuetext')).toBe('已处理 1,031 / 2,480 行')
    expect(w.get('[data-testid="import-live"]').attributes('aria-live')).toBe('polite')
    expect(w.get('[data-testid="import-live"]').text()).toBe('导入中：40%')
  })

  it('shows a refused file as a problem with its title, detail and errors, and starts no job', async () => {
    mocks.upload.mockRejectedValue(new ApiError(422, '模板版本不符', '该文件由第 1 版模板制作，当前为第 2 版。',
      [{ field: 'templateVersion', message: '应为 2' }]))
    const w = await mountBench()
    await drop(w, '旧模板.xlsx')
    const problem = w.get('[data-testid="import-refusal"]')
    expect(problem.attributes('role')).toBe('alert')
    expect(problem.text()).toContain('文件未被接受：旧模板.xlsx')
    expect(problem.text()).toContain('模板版本不符')
    expect(problem.text()).toContain('该文件由第 1 版模板制作，当前为第 2 版。')
    expect(problem.text()).toContain('templateVersion: 应为 2')
    expect(w.get('[data-testid="import-current"]').attributes('data-status')).toBe('')
    expect(mocks.job).not.toHaveBeenCalled()

    // the next file clears it
    mocks.upload.mockRejectedValue(new ApiError(415, '不支持的文件类型', '“记录.csv”不是 Excel 工作簿（.xlsx）。', []))
    await drop(w, '记录.csv')
    expect(w.get('[data-testid="import-refusal"]').text()).toContain('不支持的文件类型')
    expect(w.get('[data-testid="import-refusal"]').text()).not.toContain('模板版本不符')
  })

  it('says the file is too large when something in front of the service refuses it without a problem', async () => {
    mocks.upload.mockRejectedValue(new ApiError(413, 'Payload Too Large', null, []))
    const w = await mountBench()
    await drop(w, '全年记录.xlsx')
    expect(w.get('[data-testid="import-refusal-title"]').text()).toBe('文件过大，未被接受；请拆分后分批上传。')
  })

  it('shows why a job failed', async () => {
    mocks.jobs.mockResolvedValue([job({ status: 'FAILED', rowsTotal: 20, rowsDone: 7, read: 7, applied: 7, finishedAt: '2026-12-04T08:01:00Z',
      problem: { title: '导入中断', detail: '第 8 行之后无法读取。' } })])
    const w = await mountBench()
    await w.get('[data-testid="import-follow"]').trigger('click')
    const problem = w.get('[data-testid="import-job-problem"]')
    expect(problem.text()).toContain('导入失败')
    expect(problem.text()).toContain('导入中断')
    expect(problem.text()).toContain('第 8 行之后无法读取。')
    expect(w.get('[data-testid="import-applied"]').text()).toBe('应用7 行')
  })

  it('cancels the running job and stops asking for it', async () => {
    mocks.jobs.mockResolvedValue([job({ status: 'RUNNING', rowsTotal: 1000, rowsDone: 100 })])
    mocks.job.mockResolvedValue(job({ status: 'RUNNING', rowsTotal: 1000, rowsDone: 200, read: 200, applied: 200 }))
    mocks.cancel.mockResolvedValue(job({ status: 'CANCELLED', rowsTotal: 1000, rowsDone: 200, read: 200, applied: 200,
      finishedAt: '2026-12-04T08:00:05Z' }))
    const w = await mountBench()
    await second()
    expect(w.get('[data-testid="import-rows"]').text()).toBe('已处理 200 / 1,000 行')
    await w.get('[data-testid="import-cancel"]').trigger('click')
    await flushPromises()
    expect(mocks.cancel).toHaveBeenCalledWith('job-1')
    expect(w.get('[data-testid="import-current"]').attributes('data-status')).toBe('CANCELLED')
    expect(w.get('[data-testid="import-job-status"]').text()).toBe('已取消')
    expect(w.get('[data-testid="import-cancelled"]').text()).toContain('导入已取消')
    expect(w.get('[data-testid="import-applied"]').text()).toBe('应用200 行')
    expect(w.find('[data-testid="import-cancel"]').exists()).toBe(false)
    const asked = mocks.job.mock.calls.length
    await second()
    await second()
    expect(mocks.job.mock.calls.length).toBe(asked)
  })

  it('keeps following a job whose cancellation was accepted until it has stopped', async () => {
    mocks.jobs.mockResolvedValue([job({ status: 'RUNNING', rowsTotal: 1000, rowsDone: 100 })])
    mocks.cancel.mockResolvedValue(job({ status: 'RUNNING', rowsTotal: 1000, rowsDone: 150 }))
    mocks.job.mockResolvedValue(job({ status: 'CANCELLED', rowsTotal: 1000, rowsDone: 180, read: 180, applied: 170, refused: 10,
      hasErrorWorkbook: true, finishedAt: '2026-12-04T08:00:05Z' }))
    const w = await mountBench()
    await w.get('[data-testid="import-cancel"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="import-cancel"]').text()).toBe('正在取消…')
    expect(mocks.job).not.toHaveBeenCalled()
    await second()
    expect(w.get('[data-testid="import-current"]').attributes('data-status')).toBe('CANCELLED')
    expect(w.get('[data-testid="import-refused"]').text()).toBe('拒绝10 行')
    expect(w.get('[data-testid="import-error-workbook"]').attributes('href')).toBe(`${BASE}/jobs/job-1/errors.xlsx`)
  })

  it('says so when the job finished before the cancellation arrived (409), and shows how it ended', async () => {
    mocks.jobs.mockResolvedValue([job({ status: 'RUNNING', rowsTotal: 10, rowsDone: 9 })])
    mocks.job.mockResolvedValue({ ...DONE, rowsTotal: 10, rowsDone: 10, read: 10, applied: 10, refused: 0,
      unchanged: 0, hasErrorWorkbook: false })
    mocks.cancel.mockRejectedValue(new ApiError(409, '导入已结束', '该导入任务已经结束，不能再取消。', []))
    const w = await mountBench()
    await w.get('[data-testid="import-cancel"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="import-refusal"]').text()).toContain('该导入任务已经结束，不能再取消。')
    expect(w.get('[data-testid="import-current"]').attributes('data-status')).toBe('DONE')
    expect(w.get('[data-testid="import-no-refused"]').text()).toBe('没有被拒绝的行。')
  })

  it('links the error workbook of a finished job, on the summary and in the recent jobs, until it expires', async () => {
    const old = job({ ...DONE, jobId: 'job-0', fileName: '旧.xlsx', expiresAt: '2020-01-01T00:00:00Z' })
    mocks.jobs.mockResolvedValue([DONE, job({ jobId: 'job-2', status: 'DONE', read: 5, applied: 5, rowsTotal: 5, rowsDone: 5 }), old])
    const w = await mountBench()
    const rows = w.findAll('.import-job')
    expect(rows.map((r) => r.attributes('data-job'))).toEqual(['job-1', 'job-2', 'job-0'])
    expect(rows[0].get('[data-testid="import-job-errors"]').attributes('href')).toBe(`${BASE}/jobs/job-1/errors.xlsx`)
    expect(rows[0].text()).toContain('家长学校授课')
    expect(rows[0].text()).toContain('12,345')
    expect(rows[0].text()).toContain('2026-12-04 16:00')
    expect(rows[1].find('[data-testid="import-job-errors"]').exists()).toBe(false)
    expect(rows[2].find('[data-testid="import-job-errors"]').exists()).toBe(false)
    expect(rows[2].text()).toContain('已过期')

    await rows[0].get('[data-testid="import-follow"]').trigger('click')
    const link = w.get('[data-testid="import-error-workbook"]')
    expect(link.attributes('href')).toBe(`${BASE}/jobs/job-1/errors.xlsx`)
    expect(link.attributes('download')).toBeDefined()
    expect(link.text()).toBe('⤓ 下载错误工作簿（300 行被拒绝）')
    expect(w.get('[data-testid="import-expires"]').text()).toBe('结果保留至 2099-12-11 16:00')
  })
})

describe('the import routes', () => {
  beforeEach(() => {
    vi.resetAllMocks()
    mocks.bases.length = 0
    mocks.templates.mockResolvedValue([{ family: 'schools', titleZh: '学校名录', titleEn: 'School registry', templateVersion: 1, columns: [] }])
    mocks.jobs.mockResolvedValue([])
  })

  async function render(path: string, props: Record<string, string>, who: string) {
    const pinia = createPinia()
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: ImportsView, props: () => props }] })
    await router.push(path)
    setActivePinia(pinia)
    useSession().me = ME[who]
    const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang: 'zh-CN' })
    mounted.push(w)
    await flushPromises()
    return w
  }

  it("the county's registry uses the same page on the county's base path", async () => {
    const w = await render('/counties/990113/imports', { countyId: '990113' }, 'county-admin')
    expect(mocks.bases).toContain('/api/district/counties/990113/imports')
    expect(w.get('[data-testid="page-title"]').text()).toBe('Excel 导入')
    expect(w.text()).toContain('学区和学校名录')
    expect(w.get('[data-testid="import-template-zh"]').attributes('href')).toBe('/api/district/counties/990113/imports/templates/schools.xlsx?lang=zh-CN')
    expect(document.title).toContain('Excel 导入')
  })

  it("a county's second tab imports its schools' classes through school-service, and the tab is in the address", async () => {
    const w = await render('/counties/990113/imports', { countyId: '990113' }, 'county-admin')
    expect(w.get('[data-testid="import-subtitle"]').text()).toContain('学区和学校名录')
    const tabs = w.findAll('.import-tabs [role="tab"]')
    expect(tabs.map((x) => x.text())).toEqual(['学区与学校名录', '各校班级与在籍人数'])
    mocks.bases.length = 0
    await tabs[1].trigger('click')
    await flushPromises()
    expect(mocks.bases).toContain('/api/school/counties/990113/imports')
    expect(w.get('[data-testid="import-subtitle"]').text()).toContain('每行写入“学校编号”列所指的学校')
    expect(w.get('[data-testid="import-template-zh"]').attributes('href')).toBe('/api/school/counties/990113/imports/templates/schools.xlsx?lang=zh-CN')
    expect(w.vm.$router.currentRoute.value.query.tab).toBe('schools')
  })

  it("a template for administrators only is marked, and a school's staff cannot upload it", async () => {
    mocks.templates.mockResolvedValue([{ ...TEMPLATES[0], adminsOnly: true }, TEMPLATES[1]])
    let w = await render(`/schools/${SCHOOL}/imports`, { schoolId: SCHOOL }, 'school-staff')
    expect(w.get('[data-testid="import-family-classes"]').text()).toContain('仅管理员')
    expect(w.get('[data-testid="import-family-sessions"]').text()).not.toContain('仅管理员')
    expect(w.get('[data-testid="import-admins-only"]').text()).toContain('只有学校管理员可以上传')
    expect(w.get('[data-testid="import-upload"] input[type=file]').attributes('disabled')).toBeDefined()
    // the template itself stays downloadable, for the administrator
    expect(w.get('[data-testid="import-template-zh"]').attributes('href')).toContain('/templates/classes.xlsx')
    await w.get('[data-testid="import-family-sessions"] input').setValue(true)
    expect(w.find('[data-testid="import-admins-only"]').exists()).toBe(false)
    expect(w.get('[data-testid="import-upload"] input[type=file]').attributes('disabled')).toBeUndefined()

    w = await render(`/schools/${SCHOOL}/imports`, { schoolId: SCHOOL }, 'school-admin')
    expect(w.find('[data-testid="import-admins-only"]').exists()).toBe(false)
    expect(w.get('[data-testid="import-upload"] input[type=file]').attributes('disabled')).toBeUndefined()
  })

  it('is not found for another unit, or for a county user who is not its admin', async () => {
    let w = await render('/schools/9901130002/imports', { schoolId: '9901130002' }, 'school-admin')
    expect(w.find('[data-testid="not-found"]').exists()).toBe(true)
    expect(mocks.templates).not.toHaveBeenCalled()
    w = await render('/counties/990113/imports', { countyId: '990113' }, 'county-assessor')
    expect(w.find('[data-testid="not-found"]').exists()).toBe(true)
  })

  it('a school the API does not know (404) is the not-found page', async () => {
    mocks.templates.mockRejectedValue(new ApiError(404, '未找到', null, []))
    const w = await render(`/schools/${SCHOOL}/imports`, { schoolId: SCHOOL }, 'school-staff')
    expect(mocks.bases).toContain(BASE)
    expect(w.find('[data-testid="not-found"]').exists()).toBe(true)
  })
})
