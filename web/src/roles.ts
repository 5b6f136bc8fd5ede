// Who may use what: the role's home (contract C1) and its menu (C3 nav-* test ids).
import type { Me } from '@/api/types'
import { GROUPS, familiesOf, recordsPath } from '@/records/families'

export const ROLES = ['city-admin', 'city-staff', 'county-admin', 'county-assessor', 'xuequ-staff', 'school-admin', 'school-staff'] as const
export type Role = (typeof ROLES)[number]
export type Tier = 'CITY' | 'COUNTY' | 'XUEQU' | 'SCHOOL'

export function tierOf(role: Role): Tier {
  return role.startsWith('city') ? 'CITY' : role.startsWith('county') ? 'COUNTY' : role.startsWith('xuequ') ? 'XUEQU' : 'SCHOOL'
}

/** The page of a 学区's scorecard (issue 17 item 6). */
export function xuequPath(countyId: string, xuequId: string): string {
  return `/counties/${encodeURIComponent(countyId)}/xuequ/${encodeURIComponent(xuequId)}`
}

/** The person's role among the seven (the highest tier if a token carries several). */
export function primaryRole(me: Pick<Me, 'roles'> | null | undefined): Role | null {
  if (!me) return null
  for (const r of ROLES) if (me.roles?.includes(r)) return r
  return null
}

/** The unit the person acts for: their city, county or school. */
export function ownUnitId(me: Me | null | undefined): string | null {
  const role = primaryRole(me)
  if (!me || !role) return null
  const tier = tierOf(role)
  return (tier === 'CITY' ? me.city_id : tier === 'COUNTY' ? me.county_id : tier === 'XUEQU' ? me.xuequ_id : me.school_id) ?? null
}

/** Where `/` takes the person (C1); null when the token names no role or no unit. */
export function homePath(me: Me | null | undefined): string | null {
  const role = primaryRole(me)
  if (!me || !role) return null
  switch (tierOf(role)) {
    case 'CITY':
      return '/city'
    case 'COUNTY':
      if (!me.county_id) return null
      // an assessor starts from what is due to them (issue 13 item 4)
      return role === 'county-assessor' ? '/assessor' : `/counties/${me.county_id}`
    case 'XUEQU':
      return me.county_id && me.xuequ_id ? xuequPath(me.county_id, me.xuequ_id) : null
    case 'SCHOOL':
      return me.school_id ? `/schools/${me.school_id}` : null
  }
}

export interface MenuItem {
  key: 'city' | 'county' | 'school' | 'attention' | 'indicators' | 'assessor' | 'records' | `records-${string}`
    | 'demo-programme' | 'demo-board' | 'demo-titles' | 'demo-assessors' | 'school-demo' | 'imports'
    | 'sign-offs' | 'approvals' | 'city-approvals' | 'city-lecturers' | 'county-lecturers' | 'city-surveys' | 'county-surveys' | 'school-surveys' | 'city-topics' | 'school-topics'
    | 'xuequ' | 'county-schools' | 'city-assessments' | 'county-assessments' | 'city-training' | 'county-training'
  testId: string
  path: string
  labelKey: string
  /** a section's entries (本校记录 → its groups); the section itself is a heading */
  children?: MenuItem[]
  /** further pages that belong to this entry (a group's record families) */
  activeFor?: string[]
}

/** 本校记录: one entry per group of record families, each opening the group's first family (issue 13 item 1). */
function recordsSection(schoolId: string): MenuItem {
  const children = GROUPS.map((g): MenuItem => {
    const families = familiesOf(g)
    return {
      key: `records-${g}`, testId: `nav-records-${g}`, path: recordsPath(schoolId, families[0].key),
      labelKey: `records.groups.${g}`, activeFor: families.map((f) => recordsPath(schoolId, f.key)),
    }
  })
  return { key: 'records', testId: 'nav-records', path: children[0].path, labelKey: 'records.section', children }
}

/** The county admin's demonstration workspace (issue 13 item 3): programme, applications, titles. */
function countyDemoItems(countyId: string): MenuItem[] {
  const base = `/counties/${countyId}/demonstration`
  return [
    { key: 'demo-programme', testId: 'nav-demo-programme', path: base, labelKey: 'countyDemo.nav.programme' },
    { key: 'demo-board', testId: 'nav-demo-board', path: `${base}/applications`, labelKey: 'countyDemo.nav.board' },
    { key: 'demo-titles', testId: 'nav-demo-titles', path: `${base}/titles`, labelKey: 'countyDemo.nav.titles' },
    { key: 'demo-assessors', testId: 'nav-demo-assessors', path: `${base}/assessors`, labelKey: 'countyDemo.nav.assessors' },
  ]
}

/** The left menu: only what the role may use. */
export function menuFor(me: Me | null | undefined): MenuItem[] {
  const role = primaryRole(me)
  if (!me || !role) return []
  const item = (key: MenuItem['key'], path: string): MenuItem => ({ key, testId: `nav-${key}`, path, labelKey: `nav.${key}` })
  // Excel 导入 (issue 14 item 3): a school's records; a county admin's 学区 and school registry
  const imports = (path: string): MenuItem => ({ key: 'imports', testId: 'nav-imports', path, labelKey: 'imports.nav' })
  switch (tierOf(role)) {
    case 'CITY':
      return [item('city', '/city'), item('attention', '/attention'), item('indicators', '/indicators'),
        // 区县报送 (issue 15): city staff and admins accept or return the counties' submissions
        { key: 'city-approvals', testId: 'nav-city-approvals', path: '/city/approvals', labelKey: 'approvals.nav.city' },
        // 讲师备案 (ADR 0024): city staff and admins review nominations and keep the lecturer registry
        { key: 'city-lecturers', testId: 'nav-city-lecturers', path: '/city/lecturers', labelKey: 'lecturers.nav.city' },
        // 培训与认证 (ADR 0025): city staff and admins run training cohorts and issue instructor certificates
        { key: 'city-training', testId: 'nav-city-training', path: '/city/training', labelKey: 'training.nav' },
        // 问卷调查 (ADR 0026): city staff and admins build and publish surveys and read the counts
        { key: 'city-surveys', testId: 'nav-city-surveys', path: '/city/surveys', labelKey: 'surveys.nav.city' },
        { key: 'city-topics', testId: 'nav-city-topics', path: '/city/topics', labelKey: 'topics.nav.city' },
        // 管理考核 (ADR 0028): city staff and admins issue schemes and assess the counties
        { key: 'city-assessments', testId: 'nav-city-assessments', path: '/city/assessments', labelKey: 'schemes.nav.city' }]
    case 'COUNTY':
      if (!me.county_id) return []
      return [
        ...(role === 'county-assessor' ? [item('assessor', '/assessor')] : []),
        item('county', `/counties/${me.county_id}`),
        item('attention', `/counties/${me.county_id}/attention`),
        item('indicators', `/indicators?county=${me.county_id}`),
        // 上报审核 (issue 15): the county admin reviews the schools' sign-offs and submits to the city
        ...(role === 'county-admin' ? [...countyDemoItems(me.county_id),
          { key: 'approvals' as const, testId: 'nav-approvals', path: `/counties/${me.county_id}/approvals`, labelKey: 'approvals.nav.county' },
          // 讲师申报 (ADR 0024): the county admin nominates lecturers to the city's registry
          { key: 'county-lecturers' as const, testId: 'nav-county-lecturers', path: `/counties/${me.county_id}/lecturers`, labelKey: 'lecturers.nav.county' },
          // 学区考核 (ADR 0028): the county admin issues schemes and assesses the county's 学区
          { key: 'county-assessments' as const, testId: 'nav-county-assessments', path: `/counties/${me.county_id}/assessments`, labelKey: 'schemes.nav.county' },
          // 培训与持证 (ADR 0025): the county admin reads the county's staff trained and certified by the city
          { key: 'county-training' as const, testId: 'nav-county-training', path: `/counties/${me.county_id}/training`, labelKey: 'training.county.nav' },
          // 区县问卷 (ADR 0026): the county admin builds and publishes surveys to the county's schools
          { key: 'county-surveys' as const, testId: 'nav-county-surveys', path: `/counties/${me.county_id}/surveys`, labelKey: 'surveys.nav.county' },
          // 学校名册 (issue 17 item 6): the county admin closes a school or merges it into another
          { key: 'county-schools' as const, testId: 'nav-county-schools', path: `/counties/${me.county_id}/schools`, labelKey: 'registry.nav' },
          imports(`/counties/${me.county_id}/imports`)] : []),
      ]
    case 'XUEQU':
      // 学区 staff (ADR 0027): their 学区's scorecard, nothing of the county beyond it
      return me.county_id && me.xuequ_id
        ? [{ key: 'xuequ', testId: 'nav-xuequ', path: xuequPath(me.county_id, me.xuequ_id), labelKey: 'xuequ.nav' }]
        : []
    case 'SCHOOL':
      return me.school_id ? [item('school', `/schools/${me.school_id}`), recordsSection(me.school_id),
        imports(`/schools/${me.school_id}/imports`),
        // 上报与审核 (issue 15): every school user sees it; the school admin signs off
        { key: 'sign-offs', testId: 'nav-sign-offs', path: `/schools/${me.school_id}/sign-offs`, labelKey: 'approvals.nav.school' },
        { key: 'school-demo', testId: 'nav-school-demo', path: `/schools/${me.school_id}/demonstration`, labelKey: 'schoolDemo.nav' },
        // 问卷录入 (ADR 0026): anonymous answers to the city's surveys, counts sent upward
        { key: 'school-surveys', testId: 'nav-school-surveys', path: `/schools/${me.school_id}/surveys`, labelKey: 'surveys.nav.school' },
        // 课题认领 (ADR 0026): the school claims topics of the city's bank
        { key: 'school-topics', testId: 'nav-school-topics', path: `/schools/${me.school_id}/topics`, labelKey: 'topics.nav.school' }] : []
  }
}
