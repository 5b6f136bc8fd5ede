import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { createPinia } from 'pinia'
import AppLayout from './AppLayout.vue'
import { useSession } from '@/stores/session'
import { STORAGE_KEY, storedLang } from '@/i18n'
import { blankRouter, mountWith } from '@/test/mount'
import { ME } from '@/test/fixtures'

async function layout(role: string, unitName: string) {
  const pinia = createPinia()
  const router = blankRouter()
  await router.push('/city?period=2026-2027-1')
  const w = mountWith(AppLayout, { pinia, router })
  const session = useSession()
  session.me = ME[role]
  session.unit = { id: 'u', level: 'CITY', name: unitName, cityId: '990100', cityName: '演示市', countyId: null, countyName: null, xuequId: null, schoolType: null }
  session.calendar = {
    today: '2026-12-04', currentSemester: '2026-2027-1',
    semesters: [{ id: '2026-2027-1', start: '2026-09-01', end: '2027-01-31' }, { id: '2025-2026-2', start: '2026-02-01', end: '2026-08-31' }],
  }
  await flushPromises()
  return { w, router }
}

describe('top bar and language', () => {
  it('shows the person, their unit and their role in words, landmarks and the role menu', async () => {
    const { w } = await layout('city-staff', '演示市')
    expect(w.get('[data-testid="user-name"]').text()).toBe('王芳')
    expect(w.get('[data-testid="user-unit"]').text()).toBe('演示市')
    expect(w.get('[data-testid="user-role"]').text()).toBe('市中心工作人员')
    expect(w.find('header').exists() && w.find('nav').exists() && w.find('main').exists()).toBe(true)
    expect(w.findAll('[data-testid^="nav-"]').map((n) => n.attributes('data-testid')))
      .toEqual(['nav-city', 'nav-attention', 'nav-indicators', 'nav-city-approvals', 'nav-city-lecturers', 'nav-city-training', 'nav-city-surveys', 'nav-city-topics', 'nav-city-assessments'])
    expect(w.get('[data-testid="nav-city"]').attributes('aria-current')).toBe('page')
  })

  it('a school user sees only the school item and its records, and no name falls back to the user name', async () => {
    const { w } = await layout('school-staff', '湖畔小学')
    expect(w.findAll('[data-testid^="nav-"]').map((n) => n.attributes('data-testid')).slice(0, 6)).toEqual([
      'nav-school', 'nav-records', 'nav-records-organisation', 'nav-records-activities', 'nav-records-care', 'nav-records-platform',
    ])
    // the section is a heading of its group links, not a link itself
    expect(w.get('[data-testid="nav-records"]').element.tagName).toBe('SPAN')
    expect(w.get('[data-testid="nav-records"]').text()).toBe('本校记录')
    expect(w.get('[data-testid="user-name"]').text()).toBe('staff-9901130001')
    expect(w.get('[data-testid="user-role"]').text()).toBe('学校工作人员')
  })

  it('the language switch toggles zh-CN and en, sets <html lang> and is remembered', async () => {
    const { w } = await layout('county-admin', '西湖区')
    const sw = w.get('[data-testid="lang-switch"]')
    expect(sw.attributes('aria-label')).toBe('English（切换语言）')
    await sw.trigger('click')
    expect(w.get('[data-testid="user-role"]').text()).toBe('County administrator')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem(STORAGE_KEY)).toBe('en')
    expect(storedLang()).toBe('en')
    await sw.trigger('click')
    expect(w.get('[data-testid="user-role"]').text()).toBe('区县管理员')
    expect(localStorage.getItem(STORAGE_KEY)).toBe('zh-CN')
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('the period picker is labelled and puts the chosen semester in the URL', async () => {
    const { w, router } = await layout('city-admin', '演示市')
    const picker = w.get('[data-testid="period-picker"]')
    expect(picker.attributes('aria-label')).toBe('选择学期')
    expect((picker.element as HTMLSelectElement).value).toBe('2026-2027-1')
    expect(w.findAll('[data-testid="period-picker"] option').map((o) => o.text()))
      .toEqual(['2026-2027学年第1学期（本学期）', '2025-2026学年第2学期'])
    await picker.setValue('2025-2026-2')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/city?period=2025-2026-2')
  })
})
