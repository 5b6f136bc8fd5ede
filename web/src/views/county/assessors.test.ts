import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import axe from 'axe-core'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'
import type { Assessor } from '@/api/countyDemo'
import { panelProblems } from './shared'
import DemoAssessorsView from './DemoAssessorsView.vue'

// 评审专家库 against a stubbed fetch: every call is recorded (method, URL, body) and answered from
// the table, so the tests check what the API gets and show what it answers.
const C = '990113'
const BASE = `/api/district/counties/${C}`
const DEMO = `${BASE}/demonstration`
const OPEN_APP = '5c1d2e3f-0000-4000-8000-000000000006'

type Reply = [number, unknown]
let routes: Record<string, Reply | ((body: unknown) => Reply)>
let calls: { method: string; url: string; body: unknown }[]

function stubFetch() {
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    const method = (init.method ?? 'GET').toUpperCase()
    const body = init.body ? JSON.parse(String(init.body)) : undefined
    calls.push({ method, url, body })
    const route = routes[`${method} ${url}`]
    const [status, answer] = typeof route === 'function' ? route(body) : route ?? [404, { title: 'Not Found', status: 404, detail: url }]
    return new Response(status === 204 ? null : JSON.stringify(answer), {
      status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    })
  }))
}

const SCHOOLS = [
  { id: '9901130001', countyId: C, xuequId: 'XQ01', name: '湖畔小学', schoolType: 'PRIMARY', version: 1 },
  { id: '9901130002', countyId: C, xuequId: 'XQ01', name: '西湖第二中学', schoolType: 'PRIMARY', version: 1 },
]
const PANEL: Assessor[] = [
  { countyId: C, username: 'expert-wang', name: '王立', homeSchoolId: null, formerSchoolIds: [], active: true, version: 1,
    openAssignments: [OPEN_APP] },
  { countyId: C, username: 'expert-zhao', name: '赵敏', homeSchoolId: '9901130001', formerSchoolIds: ['9901130002', '9901120004'],
    active: true, version: 2, openAssignments: [] },
  { countyId: C, username: 'expert-qian', name: '钱雨', homeSchoolId: null, formerSchoolIds: [], active: false, version: 3,
    openAssignments: [] },
]

beforeEach(() => {
  routes = {
    [`GET ${BASE}/xuequ`]: [200, []],
    [`GET ${BASE}/schools`]: [200, SCHOOLS],
    [`GET ${DEMO}/assessors`]: [200, PANEL],
    [`GET ${DEMO}/applications`]: [200, [{ id: OPEN_APP, programmeId: 'DEMO-2024', schoolId: '9901130002', xuequId: 'XQ01',
      status: 'ASSESSING', version: 4, appliedAt: '2024-03-01T02:00:00Z', creationEndsOn: '2025-03-01', round: 1, finalScore: null }]],
  }
  calls = []
  stubFetch()
})

const Blank = { template: '<div />' }
async function render(lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia()
  const path = `/counties/${C}/demonstration/assessors`
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path, component: DemoAssessorsView, props: () => ({ countyId: C }) },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(path)
  setActivePinia(pinia)
  useSession().me = ME['county-admin']
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang })
  await flushPromises()
  return w
}
const row = (w: Awaited<ReturnType<typeof render>>, username: string) => w.get(`[data-testid="assessor-row"][data-username="${username}"]`)
const writes = () => calls.filter((c) => c.method !== 'GET')

describe('the assessor panel page', () => {
  it('lists the panel: name, username, the school now and before (by name), active or not, open assessments', async () => {
    const w = await render()
    expect(w.get('[data-testid="page-title"]').text()).toBe('评审专家库')
    expect(w.findAll('[data-testid="assessor-row"]')).toHaveLength(3)
    const zhao = row(w, 'expert-zhao')
    expect(zhao.text()).toContain('赵敏')
    expect(zhao.text()).toContain('湖畔小学（9901130001）')
    expect(zhao.text()).toContain('西湖第二中学（9901130002）')
    expect(zhao.text()).toContain('9901120004') // a school of another county: its id
    expect(row(w, 'expert-wang').text()).toContain('无（教育局等）')
    expect(row(w, 'expert-qian').attributes('data-active')).toBe('false')
    expect(row(w, 'expert-qian').get('[data-testid="assessor-state"]').text()).toContain('已停用')
    expect(row(w, 'expert-wang').get('[data-testid="assessor-state"]').text()).toContain('✓')
    const open = w.get('[data-testid="assessor-open-expert-wang"] a')
    expect(open.attributes('href')).toBe(`/counties/${C}/demonstration/applications/${OPEN_APP}`)
    expect(open.text()).toBe('西湖第二中学') // the school of the open assessment
    expect(w.get('[data-testid="assessor-open-expert-zhao"]').text()).toBe('无')

    await w.get('[data-testid="assessor-filter"]').setValue('inactive')
    expect(w.findAll('[data-testid="assessor-row"]').map((r) => r.attributes('data-username'))).toEqual(['expert-qian'])
  })

  it('adds an assessor with a PUT of the form, and shows the API\'s field messages beside the fields', async () => {
    let attempt = 0
    routes[`PUT ${DEMO}/assessors/expert-sun`] = () => {
      attempt += 1
      if (attempt === 1) {
        return [400, { title: '请求无效', status: 400, detail: '请求内容有误', errors: ['name: 不能为空'] }]
      }
      if (attempt === 2) {
        return [422, { title: '无法处理', status: 422, detail: '评审专家的所在学校和曾任职学校必须是已登记的学校',
          errors: ['formerSchoolIds: 9909990001 不是已登记的学校'] }]
      }
      return [201, { ...PANEL[0], username: 'expert-sun', name: '孙华', version: 1, openAssignments: [] }]
    }
    const w = await render()
    await w.get('[data-testid="assessor-add"]').trigger('click')
    const dialog = w.get('[data-testid="assessor-dialog"]')
    expect(dialog.attributes('data-mode')).toBe('create')
    expect(dialog.attributes('role')).toBe('dialog')

    // without a username there is no address to PUT to: said at the field, nothing sent
    await dialog.trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="assessor-error-username"]').text()).toBe('请填写账号')
    expect(writes()).toEqual([])

    await w.get('[data-testid="assessor-username"]').setValue('expert-sun')
    await dialog.trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="assessor-error-name"]').text()).toBe('不能为空')
    expect(w.get('[data-testid="assessor-name"]').attributes('aria-invalid')).toBe('true')

    await w.get('[data-testid="assessor-name"]').setValue('孙华')
    await w.get('[data-testid="assessor-home"]').setValue('9901130002')
    await w.get('[data-testid="assessor-former"]').setValue('9909990001')
    await w.get('[data-testid="assessor-former-add"]').trigger('click')
    await dialog.trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="assessor-error-name"]').exists()).toBe(false)
    expect(w.get('[data-testid="assessor-error-formerSchoolIds"]').text()).toBe('9909990001 不是已登记的学校')
    expect(w.find('[data-testid="assessor-dialog"]').exists()).toBe(true)

    await w.get('[data-testid="assessor-former-list"] button').trigger('click')
    await dialog.trigger('submit')
    await flushPromises()
    expect(writes().at(-1)).toEqual({ method: 'PUT', url: `${DEMO}/assessors/expert-sun`,
      body: { name: '孙华', homeSchoolId: '9901130002', formerSchoolIds: [], active: true } })
    expect(w.find('[data-testid="assessor-dialog"]').exists()).toBe(false)
    expect(calls.filter((c) => c.method === 'GET' && c.url === `${DEMO}/assessors`)).toHaveLength(2) // read again
  })

  it('edits an entry (the username stays), deactivates and reactivates with the whole entry', async () => {
    routes[`PUT ${DEMO}/assessors/expert-zhao`] = (body) => [200, { ...PANEL[1], ...(body as object), version: 3 }]
    routes[`PUT ${DEMO}/assessors/expert-qian`] = (body) => [200, { ...PANEL[2], ...(body as object), version: 4 }]
    const w = await render()
    await w.get('[data-testid="assessor-edit-expert-zhao"]').trigger('click')
    expect(w.get('[data-testid="assessor-username"]').attributes('readonly')).toBeDefined()
    expect((w.get('[data-testid="assessor-home"]').element as HTMLSelectElement).value).toBe('9901130001')
    await w.get('[data-testid="assessor-name"]').setValue('赵敏（高级）')
    await w.get('[data-testid="assessor-active"]').setValue(false)
    await w.get('[data-testid="assessor-dialog"]').trigger('submit')
    await flushPromises()
    expect(writes()[0]).toEqual({ method: 'PUT', url: `${DEMO}/assessors/expert-zhao`,
      body: { name: '赵敏（高级）', homeSchoolId: '9901130001', formerSchoolIds: ['9901130002', '9901120004'], active: false } })

    await w.get('[data-testid="assessor-activate-expert-qian"]').trigger('click')
    await flushPromises()
    expect(writes()[1]).toEqual({ method: 'PUT', url: `${DEMO}/assessors/expert-qian`,
      body: { name: '钱雨', homeSchoolId: null, formerSchoolIds: [], active: true } })
  })

  it('asks before removing, warns of open assessments, and keeps the API\'s 409 in the dialog', async () => {
    routes[`DELETE ${DEMO}/assessors/expert-wang`] = [409, { title: 'Conflict', status: 409, openAssignments: [OPEN_APP],
      detail: `assessor expert-wang is still on 1 open assessment round(s) (application ${OPEN_APP}): replace them there first, or deactivate them, which stops only new assignments` }]
    routes[`DELETE ${DEMO}/assessors/expert-qian`] = [204, null]
    const w = await render('en')
    expect(w.get('[data-testid="page-title"]').text()).toBe('Assessor panel')
    await w.get('[data-testid="assessor-remove-expert-wang"]').trigger('click')
    expect(w.get('[data-testid="remove-warning"]').text()).toContain('still on 1 open assessment')
    expect(writes()).toEqual([])
    await w.get('[data-testid="remove-confirm"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-testid="remove-problem"]').text()).toContain('replace them there first')
    expect(w.find('[data-testid="remove-dialog"]').exists()).toBe(true)
    await w.get('[data-testid="remove-cancel"]').trigger('click')

    await w.get('[data-testid="assessor-remove-expert-qian"]').trigger('click')
    expect(w.find('[data-testid="remove-warning"]').exists()).toBe(false)
    await w.get('[data-testid="remove-confirm"]').trigger('click')
    await flushPromises()
    expect(writes().map((c) => `${c.method} ${c.url}`)).toEqual([`DELETE ${DEMO}/assessors/expert-wang`, `DELETE ${DEMO}/assessors/expert-qian`])
    expect(w.find('[data-testid="remove-dialog"]').exists()).toBe(false)
  })

  it('has no serious or critical accessibility violation, list and form open', async () => {
    const w = await render()
    await w.get('[data-testid="assessor-edit-expert-zhao"]').trigger('click')
    const result = await axe.run(w.element as HTMLElement, { rules: { 'color-contrast': { enabled: false } } })
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
  })
})

describe('panelProblems', () => {
  it('puts each API error beside its field: nested paths, a refused path variable, and the rest above the buttons', () => {
    expect(panelProblems([
      { field: 'name', message: 'must not be blank' },
      { field: 'formerSchoolIds[1]', message: 'must match' },
      { field: 'putAssessor.username', message: 'must match "[a-z0-9]…"' },
      { field: 'homeSchoolId', message: '9901 is not a registered school of county 990113' },
      { field: null, message: 'something else' },
    ])).toEqual({
      name: ['must not be blank'], formerSchoolIds: ['must match'], username: ['must match "[a-z0-9]…"'],
      homeSchoolId: ['9901 is not a registered school of county 990113'], '': ['something else'],
    })
  })
})
