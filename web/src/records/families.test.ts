import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { routes } from '@/router'
import { ENUMS, ENDPOINTS } from '@/api/recordFamilies'
import zh from '@/i18n/records.zh-CN'
import en from '@/i18n/records.en'
import { menuFor } from '@/roles'
import { ME } from '@/test/fixtures'
import { FAMILIES, GROUPS, familiesOf, familyOf, recordsPath } from './families'
import { bodyOf, cellText, emptyForm, formOf, problemsByField, visibleFields } from './form'

// every record family the school keeps (issue 13 item 1)
const EXPECTED = [
  'classes', 'parent-school', 'committees', 'instructors', 'head-trainings', 'sessions', 'six-ones', 'suggestions',
  'home-contacts', 'home-visit-files', 'special-students', 'consultation-outreach', 'consultations',
  'platform-registrations', 'platform-learning', 'platform-recommendations',
  // issue 17 item 4
  'open-school-events', 'reading-campaigns', 'guard-duty-members', 'guard-duties', 'practice-bases',
]

describe('record family descriptions', () => {
  it('describe every family the school keeps, each with its endpoints, once', () => {
    expect(FAMILIES.map((f) => f.key).sort()).toEqual([...EXPECTED].sort())
    expect(Object.keys(ENDPOINTS).sort()).toEqual([...EXPECTED].sort())
    for (const f of FAMILIES) {
      expect(f.fields.length, f.key).toBeGreaterThan(0)
      expect(f.columns.length, f.key).toBeGreaterThan(0)
      expect(f.endpoints.path, f.key).toMatch(/^[a-z-]+(\/[a-z-]+)?$/)
    }
  })

  it('every family has a page: a route, a menu group that leads to it and a tab', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes })
    const groups = menuFor(ME['school-admin']).find((m) => m.key === 'records')!.children!
    expect(groups.map((g) => g.key)).toEqual(GROUPS.map((g) => `records-${g}`))
    for (const f of FAMILIES) {
      const path = recordsPath('9901130001', f.key)
      const r = router.resolve(path)
      expect(r.name, f.key).toBe('school-records')
      expect(r.params).toEqual({ schoolId: '9901130001', family: f.key })
      expect(familyOf(String(r.params.family))).toBe(f)
      expect(groups.find((g) => g.key === `records-${f.group}`)!.activeFor, f.key).toContain(path)
      expect(familiesOf(f.group)).toContain(f)
    }
    expect(familyOf('nonsense')).toBeNull()
    // the section's own address opens its first family
    await router.push('/schools/9901130001/records?period=2026-2027-1')
    expect(router.currentRoute.value.fullPath).toBe('/schools/9901130001/records/classes?period=2026-2027-1')
  })

  it('have a title, help, field labels and enum labels in both languages (no raw key on screen)', () => {
    for (const f of FAMILIES) {
      expect(zh.families[f.key].title && en.families[f.key].title, f.key).toBeTruthy()
      for (const field of [...f.fields, ...f.columns]) {
        expect(zh.fields[field.key as keyof typeof zh.fields], `${f.key}.${field.key}`).toBeTruthy()
        expect(en.fields[field.key as keyof typeof en.fields], `${f.key}.${field.key}`).toBeTruthy()
        if (field.kind === 'enum') {
          expect(field.enum, `${f.key}.${field.key}`).toBeTruthy()
          for (const v of ENUMS[field.enum!]) {
            expect((zh.enums[field.enum!] as Record<string, string>)[v], `${field.enum}.${v}`).toBeTruthy()
            expect((en.enums[field.enum!] as Record<string, string>)[v], `${field.enum}.${v}`).toBeTruthy()
          }
        }
      }
    }
  })

  it('a family with a class can be filtered by class; the parent school is one record without a period', () => {
    for (const key of ['sessions', 'committees', 'home-contacts', 'special-students', 'consultations', 'six-ones']) {
      const f = familyOf(key)!
      expect(f.classFilter, key).toBe(true)
      expect(f.endpoints.listQuery('2026-2027-1', 'C1A'), key).toMatchObject({ classId: 'C1A' })
    }
    expect(familyOf('sessions')!.endpoints.listQuery('2026-2027-1', null)).toEqual({ semester: '2026-2027-1' })
    expect(familyOf('suggestions')!.endpoints.listQuery('2026-2027-1', null)).toEqual({ schoolYear: '2026-2027' })
    const ps = familyOf('parent-school')!
    expect(ps.endpoints.singleton).toBe(true)
    expect(ps.periodFilter).toBe(false)
    // the head change carries the day it takes effect
    expect(ps.fields.map((f) => f.key)).toContain('effectiveFrom')
  })

  it('student references and notes are written, never listed', () => {
    for (const f of FAMILIES) {
      for (const field of f.fields.filter((x) => x.key === 'studentRef' || x.key === 'guardianRef' || x.key === 'notes')) {
        expect(field.secret, `${f.key}.${field.key}`).toBe(true)
        expect(f.columns.map((c) => c.key), f.key).not.toContain(field.key)
      }
    }
  })
})

describe('home-visit files (一人一档)', () => {
  it('are listed by school year and class, created in a batch without an id of the school, and shown by their file id', () => {
    const files = familyOf('home-visit-files')!
    expect(files.endpoints.listQuery('2026-2027-1', 'C1A')).toEqual({ schoolYear: '2026-2027', classId: 'C1A' })
    expect(files.classFilter).toBe(true)
    expect(files.endpoints.idKey).toBe('fileId')
    expect(files.endpoints.create).toEqual({ batch: 'files', idInBatch: null })
    expect(files.columns.map((c) => c.key)).toEqual(['fileId', 'classId', 'openedOn'])
  })

  it('a correction changes the class and the day, never the student: the field is not in the correction form nor its body', () => {
    const files = familyOf('home-visit-files')!
    const form = { ...emptyForm(files), classId: 'C3A', studentRef: 'STU-031', openedOn: '2026-10-08' }
    expect(visibleFields(files, form).map((f) => f.key)).toEqual(['classId', 'studentRef', 'openedOn'])
    expect(bodyOf(files, form)).toEqual({ classId: 'C3A', studentRef: 'STU-031', openedOn: '2026-10-08' })
    expect(visibleFields(files, form, 'edit').map((f) => f.key)).toEqual(['classId', 'openedOn'])
    expect(bodyOf(files, form, 'edit')).toEqual({ classId: 'C3A', openedOn: '2026-10-08' })
    // every other family's student reference may be sent again with a correction
    expect(visibleFields(familyOf('home-contacts')!, emptyForm(familyOf('home-contacts')!), 'edit').map((f) => f.key)).toContain('studentRef')
  })
})

describe('record forms', () => {
  it('send only the fields that apply, blanks as null, a blank secret not at all, instants in UTC', () => {
    const sessions = familyOf('sessions')!
    const form = { ...emptyForm(sessions), classId: 'C1A', date: '2026-10-16', topic: ' 幼小衔接 ', lecturer: '李老师', attendance: 38 }
    expect(bodyOf(sessions, form)).toEqual({ type: 'COLLECTIVE', date: '2026-10-16', topic: '幼小衔接', lecturerId: null, lecturer: '李老师', mode: 'OFFLINE', attendance: 38 })
    expect(bodyOf(sessions, { ...form, type: 'CLASS' })).toMatchObject({ type: 'CLASS', classId: 'C1A' })
    const cases = familyOf('consultations')!
    const body = bodyOf(cases, { ...emptyForm(cases), classId: 'C5A', appointmentAt: '2026-10-12T15:00:00', consultant: '陈静' })
    expect(body).not.toHaveProperty('studentRef')
    expect(body).not.toHaveProperty('notes')
    expect(body.appointmentAt).toBe('2026-10-12T07:00:00Z')
  })

  it('place API errors by field path, batch paths included; the rest goes above the buttons', () => {
    expect(problemsByField([
      { field: 'date', message: '晚于今天' }, { field: 'contacts[0].mode', message: 'unknown' },
      { field: 'reason', message: '必填' }, { field: 'other', message: 'x' }, { field: null, message: 'y' },
    ], ['date', 'mode', 'reason'])).toEqual({ date: '晚于今天', mode: 'unknown', reason: '必填', '': 'other: x y' })
  })
})

describe('open schooling, reading, guard duty and practice bases (issue 17 item 4)', () => {
  it('a parents-into-classroom session sends the profession and, when typed, the parent; no other type does', () => {
    const events = familyOf('open-school-events')!
    expect(events.endpoints.listQuery('2026-2027-1', 'C1A')).toEqual({ semester: '2026-2027-1', classId: 'C1A' })
    const meeting = { ...emptyForm(events), date: '2026-10-16', theme: '期中家长会', attendance: 300, profession: '医生', parentRef: 'G-7' }
    expect(bodyOf(events, meeting)).toEqual({ type: 'PARENT_MEETING', classId: null, date: '2026-10-16', mode: 'OFFLINE',
      theme: '期中家长会', attendance: 300 })
    const classroom = { ...meeting, type: 'PARENTS_INTO_CLASSROOM', classId: 'C1A' }
    expect(bodyOf(events, classroom)).toMatchObject({ classId: 'C1A', profession: '医生', parentRef: 'G-7' })
    expect(bodyOf(events, { ...classroom, parentRef: '' })).not.toHaveProperty('parentRef')
    expect(events.columns.map((c) => c.key)).not.toContain('parentRef')
  })

  it('a guard member is written with who they are and listed by kind and member id only; voluntary only for a parent', () => {
    const members = familyOf('guard-duty-members')!
    expect(members.endpoints.path).toBe('guard-duty/members')
    expect(members.periodFilter).toBe(false)
    expect(members.columns.map((c) => c.key)).toEqual(['memberId', 'kind', 'signedUpOn', 'voluntary', 'leftOn'])
    const parent = { ...emptyForm(members), personRef: 'G-1', signedUpOn: '2026-09-01' }
    expect(bodyOf(members, parent)).toEqual({ kind: 'PARENT', personRef: 'G-1', signedUpOn: '2026-09-01', voluntary: true, leftOn: null })
    expect(bodyOf(members, { ...parent, kind: 'TEACHER' })).not.toHaveProperty('voluntary')
  })

  it('a guard duty picks its members from the team, sent as a list and shown as one again', () => {
    const duties = familyOf('guard-duties')!
    expect(duties.endpoints.path).toBe('guard-duty/duties')
    expect(duties.endpoints.listQuery('2026-2027-1', null)).toEqual({ semester: '2026-2027-1' })
    expect(duties.fields.find((f) => f.key === 'memberIds')?.kind).toBe('guardMembers')
    expect(emptyForm(duties).memberIds).toEqual([])
    const form = { ...emptyForm(duties), date: '2026-10-12', memberIds: ['M-1', 'M-3', 'M-4'] }
    expect(bodyOf(duties, form)).toEqual({ date: '2026-10-12', slot: 'ARRIVAL', memberIds: ['M-1', 'M-3', 'M-4'] })
    expect(bodyOf(duties, { ...form, memberIds: null })).toMatchObject({ memberIds: [] })
    const row = { id: 'D-1', data: { dutyId: 'D-1', date: '2026-10-12', slot: 'ARRIVAL', memberIds: ['M-1', 'M-3'] } } as never
    expect(formOf(duties, row).memberIds).toEqual(['M-1', 'M-3'])
    const t = (key: string) => key
    expect(cellText({ key: 'memberIds', kind: 'guardMembers' }, ['M-1', 'M-3'], { t, className: (c) => c })).toBe('M-1、M-3')
  })

  it('a reading campaign defaults to 21 days of 20 minutes and lists its last day; practice bases need no period', () => {
    const reading = familyOf('reading-campaigns')!
    expect(emptyForm(reading)).toMatchObject({ days: 21, targetMinutes: 20 })
    expect(reading.columns.map((c) => c.key)).toContain('lastDay')
    expect(reading.classFilter).toBe(true)
    const bases = familyOf('practice-bases')!
    expect(bases.periodFilter).toBe(false)
    expect(bodyOf(bases, { ...emptyForm(bases), name: '城郊农场', partnerUnit: '城郊农场', courses: 4 }))
      .toEqual({ name: '城郊农场', type: 'LABOUR', partnerUnit: '城郊农场', agreementSignedOn: null, courses: 4, active: true })
  })
})
