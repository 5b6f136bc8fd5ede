import { describe, expect, it } from 'vitest'
import { homePath, menuFor, primaryRole } from '@/roles'
import { ME } from '@/test/fixtures'

const testIds = (role: string) => menuFor(ME[role]).map((m) => m.testId)

describe('role-based menu', () => {
  it('city users see the city scorecard, attention and indicators', () => {
    // and the counties' submissions of a period (区县报送, issue 15)
    // and the lecturer registry (讲师备案, ADR 0024)
    // training and certification (培训与认证, ADR 0025), surveys and topics (ADR 0026), the management assessment of counties (管理考核, ADR 0028)
    expect(testIds('city-staff')).toEqual(['nav-city', 'nav-attention', 'nav-indicators', 'nav-city-approvals', 'nav-city-lecturers', 'nav-city-training', 'nav-city-surveys', 'nav-city-topics', 'nav-city-assessments'])
    expect(testIds('city-admin')).toEqual(['nav-city', 'nav-attention', 'nav-indicators', 'nav-city-approvals', 'nav-city-lecturers', 'nav-city-training', 'nav-city-surveys', 'nav-city-topics', 'nav-city-assessments'])
    expect(menuFor(ME['city-staff']).find((m) => m.key === 'city-training')!.path).toBe('/city/training')
    expect(menuFor(ME['city-staff']).find((m) => m.key === 'attention')!.path).toBe('/attention')
    expect(menuFor(ME['city-staff']).find((m) => m.key === 'city-lecturers')!.path).toBe('/city/lecturers')
  })

  it('the county admin nominates lecturers (讲师申报); an assessor does not', () => {
    expect(menuFor(ME['county-admin']).find((m) => m.key === 'county-lecturers')!.path).toBe('/counties/990113/lecturers')
    expect(testIds('county-assessor')).not.toContain('nav-county-lecturers')
    // and reads the county's staff trained and certified by the city (培训与持证, ADR 0025)
    expect(menuFor(ME['county-admin']).find((m) => m.key === 'county-training')!.path).toBe('/counties/990113/training')
    expect(testIds('county-assessor')).not.toContain('nav-county-training')
    expect(menuFor(ME['county-admin']).find((m) => m.key === 'county-surveys')!.path).toBe('/counties/990113/surveys')
    expect(testIds('county-assessor')).not.toContain('nav-county-surveys')
  })

  it('the county admin assesses the county\'s 学区 (学区考核, ADR 0028); an assessor does not', () => {
    expect(menuFor(ME['county-admin']).find((m) => m.key === 'county-assessments')!.path).toBe('/counties/990113/assessments')
    expect(testIds('county-assessor')).not.toContain('nav-county-assessments')
  })

  it('county users see their county, its attention list and indicators of their county', () => {
    // the county admin also runs the demonstration programme (programme, applications, titles, assessor panel)
    expect(testIds('county-admin').slice(0, 7)).toEqual(['nav-county', 'nav-attention', 'nav-indicators', 'nav-demo-programme',
      'nav-demo-board', 'nav-demo-titles', 'nav-demo-assessors'])
    expect(menuFor(ME['county-admin']).map((m) => m.path).slice(0, 7))
      .toEqual(['/counties/990113', '/counties/990113/attention', '/indicators?county=990113', '/counties/990113/demonstration',
        '/counties/990113/demonstration/applications', '/counties/990113/demonstration/titles',
        '/counties/990113/demonstration/assessors'])
    // an assessor (no demonstration workspace: they act in their assignments) has their assignments first, then what every county user sees
    expect(testIds('county-assessor')).toEqual(['nav-assessor', 'nav-county', 'nav-attention', 'nav-indicators'])
    expect(menuFor(ME['county-assessor']).map((m) => m.path))
      .toEqual(['/assessor', '/counties/990113', '/counties/990113/attention', '/indicators?county=990113'])
  })

  it('school users see only their school: its figures and its records (本校记录) by group', () => {
    for (const role of ['school-admin', 'school-staff']) {
      expect(testIds(role).slice(0, 2)).toEqual(['nav-school', 'nav-records'])
      expect(testIds(role).filter((id) => ['nav-city', 'nav-county', 'nav-attention', 'nav-indicators', 'nav-assessor'].includes(id))).toEqual([])
    }
    expect(menuFor(ME['school-staff'])[0].path).toBe('/schools/9901130001')
    const records = menuFor(ME['school-staff']).find((m) => m.key === 'records')!
    expect(records.children!.map((c) => c.testId))
      .toEqual(['nav-records-organisation', 'nav-records-activities', 'nav-records-care', 'nav-records-platform'])
    expect(records.children![0].path).toBe('/schools/9901130001/records/classes')
    expect(records.children![3].activeFor).toContain('/schools/9901130001/records/platform-learning')
  })

  it('school users find the demonstration-school pages (示范校创建) in their menu', () => {
    for (const role of ['school-admin', 'school-staff']) {
      const demo = menuFor(ME[role]).find((m) => m.key === 'school-demo')!
      expect(demo.testId).toBe('nav-school-demo')
      expect(demo.path).toBe('/schools/9901130001/demonstration')
    }
  })

  it('Excel 导入 sits right after 本校记录 for school users, and last for county admins only', () => {
    for (const role of ['school-admin', 'school-staff']) {
      const ids = testIds(role)
      expect(ids[ids.indexOf('nav-records') + 1]).toBe('nav-imports')
      expect(menuFor(ME[role]).find((m) => m.key === 'imports')).toMatchObject({ path: '/schools/9901130001/imports', labelKey: 'imports.nav' })
    }
    expect(menuFor(ME['county-admin']).at(-1)).toMatchObject({ testId: 'nav-imports', path: '/counties/990113/imports' })
    expect(testIds('county-assessor')).not.toContain('nav-imports')
    expect(testIds('city-staff')).not.toContain('nav-imports')
  })

  it('a token without one of the six roles gets no menu and no home', () => {
    const nobody = { username: 'x', roles: ['offline_access'] }
    expect(menuFor(nobody)).toEqual([])
    expect(homePath(nobody)).toBeNull()
    expect(primaryRole(nobody)).toBeNull()
  })

  it('each role has its home (contract C1)', () => {
    expect(homePath(ME['city-staff'])).toBe('/city')
    expect(homePath(ME['county-assessor'])).toBe('/assessor')
    expect(homePath(ME['county-admin'])).toBe('/counties/990113')
    expect(homePath(ME['school-admin'])).toBe('/schools/9901130001')
  })
})

import { guessSemester } from '@/stores/session'

describe('semester without a calendar', () => {
  it('follows the default calendar in Asia/Shanghai', () => {
    expect(guessSemester(new Date('2026-12-04T08:00:00Z'))).toBe('2026-2027-1')
    expect(guessSemester(new Date('2027-01-31T15:00:00Z'))).toBe('2026-2027-1')
    expect(guessSemester(new Date('2027-01-31T16:30:00Z'))).toBe('2026-2027-2') // already 1 February in Shanghai
    expect(guessSemester(new Date('2027-08-31T12:00:00Z'))).toBe('2026-2027-2')
    expect(guessSemester(new Date('2027-08-31T16:00:00Z'))).toBe('2027-2028-1')
  })
})
