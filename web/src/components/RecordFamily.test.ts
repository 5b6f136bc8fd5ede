import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import RecordFamily from './RecordFamily.vue'
import { familyOf } from '@/records/families'
import { mountWith } from '@/test/mount'

// Element Plus dialogs and tables in jsdom are slow on a busy machine
vi.setConfig({ testTimeout: 30_000 })

const SCHOOL = '9901130001'
const BASE = `/api/school/schools/${SCHOOL}`
const sessions = familyOf('sessions')!

const CLASSES = [
  { classId: 'C1A', schoolYear: '2026-2027', grade: 1, name: '一年级1班', enrolment: 42, status: 'ACTIVE', version: 1 },
]
const SESSIONS = [
  { sessionId: 'S-1', type: 'CLASS', classId: 'C1A', date: '2026-10-16', topic: '幼小衔接', lecturer: '李老师', mode: 'OFFLINE',
    attendance: 38, status: 'ACTIVE', version: 2, withdrawnReason: null, withdrawnAt: null },
  { sessionId: 'S-2', type: 'COLLECTIVE', classId: null, date: '2026-11-05', topic: '陪伴阅读', lecturer: '陈老师', mode: 'ONLINE',
    attendance: 40, status: 'WITHDRAWN', version: 2, withdrawnReason: '重复录入', withdrawnAt: '2026-11-06T02:00:00Z' },
]

interface Call { method: string; url: string; body: unknown }
let calls: Call[] = []
/** answers by method and path; anything else 404 */
let routes: Record<string, (body: unknown) => [number, unknown]> = {}

function respond(status: number, body: unknown): Response {
  const problem = status >= 400
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status, headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json' },
  })
}

beforeEach(() => {
  calls = []
  routes = {
    [`GET ${BASE}/classes`]: () => [200, CLASSES],
    [`GET ${BASE}/parent-school/sessions`]: () => [200, SESSIONS],
  }
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const method = init.method ?? 'GET'
    const body = init.body ? JSON.parse(String(init.body)) : null
    calls.push({ method, url, body })
    const handler = routes[`${method} ${url.split('?')[0]}`]
    if (!handler) return respond(404, { title: 'Not Found', status: 404 })
    const [status, answer] = handler(body)
    return respond(status, answer)
  }))
})
afterEach(() => vi.unstubAllGlobals())

async function render(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const w = mountWith(RecordFamily, { props: { spec: sessions, schoolId: SCHOOL, period: '2026-2027-1', classId: null }, lang })
  await flushPromises()
  return w
}
const body = () => document.body
const byTestId = (id: string) => body().querySelector(`[data-testid="${id}"]`) as HTMLElement | null
/** a dialog's content is on screen (Element Plus hides a closed dialog's overlay) */
function shown(testId: string): boolean {
  const el = byTestId(testId)
  const overlay = el?.closest('.el-overlay') as HTMLElement | null
  return !!el && (!overlay || overlay.style.display !== 'none')
}
async function click(el: Element | null) {
  expect(el).not.toBeNull()
  ;(el as HTMLElement).click()
  await flushPromises()
}
async function type(testId: string, text: string) {
  const el = body().querySelector(`[data-testid="${testId}"] textarea, [data-testid="${testId}"] input, textarea[data-testid="${testId}"], input[data-testid="${testId}"]`) as HTMLInputElement
  expect(el).not.toBeNull()
  el.value = text
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}

/** clicks the option of a select whose text names the id (Element Plus keeps its options in the body) */
async function pick(id: string) {
  const option = [...body().querySelectorAll('.el-select-dropdown__item')].find((o) => o.textContent?.includes(` ${id}（`))
  await click(option ?? null)
}

describe('RecordFamily (generic record family)', () => {
  it('a session names a lecturer of the city\'s registry (备案讲师): shown by name, kept in a correction', async () => {
    routes[`GET ${BASE}/parent-school/lecturers`] = () => [200, [
      { lecturerId: 'L7f3a', displayName: '王丽华', affiliation: '长治学院', status: 'REGISTERED', trainedOn: '2026-09-20', registeredAndTrained: true },
    ]]
    routes[`GET ${BASE}/parent-school/sessions`] = () => [200, [{ ...SESSIONS[0], lecturer: null, lecturerId: 'L7f3a' }]]
    routes[`PUT ${BASE}/parent-school/sessions/S-1`] = (b) => [200, b]
    const w = await render()
    expect(calls.some((c) => c.url === `${BASE}/parent-school/lecturers`)).toBe(true)
    const row = w.findAll('.record-row')[0]
    expect(row.text()).toContain('王丽华') // the registry's name, not its id
    expect(row.text()).not.toContain('L7f3a')
    await click(row.find('[data-testid="record-edit"]').element)
    expect(byTestId('field-lecturerId')!.textContent).toContain('备案讲师')
    expect(byTestId('field-lecturerId')!.textContent).toContain('授课人可不填')
    expect(byTestId('field-lecturer')!.classList.contains('is-required')).toBe(false)
    await type('input-reason', '补充讲师')
    await click(byTestId('record-save'))
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({ lecturerId: 'L7f3a', reason: '补充讲师' })
  })

  it('a guard duty picks its members from those on the team that day, by kind and member id, and sends their ids', async () => {
    routes[`GET ${BASE}/guard-duty/duties`] = () => [200, [
      { dutyId: 'D-1', date: '2026-10-12', slot: 'ARRIVAL', memberIds: ['M-1', 'M-2'], status: 'ACTIVE', version: 1 },
    ]]
    routes[`GET ${BASE}/guard-duty/members`] = () => [200, [
      { memberId: 'M-1', kind: 'PARENT', signedUpOn: '2026-09-01', voluntary: true, leftOn: null, status: 'ACTIVE', version: 1 },
      { memberId: 'M-2', kind: 'TEACHER', signedUpOn: '2026-09-01', leftOn: '2026-09-30', status: 'ACTIVE', version: 2 },
      { memberId: 'M-3', kind: 'SECURITY_GUARD', signedUpOn: '2026-11-01', leftOn: null, status: 'ACTIVE', version: 1 },
      { memberId: 'M-4', kind: 'PARENT', signedUpOn: '2026-09-01', voluntary: true, leftOn: null, status: 'WITHDRAWN', version: 2 },
    ]]
    routes[`PUT ${BASE}/guard-duty/duties/D-1`] = (b) => [200, b]
    const w = mountWith(RecordFamily, { props: { spec: familyOf('guard-duties')!, schoolId: SCHOOL, period: '2026-2027-1', classId: null } })
    await flushPromises()
    expect(w.findAll('.record-row')[0].text()).toContain('M-1、M-2')
    await click(w.find('[data-testid="record-edit"]').element)
    const options = () => [...body().querySelectorAll('.el-select-dropdown__item')].map((o) => o.textContent?.trim()).filter((o) => o?.includes(' · '))
    // on 12 October: M-1 is on the team; M-2 left on 30 September but the duty already names them; M-3 joins in November; M-4 was withdrawn
    expect(options()).toEqual(['家长志愿者 · M-1（2026-09-01 加入）', '教师 · M-2（2026-09-01 加入）'])
    expect(byTestId('field-memberIds')!.textContent).toContain('只列出当天已加入、尚未退出的成员')
    await type('input-reason', '改日值守')
    await click(byTestId('record-save'))
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({ date: '2026-10-12', memberIds: ['M-1', 'M-2'], reason: '改日值守' })
  })

  it('lists the period\'s records with translated values and asks the API for the period and withdrawn ones', async () => {
    const w = await render()
    const list = calls.find((c) => c.url.startsWith(`${BASE}/parent-school/sessions?`))!
    expect(list.url).toContain('semester=2026-2027-1')
    expect(list.url).toContain('includeWithdrawn=true')
    const rows = w.findAll('.record-row')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('幼小衔接')
    expect(rows[0].text()).toContain('一年级1班') // the class by name, not its id
    expect(rows[0].text()).toContain('班级') // CLASS translated
    expect(rows[0].text()).toContain('线下')
    expect(rows[0].text()).toContain('第 2 版')
    expect(w.text()).toContain('共 2 条，其中已撤回 1 条')
  })

  it('shows a withdrawn record greyed, tagged 已撤回 with its reason, and offers only its history', async () => {
    const w = await render()
    const rows = w.findAll('.record-row')
    expect(rows[0].classes()).not.toContain('is-withdrawn')
    expect(rows[1].classes()).toContain('is-withdrawn')
    expect(rows[1].find('[data-testid="record-state"]').attributes('data-withdrawn')).toBe('true')
    expect(rows[1].find('[data-testid="withdrawn-tag"]').text()).toBe('已撤回')
    expect(rows[1].find('[data-testid="withdrawn-reason"]').text()).toBe('撤回原因：重复录入')
    expect(rows[1].find('[data-testid="record-edit"]').exists()).toBe(false)
    expect(rows[1].find('[data-testid="record-withdraw"]').exists()).toBe(false)
    expect(rows[1].find('[data-testid="record-history"]').exists()).toBe(true)
    expect(rows[0].find('[data-testid="record-edit"]').exists()).toBe(true)
  })

  it('a new record has no reason field; a correction asks for 修改原因 and sends it with the record', async () => {
    routes[`PUT ${BASE}/parent-school/sessions/S-1`] = () => [200, SESSIONS[0]]
    const w = await render()
    await click(byTestId('record-add'))
    expect(byTestId('record-form')!.getAttribute('data-mode')).toBe('create')
    expect(byTestId('field-reason')).toBeNull()
    await click(byTestId('record-cancel'))

    await click(w.findAll('.record-row')[0].find('[data-testid="record-edit"]').element)
    expect(byTestId('record-form')!.getAttribute('data-mode')).toBe('edit')
    const reason = byTestId('field-reason')!
    expect(reason.textContent).toContain('修改原因')
    expect(reason.classList.contains('is-required')).toBe(true)
    // the form holds the record as it stands
    expect((byTestId('field-topic')!.querySelector('input') as HTMLInputElement).value).toBe('幼小衔接')
    await type('input-reason', '日期录错')
    await click(byTestId('record-save'))
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.url).toBe(`${BASE}/parent-school/sessions/S-1`)
    expect(put.body).toMatchObject({ type: 'CLASS', classId: 'C1A', date: '2026-10-16', topic: '幼小衔接', attendance: 38, reason: '日期录错' })
  })

  it('puts the API\'s field errors beside their fields (problem details errors[]), not its own rules', async () => {
    routes[`PUT ${BASE}/parent-school/sessions/S-1`] = () => [400, {
      type: 'urn:gongyu:problem:invalid-request', title: '请求无效', status: 400, detail: '请求内容有误',
      errors: ['date: 2027-01-05 晚于今天', 'reason: 更正已记录的记录时必须填写原因'],
    }]
    const w = await render()
    await click(w.findAll('.record-row')[0].find('[data-testid="record-edit"]').element)
    await click(byTestId('record-save'))
    await flushPromises()
    expect(byTestId('field-date')!.querySelector('[data-testid="error-date"]')!.textContent).toContain('2027-01-05 晚于今天')
    expect(byTestId('field-reason')!.querySelector('[data-testid="error-reason"]')!.textContent).toContain('更正已记录的记录时必须填写原因')
    expect(byTestId('field-topic')!.querySelector('.field-error')).toBeNull()
    expect(byTestId('field-date')!.classList.contains('is-error')).toBe(true)
    // the dialog stays open with what was typed
    expect(byTestId('record-form')).not.toBeNull()
  })

  it('a batch item\'s error path (contacts[0].date) lands on the field too', async () => {
    const contacts = familyOf('home-contacts')!
    routes[`GET ${BASE}/home-contacts`] = () => [200, []]
    routes[`POST ${BASE}/home-contacts`] = () => [422, {
      title: '请求违反规则', status: 422, detail: '有记录未通过检查', errors: ['contacts[0].date: 2027-01-05 is in the future'],
    }]
    mountWith(RecordFamily, { props: { spec: contacts, schoolId: SCHOOL, period: '2026-2027-1', classId: null } })
    await flushPromises()
    await click(byTestId('record-add'))
    await click(byTestId('record-save'))
    const post = calls.find((c) => c.method === 'POST')!
    expect(Object.keys(post.body as object)).toEqual(['contacts'])
    expect((post.body as { contacts: Record<string, unknown>[] }).contacts[0].externalId).toMatch(/.+/)
    expect(byTestId('field-date')!.querySelector('[data-testid="error-date"]')!.textContent).toContain('2027-01-05 is in the future')
  })

  it('withdraws with a reason after a confirmation, POSTing it to the record\'s withdrawal URL, then reloads', async () => {
    routes[`POST ${BASE}/parent-school/sessions/S-1/withdrawal`] = () => [200, { ...SESSIONS[0], status: 'WITHDRAWN', withdrawnReason: '录入错误' }]
    const w = await render()
    await click(w.findAll('.record-row')[0].find('[data-testid="record-withdraw"]').element)
    expect(calls.some((c) => c.url.endsWith('/withdrawal'))).toBe(false) // nothing before the confirmation
    expect(byTestId('withdraw-form')!.textContent).toContain('撤回后该记录不再计入指标')
    await type('input-withdraw-reason', '录入错误')
    const before = calls.length
    await click(byTestId('withdraw-confirm'))
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.url).toBe(`${BASE}/parent-school/sessions/S-1/withdrawal`)
    expect(post.body).toEqual({ reason: '录入错误' })
    expect(calls.slice(before).filter((c) => c.method === 'GET' && c.url.includes('/parent-school/sessions?')).length).toBe(1)
  })

  it('a withdrawal without a reason shows the API\'s message beside the reason', async () => {
    routes[`POST ${BASE}/parent-school/sessions/S-1/withdrawal`] = () => [400, {
      title: 'Bad Request', status: 400, detail: 'invalid request', errors: ['reason: must not be blank'],
    }]
    const w = await render('en')
    await click(w.findAll('.record-row')[0].find('[data-testid="record-withdraw"]').element)
    await click(byTestId('withdraw-confirm'))
    expect(byTestId('field-withdraw-reason')!.querySelector('[data-testid="error-withdraw-reason"]')!.textContent).toContain('must not be blank')
  })

  it('shows the trail: versions, action, reason, who and when in Beijing time', async () => {
    routes[`GET ${BASE}/parent-school/sessions/S-2/history`] = () => [200, [
      { version: 1, action: 'CREATED', reason: null, actor: null, at: '2026-11-05T08:10:00Z', content: { topic: '陪伴阅读', type: 'COLLECTIVE' } },
      { version: 2, action: 'WITHDRAWN', reason: '重复录入', actor: 'admin-9901130001', at: '2026-11-06T02:00:00Z', content: { topic: '陪伴阅读' } },
    ]]
    const w = await render()
    await click(w.findAll('.record-row')[1].find('[data-testid="record-history"]').element)
    const table = byTestId('history-table')!
    expect(table.textContent).toContain('新建')
    expect(table.textContent).toContain('撤回')
    expect(table.textContent).toContain('重复录入')
    expect(table.textContent).toContain('admin-9901130001')
    expect(table.textContent).toContain('（迁移前记录）')
    expect(table.textContent).toContain('2026-11-06 10:00')
    expect(table.textContent).toContain('主题：陪伴阅读')
  })

  it('a family the service cannot list says so in place, and a write the role may not make says so in the form', async () => {
    const six = familyOf('six-ones')!
    routes[`GET ${BASE}/six-ones`] = () => [405, { title: '方法不允许', status: 405, detail: '不支持 GET' }]
    routes[`POST ${BASE}/six-ones`] = () => [403, { title: 'Forbidden', status: 403 }]
    const w = mountWith(RecordFamily, { props: { spec: six, schoolId: SCHOOL, period: '2026-2027-1', classId: null } })
    await flushPromises()
    expect(w.get('[data-testid="list-error"]').text()).toBe('方法不允许：不支持 GET')
    await click(byTestId('record-add'))
    await click(byTestId('record-save'))
    expect(byTestId('form-error')!.textContent).toBe('您的角色不能修改此类记录。')
  })

  it('home-visit files: listed by school year with their file id, added in a batch without an id, corrected without the student, withdrawn, with a trail', async () => {
    const files = familyOf('home-visit-files')!
    const FILE = 'hvf-3c9e1a0b7d4f4e2a9b6c1d0e5f7a8b90'
    routes[`GET ${BASE}/home-visit-files`] = () => [200, [
      { fileId: FILE, classId: 'C1A', openedOn: '2026-10-08', recordStatus: 'ACTIVE', version: 1, withdrawnReason: null, withdrawnAt: null },
    ]]
    routes[`POST ${BASE}/home-visit-files`] = () => [200, { received: 1, accepted: 1, alreadyRecorded: 0, snapshots: [], fileIds: ['hvf-new'] }]
    routes[`PUT ${BASE}/home-visit-files/${FILE}`] = () => [200, { fileId: FILE, classId: 'C1A', openedOn: '2026-10-09', recordStatus: 'ACTIVE', version: 2 }]
    routes[`POST ${BASE}/home-visit-files/${FILE}/withdrawal`] = () => [200, { fileId: FILE, recordStatus: 'WITHDRAWN', version: 3 }]
    routes[`GET ${BASE}/home-visit-files/${FILE}/history`] = () => [200, [
      { version: 1, action: 'CREATED', reason: null, actor: null, at: '2026-10-08T09:00:00Z', content: { fileId: FILE, classId: 'C1A', openedOn: '2026-10-08' } },
      { version: 2, action: 'CORRECTED', reason: '日期录错', actor: 'admin-9901130001', at: '2026-10-10T02:00:00Z', content: { fileId: FILE, classId: 'C1A', openedOn: '2026-10-09' } },
    ]]
    const w = mountWith(RecordFamily, { props: { spec: files, schoolId: SCHOOL, period: '2026-2027-1', classId: null } })
    await flushPromises()
    const list = calls.find((c) => c.url.startsWith(`${BASE}/home-visit-files?`))!
    expect(list.url).toContain('schoolYear=2026-2027')
    expect(list.url).not.toContain('semester=')
    const row = w.findAll('.record-row')[0]
    expect(row.find('[data-testid="cell-fileId"]').text()).toBe(FILE)
    expect(row.text()).toContain('一年级1班')

    // a new file: the student is asked for, no id is sent
    await click(byTestId('record-add'))
    expect(byTestId('field-studentRef')).not.toBeNull()
    await type('input-studentRef', 'STU-031')
    await click(byTestId('record-save'))
    const post = calls.find((c) => c.method === 'POST' && c.url === `${BASE}/home-visit-files`)!
    const item = (post.body as { files: Record<string, unknown>[] }).files[0]
    expect(item).toMatchObject({ studentRef: 'STU-031' })
    expect(item).not.toHaveProperty('fileId')
    expect(item).not.toHaveProperty('externalId')

    // a correction: no student field (it is never changed), the reason, PUT to the file's id
    await click(w.findAll('.record-row')[0].find('[data-testid="record-edit"]').element)
    expect(byTestId('field-studentRef')).toBeNull()
    expect(byTestId('fixed-help')!.textContent).toContain('学生编号不能更正')
    await type('input-reason', '日期录错')
    await click(byTestId('record-save'))
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.url).toBe(`${BASE}/home-visit-files/${FILE}`)
    expect(put.body).toEqual({ classId: 'C1A', openedOn: '2026-10-08', reason: '日期录错' })

    // withdrawal and trail by the file id
    await click(w.findAll('.record-row')[0].find('[data-testid="record-withdraw"]').element)
    await type('input-withdraw-reason', '学生录错')
    await click(byTestId('withdraw-confirm'))
    expect(calls.some((c) => c.method === 'POST' && c.url === `${BASE}/home-visit-files/${FILE}/withdrawal`)).toBe(true)
    await click(w.findAll('.record-row')[0].find('[data-testid="record-history"]').element)
    expect(byTestId('history-table')!.textContent).toContain('建档日期：2026-10-09')
    expect(byTestId('history-table')!.textContent).toContain('日期录错')
  })

  it('guard duties: members picked go as a list, are listed joined, and a 409 naming memberIds[1] lands beside the field', async () => {
    const duties = familyOf('guard-duties')!
    routes[`GET ${BASE}/guard-duty/members`] = () => [200, ['M-1', 'M-2', 'M-3'].map((memberId) => (
      { memberId, kind: 'TEACHER', signedUpOn: '2026-09-01', leftOn: null, status: 'ACTIVE', version: 1 }))]
    routes[`GET ${BASE}/guard-duty/duties`] = () => [200, [
      { dutyId: 'D-1', date: '2026-10-12', slot: 'ARRIVAL', memberIds: ['M-1', 'M-3'], recordStatus: 'ACTIVE', version: 1 },
    ]]
    // a new duty's id is made by the form: answer every PUT of the family
    let answer: [number, unknown] = [409, { title: 'Conflict', status: 409, detail: 'memberIds[1]: member M-3 is already on duty D-1',
      errors: [{ field: 'memberIds[1]', message: '成员 M-3 已在 2026-10-12 ARRIVAL 的值守安排 D-1 中' }] }]
    const others = globalThis.fetch
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      if (init.method === 'PUT' && url.startsWith(`${BASE}/guard-duty/duties/`)) {
        calls.push({ method: 'PUT', url, body: JSON.parse(String(init.body)) })
        return respond(answer[0], answer[1])
      }
      return others(url, init)
    }))
    const w = mountWith(RecordFamily, { props: { spec: duties, schoolId: SCHOOL, period: '2026-2027-1', classId: null } })
    await flushPromises()
    expect(calls.find((c) => c.url.startsWith(`${BASE}/guard-duty/duties?`))!.url).toContain('semester=2026-2027-1')
    const row = w.findAll('.record-row')[0]
    expect(row.find('[data-testid="cell-memberIds"]').text()).toBe('M-1、M-3')
    expect(row.text()).toContain('上学')

    await click(byTestId('record-add'))
    await pick('M-2')
    await pick('M-3')
    await click(byTestId('record-save'))
    const put = () => calls.filter((c) => c.method === 'PUT').at(-1)!
    expect(put().body).toMatchObject({ slot: 'ARRIVAL', memberIds: ['M-2', 'M-3'] })
    expect(byTestId('field-memberIds')!.textContent).toContain('已在 2026-10-12 ARRIVAL 的值守安排 D-1 中')
    answer = [201, { dutyId: 'x', date: '2026-10-13', slot: 'ARRIVAL', memberIds: ['M-2'], recordStatus: 'ACTIVE', version: 1 }]
    await pick('M-3') // picked again: off the list
    await click(byTestId('record-save'))
    expect(put().body).toMatchObject({ memberIds: ['M-2'] })
  })

  it('closing a changed form asks first; an unchanged one closes at once', async () => {
    await render()
    await click(byTestId('record-add'))
    await click(byTestId('record-cancel'))
    expect(shown('record-form')).toBe(false)
    await click(byTestId('record-add'))
    await type('input-topic', '新的主题')
    await click(byTestId('record-cancel'))
    expect(document.body.textContent).toContain('表单有尚未保存的修改，确定放弃吗？')
    expect(shown('record-form')).toBe(true)
  })
})
