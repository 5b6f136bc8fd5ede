import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { h } from 'vue'
import axe from 'axe-core'
import { useSession } from '@/stores/session'
import { mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'
import type { Lecturer } from '@/api/lecturers'
import CityLecturersView from './CityLecturersView.vue'
import CountyLecturersView from './CountyLecturersView.vue'

vi.setConfig({ testTimeout: 30_000 })

// The pages against a stubbed fetch: every call is recorded (method, URL, body) and answered from
// the table below, so the tests check the URLs and bodies the API gets.
const C = '990113'
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
    return new Response(JSON.stringify(answer), {
      status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    })
  }))
}
const writes = () => calls.filter((c) => c.method !== 'GET').map((c) => [c.method, c.url, c.body])

const lecturer = (id: string, name: string, more: Partial<Lecturer> = {}): Lecturer => ({
  id, name, affiliation: '长治学院', expertise: '亲子沟通', ageGroups: ['PRIMARY'], nominatedByCounty: C, nominatedByCountyName: '潞州区',
  nominatedAt: '2026-11-20T02:00:00Z', status: 'NOMINATED', statusReason: null, registeredAt: null, trainedOn: null,
  registeredAndTrained: false, teams: [], version: 1, trail: null, ...more,
})
const NOMINATED = lecturer('L1', '王丽华')
const REGISTERED = lecturer('L2', '李明', {
  status: 'REGISTERED', trainedOn: '2026-09-20', registeredAndTrained: true, version: 3,
  teams: [{ team: 'CITY_TEAM', countyId: null }, { team: 'COUNTY_TEAM', countyId: C, countyName: '潞州区' }],
})
const SUSPENDED = lecturer('L3', '赵敏', { status: 'SUSPENDED', statusReason: '授课内容待核实', version: 4 })

const Blank = { template: '<div />' }
async function render(component: object, path: string, props: Record<string, unknown>, role: keyof typeof ME, lang: 'zh-CN' | 'en' = 'zh-CN') {
  const pinia = createPinia()
  const router = createRouter({ history: createMemoryHistory(), routes: [
    { path: path.split('?')[0], component, props: () => props },
    { path: '/:p(.*)*', component: Blank },
  ] })
  await router.push(path)
  setActivePinia(pinia)
  useSession().me = ME[role]
  const w = mountWith({ render: () => h(RouterView) }, { pinia, router, lang })
  await flushPromises()
  return w
}
async function serious(el: Element): Promise<string[]> {
  const result = await axe.run(el as HTMLElement, { rules: { 'color-contrast': { enabled: false } } })
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)
}

beforeEach(() => {
  calls = []
  stubFetch()
})

describe('讲师备案 (city)', () => {
  beforeEach(() => {
    routes = {
      'GET /api/city/lecturers?status=NOMINATED': [200, [NOMINATED]],
      'GET /api/city/lecturers?status=REGISTERED': [200, [REGISTERED]],
      'GET /api/city/lecturers': [200, [NOMINATED, REGISTERED, SUSPENDED]],
      'GET /api/city/lecturers?status=SUSPENDED&team=CITY_TEAM': [200, []],
    }
  })

  it('lists the nominations to review and the registry with its training and teams, without serious a11y violations', async () => {
    const w = await render(CityLecturersView, '/city/lecturers', {}, 'city-staff')
    expect(w.get('[data-testid="page-title"]').text()).toBe('讲师备案')
    const pending = w.findAll('[data-testid="pending-row"]')
    expect(pending).toHaveLength(1)
    expect(pending[0].text()).toContain('王丽华')
    expect(pending[0].text()).toContain('潞州区')
    expect(pending[0].text()).toContain('小学')
    const row = w.get('[data-testid="registry-row"][data-id="L2"]')
    expect(row.get('[data-testid="status"]').text()).toBe('已备案')
    expect(row.get('[data-testid="training"]').text()).toBe('已培训（2026-09-20）')
    expect(row.text()).toContain('市讲师团、县区公益讲师团（潞州区）')
    expect(await serious(w.element)).toEqual([])
  })

  it('filters the registry by status and team through the API', async () => {
    const w = await render(CityLecturersView, '/city/lecturers', {}, 'city-staff')
    await w.get('[data-testid="filter-status"]').setValue('')
    await flushPromises()
    expect(w.findAll('[data-testid="registry-row"]').map((r) => r.attributes('data-status'))).toEqual(['NOMINATED', 'REGISTERED', 'SUSPENDED'])
    const suspended = w.get('[data-testid="registry-row"][data-id="L3"]')
    expect(suspended.text()).toContain('授课内容待核实')
    expect(suspended.find('[data-testid="reinstate"]').exists()).toBe(true)
    expect(suspended.find('[data-testid="suspend"]').exists()).toBe(false)
    await w.get('[data-testid="filter-status"]').setValue('SUSPENDED')
    await w.get('[data-testid="filter-team"]').setValue('CITY_TEAM')
    await flushPromises()
    expect(calls.map((c) => c.url)).toContain('/api/city/lecturers?status=SUSPENDED&team=CITY_TEAM')
    expect(w.text()).toContain('没有符合条件的讲师')
  })

  it('registers a nomination with its training day and teams', async () => {
    routes['POST /api/city/lecturers/L1/registration'] = [200, { ...NOMINATED, status: 'REGISTERED' }]
    const w = await render(CityLecturersView, '/city/lecturers', {}, 'city-staff')
    await w.get('[data-testid="pending-row"] [data-testid="register"]').trigger('click')
    expect(w.get('[data-testid="act-dialog"]').text()).toContain('为 王丽华 备案')
    await w.get('[data-testid="act-trained-on"]').setValue('2026-11-01')
    await w.get('[data-testid="act-team-CITY_TEAM"]').setValue(true)
    await w.get('[data-testid="act-team-COUNTY_TEAM"]').setValue(true)
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(writes()).toEqual([['POST', '/api/city/lecturers/L1/registration',
      { trainedOn: '2026-11-01', teams: [{ team: 'CITY_TEAM', countyId: null }, { team: 'COUNTY_TEAM', countyId: C }] }]])
    expect(w.find('[data-testid="act-dialog"]').exists()).toBe(false)
  })

  it('a rejection needs a reason before anything is sent; the reason goes to the API', async () => {
    routes['POST /api/city/lecturers/L1/rejection'] = [200, { ...NOMINATED, status: 'REJECTED' }]
    const w = await render(CityLecturersView, '/city/lecturers', {}, 'city-staff')
    await w.get('[data-testid="pending-row"] [data-testid="reject"]').trigger('click')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="act-reason-problem"]').text()).toBe('请填写理由')
    expect(writes()).toEqual([])
    await w.get('[data-testid="act-reason"]').setValue('无家庭教育相关经历')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(writes()).toEqual([['POST', '/api/city/lecturers/L1/rejection', { reason: '无家庭教育相关经历' }]])
  })

  it('records a training; the API\'s field error shows beside the field and a 409 says the state changed', async () => {
    routes['POST /api/city/lecturers/L2/training'] = [422, {
      title: '请求违反规则', status: 422, detail: '讲师信息有 1 处不正确', errors: ['trainedOn: 2999-01-01 晚于今天'],
    }]
    routes['POST /api/city/lecturers/L2/suspension'] = [409, {
      title: '冲突', status: 409, detail: '无法暂停讲师 L2：该讲师已撤销', currentStatus: 'REVOKED',
    }]
    const w = await render(CityLecturersView, '/city/lecturers', {}, 'city-staff')
    await w.get('[data-testid="registry-row"][data-id="L2"] [data-testid="train"]').trigger('click')
    await w.get('[data-testid="act-trained-on"]').setValue('2999-01-01')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="act-trained-on-problem"]').text()).toContain('晚于今天')
    await w.get('[data-testid="act-cancel"]').trigger('click')
    await w.get('[data-testid="registry-row"][data-id="L2"] [data-testid="suspend"]').trigger('click')
    await w.get('[data-testid="act-reason"]').setValue('待核实')
    await w.get('[data-testid="act-dialog"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="act-problem"]').text()).toContain('该讲师已撤销')
    expect(w.get('[data-testid="act-problem"]').text()).toContain('页面已重新读取最新状态')
  })

  it('reads in English', async () => {
    const w = await render(CityLecturersView, '/city/lecturers', {}, 'city-admin', 'en')
    expect(w.get('[data-testid="page-title"]').text()).toBe('Lecturer registry')
    expect(w.get('[data-testid="registry-row"][data-id="L2"] [data-testid="training"]').text()).toBe('Trained (2026-09-20)')
  })
})

describe('讲师申报 (county)', () => {
  beforeEach(() => {
    routes = {
      [`GET /api/city/counties/${C}/lecturer-nominations`]: [200, [
        lecturer('L5', '孙燕', { status: 'REJECTED', statusReason: '材料不全' }), NOMINATED]],
      [`GET /api/city/counties/${C}/lecturers`]: [200, [REGISTERED]],
    }
  })

  it('shows the county\'s nominations with their status and the city\'s reason, and the registered lecturers', async () => {
    const w = await render(CountyLecturersView, `/counties/${C}/lecturers`, { countyId: C }, 'county-admin')
    expect(w.get('[data-testid="page-title"]').text()).toBe('讲师申报')
    const rejected = w.get('[data-testid="mine-row"][data-id="L5"]')
    expect(rejected.get('[data-testid="status"]').text()).toBe('未通过')
    expect(rejected.get('[data-testid="reason"]').text()).toBe('材料不全')
    expect(w.get('[data-testid="mine-row"][data-id="L1"] [data-testid="status"]').text()).toBe('待审核')
    expect(w.get('[data-testid="registered-row"][data-id="L2"]').text()).toContain('已培训（2026-09-20）')
    expect(await serious(w.element)).toEqual([])
  })

  it('nominates: a name is needed, the API gets the form, the list is read again', async () => {
    routes[`POST /api/city/counties/${C}/lecturer-nominations`] = (b) => [201, lecturer('L9', (b as { name: string }).name)]
    const w = await render(CountyLecturersView, `/counties/${C}/lecturers`, { countyId: C }, 'county-admin')
    await w.get('[data-testid="nominate-form"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="nom-name-problem"]').text()).toBe('请填写姓名')
    expect(writes()).toEqual([])
    await w.get('[data-testid="nom-name"]').setValue(' 周敏 ')
    await w.get('[data-testid="nom-affiliation"]').setValue('潞州区实验小学')
    await w.get('[data-testid="nom-age-PRIMARY"]').setValue(true)
    await w.get('[data-testid="nominate-form"]').trigger('submit')
    await flushPromises()
    expect(writes()).toEqual([['POST', `/api/city/counties/${C}/lecturer-nominations`,
      { name: '周敏', affiliation: '潞州区实验小学', expertise: null, ageGroups: ['PRIMARY'], comment: null }]])
    expect(calls.filter((c) => c.url.endsWith('/lecturer-nominations') && c.method === 'GET')).toHaveLength(2)
  })

  it('puts the API\'s 422 beside the field it names', async () => {
    routes[`POST /api/city/counties/${C}/lecturer-nominations`] = [422, {
      title: '请求违反规则', status: 422, detail: '讲师信息有 1 处不正确', errors: ['name: 最多 100 个字符'],
    }]
    const w = await render(CountyLecturersView, `/counties/${C}/lecturers`, { countyId: C }, 'county-admin')
    await w.get('[data-testid="nom-name"]').setValue('长'.repeat(30))
    await w.get('[data-testid="nominate-form"]').trigger('submit')
    await flushPromises()
    expect(w.get('[data-testid="nom-name-problem"]').text()).toContain('最多 100 个字符')
  })

  it('corrects a rejected nomination and sends it again through PUT; a pending one is edited the same way', async () => {
    routes[`PUT /api/city/counties/${C}/lecturer-nominations/L5`] = (b) => [200, lecturer('L5', (b as { name: string }).name)]
    const w = await render(CountyLecturersView, `/counties/${C}/lecturers`, { countyId: C }, 'county-admin')
    expect(w.find('[data-testid="mine-row"][data-id="L1"] [data-testid="edit-nomination"]').text()).toBe('修改')
    await w.get('[data-testid="mine-row"][data-id="L5"] [data-testid="edit-nomination"]').trigger('click')
    expect(w.get('#nominate-title').text()).toContain('重新提交：孙燕')
    expect((w.get('[data-testid="nom-affiliation"]').element as HTMLInputElement).value).toBe('长治学院')
    await w.get('[data-testid="nom-comment"]').setValue('已补充授课经历')
    await w.get('[data-testid="nominate-form"]').trigger('submit')
    await flushPromises()
    expect(writes()).toEqual([['PUT', `/api/city/counties/${C}/lecturer-nominations/L5`,
      { name: '孙燕', affiliation: '长治学院', expertise: '亲子沟通', ageGroups: ['PRIMARY'], comment: '已补充授课经历' }]])
    expect(w.get('#nominate-title').text()).toBe('申报讲师')
    expect(await serious(w.element)).toEqual([])
  })

  it('an assessor of the county reads but has no nomination form', async () => {
    const w = await render(CountyLecturersView, `/counties/${C}/lecturers`, { countyId: C }, 'county-assessor')
    expect(w.find('[data-testid="nominate-form"]').exists()).toBe(false)
    expect(w.findAll('[data-testid="mine-row"]')).toHaveLength(2)
  })
})
