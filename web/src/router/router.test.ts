import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { createPinia, setActivePinia } from 'pinia'
import { ME } from '@/test/fixtures'

const me = vi.hoisted(() => ({ current: null as unknown }))
vi.mock('@/api/reports', () => ({
  api: {
    me: vi.fn(async () => me.current),
    calendar: vi.fn(async () => ({
      today: '2026-12-04', currentSemester: '2026-2027-1',
      semesters: [{ id: '2026-2027-1', start: '2026-09-01', end: '2027-01-31' }],
    })),
    unit: vi.fn(async (id: string) => ({ id, level: 'CITY', name: '演示市' })),
  },
  exportUrl: {},
}))

import { makeRouter, routes } from '@/router'
import { api } from '@/api/reports'

async function landing(role: string) {
  me.current = ME[role]
  setActivePinia(createPinia())
  const router = makeRouter(createMemoryHistory())
  await router.push('/')
  return router.currentRoute.value
}

describe('home redirect per role', () => {
  beforeEach(() => vi.clearAllMocks())

  it.each([
    ['city-staff', '/city'],
    ['city-admin', '/city'],
    ['county-admin', '/counties/990113'],
    ['school-admin', '/schools/9901130001'],
    ['school-staff', '/schools/9901130001'],
  ])('%s lands on %s with the current semester in the URL', async (role, path) => {
    const route = await landing(role)
    expect(route.path).toBe(path)
    expect(route.query.period).toBe('2026-2027-1')
  })

  it('a county assessor lands on their assignments (no period: assignments are not by semester)', async () => {
    const route = await landing('county-assessor')
    expect(route.path).toBe('/assessor')
    expect(route.name).toBe('assessor')
  })

  it('/me/notifications is the inbox page (a page of the app, not the gateway\'s /me), without a period', async () => {
    me.current = ME['county-assessor']
    setActivePinia(createPinia())
    const router = makeRouter(createMemoryHistory())
    await router.push('/me/notifications?tab=settings')
    expect(router.currentRoute.value.name).toBe('notifications')
    expect(router.currentRoute.value.fullPath).toBe('/me/notifications?tab=settings')
  })

  it('a menu click while the home redirect still waits for the calendar is where the person ends up', async () => {
    // the menu shows as soon as /me answers; the calendar can take seconds more, and the first
    // navigation's redirect to the role's home must not undo a page the person already chose
    me.current = ME['county-admin']
    let answer: (c: unknown) => void = () => undefined
    vi.mocked(api.calendar).mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)) as never)
    setActivePinia(createPinia())
    const router = makeRouter(createMemoryHistory())
    const home = router.push('/')
    await vi.waitFor(() => expect(api.calendar).toHaveBeenCalled())
    const chosen = router.push('/counties/990113/attention')
    answer({ today: '2026-12-04', currentSemester: '2026-2027-1', semesters: [{ id: '2026-2027-1', start: '2026-09-01', end: '2027-01-31' }] })
    await Promise.all([home, chosen])
    expect(router.currentRoute.value.path).toBe('/counties/990113/attention')
    expect(router.currentRoute.value.query.period).toBe('2026-2027-1')
  })

  it('a person without a role lands on the not-found page', async () => {
    me.current = { username: 'x', roles: [] }
    setActivePinia(createPinia())
    const router = makeRouter(createMemoryHistory())
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('not-found')
  })

  it('a deep link keeps its period and an unknown path is not found', async () => {
    me.current = ME['city-staff']
    setActivePinia(createPinia())
    const router = makeRouter(createMemoryHistory())
    await router.push('/counties/990114?period=2025-2026-2')
    expect(router.currentRoute.value.fullPath).toBe('/counties/990114?period=2025-2026-2')
    await router.push('/no/such/page')
    expect(router.currentRoute.value.name).toBe('not-found')
  })

  it('the Excel import pages of a school and of a county are their own lazily loaded route', async () => {
    me.current = ME['school-admin']
    setActivePinia(createPinia())
    const router = makeRouter(createMemoryHistory())
    await router.push('/schools/9901130001/imports')
    expect(router.currentRoute.value.name).toBe('school-imports')
    expect(router.currentRoute.value.params).toEqual({ schoolId: '9901130001' })
    expect(router.resolve('/counties/990113/imports').name).toBe('county-imports')
    for (const name of ['school-imports', 'county-imports']) {
      expect(typeof routes.find((r) => r.name === name)!.component).toBe('function')
    }
  })

  it('a calendar that does not answer holds the landing at most 4 s, then the default semester stands in', async () => {
    vi.useFakeTimers()
    try {
      vi.mocked(api.calendar).mockImplementationOnce(() => new Promise(() => {}))
      me.current = ME['county-admin']
      setActivePinia(createPinia())
      const router = makeRouter(createMemoryHistory())
      vi.setSystemTime(new Date('2026-12-04T08:00:00Z'))
      const landing = router.push('/')
      await vi.advanceTimersByTimeAsync(3900)
      expect(router.currentRoute.value.path).toBe('/')
      await vi.advanceTimersByTimeAsync(200)
      await landing
      expect(router.currentRoute.value.fullPath).toBe('/counties/990113?period=2026-2027-1')
    } finally {
      vi.useRealTimers()
    }
  })
})
