// A stand-in for the gateway and reporting-service in development (`npm run dev:mock`): made-up
// figures of a small demo city in the shapes of the API, so that the pages can be looked at,
// screenshotted and scanned for accessibility without a running platform. Never bundled.
import type { Connect } from 'vite'
import { districtAnswer } from './district'
import { schoolAnswer } from './school'
import { schoolDemoAnswer } from './schoolDemo'
import { importsAnswer } from './imports'
import { approvalsAnswer } from './approvals'
import { notificationsAnswer } from './notifications'

const CITY = '990100'
const COUNTIES = [{ id: '990113', name: '西湖区' }, { id: '990114', name: '北湖县' }, { id: '990115', name: '南山区' }]
const SCHOOLS = [
  { id: '9901130001', name: '湖畔小学', county: '990113', xuequ: 'XQ01', type: 'PRIMARY' },
  { id: '9901130002', name: '西湖第二中学', county: '990113', xuequ: 'XQ01', type: 'JUNIOR_SECONDARY' },
  { id: '9901130003', name: '柳浪幼儿园', county: '990113', xuequ: 'XQ02', type: 'KINDERGARTEN' },
  { id: '9901140001', name: '北湖实验小学', county: '990114', xuequ: 'XQ11', type: 'PRIMARY' },
]
const XUEQU_NAMES: Record<string, string> = { XQ01: '湖畔学区', XQ02: '柳浪学区', XQ11: '北湖学区' }
const IND = [
  ['PLATFORM_REGISTRATION', '家长学校平台注册率', 'Parent platform registration', 'RATIO', 'SEMESTER', 0.6, false],
  ['PARENT_LEARNING_PER_CAPITA', '家长人均学习次数', 'Parent learning per capita', 'PER_CAPITA', 'SCHOOL_YEAR', 4, false],
  ['COLLECTIVE_SESSIONS', '集体授课次数', 'Collective sessions', 'COUNT', 'SEMESTER', 1, false],
  ['PARENT_SCHOOL_ESTABLISHED', '家长学校建校率', 'Parent school established', 'SCHOOL_THRESHOLD', 'SEMESTER', 1, false],
  ['SPECIAL_CARE', '特殊学生关爱建档率', 'Special care files', 'RATIO', 'SEMESTER', 1, true],
  ['SUGGESTIONS_RESOLVED', '家长建议办结率', 'Suggestions resolved', 'RATIO', 'SCHOOL_YEAR', null, false],
  ['DEMONSTRATION_SCHOOLS', '示范校数量', 'Demonstration schools', 'UNIT_COUNT', 'PROGRAMME_CYCLE', 3, false],
] as const

const ROLES: Record<string, object> = {
  'city-staff': { username: 'staff-990100', name: '王芳', roles: ['city-staff'], city_id: CITY },
  'county-admin': { username: 'admin-990113', name: '李强', roles: ['county-admin'], county_id: '990113', city_id: CITY },
  'county-assessor': { username: 'assessor-990113', name: '陈静', roles: ['county-assessor'], county_id: '990113', city_id: CITY },
  'xuequ-staff': { username: 'xuequ-990113-xq01', name: '赵磊', roles: ['xuequ-staff'], county_id: '990113', xuequ_id: 'XQ01', city_id: CITY },
  'school-admin': { username: 'admin-9901130001', name: '张敏', roles: ['school-admin'], school_id: '9901130001', county_id: '990113', city_id: CITY },
}

function own(periodType: string, semester: string): string {
  const [a, b] = semester.split('-')
  if (periodType === 'SCHOOL_YEAR') return `${a}-${b}`
  if (periodType === 'PROGRAMME_CYCLE') return '2024-2027'
  return semester
}

function indicator(i: (typeof IND)[number]) {
  return {
    code: i[0], nameZh: i[1], nameEn: i[2], kind: i[3], periodType: i[4], comparator: 'AT_LEAST', sensitive: i[6],
    schoolTypes: [], target: i[5],
  }
}

/** a deterministic figure per (unit, indicator) */
function figure(unit: string, i: (typeof IND)[number]) {
  const seed = [...(unit + i[0])].reduce((s, c) => (s * 31 + c.charCodeAt(0)) % 9973, 7)
  const kind = i[3]
  const den = kind === 'COUNT' || kind === 'UNIT_COUNT' ? 1 : kind === 'SCHOOL_THRESHOLD' ? 1 : 100 + (seed % 300)
  let num: number
  if (kind === 'RATIO') num = Math.round(den * (0.35 + (seed % 60) / 100))
  else if (kind === 'PER_CAPITA') num = Math.round(den * (2 + (seed % 40) / 10))
  else if (kind === 'COUNT') num = seed % 4
  else if (kind === 'UNIT_COUNT') num = seed % 5
  else num = seed % 3 === 0 ? 0 : 1
  if (i[6] && seed % 2 === 0) num = Math.min(num, 3)
  num = Math.min(num, kind === 'RATIO' ? den : num)
  const value = den === 0 ? null : Math.round((num / den) * 10000) / 10000
  const target = i[5]
  const met = target == null ? null : value != null && value >= target
  const small = i[6] && ((num >= 1 && num <= 4) || (den >= 1 && den <= 4))
  return { num, den, value, met, small, seed }
}

function rollupCell(id: string, name: string, i: (typeof IND)[number], expected: number) {
  const f = figure(id, i)
  const reporting = Math.max(1, expected - (f.seed % 2))
  // sign-offs (完成上报): one rollup in five predates them (null); the others count in-force, on-time and approved ones
  const signedOff = Math.max(0, reporting - (f.seed % 2))
  const signedOffOnTime = Math.max(0, signedOff - (f.seed % 3 === 0 ? 1 : 0))
  const share = (n: number) => Math.round((n / expected) * 10000) / 10000
  const signOffs = f.seed % 5 === 1 ? null : {
    signedOff, signedOffOnTime, approved: Math.max(0, signedOff - (f.seed % 2)),
    completeness: share(signedOff), timeliness: share(signedOffOnTime),
  }
  return {
    id, name, suppressed: f.small, numerator: f.small ? null : f.num, denominator: f.small ? null : f.den,
    value: f.small ? null : f.value, target: i[5], met: f.small ? null : f.met,
    schoolsMeetingTarget: Math.max(0, reporting - (f.seed % 3)), schoolsReporting: reporting, schoolsExpected: expected,
    completeness: reporting / expected, schoolsOnTime: reporting - 1, schoolsUnderDeadline: expected,
    timeliness: Math.round(((reporting - 1) / expected) * 10000) / 10000, signOffs,
    version: 1 + (f.seed % 3), asOf: '2026-11-20T08:30:00Z',
  }
}

function schoolCell(s: (typeof SCHOOLS)[number], i: (typeof IND)[number], period: string) {
  const f = figure(s.id, i)
  const missing = f.seed % 7 === 0
  return {
    code: i[0], periodId: own(i[4], period), xuequId: s.xuequ, applies: true, suppressed: false,
    numerator: missing ? null : f.num, denominator: missing ? null : f.den, value: missing ? null : f.value,
    target: i[5], met: missing ? null : f.met, version: missing ? null : 1, asOf: missing ? null : '2026-11-18T02:10:00Z',
  }
}

/** The school's current figures of a period (a semester, or a school year through its first semester), for the sign-off mock. */
export function mockSchoolFigures(schoolId: string, period: string): { indicatorCode: string; numerator: number; denominator: number }[] {
  const s = SCHOOLS.find((x) => x.id === schoolId)
  if (!s) return []
  const semester = /^\d{4}-\d{4}$/.test(period) ? `${period}-1` : period
  return IND.filter((i) => i[3] !== 'UNIT_COUNT' && own(i[4], semester) === period).flatMap((i) => {
    const c = schoolCell(s, i, semester)
    return c.numerator == null || c.denominator == null ? [] : [{ indicatorCode: i[0], numerator: c.numerator, denominator: c.denominator }]
  })
}

function unit(id: string) {
  if (id === CITY) return { id, level: 'CITY', name: '演示市', cityId: CITY, cityName: '演示市', countyId: null, countyName: null, xuequId: null, schoolType: null }
  const c = COUNTIES.find((x) => x.id === id)
  if (c) return { id, level: 'COUNTY', name: c.name, cityId: CITY, cityName: '演示市', countyId: id, countyName: c.name, xuequId: null, schoolType: null }
  const s = SCHOOLS.find((x) => x.id === id)
  if (s) {
    const cn = COUNTIES.find((x) => x.id === s.county)!.name
    return { id, level: 'SCHOOL', name: s.name, cityId: CITY, cityName: '演示市', countyId: s.county, countyName: cn, xuequId: s.xuequ, schoolType: s.type }
  }
  return null
}

function answer(path: string, query: URLSearchParams, role: string): [number, unknown] {
  let m: RegExpExecArray | null
  if (path === '/me') return [200, ROLES[role]]
  if (path === '/api/reports/calendar') {
    return [200, { today: '2026-12-04', currentSemester: '2026-2027-1', semesters: [
      { id: '2027-2028-1', start: '2027-09-01', end: '2028-01-31' }, { id: '2026-2027-2', start: '2027-02-01', end: '2027-08-31' },
      { id: '2026-2027-1', start: '2026-09-01', end: '2027-01-31' }, { id: '2025-2026-2', start: '2026-02-01', end: '2026-08-31' },
      { id: '2025-2026-1', start: '2025-09-01', end: '2026-01-31' },
    ].slice(1) }]
  }
  if ((m = /^\/api\/reports\/units\/([^/]+)$/.exec(path))) {
    const u = unit(m[1])
    return u ? [200, u] : [404, { title: '未找到', status: 404, detail: `没有单位 ${m[1]}` }]
  }
  if ((m = /^\/api\/reports\/periods\/([^/]+)\/scorecard$/.exec(path))) {
    const p = m[1]
    return [200, { periodId: p, indicators: IND.map((i) => ({
      indicator: indicator(i), periodId: own(i[4], p), city: rollupCell(CITY, '演示市', i, 12),
      counties: COUNTIES.map((c) => rollupCell(c.id, c.name, i, 4)),
    })) }]
  }
  if ((m = /^\/api\/reports\/periods\/([^/]+)\/counties\/([^/]+)\/scorecard$/.exec(path))) {
    const [, p, c] = m
    const county = COUNTIES.find((x) => x.id === c)
    if (!county) return [404, { title: '未找到', status: 404, detail: `没有区县 ${c}` }]
    return [200, {
      periodId: p, countyId: c, countyName: county.name,
      indicators: IND.map((i) => ({ indicator: indicator(i), periodId: own(i[4], p), county: rollupCell(c, county.name, i, 3) })),
      schools: SCHOOLS.filter((s) => s.county === c).map((s) => ({
        id: s.id, name: s.name, schoolType: s.type, cells: IND.map((i) => schoolCell(s, i, p)),
      })),
    }]
  }
  // 学区 (ADR 0027): the county's 学区 and a 学区's scorecard (district-service); 学区 staff see their own only
  if ((m = /^\/api\/district\/counties\/([^/]+)\/xuequ$/.exec(path))) {
    const ids = [...new Set(SCHOOLS.filter((s) => s.county === m![1]).map((s) => s.xuequ))]
    return [200, ids.map((id) => ({ id, countyId: m![1], name: XUEQU_NAMES[id] ?? id, version: 1 }))]
  }
  if ((m = /^\/api\/district\/counties\/([^/]+)\/xuequ\/([^/]+)\/scorecard\/([^/]+)$/.exec(path))) {
    const [, c, x, p] = m
    const members = SCHOOLS.filter((s) => s.county === c && s.xuequ === x)
    const mine = role !== 'xuequ-staff' || (c === '990113' && x === 'XQ01')
    if (!members.length || !mine || role.startsWith('school')) return [404, { title: '未找到', status: 404, detail: `区县 ${c} 没有学区 ${x}` }]
    const name = XUEQU_NAMES[x] ?? x
    return [200, {
      periodId: p, countyId: c, xuequId: x, xuequName: name,
      indicators: IND.map((i) => ({ indicator: indicator(i), periodId: own(i[4], p), xuequ: rollupCell(x, name, i, members.length) })),
      schools: members.map((s) => ({ id: s.id, name: s.name, schoolType: s.type, cells: IND.map((i) => schoolCell(s, i, p)) })),
    }]
  }
  if ((m = /^\/api\/reports\/periods\/([^/]+)\/schools\/([^/]+)\/scorecard$/.exec(path))) {
    const [, p, id] = m
    const s = SCHOOLS.find((x) => x.id === id)
    if (!s || (role === 'school-admin' && id !== '9901130001')) return [404, { title: '未找到', status: 404, detail: `没有学校 ${id}` }]
    return [200, { periodId: p, school: unit(id), indicators: IND.map((i) => {
      const cell = schoolCell(s, i, p)
      return { indicator: indicator(i), periodId: own(i[4], p), cell, missing: cell.version == null }
    }) }]
  }
  if ((m = /^\/api\/reports\/indicators\/([^/]+)\/periods\/([^/]+)(\/counties\/([^/]+))?$/.exec(path))) {
    const i = IND.find((x) => x[0] === m![1])!
    const p = m[2]
    if (m[4]) {
      const c = COUNTIES.find((x) => x.id === m![4])!
      const cell = rollupCell(c.id, c.name, i, 3)
      const schools = SCHOOLS.filter((s) => s.county === c.id)
      return [200, { indicator: indicator(i), periodId: p, county: {
        ...cell, rate: cell.value, deadline: '2026-12-31T15:59:00Z',
        lineage: schools.map((s) => ({ schoolId: s.id, version: 1, asOf: '2026-11-18T02:10:00Z' })),
      }, schools: schools.map((s) => {
        const sc = schoolCell(s, i, p)
        return { id: s.id, name: s.name, xuequId: s.xuequ, schoolType: s.type, applies: true, suppressed: false,
          numerator: sc.numerator, denominator: sc.denominator, rate: sc.value, met: sc.met, snapshotVersion: sc.version,
          asOf: sc.asOf, usedInCountyRollup: sc.version }
      }) }]
    }
    const city = rollupCell(CITY, '演示市', i, 12)
    return [200, { indicator: indicator(i), periodId: p,
      city: { ...city, rate: city.value, countiesReporting: 3, countiesExpected: 3, lineage: COUNTIES.map((c) => ({ countyId: c.id, version: 2 })) },
      counties: COUNTIES.map((c) => { const r = rollupCell(c.id, c.name, i, 4); return { ...r, rate: r.value, deadline: null } }) }]
  }
  if ((m = /^\/api\/reports\/indicators\/([^/]+)\/periods\/([^/]+)(\/counties\/([^/]+))?\/below-target$/.exec(path))) {
    const i = IND.find((x) => x[0] === m![1])!
    const schools = SCHOOLS.filter((s) => !m![4] || s.county === m![4]).map((s) => ({ s, f: figure(s.id, i) })).filter((x) => x.f.met === false)
    return [200, { indicator: indicator(i), periodId: m[2], countyId: m[4] ?? null, note: i[5] == null ? 'no target' : null, withheld: 1,
      counties: m[4] ? [] : COUNTIES.map((c) => ({ c, f: figure(c.id, i) })).filter((x) => x.f.met === false).map(({ c, f }) => ({
        id: c.id, name: c.name, numerator: f.num, denominator: f.den, value: f.value, schoolsMeetingTarget: 1, schoolsExpected: 4,
        gap: i[5] == null || f.value == null ? null : Math.round((i[5] - f.value) * 10000) / 10000 })),
      schools: schools.map(({ s, f }) => ({ id: s.id, name: s.name, countyId: s.county, countyName: COUNTIES.find((c) => c.id === s.county)!.name,
        numerator: f.num, denominator: f.den, value: f.value, gap: i[5] == null || f.value == null ? null : Math.round((i[5] - f.value) * 10000) / 10000 })) }]
  }
  if ((m = /^\/api\/reports\/indicators\/([^/]+)(\/counties\/([^/]+))?\/trend$/.exec(path))) {
    const i = IND.find((x) => x[0] === m![1])!
    const periods = ['2024-2025-1', '2024-2025-2', '2025-2026-1', '2025-2026-2', '2026-2027-1', '2026-2027-2'].slice(0, 5)
    const units = m[3] ? COUNTIES.filter((c) => c.id === m![3]).map((c) => ({ level: 'COUNTY', ...c })) : [{ level: 'CITY', id: CITY, name: '演示市' }, ...COUNTIES.map((c) => ({ level: 'COUNTY', ...c }))]
    return [200, { indicator: indicator(i), to: query.get('to'), periods, series: units.map((u) => ({ ...u, points: periods.map((p, k) => {
      const f = figure(u.id + p, i)
      return { periodId: p, suppressed: false, numerator: f.num, denominator: f.den, value: f.value, target: i[5], met: f.met,
        completeness: 1, version: 1, direction: k === 0 ? null : 'UP' }
    }) })) }]
  }
  if ((m = /^\/api\/reports\/periods\/([^/]+)(\/counties\/([^/]+))?\/attention$/.exec(path))) {
    const p = m[1]
    const items: unknown[] = []
    for (const i of IND) for (const s of SCHOOLS.filter((x) => !m![3] || x.county === m![3])) {
      const c = schoolCell(s, i, p)
      const reason = c.version == null ? 'MISSING' : c.met === false ? 'BELOW_TARGET' : figure(s.id, i).seed % 5 === 0 ? 'LATE' : null
      if (!reason) continue
      items.push({ indicatorCode: i[0], indicatorNameZh: i[1], indicatorNameEn: i[2], kind: i[3], periodId: own(i[4], p), level: 'SCHOOL',
        unitId: s.id, unitName: s.name, countyId: s.county, countyName: COUNTIES.find((x) => x.id === s.county)!.name, xuequId: s.xuequ,
        reason, value: c.value, target: i[5], gap: c.value == null || i[5] == null ? null : Math.round((i[5] - c.value) * 10000) / 10000,
        numerator: c.numerator, denominator: c.denominator })
    }
    return [200, { periodId: p, items, withheld: 2 }]
  }
  return [404, { title: '未找到', status: 404, detail: `没有 ${path}` }]
}

export function mockMiddleware(role: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://mock')
    if (!(url.pathname === '/me' || url.pathname.startsWith('/api/'))) return next()
    if (/^\/api\/(school\/schools|school\/counties|district\/counties)\/[^/]+\/imports(\/|$)/.test(url.pathname)) {
      // Excel import (mock/imports.ts): multipart uploads, JSON jobs and xlsx downloads
      const chunks: Buffer[] = []
      req.on('data', (chunk: Buffer) => chunks.push(chunk))
      req.on('end', () => {
        const lang = String(req.headers['accept-language'] ?? 'zh-CN')
        const a = importsAnswer(req.method ?? 'GET', url.pathname, url.searchParams, Buffer.concat(chunks).toString('utf8'), lang)
          ?? { status: 404, json: { title: '未找到', status: 404, detail: `没有 ${url.pathname}` } }
        res.statusCode = a.status
        if (a.file) {
          res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.file.name)}`)
          res.end(a.file.bytes)
        } else {
          res.setHeader('Content-Type', a.status >= 400 ? 'application/problem+json' : 'application/json')
          res.end(JSON.stringify(a.json))
        }
      })
      return
    }
    const xuequ = /^\/api\/district\/counties\/[^/]+\/xuequ(\/[^/]+\/scorecard\/[^/]+)?$/.test(url.pathname)
    if (url.pathname.endsWith('.xlsx') || url.pathname.endsWith('.pdf')) {
      res.statusCode = 204
      return res.end()
    }
    if (!xuequ && url.pathname.startsWith('/api/district/') || url.pathname.startsWith('/api/school/') || url.pathname.startsWith('/api/city/')) {
      // the assessor workspace and the school's records (mock/school.ts): writes carry a JSON body
      let raw = ''
      req.on('data', (chunk) => (raw += chunk))
      req.on('end', () => {
        let parsed: unknown = null
        try {
          parsed = raw ? JSON.parse(raw) : null
        } catch {
          parsed = null
        }
        const lang = String(req.headers['accept-language'] ?? 'zh-CN')
        // the person's inbox (mock/notifications.ts), sign-off and approval (mock/approvals.ts, issue 15), then the demonstration programme
        const demo = notificationsAnswer(req.method ?? 'GET', url.pathname, url.searchParams, parsed, lang)
          ?? approvalsAnswer(req.method ?? 'GET', url.pathname, parsed, lang)
          ?? schoolDemoAnswer(req.method ?? 'GET', url.pathname, parsed, raw, lang)
          ?? (url.pathname.startsWith('/api/city/') ? [404, { title: '未找到', status: 404, detail: `没有 ${url.pathname}` }] as [number, unknown] : null)
        const [st, b] = demo ?? (url.pathname.startsWith('/api/school/')
          ? schoolAnswer(req.method ?? 'GET', url.pathname, url.searchParams, parsed, lang)!
          : districtAnswer(req.method ?? 'GET', url.pathname, parsed, lang)!)
        res.statusCode = st
        if (st === 204) return res.end()
        res.setHeader('Content-Type', st >= 400 ? 'application/problem+json' : 'application/json')
        res.end(JSON.stringify(b))
      })
      return
    }
    const [status, body] = answer(url.pathname, url.searchParams, role)
    res.statusCode = status
    res.setHeader('Content-Type', status >= 400 ? 'application/problem+json' : 'application/json')
    res.end(JSON.stringify(body))
  }
}
